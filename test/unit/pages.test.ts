/**
 * A huge digest is decoded, summarized and parsed in pages, in steps: the
 * result must be the one of the whole text read at once, wherever the pages
 * are cut, and a 20,000-article digest must take many steps (none of them
 * the whole file).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodePages, parseDigest, parseDigestSteps, type TextPages } from '../../src/core';
import { Lines } from '../../src/core/digest/lines';
import { summarizeDigest, summarizeDigestSteps } from '../../src/core/library';
import { damagedDigest } from '../support/damage';
import { readFixture, readTestDigest } from '../support/fixtures';
import { generateDigest } from '../support/generate';

/** The text cut at the given offsets (pages that need not end at line ends). */
function cut(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((offset) => offset % (text.length + 1)))].sort((a, b) => a - b);
  const pages: string[] = [];
  let from = 0;
  for (const point of points) {
    pages.push(text.slice(from, point));
    from = point;
  }
  pages.push(text.slice(from));
  return pages;
}

/** Steps a generator to its end: its value and how many steps it took. */
function stepped<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return { value: step.value, steps: count };
    }
    count++;
  }
}

function decoded(bytes: Uint8Array, pageBytes: number): TextPages {
  return stepped(decodePages(bytes, pageBytes)).value;
}

/** Several days in one file: each file of test/digests and the sample, one after another. */
function concatenatedDays(): string {
  return [readFixture(), readFixture().replace('cs.DC @ 2025-06-01: 103', 'cs.DC @ 2025-06-02: 103')].join('\n');
}

describe('a digest in pages', () => {
  it('decodes bytes into pages that join to the text, each ending at a line end (a BOM dropped, multi-byte characters cut across pages)', () => {
    const text = '\ufeffcs.DC @ 2025-06-01: 1\n题目 Ü ß 😀\nArticle 0\n' + '标题 Titel '.repeat(400) + '\nend';
    const bytes = new TextEncoder().encode(text);
    for (const pageBytes of [1, 2, 3, 7, 64, 1000, bytes.length, bytes.length + 1]) {
      const pages = decoded(bytes, pageBytes);
      assert.equal(pages.join(''), new TextDecoder().decode(bytes), `pages of ${pageBytes} bytes`);
      pages.slice(0, -1).forEach((page) => assert.ok(page.endsWith('\n'), JSON.stringify(page.slice(-20))));
    }
  });

  it('Lines of pages cut anywhere are the lines of the whole text', () => {
    const piece = fc.constantFrom('a', ' ', '\t', '\r', '\n', '\r\n', '\u3000', '\ufeff', 'nan', 'Article 1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), fc.array(fc.nat(), { maxLength: 6 }), (text, offsets) => {
        const whole = Lines.of(text);
        const paged = Lines.of(cut(text, offsets));
        assert.equal(paged.count, whole.count);
        for (let i = 0; i < whole.count; i++) {
          assert.equal(paged.at(i), whole.at(i));
          assert.equal(paged.firstCode(i), whole.firstCode(i));
          assert.equal(paged.lastCode(i), whole.lastCode(i));
          assert.equal(paged.present(i), whole.present(i));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parses and summarizes damaged digests of every variant alike in pages cut anywhere and as one text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (seed, offsets) => {
        const { text } = damagedDigest(seed);
        const pages = cut(text, offsets);
        assert.deepEqual(parseDigest(pages), parseDigest(text));
        assert.deepEqual(summarizeDigest(pages), summarizeDigest(text));
      }),
      { numRuns: 1500, seed: 20261128 },
    );
  });

  it('parses and summarizes the sample, Markdown, news and a file of two days alike in pages decoded from bytes', () => {
    const texts = [readFixture(), readTestDigest('cs.PL-2025-06-01.md'), readTestDigest('german-news-2025-06-01.md'), readTestDigest('german-abstracts.txt'), readTestDigest('hostile.txt'), concatenatedDays()];
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      for (const pageBytes of [97, 4096, 65_536]) {
        const pages = decoded(bytes, pageBytes);
        assert.ok(pages.length > 1 || bytes.length <= pageBytes);
        assert.deepEqual(parseDigest(pages), parseDigest(text));
        assert.deepEqual(summarizeDigest(pages), summarizeDigest(text));
      }
    }
    assert.deepEqual(summarizeDigest(decoded(new TextEncoder().encode(concatenatedDays()), 4096))?.dates, ['2025-06-01', '2025-06-02']);
  });

  it('reads a 20,000-article digest in many steps, with the result of one call', function () {
    this.timeout(60_000);
    const { text } = generateDigest(20_000, { seed: 7 });
    const bytes = new TextEncoder().encode(text);
    const decodedPages = stepped(decodePages(bytes));
    assert.ok(decodedPages.steps >= 40, `${decodedPages.steps} decoding steps for ${bytes.length} bytes`);
    const parsed = stepped(parseDigestSteps(decodedPages.value));
    const summarized = stepped(summarizeDigestSteps(decodedPages.value));
    // A step is at most a page (about 1 MB) or 4,096 lines: a 58 MB digest of 160,000 lines takes well over 80.
    assert.ok(parsed.steps >= 80, `${parsed.steps} parse steps`);
    assert.ok(summarized.steps >= 40, `${summarized.steps} summary steps`);
    assert.equal(parsed.value.articles.length, 20_000);
    assert.deepEqual(parsed.value, parseDigest(text));
    assert.deepEqual(summarized.value, summarizeDigest(text));
    assert.equal(summarized.value?.articleCount, 20_000);
  });
});
