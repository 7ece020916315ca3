import * as assert from 'node:assert/strict';
import { parseDigest } from '../../src/core';

/** A one-article digest whose abstract lines are `abstractLines`. */
function oneArticle(abstractLines: string[]): string {
  return [
    'cs.CL @ 2025-06-01: 1',
    '-',
    '00 05-29 (4) Alpha Alpha-de 阿尔法 2505.00001v1',
    'Article 0',
    'Title@2025-05-29 (4): Alpha',
    'Title: Alpha | Alpha-de | 阿尔法 2505.00001v1 |',
    'Authors (1): Ann One',
    ...abstractLines,
  ].join('\n');
}

describe('abstract lines: English first, then Chinese told from German by script', () => {
  it('reads a first abstract line quoting Chinese as English', () => {
    const en = 'We present 中文版 BERT, a language model for Chinese.';
    const zh = '我们提出了中文版BERT,一个中文语言模型。';
    const digest = parseDigest(oneArticle([en, zh]));
    assert.deepEqual(digest.articles[0].abstracts, { en, zh });
    assert.deepEqual(digest.diagnostics, []);
  });

  it('reads a Chinese line whose first 80 characters are Latin as Chinese, not German', () => {
    const zh = 'FlashAttention-3 (Fast and Accurate Attention with Asynchrony and Low-precision, FA3) 是一种新的注意力算法。';
    assert.ok(!/\p{Script=Han}/u.test(zh.slice(0, 80)));
    const digest = parseDigest(oneArticle(['English abstract.', zh]));
    assert.deepEqual(digest.articles[0].abstracts, { en: 'English abstract.', zh });
    assert.deepEqual(digest.diagnostics, []);
  });

  it('keeps a German line that quotes Chinese when a Chinese line follows it', () => {
    const de = 'Wir stellen 中文版 BERT vor, ein Sprachmodell für Chinesisch.';
    const zh = '我们提出了中文版BERT。';
    const digest = parseDigest(oneArticle(['We present 中文版 BERT.', de, zh]));
    assert.deepEqual(digest.articles[0].abstracts, { en: 'We present 中文版 BERT.', de, zh });
    assert.deepEqual(digest.diagnostics, []);
  });

  it('still reads `nan` first as a missing English abstract', () => {
    const digest = parseDigest(oneArticle(['nan', '中文摘要。']));
    assert.deepEqual(digest.articles[0].abstracts, { zh: '中文摘要。' });
  });
});
