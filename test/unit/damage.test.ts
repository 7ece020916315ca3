import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isArxivId } from '../../src/core';
import { isArxivIdAt } from '../../src/core/digest/arxiv';
import { Lines } from '../../src/core/digest/lines';
import { checkDamagedDigest } from '../support/damageCheck';

/** How many damaged digests one run reads (with property.test.ts's 950, over 10,000 per `npm test`). */
const DIGESTS = 10_000;
/** The same 10,000 digests in every run, so a failure in CI can be replayed; DIGEST_DAMAGE_SEED=N draws others. */
const FAST_CHECK_SEED = Number(process.env.DIGEST_DAMAGE_SEED ?? 20261127);

describe('parseDigest: 10,000 generated and damaged digests', function () {
  // Mostly small digests; a few of hundreds of articles or with lines of tens of kilobytes.
  this.timeout(120_000);

  it('never throws, keeps its line numbers inside the text, and reads every complete article as it was generated', () => {
    let checked = 0;
    const started = performance.now();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        checked += checkDamagedDigest(seed);
      }),
      { numRuns: DIGESTS, seed: FAST_CHECK_SEED },
    );
    // The damage must leave most articles to check, or the property says little.
    assert.ok(checked > DIGESTS, `only ${checked} complete articles checked`);
    console.log(`      ${DIGESTS} digests (fast-check seed ${FAST_CHECK_SEED}), ${checked} complete articles checked, in ${Math.round(performance.now() - started)} ms`);
  });
});

describe('parseDigest: its offset readers equal what they replace', () => {
  const idLike = fc.stringMatching(/^[0-9a-zA-Z./v-]{0,20}$/);

  it('isArxivIdAt matches the arXiv id pattern on any range of any text', () => {
    fc.assert(
      fc.property(idLike, idLike, idLike, fc.constantFrom('2505.12345', '2505.1234v12', 'math.GT/0309136v2', 'cs/0112017', 'hep-th/9901001', ''), (before, middle, after, id) => {
        for (const word of [middle, id, id + middle, middle + id]) {
          const text = before + word + after;
          assert.equal(isArxivIdAt(text, before.length, before.length + word.length), isArxivId(word), JSON.stringify(word));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('Lines cuts a text as split and trimEnd did', () => {
    const piece = fc.constantFrom('a', ' ', '\t', '\r', '\n', '\r\n', '\u3000', '\u00a0', '\u2028', '\ufeff', 'nan', 'Article 1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
        const lines = Lines.of(text);
        const expected = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n')
          .map((line) => (/[\r \t]$/.test(line) ? line.trimEnd() : line));
        assert.deepEqual(Array.from({ length: lines.count }, (_, i) => lines.at(i)), expected);
        expected.forEach((line, i) => {
          assert.equal(lines.firstCode(i), line === '' ? 0 : line.charCodeAt(0));
          assert.equal(lines.lastCode(i), line === '' ? 0 : line.charCodeAt(line.length - 1));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
