import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { parseDigest } from '../../src/core';
import {
  ArticleWordCache, articleWordKeys, ChineseDictionary, chineseSlice, chineseWords, compactCedict, dictdNumber, DictionaryFormatError, dictzipLayout,
  finish, germanCandidates, GermanDictionary, KnownWords, latinWords, type FlagSet,
  easiestFirst, FoundWords, newWordShare, parseWordKey, pinyinWithMarks, readableSense, segmentChinese, sliceLookup, statusesOf, wordKey, type WordStatus,
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
    const walk = dictionary.matchesInto.bind(dictionary);
    let lookups = 0;
    dictionary.matchesInto = (...args) => (lookups++, walk(...args));
    try {
      assert.deepEqual([...cache.wordsOf('a', article, 'zh')].sort(), ['zh:促进', 'zh:分布式', 'zh:学习', 'zh:网络安全', 'zh:联邦', 'zh:车辆']);
      assert.equal(lookups, 0, 'the words are remembered, not segmented again');
    } finally {
      dictionary.matchesInto = walk;
    }
    assert.deepEqual(cache.share('a', { titles: { zh: '车辆' }, abstracts: {} }, 'zh', known), { words: 1, newWords: 0, percent: 0 });
  });
});

describe('words: the learner\'s German dictionary (dictd with dictzip, or TSV)', () => {
  /** A dictd dictionary as dictfmt and dictzip write them: an index and a .dict.dz of independent raw-deflate chunks. */
  function dictd(entries: Array<[string, string]>, chunkLength: number): { index: string; dz: Uint8Array; dict: Uint8Array } {
    const encoder = new TextEncoder();
    const b64 = (n: number): string => {
      const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      let out = '';
      do {
        out = digits[n % 64] + out;
        n = Math.floor(n / 64);
      } while (n > 0);
      return out;
    };
    let data = '';
    const lines: string[] = [];
    for (const [headword, text] of entries) {
      const start = encoder.encode(data).length;
      data += text;
      lines.push(`${headword}\t${b64(start)}\t${b64(encoder.encode(text).length)}`);
    }
    const dict = encoder.encode(data);
    const chunks: Buffer[] = [];
    for (let at = 0; at < dict.length; at += chunkLength) {
      chunks.push(zlib.deflateRawSync(dict.subarray(at, at + chunkLength), { finishFlush: zlib.constants.Z_FULL_FLUSH }));
    }
    const extra = Buffer.alloc(10 + chunks.length * 2);
    extra.write('RA', 0, 'latin1');
    extra.writeUInt16LE(6 + chunks.length * 2, 2);
    extra.writeUInt16LE(1, 4);
    extra.writeUInt16LE(chunkLength, 6);
    extra.writeUInt16LE(chunks.length, 8);
    chunks.forEach((chunk, k) => extra.writeUInt16LE(chunk.length, 10 + k * 2));
    const head = Buffer.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 2, 3, extra.length & 0xff, extra.length >> 8]);
    return { index: lines.sort().join('\n') + '\n', dz: Buffer.concat([head, extra, ...chunks, Buffer.alloc(8)]), dict };
  }
  const inflateRaw = async (bytes: Uint8Array): Promise<Uint8Array> => zlib.inflateRawSync(bytes);
  const entries: Array<[string, string]> = [
    ['fahrzeug', 'Fahrzeug <neut, n, sg>\n [transp.] vehicle <n>\n\n'],
    ['sicherheit', 'Sicherheit <fem, n, sg>\nsecurity <n>, safety <n>\n\n'],
    ['verteilt', 'verteilt\ndistributed\n\n'],
    ['netzwerke', 'Netzwerke <pl>\nnetworks\n\n'],
  ];

  it('reads dictd numbers and a dictzip header\'s random-access table', () => {
    assert.equal(dictdNumber('B'), 1);
    assert.equal(dictdNumber('BA'), 64);
    assert.equal(dictdNumber('TesN'), 19 * 64 ** 3 + 30 * 64 ** 2 + 44 * 64 + 13);
    const { dz } = dictd(entries, 40);
    const layout = dictzipLayout(dz);
    assert.ok(layout);
    assert.equal(layout.chunkLength, 40);
    assert.equal(layout.chunkStarts.length, Math.ceil(entries.reduce((n, [, text]) => n + new TextEncoder().encode(text).length, 0) / 40) + 1);
    assert.equal(dictzipLayout(zlib.gzipSync(Buffer.from('plain gzip'))), undefined);
  });

  it('looks words up chunk by chunk (an entry across two chunks too), folding case and inflection', async () => {
    const { index, dz, dict } = dictd(entries, 40);
    for (const data of [dz, dict]) {
      const dictionary = finish(GermanDictionary.dictd(index, data, inflateRaw));
      assert.equal(dictionary.size, 4);
      assert.deepEqual(await dictionary.lookup('Fahrzeug'), [{ headword: 'fahrzeug', text: 'Fahrzeug <neut, n, sg>\n [transp.] vehicle <n>' }]);
      // "Sicherheit …" starts in one 40-byte chunk and ends in the next.
      assert.match((await dictionary.lookup('Sicherheit'))[0].text, /security <n>, safety <n>$/);
      assert.equal((await dictionary.lookup('Verteiltes'))[0].headword, 'verteilt');
      assert.equal((await dictionary.lookup('Fahrzeug-Netzwerke'))[0].headword, 'netzwerke');
      assert.deepEqual(await dictionary.lookup('Anomalieerkennung'), []);
    }
    assert.deepEqual(germanCandidates('Verteiltes'), ['verteiltes', 'verteilt', 'verteilte']);
  });

  it('refuses a .dict.dz that is plain gzip (no random access) with a clear message', () => {
    const { index } = dictd(entries, 40);
    assert.throws(() => finish(GermanDictionary.dictd(index, zlib.gzipSync(Buffer.from('x')), inflateRaw)), /gunzip/);
  });

  it('a TSV word list: first column German (any case), the rest English; comments skipped', async () => {
    const dictionary = finish(GermanDictionary.tsv('# my words\nSicherheit\tsecurity; safety\nFahrzeug\tvehicle\tnoun\n\nkaputt\n'));
    assert.equal(dictionary.size, 2);
    assert.deepEqual(await dictionary.lookup('sicherheit'), [{ headword: 'Sicherheit', text: 'security; safety' }]);
    assert.deepEqual(await dictionary.lookup('Fahrzeuge'), [{ headword: 'Fahrzeug', text: 'vehicle — noun' }]);
  });
});

describe('words: known words over two kept sets', () => {
  function flagSet(): FlagSet & { keys: Set<string> } {
    const keys = new Set<string>();
    return { keys, has: (key) => keys.has(key), set: (key, value) => (value ? (keys.has(key) ? false : (keys.add(key), true)) : keys.delete(key)) };
  }

  it('new until marked; learning and known exclude each other; known wins a merge that left both', () => {
    const known = flagSet();
    const learning = flagSet();
    const words = new KnownWords(known, learning);
    assert.equal(words.statusOf('zh:车辆'), 'new');
    assert.equal(words.setStatus('zh:车辆', 'learning'), true);
    assert.equal(words.statusOf('zh:车辆'), 'learning');
    assert.equal(words.setStatus('zh:车辆', 'learning'), false, 'no change, nothing written');
    words.setStatus('zh:车辆', 'known');
    assert.deepEqual([[...known.keys], [...learning.keys]], [['zh:车辆'], []]);
    words.setStatus('zh:车辆', 'new');
    assert.deepEqual([[...known.keys], [...learning.keys]], [[], []]);
    learning.keys.add('de:netz');
    known.keys.add('de:netz');
    assert.equal(words.statusOf('de:netz'), 'known');
    assert.equal(words.setStatus('fr:voiture', 'known'), false, 'no key of a language learned');
  });

  it('"mark the rest known" marks the new words only, once each, and the share drops to 0%', () => {
    const words = new KnownWords(flagSet(), flagSet());
    words.setStatus('zh:学习', 'learning');
    const keys = ['zh:分布式', 'zh:联邦', 'zh:学习', 'zh:分布式', 'zh:车辆'];
    assert.deepEqual(newWordShare(keys, words), { words: 4, newWords: 3, percent: 75 });
    assert.deepEqual(words.markNewKnown(keys), ['zh:分布式', 'zh:联邦', 'zh:车辆']);
    assert.equal(words.statusOf('zh:学习'), 'learning');
    assert.deepEqual(newWordShare(keys, words), { words: 4, newWords: 0, percent: 0 });
  });
});

describe('words: the fast word sets', () => {
  it('find, for every article of the sample, exactly the words the token path finds', () => {
    const dictionary = shippedDictionary();
    const cache = new ArticleWordCache(dictionary);
    for (const article of parseDigest(readFixture()).articles) {
      assert.deepEqual([...cache.wordsOf(String(article.index), article, 'zh')].sort(), [...new Set(articleWordKeys(article, 'zh', dictionary))].sort(), `article ${article.index}`);
    }
  });

  it('found 16 articles at a time (segmented as one text) are the words found article by article, for every article of the sample', () => {
    const dictionary = shippedDictionary();
    const articles = parseDigest(readFixture()).articles;
    const grouped = new ArticleWordCache(dictionary);
    for (let at = 0; at < articles.length; at += 16) {
      grouped.prepare(articles.slice(at, at + 16).map((article) => ({ key: String(article.index), article })), 'zh');
    }
    const single = new ArticleWordCache(dictionary);
    let words = 0;
    for (const article of articles) {
      const found = [...grouped.wordsOf(String(article.index), article, 'zh')].sort();
      assert.deepEqual(found, [...single.wordsOf(String(article.index), article, 'zh')].sort(), `article ${article.index}`);
      words += found.length;
    }
    assert.ok(words > 5_000, `${words} words: the sample's Chinese was segmented`);
  });

  it('the id the segmenter hands with a word is the dictionary\'s id of that headword, for every word of the sample', () => {
    const dictionary = shippedDictionary();
    const found = new FoundWords();
    let withId = 0;
    for (const article of parseDigest(readFixture()).articles) {
      for (const text of [article.titles.zh, article.abstracts.zh]) {
        found.count = 0;
        segmentChinese(text ?? '', dictionary, found);
        for (let k = 0; k < found.count; k++) {
          if (found.ids[k] >= 0) {
            withId++;
            assert.equal(found.ids[k], dictionary.entryIndexAt(text ?? '', found.starts[k], found.ends[k]), `${text?.slice(found.starts[k], found.ends[k])} in article ${article.index}`);
          }
        }
      }
    }
    assert.ok(withId > 15_000, `${withId} words handed with their id`);
  });

  it('the shares of a whole digest at once are each article\'s own, and a word marked between two counts is counted in the second', () => {
    const dictionary = shippedDictionary();
    const articles = parseDigest(readFixture()).articles;
    const items = articles.map((article) => ({ key: String(article.index), article }));
    const statuses = new Map<string, WordStatus>([['zh:车辆', 'known'], ['zh:学习', 'learning']]);
    const cache = new ArticleWordCache(dictionary);
    const before = cache.sharesOf(items, 'zh', statusesOf(statuses));
    const alone = new ArticleWordCache(dictionary);
    items.forEach(({ key, article }, k) => assert.deepEqual(before[k], newWordShare(alone.wordsOf(key, article, 'zh'), statusesOf(statuses)), `article ${article.index}`));
    const first = items[0];
    const someWord = [...cache.wordsOf(first.key, first.article, 'zh')].find((key) => !statuses.has(key)) ?? '';
    statuses.set(someWord, 'known');
    const after = cache.sharesOf(items, 'zh', statusesOf(statuses));
    assert.equal(after[0].newWords, before[0].newWords - 1, `${someWord} marked known: one new word fewer in article ${first.article.index}`);
    assert.deepEqual(cache.share(first.key, first.article, 'zh', statusesOf(statuses)), after[0]);
  });
});

describe('words: easiest first', () => {
  const sets: Record<string, string[]> = {
    hard: ['zh:分布式', 'zh:联邦', 'zh:车辆', 'zh:学习'],
    easy: ['zh:学习', 'zh:车辆'],
    none: [],
    alsoEasy: ['zh:学习', 'zh:模型'],
  };
  const order = (statuses: Map<string, WordStatus>): string[] => easiestFirst(Object.keys(sets), (name) => sets[name], statusesOf(statuses));

  it('orders by the share of new words, lowest first; ties keep the given order; articles without words last', () => {
    assert.deepEqual(order(new Map()), ['easy', 'alsoEasy', 'hard', 'none'], 'all 100% new: fewer new words first, then the given order');
    assert.deepEqual(order(new Map([['zh:学习', 'known']])), ['easy', 'alsoEasy', 'hard', 'none']);
    assert.deepEqual(order(new Map([['zh:学习', 'known'], ['zh:模型', 'learning']])), ['alsoEasy', 'easy', 'hard', 'none'], 'a word being learned is not new');
  });

  it('on the sample: marking an article\'s words known brings it first, and leaves the input as it was', () => {
    const dictionary = shippedDictionary();
    const digest = parseDigest(readFixture());
    const articles = digest.articles.slice(0, 20);
    const before = [...articles];
    const cache = new ArticleWordCache(dictionary);
    const wordsOfArticle = (article: (typeof articles)[number]): Set<string> => cache.wordsOf(String(article.index), article, 'zh');
    const known = new Map<string, WordStatus>();
    const chosen = articles[12];
    assert.notEqual(easiestFirst(articles, wordsOfArticle, statusesOf(known))[0], chosen);
    for (const key of wordsOfArticle(chosen)) {
      known.set(key, 'known');
    }
    const after = easiestFirst(articles, wordsOfArticle, statusesOf(known));
    assert.equal(after[0], chosen);
    assert.equal(newWordShare(wordsOfArticle(chosen), statusesOf(known)).percent, 0);
    assert.ok(newWordShare(wordsOfArticle(after[1]), statusesOf(known)).percent > 0);
    assert.deepEqual(articles, before);
  });
});
