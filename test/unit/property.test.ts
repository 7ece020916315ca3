import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDigest, type Digest } from '../../src/core';
import { renderDigest, type GeneratedArticle } from '../support/generate';
import { readFixture } from '../support/fixtures';

/** Line ranges and diagnostics must point into the text the parser was given. */
function assertInsideText(digest: Digest, text: string): void {
  const lineCount = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n').length;
  for (const article of digest.articles) {
    assert.ok(article.line >= 0 && article.line <= article.endLine && article.endLine < lineCount, `article ${article.index}: ${article.line}-${article.endLine} of ${lineCount}`);
  }
  for (const diagnostic of digest.diagnostics) {
    assert.ok(diagnostic.line >= 0 && diagnostic.line < lineCount, `diagnostic at ${diagnostic.line} of ${lineCount}`);
  }
}

// Words without the separators the format itself uses (`|`, line ends), as the pipeline writes them.
const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß$\\<>&"'(){}^_0-9.:;!?-]{1,12}$/);
const hanWord = fc.stringMatching(/^[\u4e00-\u9fa5]{1,6}$/);
const phrase = (w: fc.Arbitrary<string>, separator: string) => fc.array(w, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(separator));
const arxivId = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 10000, max: 99999 }), fc.option(fc.integer({ min: 1, max: 9 }))).map(([a, b, v]) => `${a}.${b}${v === null ? '' : `v${v}`}`);
const date = fc.integer({ min: 0, max: 60 }).map((back) => new Date(Date.UTC(2025, 5, 1) - back * 86_400_000));

const generatedArticle = (index: number): fc.Arbitrary<GeneratedArticle> =>
  fc.record({
    time: date,
    arxivId,
    en: phrase(word, ' '),
    de: phrase(word, ' '),
    zh: phrase(hanWord, ''),
    authors: fc.array(phrase(word, ' '), { minLength: 1, maxLength: 5 }),
    abstractEn: phrase(word, ' '),
    abstractDe: fc.option(phrase(word, ' ')),
    abstractZh: fc.option(phrase(hanWord, '')),
  }).map((r) => ({
    index,
    date: r.time.toISOString().slice(0, 10),
    weekday: ((r.time.getUTCDay() + 6) % 7) + 1,
    arxivId: r.arxivId,
    titles: { en: r.en, de: r.de, zh: r.zh },
    authors: r.authors,
    abstracts: { en: r.abstractEn, de: r.abstractDe ?? undefined, zh: r.abstractZh ?? undefined },
  }));

const generatedDigest = fc.integer({ min: 0, max: 12 }).chain((count) =>
  fc.tuple(...Array.from({ length: count }, (_, i) => generatedArticle(i))),
);

describe('parseDigest: properties', () => {
  it('reads back every field of digests generated from the format', () => {
    fc.assert(
      fc.property(generatedDigest, fc.constantFrom('\n', '\r\n'), (articles, newline) => {
        const text = renderDigest(articles, 'cs.XX', '2025-06-01').split('\n').join(newline);
        const digest = parseDigest(text);
        assert.deepEqual(digest.diagnostics, []);
        assert.equal(digest.articles.length, articles.length);
        digest.articles.forEach((parsed, i) => {
          const expected = articles[i];
          assert.equal(parsed.index, expected.index);
          assert.equal(parsed.date, expected.date);
          assert.equal(parsed.weekday, expected.weekday);
          assert.equal(parsed.arxivId, expected.arxivId);
          assert.deepEqual(parsed.titles, expected.titles);
          assert.deepEqual(parsed.authors, expected.authors);
          const abstracts: Record<string, string> = { en: expected.abstracts.en };
          if (expected.abstracts.de !== undefined) {abstracts.de = expected.abstracts.de;}
          if (expected.abstracts.zh !== undefined) {abstracts.zh = expected.abstracts.zh;}
          assert.deepEqual(parsed.abstracts, abstracts);
        });
        assertInsideText(digest, text);
      }),
      { numRuns: 150 },
    );
  });

  describe('random damage to the real digest', () => {
    const fixture = readFixture();
    const fixtureLines = fixture.split('\n');
    const original = parseDigest(fixture);
    // Each intact article is known by its exact lines.
    const blocks = new Map(original.articles.map((a) => [fixtureLines.slice(a.line, a.endLine + 1).join('\n'), a]));

    type Mutation = (lines: string[]) => string[];
    const position = fc.nat();
    // Every mutation leaves an empty file as it is (there is nothing to pick).
    const onNonEmpty = (mutate: Mutation): Mutation => (lines) => (lines.length === 0 ? lines : mutate(lines));
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      position.map((p) => onNonEmpty((lines: string[]) => lines.filter((_, i) => i !== p % lines.length))),
      position.map((p) => onNonEmpty((lines: string[]) => {
        const i = p % lines.length;
        return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)];
      })),
      fc.tuple(position, position).map(([p, q]) => onNonEmpty((lines: string[]) => {
        const copy = [...lines];
        const [i, j] = [p % lines.length, q % lines.length];
        [copy[i], copy[j]] = [copy[j], copy[i]];
        return copy;
      })),
      position.map((p) => onNonEmpty((lines: string[]) => {
        const text = lines.join('\n');
        return text.slice(0, p % (text.length + 1)).split('\n');
      })),
      fc.tuple(position, fc.string({ unit: 'binary', maxLength: 40 })).map(([p, junk]) => onNonEmpty((lines: string[]) => {
        const text = lines.join('\n');
        const at = p % (text.length + 1);
        return (text.slice(0, at) + junk + text.slice(at)).split('\n');
      })),
    );

    it('never throws, stays inside the text, and finds every intact article', () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
          const lines = mutations.reduce((current, mutate) => mutate(current), fixtureLines);
          const text = lines.join('\n');
          const digest = parseDigest(text);
          assertInsideText(digest, text);
          const byLine = new Map(digest.articles.map((a) => [a.line, a]));
          for (let i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith('Article ')) {continue;}
            for (const size of [6, 7]) {
              if (i + size > lines.length) {continue;}
              const block = blocks.get(lines.slice(i, i + size).join('\n'));
              const next = lines[i + size];
              if (!block || (next !== undefined && !/^Article \d+$/.test(next))) {continue;}
              const found = byLine.get(i);
              assert.ok(found, `intact article ${block.index} at line ${i} was not found`);
              assert.equal(found.index, block.index);
              assert.equal(found.arxivId, block.arxivId);
              assert.deepEqual(found.titles, block.titles);
              assert.deepEqual(found.authors, block.authors);
              assert.deepEqual(found.abstracts, block.abstracts);
              assert.equal(found.endLine, i + size - 1);
            }
          }
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on arbitrary text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
          assertInsideText(parseDigest(text), text);
        }),
        { numRuns: 500 },
      );
    });
  });
});
