import * as assert from 'node:assert/strict';
import { parseDigest, type Article, type Digest } from '../../src/core';
import {
  alignAbstract, ankiTsv, clozeSentence, decodeStudyList, digestLengthModels, encodeStudyList, estimateLengthModel, sentenceEntries, splitSentences,
  studyCsv, studyEntryId, type Bead, type StudyEntry,
} from '../../src/core/study';
import { readFixture } from '../support/fixtures';

/** The sentence texts, after checking each one's offsets point at it in the original. */
function sentencesOf(text: string, language: string, engine: 'auto' | 'simple' = 'auto', splitAtSemicolons = false): string[] {
  return splitSentences(text, language, { engine, splitAtSemicolons }).map((sentence) => {
    assert.equal(text.slice(sentence.start, sentence.end), sentence.text);
    return sentence.text;
  });
}

/** Beads written the way the hand check is: `E0-1:Z0` (English 0 and 1 go with Chinese 0), `E3:-` (no translation). */
function beadsAsText(beads: readonly Bead[], target = 'Z'): string[] {
  const side = (letter: string, start: number, end: number): string =>
    end === start ? '-' : end - start === 1 ? `${letter}${start}` : `${letter}${start}-${end - 1}`;
  return beads.map((bead) => `${side('E', bead.sourceStart, bead.sourceEnd)}:${side(target, bead.targetStart, bead.targetEnd)}`);
}

for (const engine of ['auto', 'simple'] as const) {
  describe(`study sentences (${engine === 'auto' ? 'Intl.Segmenter' : 'fallback splitter'})`, () => {
    it('does not end English sentences after Dr., Prof., Eq., Eqs., cf., Fig., e.g., i.e., vs. or in 3.5', () => {
      const text = 'We thank Dr. Smith and Prof. Jones. See Eq. 3 and Eqs. 4-5, cf. Fig. 2. It works, e.g. Harris lists, i.e. Michael lists. ' +
        'A vs. B is 3.5 times faster. Done.';
      assert.deepEqual(sentencesOf(text, 'en', engine), [
        'We thank Dr. Smith and Prof. Jones.',
        'See Eq. 3 and Eqs. 4-5, cf. Fig. 2.',
        'It works, e.g. Harris lists, i.e. Michael lists.',
        'A vs. B is 3.5 times faster.',
        'Done.',
      ]);
    });

    it('keeps "et al. (2020)" in its sentence but ends one at "et al. We"', () => {
      assert.deepEqual(sentencesOf('Smith et al. (2020) showed it. Proposed by Vaswani et al. We extend it.', 'en', engine), [
        'Smith et al. (2020) showed it.',
        'Proposed by Vaswani et al.',
        'We extend it.',
      ]);
    });

    it('does not end German sentences after z. B., Z. B., u. a., d. h., Nr., S., bzw., ca., Dr., Prof.', () => {
      const text = 'Wir nutzen z. B. Graphen, u. a. Bäume, d. h. Netze. Siehe Nr. 5 auf S. 12 bzw. ca. 3 Seiten. ' +
        'Z. B. Graphen sind nützlich. Dr. Müller und Prof. Schmidt zeigten es.';
      assert.deepEqual(sentencesOf(text, 'de', engine), [
        'Wir nutzen z. B. Graphen, u. a. Bäume, d. h. Netze.',
        'Siehe Nr. 5 auf S. 12 bzw. ca. 3 Seiten.',
        'Z. B. Graphen sind nützlich.',
        'Dr. Müller und Prof. Schmidt zeigten es.',
      ]);
    });

    it('never splits inside $…$ math', () => {
      assert.deepEqual(sentencesOf('The bound is $O(n. M)$ in total. Let $a? B$ hold! Done.', 'en', engine), [
        'The bound is $O(n. M)$ in total.',
        'Let $a? B$ hold!',
        'Done.',
      ]);
    });

    it('splits Chinese at 。!? without blanks, keeps an English abbreviation inside, and at semicolons when asked', () => {
      assert.deepEqual(sentencesOf('我们提出了方法。它很好!真的吗?见Fig. 2。结束。', 'zh', engine), ['我们提出了方法。', '它很好!', '真的吗?', '见Fig. 2。', '结束。']);
      assert.deepEqual(sentencesOf('第一句;第二句。', 'zh', engine), ['第一句;第二句。']);
      assert.deepEqual(sentencesOf('第一句;第二句;$a;b$ 第三句。', 'zh', engine, true), ['第一句;', '第二句;', '$a;b$ 第三句。']);
    });
  });
}

describe('study sentences: offsets', () => {
  it('points each sentence at its place in the abstract, blanks left out', () => {
    const text = '  First one.   Second one.  ';
    assert.deepEqual(splitSentences(text, 'en'), [
      { text: 'First one.', start: 2, end: 12 },
      { text: 'Second one.', start: 15, end: 26 },
    ]);
    assert.deepEqual(splitSentences('   ', 'en'), []);
  });
});

describe('study alignment: hand-checked on the real cs.DC digest', () => {
  let digest: Digest;
  const article = (index: number): Article => digest.articles[index];
  before(() => {
    digest = parseDigest(readFixture());
  });

  it('article 1 (2505.23706): 8 English, 9 Chinese; the last English sentence goes with a stray "我们的结果。"', () => {
    const aligned = alignAbstract(article(1).abstracts);
    assert.ok(aligned);
    const zh = aligned.translations[0];
    assert.equal(zh.language, 'zh');
    assert.equal(aligned.source.length, 8);
    assert.equal(zh.sentences.length, 9);
    assert.match(aligned.source[7].text, /^Our results reveal important insights/);
    assert.match(zh.sentences[7].text, /^我们的结果显示/);
    assert.equal(zh.sentences[8].text, '我们的结果。');
    assert.deepEqual(beadsAsText(zh.beads), ['E0:Z0', 'E1:Z1', 'E2:Z2', 'E3:Z3', 'E4:Z4', 'E5:Z5', 'E6:Z6', 'E7:Z7-8']);
  });

  it('article 2 (2505.02977): 8 English, 7 Chinese; the translator joined the first two sentences', () => {
    const aligned = alignAbstract(article(2).abstracts);
    assert.ok(aligned);
    const zh = aligned.translations[0];
    assert.match(aligned.source[1].text, /^Such a linear system arises/);
    assert.match(zh.sentences[0].text, /^我们引入了平行算法.*这种线性系统来自/);
    assert.match(zh.sentences[1].text, /^这个前提属于不完全系数化/);
    assert.deepEqual(beadsAsText(zh.beads), ['E0-1:Z0', 'E2:Z1', 'E3:Z2', 'E4:Z3', 'E5:Z4', 'E6:Z5', 'E7:Z6']);
  });

  it('article 7 (2505.23258): four English sentences, one Chinese sentence joined by semicolons, aligned clause by clause', () => {
    assert.equal(sentencesOf(article(7).abstracts.zh ?? '', 'zh').length, 1);
    const aligned = alignAbstract(article(7).abstracts);
    assert.ok(aligned);
    const zh = aligned.translations[0];
    assert.deepEqual(zh.sentences.map((sentence) => sentence.text.slice(0, 8)), ['随着证券交易系统', '现有集装箱管线平', '本文介绍了Sea', '在证券交易所的实']);
    assert.deepEqual(beadsAsText(zh.beads), ['E0:Z0', 'E1:Z1', 'E2:Z2', 'E3:Z3']);
  });

  it('article 57 (2408.09719): semicolons in a citation list, on both sides, line up one to one', () => {
    const aligned = alignAbstract(article(57).abstracts);
    assert.ok(aligned);
    const zh = aligned.translations[0];
    assert.deepEqual(aligned.source.slice(4, 7).map((sentence) => sentence.text), ['Huber ‘15;', 'Kolmogorov ‘18;', 'Harris-Kolmogorov ‘24).']);
    assert.deepEqual(zh.sentences.slice(4, 7).map((sentence) => sentence.text), ['Huber ‘ 15;', 'Kolmogorov ‘ 18;', 'Harris- Kolmogorov ‘ 24) 。']);
    assert.deepEqual(beadsAsText(zh.beads), ['E0:Z0', 'E1:Z1', 'E2:Z2', 'E3:Z3', 'E4:Z4', 'E5:Z5', 'E6:Z6', 'E7:Z7', 'E8:Z8']);
  });

  it('article 12 (2410.15625): with the digest-wide length model, a number split in two and a garbled last sentence stay in place', () => {
    const models = digestLengthModels(digest);
    assert.ok(models.zh.ratio > 0.3 && models.zh.ratio < 0.37, `ratio ${models.zh.ratio}`);
    const aligned = alignAbstract(article(12).abstracts, 'en', models);
    assert.ok(aligned);
    const zh = aligned.translations[0];
    assert.match(zh.sentences[6].text, /实现3\.$/);
    assert.equal(zh.sentences[7].text, 'X更快的功能。');
    assert.match(zh.sentences[8].text, /x{100}/);
    assert.deepEqual(beadsAsText(zh.beads), ['E0:Z0', 'E1:Z1', 'E2:Z2', 'E3:Z3', 'E4:Z4', 'E5:Z5', 'E6:Z6-7', 'E7:Z8']);
  });

  it('estimates the length ratio and its spread from the texts given, not a constant', () => {
    const model = estimateLengthModel([[100, 20], [200, 80], [300, 100]]);
    assert.ok(model);
    assert.equal(model.ratio, 200 / 600);
    // Squared distances from ratio × source length, per source character: (2 × (40/3)²) / 600.
    assert.ok(Math.abs(model.variance - (2 * (40 / 3) ** 2) / 600) < 1e-9, `variance ${model.variance}`);
    assert.equal(estimateLengthModel([[100, 120]])?.ratio, 1.2);
    assert.equal(estimateLengthModel([[0, 0]]), undefined);
  });

  it('aligns English with German by the same rule (a hand-made 2–1)', () => {
    const aligned = alignAbstract({
      en: 'We study graph partitioning. Partitions are useful. They model networks and schedules. Our method is fast.',
      de: 'Wir untersuchen die Partitionierung von Graphen. Partitionen sind nützlich und modellieren Netze und Zeitpläne. Unser Verfahren ist schnell.',
    });
    assert.ok(aligned);
    assert.deepEqual(beadsAsText(aligned.translations[0].beads, 'D'), ['E0:D0', 'E1-2:D1', 'E3:D2']);
  });

  it('makes one study entry per sentence group, each language whole, numbered by its first English sentence', () => {
    const entries = sentenceEntries(digest, { ...article(2), key: '2505.02977' }, 0);
    assert.deepEqual(entries.map(studyEntryId), ['2505.02977#s1', '2505.02977#s3', '2505.02977#s4', '2505.02977#s5', '2505.02977#s6', '2505.02977#s7', '2505.02977#s8']);
    assert.match(entries[0].texts.en ?? '', /^We introduce a parallel algorithm.*Such a linear system arises.*graphs\.$/);
    assert.match(entries[0].texts.zh ?? '', /^我们引入了平行算法.*学习问题等应用。$/);
    assert.equal(entries[0].arxivId, '2505.02977v2');
    assert.equal(entries[0].subject, 'cs.DC');
    assert.equal(entries[0].digestDate, '2025-06-01');
  });
});

/** Reads back a row the way Anki's CSV reader does (fields quoted with "", "" inside for a quote). */
function readRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else {
      field += c;
    }
  }
  return records;
}

describe('study list exports', () => {
  const hostile: StudyEntry = {
    kind: 'sentence', articleKey: '2505.23710', arxivId: '2505.23710v1', sentence: 3,
    texts: { en: 'He said "fast"\tthen\nleft <b>.', zh: '他说"快"。' },
    subject: 'cs.DC', digestDate: '2025-06-01', addedAt: 1,
  };
  const term: StudyEntry = {
    kind: 'term', articleKey: '2505.23710', texts: { en: 'Parallel  Algorithm', de: 'paralleler Algorithmus', zh: '并行算法' },
    subject: 'cs.DC', digestDate: '2025-06-01', addedAt: 2,
  };

  const word: StudyEntry = {
    kind: 'term', articleKey: '2505.23706', arxivId: '2505.23706v1', texts: { zh: '车辆' },
    word: {
      pinyin: 'chē liàng', meaning: 'vehicle',
      context: { en: 'In connected and autonomous vehicles, machine learning for safety message classification has become critical.', zh: '在连接和自主的车辆中,安全信息分类的机器学习至关重要。' },
    },
    subject: 'cs.DC', digestDate: '2025-06-01', addedAt: 3,
  };

  it('writes Anki TSV with its headers, the id first, and quotes a tab, a line break and a quote', () => {
    assert.equal(ankiTsv([hostile, term], { deck: 'Digest::cs.DC' }), [
      '#separator:tab',
      '#html:false',
      '#columns:Id\tWord\tPinyin\tMeaning\tCloze\tEnglish\tGerman\tChinese\tSource\tTags',
      '#deck:Digest::cs.DC',
      '#tags column:10',
      '2505.23710#s3\t\t\t\t\t"He said ""fast""\tthen\nleft <b>."\t\t"他说""快""。"\tarXiv:2505.23710v1 · cs.DC 2025-06-01\tdigest-reader sentence cs.DC 2025-06-01',
      '2505.23710#t:parallel algorithm\tParallel  Algorithm\t\t\t\tParallel  Algorithm\tparalleler Algorithmus\t并行算法\t2505.23710 · cs.DC 2025-06-01\tdigest-reader term cs.DC 2025-06-01',
      '',
    ].join('\n'));
  });

  it('keeps every row at ten fields when read back, with the text as written', () => {
    const records = readRecords(ankiTsv([hostile, term, word], { deck: 'x' }).split('\n').slice(5).join('\n'), '\t');
    assert.deepEqual(records.map((record) => record.length), [10, 10, 10]);
    assert.equal(records[0][5], hostile.texts.en);
    assert.equal(records[0][7], hostile.texts.zh);
  });

  it('a word saved from the pop-up is a note that tests something: word, pinyin, meaning, cloze sentence, its English, source', () => {
    const [header, row] = ankiTsv([word], { deck: 'd' }).split('\n').slice(2, 7).filter((line) => !line.startsWith('#deck') && !line.startsWith('#tags'));
    const columns = header.replace('#columns:', '').split('\t');
    const fields = Object.fromEntries(row.split('\t').map((field, k) => [columns[k], field]));
    assert.deepEqual(fields, {
      Id: '2505.23706#t:车辆',
      Word: '车辆',
      Pinyin: 'chē liàng',
      Meaning: 'vehicle',
      Cloze: '在连接和自主的{{c1::车辆}}中,安全信息分类的机器学习至关重要。',
      English: 'In connected and autonomous vehicles, machine learning for safety message classification has become critical.',
      German: '',
      Chinese: '在连接和自主的车辆中,安全信息分类的机器学习至关重要。',
      Source: 'arXiv:2505.23706v1 · cs.DC 2025-06-01',
      Tags: 'digest-reader word cs.DC 2025-06-01',
    });
    // Digest text cannot open or close a cloze of its own, and a word not in its sentence gets no cloze.
    assert.equal(clozeSentence('a {{c2::b}} 车辆 c::d', '车辆'), 'a { {c2: :b} } {{c1::车辆}} c: :d');
    assert.equal(clozeSentence('没有这个词。', '车辆'), '');
    // Stored and read back with its word fields; a bad field is dropped, not the entry.
    assert.deepEqual(decodeStudyList(JSON.parse(JSON.stringify(encodeStudyList([word])))).entries, [word]);
    assert.deepEqual(decodeStudyList(encodeStudyList([{ ...word, word: { pinyin: 5, meaning: 'vehicle' } as never }])).entries[0].word, { meaning: 'vehicle' });
  });

  it('cannot add a header line through the deck name, nor hide a row as a comment', () => {
    const tsv = ankiTsv([{ ...hostile, articleKey: '#x', arxivId: undefined }], { deck: 'Evil\n#html:true\tx' });
    assert.equal(tsv.split('\n')[3], '#deck:Evil #html:true x');
    assert.equal(tsv.split('\n').filter((line) => line.startsWith('#html')).length, 1);
    assert.match(tsv.split('\n')[5], /^"#x#s3"\t/);
  });

  it('gives the same ids when the same article is exported again, and after storing and reading back', () => {
    const digest = parseDigest(readFixture());
    const first = sentenceEntries(digest, { ...digest.articles[1], key: '2505.23706' }, 1);
    const again = sentenceEntries(digest, { ...digest.articles[1], key: '2505.23706' }, 99);
    assert.deepEqual(again.map(studyEntryId), first.map(studyEntryId));
    const idColumn = (text: string): string[] => text.split('\n').slice(5, -1).map((line) => line.split('\t')[0]);
    const stored = decodeStudyList(JSON.parse(JSON.stringify(encodeStudyList(first)))).entries;
    assert.deepEqual(idColumn(ankiTsv(stored, { deck: 'd' })), idColumn(ankiTsv(again, { deck: 'd' })));
    assert.deepEqual(idColumn(ankiTsv(first, { deck: 'd' })), Array.from({ length: 8 }, (_, i) => `2505.23706#s${i + 1}`));
  });

  it('writes RFC 4180 CSV: CRLF rows, fields with a comma, quote or line break quoted, formulas shown as text', () => {
    const csv = studyCsv([{ ...hostile, texts: { en: 'a, "b"\nc', zh: '=HYPERLINK("http://x")' } }]);
    assert.equal(csv, [
      'Id,Word,Pinyin,Meaning,Cloze,English,German,Chinese,Source,Tags',
      '2505.23710#s3,,,,,"a, ""b""\nc",,"\'=HYPERLINK(""http://x"")",arXiv:2505.23710v1 · cs.DC 2025-06-01,digest-reader sentence cs.DC 2025-06-01',
      '',
    ].join('\r\n'));
    assert.deepEqual(readRecords(csv, ',')[1].slice(5, 8), ['a, "b"\nc', '', '\'=HYPERLINK("http://x")']);
    assert.match(studyCsv([{ ...hostile, texts: { en: '=1+1' } }], { guardFormulas: false }), /,=1\+1,/);
  });
});

describe('study list storage', () => {
  const good = { kind: 'sentence', articleKey: '2505.23710', sentence: 1, texts: { en: 'One.' }, subject: 'cs.DC', digestDate: '2025-06-01', addedAt: 5 };

  it('reads what it wrote', () => {
    const entry = good as StudyEntry;
    assert.deepEqual(decodeStudyList(JSON.parse(JSON.stringify(encodeStudyList([entry])))), { entries: [entry], problems: [], recognized: true });
  });

  it('drops damaged and repeated entries, keeps the rest and says what it dropped', () => {
    const loaded = decodeStudyList({
      format: 'digest-reader-study', version: 1,
      entries: [good, { ...good, texts: { en: 5 } }, { ...good, sentence: 0 }, null, { ...good, arxivId: '2505.99999v1' }, { ...good, addedAt: 9 }, { ...good, sentence: 2 }],
    });
    assert.deepEqual(loaded.entries.map(studyEntryId), ['2505.23710#s1', '2505.23710#s2']);
    assert.deepEqual(loaded.problems, ['4 study entries were damaged and skipped.', '1 study entry was repeated and skipped.']);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [null, 0, 'x', [], {}, { format: 'digest-reader-study' }, { format: 'digest-reader-study', version: 2, entries: [good] }, { format: 'digest-reader-study', entries: 'x' }]) {
      const loaded = decodeStudyList(value);
      assert.ok(Array.isArray(loaded.entries));
    }
    assert.equal(decodeStudyList({ format: 'other' }).recognized, false);
    assert.equal(decodeStudyList({ format: 'digest-reader-study', version: 2, entries: [good] }).entries.length, 1);
  });
});
