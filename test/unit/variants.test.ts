import * as assert from 'node:assert/strict';
import { articleAtLine, arxivUrls, groupByDate, isArxivId, parseDigest, weekdayName } from '../../src/core';
import { readFixture, readTestDigest } from '../support/fixtures';

/** Diagnostics as "line severity: message" strings, for readable assertions. */
function messages(text: string): string[] {
  return parseDigest(text).diagnostics.map((d) => `${d.line} ${d.severity}: ${d.message}`);
}

const SMALL = [
  'cs.DC @ 2025-06-01: 2',
  '-',
  '00 05-29 (4) Alpha Alpha-de 阿尔法 2505.00001v1 -',
  '01 05-28 (3) Beta Beta-de 贝塔 2505.00002v2',
  'Article 0',
  'Title@2025-05-29 (4): Alpha',
  'Title: Alpha | Alpha-de | 阿尔法 2505.00001v1 |',
  'Authors (2): Ann One, Bob Two',
  'English abstract zero.',
  '中文摘要零。',
  'Article 1',
  'Title@2025-05-28 (3): Beta',
  'Title: Beta | Beta-de | 贝塔 2505.00002v2 |',
  'Authors (1): Cy Three',
  'English abstract one.',
  '中文摘要一。',
];

describe('parseDigest: the variants of the format notes', () => {
  it('reads a Markdown arXiv digest like the text one', () => {
    const digest = parseDigest(readTestDigest('cs.PL-2025-06-01.md'));
    assert.equal(digest.kind, 'arxiv');
    assert.equal(digest.format, 'markdown');
    assert.equal(digest.subject, 'cs.PL');
    assert.equal(digest.date, '2025-06-01');
    assert.equal(digest.declaredCount, 3);
    assert.deepEqual(digest.diagnostics, []);
    assert.equal(digest.articles.length, 3);
    const [a0, a1, a2] = digest.articles;
    assert.deepEqual(a0.titles, { en: 'Typed Effects for Everyone', de: 'Typisierte Effekte für alle', zh: '人人都有类型效应' });
    assert.equal(a0.arxivId, '2405.03536v2');
    assert.deepEqual(a0.authors, ['Ken Sakayori', 'Davide Sangiorgi']);
    assert.deepEqual(a0.abstracts, {
      en: 'We present typed effects for everyone, with $O(n)$ checking.',
      de: 'Wir stellen typisierte Effekte für alle vor, mit $O(n)$ Prüfung.',
      zh: '我们为每个人提出了类型效应,检查为$O(n)$。',
    });
    assert.equal(a0.line, 10);
    // An empty German title and a `nan` Chinese abstract are both missing.
    assert.deepEqual(a1.titles, { en: 'A   Wrapped    Title on $\\lambda$-Calculus', zh: '关于$\\lambda$演算的标题' });
    assert.deepEqual(a1.abstracts, { en: 'An abstract about the lambda calculus.' });
    assert.equal(a2.arxivId, 'cs/0112017');
    assert.equal(a2.date, '2025-05-28');
    assert.equal(a2.weekday, 3);
  });

  it('reads a Markdown news digest: original and translations', () => {
    const digest = parseDigest(readTestDigest('german-news-2025-06-01.md'));
    assert.equal(digest.kind, 'news');
    assert.equal(digest.subject, 'German News');
    assert.equal(digest.date, '2025-06-01');
    assert.equal(digest.declaredCount, 2);
    assert.deepEqual(digest.diagnostics, []);
    const [a0, a1] = digest.articles;
    assert.equal(a0.sourceLanguage, 'de');
    assert.equal(a0.arxivId, undefined);
    assert.equal(a0.date, undefined);
    assert.equal(a0.weekday, undefined);
    assert.deepEqual(a0.authors, []);
    assert.deepEqual(a0.titles, { de: 'Bahn kündigt neue Strecken an', en: 'Railway announces new routes', zh: '铁路宣布新线路' });
    assert.equal(a0.abstracts.de, 'Die Bahn hat neue Strecken angekündigt.\n\nSie sollen 2026 fahren.');
    assert.equal(a0.abstracts.en, 'The railway has announced new routes.\n\nThey are to run in 2026.');
    assert.equal(a1.titles.en, 'Weather: sun at the weekend');
    assert.equal(groupByDate(digest.articles).length, 1);
  });

  it('ignores CRLF, a BOM, trailing spaces and a final newline', () => {
    const plain = parseDigest(SMALL.join('\n'));
    const windows = parseDigest('\uFEFF' + SMALL.map((l) => l + '  ').join('\r\n') + '\r\n');
    assert.deepEqual(windows, plain);
    const fixture = readFixture();
    assert.deepEqual(parseDigest('\uFEFF' + fixture.replace(/\n/g, '\r\n')), parseDigest(fixture));
  });

  it('reads a small digest without complaint', () => {
    const digest = parseDigest(SMALL.join('\n'));
    assert.deepEqual(digest.diagnostics, []);
    assert.deepEqual(digest.articles.map((a) => [a.index, a.date, a.weekday, a.arxivId, a.line, a.endLine]), [
      [0, '2025-05-29', 4, '2505.00001v1', 4, 9],
      [1, '2025-05-28', 3, '2505.00002v2', 10, 15],
    ]);
  });

  it('reads abstracts in three languages, telling Chinese from German by script', () => {
    const lines = [...SMALL];
    lines.splice(9, 0, 'Deutsche Zusammenfassung null.');
    const digest = parseDigest(lines.join('\n'));
    assert.deepEqual(digest.articles[0].abstracts, {
      en: 'English abstract zero.',
      de: 'Deutsche Zusammenfassung null.',
      zh: '中文摘要零。',
    });
    // German made, Chinese not: the second line is German, not Chinese by position.
    const noChinese = [...SMALL];
    noChinese[9] = 'Nur Deutsch.';
    assert.deepEqual(parseDigest(noChinese.join('\n')).articles[0].abstracts, { en: 'English abstract zero.', de: 'Nur Deutsch.' });
  });

  it('treats empty translations and `nan` as missing', () => {
    const lines = [...SMALL];
    lines[6] = 'Title: Alpha |  |  2505.00001v1 |';
    lines[9] = 'nan';
    const digest = parseDigest(lines.join('\n'));
    const a = digest.articles[0];
    assert.deepEqual(a.titles, { en: 'Alpha' });
    assert.deepEqual(a.abstracts, { en: 'English abstract zero.' });
    assert.equal(a.arxivId, '2505.00001v1');
    assert.deepEqual(digest.diagnostics, []);
  });

  it('reads a title that holds a bar itself, anchored on the Title@ line', () => {
    const lines = [...SMALL];
    lines[5] = 'Title@2025-05-29 (4): Alpha | Omega';
    lines[6] = 'Title: Alpha | Omega | Alpha-de | 阿尔法 2505.00001v1 |';
    const digest = parseDigest(lines.join('\n'));
    assert.deepEqual(digest.articles[0].titles, { en: 'Alpha | Omega', de: 'Alpha-de', zh: '阿尔法' });
    assert.equal(digest.articles[0].arxivId, '2505.00001v1');
  });

  it('keeps every readable article of a cut-off file and says it was cut', () => {
    const fixture = readFixture();
    // Cut in the middle of article 58's Title@ line, three letters into its title.
    const titleStart = fixture.indexOf(': ', fixture.indexOf('Title@', fixture.indexOf('Article 58\n'))) + 2;
    const cut = fixture.slice(0, titleStart + 3);
    const digest = parseDigest(cut);
    assert.equal(digest.articles.length, 59);
    assert.equal(digest.articles[58].titles.en, fixture.slice(titleStart, titleStart + 3));
    const text = messages(cut);
    assert.ok(text.includes('0 warning: The header announces 103 articles but 59 were found; the file may be cut short.'), text.join('\n'));
    assert.ok(text.some((m) => m.includes('Article 58 has no "Title:" line')), text.join('\n'));
    assert.ok(text.some((m) => m.includes('Article 58 has no Authors line; the file may be cut short.')), text.join('\n'));
    assert.ok(text.some((m) => m.includes('44 articles in the table of contents have no body, from article 59 on.')), text.join('\n'));
  });

  it('cross-checks the table of contents against the bodies', () => {
    const lines = [...SMALL];
    lines[3] = '01 05-27 (2) Beta Beta-de 贝塔 2505.09999v1';
    const text = messages(lines.join('\n'));
    assert.deepEqual(text, [
      '10 warning: Article 1 is dated 2025-05-28, but the table of contents (line 4) says 05-27.',
      '10 warning: Article 1 has arXiv id 2505.00002v2, but the table of contents (line 4) says 2505.09999v1.',
    ]);
  });

  it('says when the header announces more articles than there are', () => {
    const lines = [...SMALL];
    lines[0] = 'cs.DC @ 2025-06-01: 5';
    assert.deepEqual(messages(lines.join('\n')), ['0 warning: The header announces 5 articles but 2 were found; the file may be cut short.']);
  });

  it('explains an empty file and a file with no header', () => {
    assert.deepEqual(messages(''), ['0 error: This file is empty; a digest starts with a header such as "cs.DC @ 2025-06-01: 103".']);
    const digest = parseDigest(SMALL.slice(1).join('\n'));
    assert.equal(digest.articles.length, 2);
    assert.equal(digest.diagnostics[0].severity, 'error');
    assert.match(digest.diagnostics[0].message, /header/);
  });

  it('skips a malformed article and goes on with the next', () => {
    const lines = [...SMALL];
    lines.splice(5, 3, 'garbage instead of titles');
    const digest = parseDigest(lines.join('\n'));
    assert.deepEqual(digest.articles.map((a) => a.index), [1]);
    assert.ok(digest.diagnostics.some((d) => d.severity === 'error' && d.message === 'Article 0 has no title lines. It was skipped.'));
  });

  it('gives hostile markup back verbatim: escaping is the view\'s job', () => {
    const digest = parseDigest(readTestDigest('hostile.txt'));
    assert.equal(digest.articles.length, 3);
    const [a0, a1, a2] = digest.articles;
    assert.deepEqual(a0.titles, {
      en: '<script>window.__pwned=1</script> Evil',
      de: '<script>window.__pwned=2</script>',
      zh: '邪恶<script>window.__pwned=3</script>',
    });
    assert.deepEqual(a0.authors, ['<b>Bold</b> Author', 'Mallory </div><script>window.__pwned=9</script>']);
    assert.equal(a0.abstracts.en, 'An abstract with <script>window.__pwned=10</script> and <style>body{display:none}</style> & "quotes" \'too\' and $x<y>z$.');
    assert.equal(a1.titles.en, '<img src=x onerror="window.__pwned=4">');
    assert.equal(a2.titles.en, '[click](javascript:window.__pwned=7)');
    assert.equal(a2.titles.de, '<a href="javascript:window.__pwned=8">link</a>');
  });
});

describe('helpers for the views', () => {
  it('builds arXiv URLs only from valid ids', () => {
    assert.deepEqual(arxivUrls('2505.20314v2'), {
      abs: 'https://arxiv.org/abs/2505.20314v2',
      pdf: 'https://arxiv.org/pdf/2505.20314v2',
      html: 'https://arxiv.org/html/2505.20314v2',
    });
    assert.equal(arxivUrls('math.GT/0309136v2')?.abs, 'https://arxiv.org/abs/math.GT/0309136v2');
    assert.equal(arxivUrls('cs/0112017')?.pdf, 'https://arxiv.org/pdf/cs/0112017');
    for (const bad of ['', '2505.203', '../../etc/passwd', 'javascript:alert(1)', '2505.20314v2?x=1', '2505.20314v2 ', undefined]) {
      assert.equal(arxivUrls(bad), undefined, String(bad));
      assert.equal(isArxivId(bad), false);
    }
  });

  it('finds the article at a line, and nothing between or outside articles', () => {
    const digest = parseDigest(SMALL.join('\n'));
    assert.equal(articleAtLine(digest, 3), undefined);
    assert.equal(articleAtLine(digest, 4)?.index, 0);
    assert.equal(articleAtLine(digest, 9)?.index, 0);
    assert.equal(articleAtLine(digest, 10)?.index, 1);
    assert.equal(articleAtLine(digest, 15)?.index, 1);
    assert.equal(articleAtLine(digest, 16), undefined);
  });

  it('names weekdays, in English by default and in the display language asked for', () => {
    assert.deepEqual([1, 4, 7, 0, 8, undefined].map((day) => weekdayName(day)), ['Mon', 'Thu', 'Sun', '', '', '']);
    assert.deepEqual([1, 4, 7].map((day) => weekdayName(day, 'de')), ['Mo', 'Do', 'So']);
    assert.deepEqual([1, 4, 7].map((day) => weekdayName(day, 'zh-cn')), ['周一', '周四', '周日']);
    assert.equal(weekdayName(4, 'en-GB'), 'Thu');
    assert.equal(weekdayName(4, 'not a locale!'), 'Thu');
  });
});
