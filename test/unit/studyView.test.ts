import * as assert from 'node:assert/strict';
import { pinyin } from 'pinyin-pro';
import { parseDigest, type Digest } from '../../src/core';
import { alignAbstract, rubyRuns, sentenceRows, type AlignedAbstract, type Bead } from '../../src/core/study';
import { readFixture } from '../support/fixtures';

/** Each row's text per language, as the side-by-side view shows it. */
function rowTexts(abstracts: Record<string, string | undefined>, aligned: AlignedAbstract): Record<string, string>[] {
  return sentenceRows(aligned).map((row) => Object.fromEntries(Object.entries(row.spans).map(([language, [start, end]]) => [language, (abstracts[language] ?? '').slice(start, end)])));
}

describe('study view: rows for side-by-side reading', () => {
  let digest: Digest;
  before(() => {
    digest = parseDigest(readFixture());
  });

  it('article 2: the two English sentences the translator joined share one row with their Chinese sentence', () => {
    const { abstracts } = digest.articles[2];
    const aligned = alignAbstract(abstracts);
    assert.ok(aligned);
    const rows = sentenceRows(aligned);
    assert.deepEqual(rows.map((row) => row.sentence), [1, 3, 4, 5, 6, 7, 8]);
    const texts = rowTexts(abstracts, aligned);
    assert.match(texts[0].en, /^We introduce .*\. Such a linear system arises/s);
    assert.match(texts[0].zh, /^我们引入了平行算法.*这种线性系统来自/);
    assert.match(texts[1].zh, /^这个前提属于不完全系数化/);
  });

  it('article 1: the stray "我们的结果。" stays in the last row, so no Chinese is lost', () => {
    const { abstracts } = digest.articles[1];
    const aligned = alignAbstract(abstracts);
    assert.ok(aligned);
    const texts = rowTexts(abstracts, aligned);
    assert.equal(texts.length, 8);
    assert.match(texts[7].zh, /^我们的结果显示.*我们的结果。$/s);
  });

  it('covers every character of every translation, in order, for every article of the digest', () => {
    for (const article of digest.articles) {
      const aligned = alignAbstract(article.abstracts);
      if (!aligned) {
        continue;
      }
      const rows = sentenceRows(aligned);
      for (const language of Object.keys(article.abstracts)) {
        const text = article.abstracts[language] ?? '';
        const spans = rows.map((row) => row.spans[language]).filter((span) => span !== undefined);
        // Consecutive, non-overlapping, from the first sentence to the last: only blanks between.
        spans.forEach(([start, end], k) => {
          assert.ok(end > start, `article ${article.index} ${language}`);
          if (k > 0) {
            assert.equal(text.slice(spans[k - 1][1], start).trim(), '', `article ${article.index} ${language}: a gap with text`);
          }
        });
        assert.equal(text.slice(0, spans[0]?.[0] ?? 0).trim(), '', `article ${article.index} ${language}: text before the first row`);
        assert.equal(text.slice(spans[spans.length - 1]?.[1] ?? text.length).trim(), '', `article ${article.index} ${language}: text after the last row`);
      }
    }
  });

  it('puts a translated sentence aligned to nothing with the row before it (or the first row)', () => {
    const sentence = (start: number, end: number) => ({ text: 'x'.repeat(end - start), start, end });
    const bead = (s: number, e: number, t: number, u: number): Bead => ({ sourceStart: s, sourceEnd: e, targetStart: t, targetEnd: u });
    const aligned: AlignedAbstract = {
      sourceLanguage: 'en',
      source: [sentence(0, 10), sentence(11, 20)],
      translations: [{ language: 'zh', sentences: [sentence(0, 3), sentence(3, 6), sentence(6, 9), sentence(9, 12)], beads: [bead(0, 0, 0, 1), bead(0, 1, 1, 2), bead(1, 2, 2, 3), bead(2, 2, 3, 4)] }],
    };
    assert.deepEqual(sentenceRows(aligned), [
      { sentence: 1, spans: { en: [0, 10], zh: [0, 6] } },
      { sentence: 2, spans: { en: [11, 20], zh: [6, 12] } },
    ]);
  });
});

describe('study view: pinyin by word', () => {
  const toPinyin = (word: string): string[] => pinyin(word, { type: 'array' });
  const reading = (text: string): string => rubyRuns(text, toPinyin).map((run) => run.reading ?? `[${run.text}]`).join(' ');

  it('reads 长 in 长上下文 as cháng (converted whole, the library says zhǎng) and 行长 as háng zhǎng', () => {
    assert.equal(pinyin('长上下文'), 'zhǎng shàng xià wén'); // why words are converted one by one
    assert.equal(reading('长上下文'), 'cháng shàng xià wén');
    assert.equal(reading('银行行长'), 'yín háng háng zhǎng');
  });

  it('keeps Latin, digits and punctuation as they are, and joins back to the text exactly', () => {
    const text = '我们在 GPU 集群上训练了 3 个模型（LLM）。';
    const runs = rubyRuns(text, toPinyin);
    assert.equal(runs.map((run) => run.text).join(''), text);
    assert.deepEqual(runs.filter((run) => run.reading === undefined).map((run) => run.text), [' GPU ', ' 3 ', '（LLM）。']);
    assert.equal(runs.find((run) => run.text === '集')?.reading, 'jí');
  });

  it('shows a word bare when the converter does not give one reading per character', () => {
    assert.deepEqual(rubyRuns('模型', () => ['mó']), [{ text: '模型' }]);
  });
});
