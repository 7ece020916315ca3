import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDigest } from '../../src/core';
import {
  ArticleWordCache, articleWordKeys, ChineseDictionary, chineseSlice, chineseWords, compactCedict, DictionaryFormatError, latinWords,
  newWordShare, parseWordKey, pinyinWithMarks, readableSense, sliceLookup, statusesOf, wordKey, type WordStatus,
} from '../../src/core/words';
import { projectRoot, readFixture } from '../support/fixtures';

/** The dictionary the extension ships (written by `npm run build` from CC-CEDICT). */
function shippedDictionary(): ChineseDictionary {
  const file = path.join(projectRoot, 'dist', 'dictionary', 'cc-cedict.txt');
  assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
  return ChineseDictionary.load(fs.readFileSync(file));
}

const words = (text: string, dictionary: ChineseDictionary, icu: 'all' | 'ambiguous' | 'none' = 'ambiguous'): string[] => chineseWords(text, dictionary, { icu }).map((t) => text.slice(t.start, t.end));

describe('words: pinyin with tone marks', () => {
  it('puts the mark on a or e, on the o of ou, else on the last vowel; ü from u: and v; tone 5 bare', () => {
    assert.equal(pinyinWithMarks('che1 liang4'), 'chē liàng');
    assert.equal(pinyinWithMarks('shang4 xia4 wen2'), 'shàng xià wén');
    assert.equal(pinyinWithMarks('gui4 liu2 dou1 xiong2'), 'guì liú dōu xióng');
    assert.equal(pinyinWithMarks('nu:3 lu:e4 lv4'), 'nǚ lüè lǜ');
    assert.equal(pinyinWithMarks('Zhong1 guo2 de5 r5'), 'Zhōng guó de r');
    assert.equal(pinyinWithMarks('san1 C'), 'sān C');
  });

  it('reads CC-CEDICT cross references as a reader would: the simplified form, marked readings', () => {
    assert.equal(readableSense('CL:輛|辆[liang4]'), 'CL:辆[liàng]');
    assert.equal(readableSense('(Taiwan pr. [zhang4])'), '(Taiwan pr. [zhàng])');
    assert.equal(readableSense('variant of 分佈|分布[fen1 bu4]'), 'variant of 分布[fēn bù]');
  });
});

describe('words: the compact CC-CEDICT', () => {
  const source = [
    '# CC-CEDICT',
    '# License: CC BY-SA 4.0',
    '#! entries=5',
    '#! date=2026-09-10T07:14:51Z',
    '長 长 [zhang3] /chief/head/',
    '車輛 车辆 [che1 liang4] /vehicle/',
    '長 长 [chang2] /long/',
    'this line is damaged',
    '上下文 上下文 [shang4 xia4 wen2] /(textual) context/',
  ].join('\n');

  it('keeps every entry, drops the rest, and loads back: several entries of one headword in CC-CEDICT\'s order', () => {
    const compact = compactCedict(source);
    assert.equal(compact.entries, 4);
    assert.equal(compact.skipped, 1);
    assert.equal(compact.date, '2026-09-10');
    const dictionary = ChineseDictionary.load(new TextEncoder().encode(compact.compact));
    assert.equal(dictionary.size, 4);
    assert.equal(dictionary.date, '2026-09-10');
    assert.deepEqual(dictionary.lookup('车辆'), [{ simplified: '车辆', traditional: '車輛', pinyin: 'chē liàng', pinyinNumbered: 'che1 liang4', senses: ['vehicle'] }]);
    assert.deepEqual(dictionary.lookup('长').map((entry) => entry.pinyin), ['zhǎng', 'cháng']);
    // Traditional equal to simplified is stored once and read back whole.
    assert.equal(dictionary.lookup('上下文')[0].traditional, '上下文');
    assert.deepEqual(dictionary.lookup('车'), []);
    assert.deepEqual(dictionary.lookup(''), []);
    assert.deepEqual(dictionary.matchLengthsAt('长上下文', 1), [3]);
  });

  it('refuses a file that is not its compact form, with a clear error', () => {
    assert.throws(() => ChineseDictionary.load(new TextEncoder().encode(source)), DictionaryFormatError);
    assert.throws(() => ChineseDictionary.load(new TextEncoder().encode('CC-CEDICT compact 1\t3\t\n车\n')), /ends inside its headwords/);
  });

  it('loads in slices: the generator yields its progress before it returns', () => {
    const steps = ChineseDictionary.loading(new TextEncoder().encode(compactCedict(source).compact));
    const progress: number[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      progress.push(step.value);
    }
    assert.ok(progress.length >= 2 && progress.every((value, k) => value >= 0 && value <= 1 && (k === 0 || value >= progress[k - 1])), progress.join());
    assert.equal(step.value.size, 4);
  });
});

describe('words: CC-CEDICT on the sample\'s words (the shipped dictionary)', () => {
  let dictionary: ChineseDictionary;
  before(() => {
    dictionary = shippedDictionary();
  });

  it('is the whole CC-CEDICT, dated', () => {
    assert.ok(dictionary.size > 120_000, `${dictionary.size} entries`);
    assert.match(dictionary.date, /^20\d\d-\d\d-\d\d$/);
  });

  it('车辆: chē liàng, vehicle, traditional 車輛; 分布式: fēn bù shì, distributed', () => {
    const [vehicle] = dictionary.lookup('车辆');
    assert.equal(vehicle.pinyin, 'chē liàng');
    assert.equal(vehicle.traditional, '車輛');
    assert.ok(vehicle.senses.includes('vehicle'));
    const [distributed] = dictionary.lookup('分布式');
    assert.equal(distributed.pinyin, 'fēn bù shì');
    assert.equal(distributed.traditional, '分佈式');
    assert.ok(distributed.senses.includes('distributed'));
  });

  it('长上下文 and 联邦学习 are no entries: they are found as 长 + 上下文 and 联邦 + 学习', () => {
    assert.deepEqual(dictionary.lookup('长上下文'), []);
    assert.deepEqual(dictionary.lookup('联邦学习'), []);
    assert.deepEqual(words('长上下文', dictionary), ['长', '上下文']);
    assert.deepEqual(dictionary.lookup('长').map((entry) => entry.pinyin), ['cháng', 'zhǎng']);
    assert.equal(dictionary.lookup('上下文')[0].pinyin, 'shàng xià wén');
    assert.deepEqual(words('联邦学习', dictionary), ['联邦', '学习']);
    assert.equal(dictionary.lookup('联邦')[0].pinyin, 'lián bāng');
    assert.equal(dictionary.lookup('学习')[0].pinyin, 'xué xí');
  });

  it('the longest match wins over the panel\'s segmentation: article 1\'s title, hand-checked', () => {
    const digest = parseDigest(readFixture());
    const title = digest.articles.find((article) => article.index === 1)?.titles.zh ?? '';
    // ICU alone reads 分布|式 and 网络|安全; the dictionary has 分布式 and 网络安全.
    assert.deepEqual(words(title, dictionary), ['分布式', '联邦', '学习', '促进', '车辆', '网络安全', '反常', '探测', '效益', '和', '多', '领域', '攻击', '威胁']);
    assert.deepEqual(words('至关重要', dictionary), ['至关重要']);
    // An ICU word the dictionary lacks is split inside by the dictionary.
    assert.deepEqual(words('交换最新消息', dictionary), ['交换', '最新', '消息']);
    // Without Intl.Segmenter: the dictionary alone, both ways, fewer words winning.
    assert.deepEqual(words('分布式联邦学习促进车辆', dictionary, 'none'), ['分布式', '联邦', '学习', '促进', '车辆']);
    assert.deepEqual(words('新编程语言', dictionary, 'none'), ['新', '编程', '语言']);
  });

  it('steps to shorter and longer matches at a place (the Zhongwen way)', () => {
    assert.deepEqual(dictionary.matchLengthsAt('分布式联邦', 0), [1, 2, 3]);
    assert.deepEqual(dictionary.matchLengthsAt('机器学习', 0), [1, 2, 4]);
  });

  it('the panel\'s slice of an article segments every article of the sample exactly as the whole dictionary does', () => {
    const digest = parseDigest(readFixture());
    for (const article of digest.articles) {
      const texts = [article.titles.zh, article.abstracts.zh].filter((text): text is string => text !== undefined);
      const slice = chineseSlice(texts, dictionary);
      const lookup = sliceLookup(slice);
      for (const text of texts) {
        assert.deepEqual(chineseWords(text, lookup), chineseWords(text, dictionary), `article ${article.index}`);
      }
      if (article.index === 1) {
        assert.deepEqual(slice.entries['车辆'], [{ traditional: '車輛', pinyin: 'chē liàng', senses: ['vehicle'] }]);
        const title = article.titles.zh ?? '';
        assert.deepEqual(lookup.matchLengthsAt(title, title.indexOf('分布式')), [1, 2, 3]);
      }
    }
  });

  it('German and English words are runs of Latin letters; hyphens and umlauts stay inside', () => {
    const text = 'Verteiltes Federated Learning für die Sicherheit des Vehicular Network: Multi-Domain-Angriffsbedrohungen, 3 GPUs';
    assert.deepEqual(latinWords(text).map((t) => text.slice(t.start, t.end)), ['Verteiltes', 'Federated', 'Learning', 'für', 'die', 'Sicherheit', 'des', 'Vehicular', 'Network', 'Multi-Domain-Angriffsbedrohungen', 'GPUs']);
  });
});

describe('words: known words and the share of new words per article', () => {
  let dictionary: ChineseDictionary;
  before(() => {
    dictionary = shippedDictionary();
  });

  it('keys: Chinese as written, German lower-cased; parsed back', () => {
    assert.equal(wordKey('zh', '车辆'), 'zh:车辆');
    assert.equal(wordKey('de', 'Fahrzeug'), 'de:fahrzeug');
    assert.deepEqual(parseWordKey('de:fahrzeug'), { language: 'de', word: 'fahrzeug' });
    assert.equal(parseWordKey('fr:voiture'), undefined);
    assert.equal(parseWordKey('zh:'), undefined);
  });

  it('article 55 (the shortest Chinese abstract): 88 words read, 70 distinct; 6 known and 1 learning leave 63 new, 90% — counted by hand', () => {
    const digest = parseDigest(readFixture());
    const article = digest.articles.find((candidate) => candidate.index === 55);
    assert.ok(article);
    // Segmented by hand with CC-CEDICT (names such as 拉克茨 are not in it, so each character stands alone).
    const byHand = ('作为|宏|的|舞蹈|与此同时|编程|往往|需要|参与者|对|发送|和|接收|进行|细致|的|配对|以|避免|僵局|编程|通过|将|系统|指定|为|单一|程序|来|减轻|这|一|负担|' +
      '然而|应用|量|比|舞蹈|编程|多|开发|新|的|实施|需要|大量|的|时间|和|精力|我们|的|工作|利用|拉|克|茨|加快|建立|一个|名为|的|新编|程|语言|拉|克|茨|' +
      '拥有|强大|的|宏观|系统|使|乔|雷|特|能够|重新|利用|大部分|基础设施|来|提高|功能|和|正确|性').split('|');
    const keys = articleWordKeys(article, 'zh', dictionary);
    assert.deepEqual(keys, byHand.map((word) => `zh:${word}`));
    // 的 ×7, 编程 ×3, 和 ×3, and eight words twice: 88 − 18 = 70 distinct words.
    const statuses = new Map<string, WordStatus>([...['的', '和', '我们', '系统', '编程', '需要'].map((word): [string, WordStatus] => [`zh:${word}`, 'known']), ['zh:舞蹈', 'learning']]);
    assert.deepEqual(newWordShare(keys, statusesOf(statuses)), { words: 70, newWords: 63, percent: 90 });
    assert.deepEqual(newWordShare(keys, statusesOf(new Map())), { words: 70, newWords: 70, percent: 100 });
    // German: the title only (arXiv digests have no German abstract); math is no word.
    assert.deepEqual(articleWordKeys({ titles: { de: 'Über $O(n)$ Fahrzeug-Netze und Netze' }, abstracts: {} }, 'de', undefined), ['de:über', 'de:fahrzeug-netze', 'de:und', 'de:netze']);
  });

  it('the cache recounts from word sets, and notices an edited article', () => {
    const cache = new ArticleWordCache(dictionary);
    const article = { titles: { zh: '分布式联邦学习促进车辆网络安全' }, abstracts: {} };
    const known = statusesOf(new Map<string, WordStatus>([['zh:车辆', 'known']]));
    assert.deepEqual(cache.share('a', article, 'zh', known), { words: 6, newWords: 5, percent: 83 });
    assert.equal(cache.wordsOf('a', article, 'zh'), cache.wordsOf('a', article, 'zh'));
    assert.deepEqual(cache.share('a', { titles: { zh: '车辆' }, abstracts: {} }, 'zh', known), { words: 1, newWords: 0, percent: 0 });
  });
});
