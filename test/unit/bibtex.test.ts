import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bibtexEntries, bibtexEntry, bibtexOf, citationKey, parseDigest, uniqueKeys, type CitedArticle, type Digest } from '../../src/core';
import { escapeBibtex } from '../../src/core/citation/tex';
import { loadBibtexParser, type Entry } from '../support/bibtexParser';
import { DELTA_NETS } from '../support/articles';
import { readFixture, readTestDigest } from '../support/fixtures';

type Parser = Awaited<ReturnType<typeof loadBibtexParser>>;

function cited(digest: Digest): CitedArticle[] {
  return digest.articles.map((a) => ({ ...a, subject: digest.subject, digestDate: digest.date }));
}

const delta = DELTA_NETS;

/** What must hold of every entry: one entry, no errors, the fields built from the id untouched. */
function parsesAsOne(parser: Parser, text: string, article: CitedArticle): Entry {
  const library = parser.parse(text, { raw: true });
  assert.deepEqual(library.errors, [], text);
  assert.equal(library.entries.length, 1, text);
  assert.deepEqual(library.comments, [], text);
  const [entry] = library.entries;
  const id = (article.arxivId ?? '').replace(/v\d+$/, '');
  assert.equal(entry.type, 'misc');
  assert.match(entry.key, /^[a-z0-9]+$/);
  assert.equal(entry.key, citationKey(article));
  assert.equal(entry.fields.eprint, id);
  assert.equal(entry.fields.url, `https://arxiv.org/abs/${id}`);
  assert.equal(entry.fields.archiveprefix, 'arXiv');
  const title = escapeBibtex(article.titles.en ?? '').trim();
  const authors = article.authors.filter((a) => escapeBibtex(a, false).trim() !== '');
  const expected = ['archiveprefix', 'eprint', 'url', 'year', ...(title ? ['title'] : []), ...(authors.length > 0 ? ['author'] : []), ...(entry.fields.primaryclass ? ['primaryclass'] : [])];
  assert.deepEqual(Object.keys(entry.fields).sort(), expected.sort(), text);
  assert.equal(entry.fields.title, title || undefined, 'the title is the escaped title, whole');
  assert.equal(entry.fields.author?.length ?? 0, authors.length, `authors of ${text}`);
  return entry;
}

describe('BibTeX entries', () => {
  let parser: Parser;
  before(async () => {
    parser = await loadBibtexParser();
  });

  it('writes an arXiv-style entry: key, eprint and url without version, year from the id, primaryClass', () => {
    assert.equal(bibtexOf(delta), [
      '@misc{salvadori2025deltanetsinteractionbasedsystem,',
      '      title={$Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction},',
      '      author={Daniel Augusto Rizzi Salvadori},',
      '      year={2025},',
      '      eprint={2505.20314},',
      '      archivePrefix={arXiv},',
      '      primaryClass={cs.DC},',
      '      url={https://arxiv.org/abs/2505.20314},',
      '}',
      '',
    ].join('\n'));
  });

  it('builds keys as arXiv does: last name, year, first significant title words in ASCII', () => {
    const key = (title: string, authors: string[], more: Partial<CitedArticle> = {}) => citationKey({ arxivId: '2401.00001', titles: { en: title }, authors, ...more });
    assert.equal(key('Attention Is All You Need', ['Ashish Vaswani']), 'vaswani2024attentionneed');
    assert.equal(key('The Design of a Scheduler for GPUs', ['Anna Würthein', 'B C']), 'wurthein2024designschedulergpus');
    assert.equal(key('$\\Delta$-Nets and Friends', ['Ólafur Þórsson']), 'thorsson2024deltanetsfriends');
    assert.equal(key('Über Straßen', ['Smith, John']), 'smith2024uberstrassen');
    assert.equal(key('', []), 'anonymous2024');
    assert.equal(key('Old', ['X Y'], { arxivId: 'math.GT/0309136v2' }), 'y2003old');
    assert.equal(key('Old', ['X Y'], { arxivId: 'hep-th/9901001' }), 'y1999old');
    assert.equal(key('No id', ['X Y'], { arxivId: undefined, date: '2023-04-05' }), 'y2023id');
  });

  it('makes keys unique within one export: a, b, … appended on collision', () => {
    assert.deepEqual(uniqueKeys(['k', 'k', 'j', 'k', 'ka']), ['k', 'ka', 'j', 'kb', 'kaa']);
    const same = { ...delta, arxivId: '2505.20315v1' };
    assert.deepEqual(bibtexEntries([delta, same, { ...delta, arxivId: undefined }]).map((e) => e.key), ['salvadori2025deltanetsinteractionbasedsystem', 'salvadori2025deltanetsinteractionbasedsystema']);
  });

  it('writes no entry for an article without an arXiv id (news), and no primaryClass for a subject that is no category', () => {
    assert.equal(bibtexEntry({ titles: { en: 'News' }, authors: [] }), undefined);
    assert.equal(bibtexEntry({ arxivId: 'javascript:alert(1)', titles: { en: 'x' }, authors: [] }), undefined);
    assert.ok(!bibtexEntry({ ...delta, subject: 'German News' })?.fields.some(([name]) => name === 'primaryClass'));
  });

  it('every entry of the 103 articles of the sample parses into one entry with the expected fields, keys unique', () => {
    const articles = cited(parseDigest(readFixture()));
    assert.equal(articles.length, 103);
    const entries = bibtexEntries(articles);
    assert.equal(entries.length, 103);
    assert.equal(new Set(entries.map((e) => e.key)).size, 103);
    for (const article of articles) {
      const entry = parsesAsOne(parser, bibtexOf(article) ?? '', article);
      assert.equal(entry.fields.primaryclass, 'cs.DC');
      assert.match(entry.fields.year ?? '', /^20[12]\d$/);
    }
    const all = parser.parse(entries.map((e) => `@misc{${e.key},\n${e.fields.map(([n, v]) => `${n}={${v}},`).join('\n')}}`).join('\n'), { raw: true });
    assert.deepEqual([all.errors.length, all.entries.length], [0, 103]);
  });

  const hostile = ['}', '{', '\\', '\\}', '} @misc{evil, title={x}', '@misc{', '[x](javascript:alert(1))', '<img onerror=alert(1)>', 'a $ b', '$x}$ and $y', '$\\frac{a}{b$', '100% # & _ ~ ^', 'Tom and Jerry', 'Last, First', '"quoted"', 'a\nb\r\nc\u0000'];

  it('hostile titles and authors stay inside their fields', () => {
    for (const text of hostile) {
      const article: CitedArticle = { arxivId: '2505.00001v1', titles: { en: text }, authors: [text, 'Eve'], subject: 'cs.CR' };
      parsesAsOne(parser, bibtexOf(article) ?? '', article);
      // Decoded as a reader's tool decodes it, outside math the title is the text again.
      if (!text.includes('$')) {
        const decoded = parser.parse(bibtexOf(article) ?? '', { sentenceCase: false, english: false, caseProtection: false }).entries[0];
        assert.equal(decoded.fields.title, text.replace(/[\s\u0000-\u001f]+/g, ' ').trim(), text);
      }
    }
  });

  it('keeps well-formed math and escapes math whose braces do not balance', () => {
    assert.equal(escapeBibtex('$\\frac{a}{b}$-x'), '$\\frac{a}{b}$-x');
    assert.equal(escapeBibtex('$x}$'), '\\$x\\textbraceright{}\\$');
    assert.equal(escapeBibtex('$a%b$'), '\\$a\\%b\\$');
    assert.equal(escapeBibtex('costs $5'), 'costs \\$5');
  });

  it('the hostile test digest gives entries that parse', () => {
    for (const article of cited(parseDigest(readTestDigest('hostile.txt')))) {
      parsesAsOne(parser, bibtexOf(article) ?? '', article);
    }
  });

  it('property: any title and authors give exactly one entry with the expected fields', () => {
    const specials = fc.constantFrom('{', '}', '\\', '$', '%', '#', '&', '_', '~', '^', ' ', 'a', 'B', '@', ',', '"', '=', '\n', 'and', 'Δ', 'é', '(', ')');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: specials, maxLength: 40 }));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), (title, authors) => {
        const article: CitedArticle = { arxivId: '2505.12345v3', titles: { en: title }, authors, subject: 'cs.DC' };
        parsesAsOne(parser, bibtexOf(article) ?? '', article);
      }),
      { numRuns: 300 },
    );
  });
});
