import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bibFile, escapeMarkdown, parseDigest, readingListMarkdown, type ExportedArticle } from '../../src/core';
import { loadBibtexParser } from '../support/bibtexParser';
import { readFixture, readTestDigest } from '../support/fixtures';

interface MarkdownRenderer {
  render(markdown: string): string;
}
// markdown-it as VS Code's Markdown preview configures it: raw HTML and linkify on (it ships no types).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => MarkdownRenderer;
const preview = new MarkdownIt({ html: true, linkify: true });

const HOSTILE_TITLES = [
  '[x](javascript:alert(1))',
  '<img src=x onerror="alert(1)">',
  '<script>alert(2)</script> & &lt;b&gt; &amp;',
  'a stray } and a \\ and { and % and # and $x$',
  '*bold* _it_ `code` ~~gone~~ ![img](https://evil.example/x.png)',
  '# not a heading\n- not a list\n\n<div>block</div>\n```\nfence',
  '| a | b |\n| - | - |',
  '<https://evil.example> www.evil.example evil.example mail@evil.example javascript:alert(3)',
  '[ref]: https://evil.example "t"',
  '\\',
];

function hostileArticle(title: string, i: number): ExportedArticle {
  return { arxivId: `2505.0000${i % 10}v1`, titles: { en: title, de: title, zh: `标题${title}` }, authors: [title, 'Eve'], subject: 'cs.CR', digestDate: '2025-06-01', date: '2025-05-30', index: i };
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITY[name] ?? '');
}

/** The tags of rendered HTML, and the text of each element the reader sees. */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g)].map((m) => `${m[1]}${m[2]}`);
}

function collapsed(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

describe('exports: .bib files and Markdown reading lists', () => {
  describe('escapeMarkdown', () => {
    for (const title of HOSTILE_TITLES) {
      it(`keeps ${JSON.stringify(title.slice(0, 40))} as one paragraph of that very text`, () => {
        const html = preview.render(escapeMarkdown(title)).trim();
        assert.deepEqual(tags(html), ['p', 'p'], html);
        assert.equal(decode(html.slice(3, -4)), collapsed(title));
      });
    }

    it('keeps any text as text (property)', () => {
      const alphabet = fc.constantFrom(...'ab1 .:/@\\`*_[](){}<>#|!~$^&;"\'=+-\n\tα张'.split(''), 'www.', 'http://', '&lt;', '<img ', '](', 'javascript:');
      fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const html = preview.render(`x ${escapeMarkdown(text)}`).trim();
        assert.deepEqual(tags(html), ['p', 'p'], html);
        assert.equal(decode(html.slice(3, -4)), collapsed(`x ${text}`));
      }), { numRuns: 2000 });
    });

    it('leaves ordinary titles readable: sentence periods, colons and hyphens unescaped', () => {
      assert.equal(escapeMarkdown('Δ-Nets: A System. Really'), 'Δ-Nets: A System. Really');
      assert.equal(escapeMarkdown('$O(n)$ time'), '\\$O\\(n\\)\\$ time');
    });
  });

  describe('readingListMarkdown', () => {
    const digest = parseDigest(readFixture());
    const articles: ExportedArticle[] = digest.articles.slice(20, 23).map((a) => ({ ...a, subject: digest.subject, digestDate: digest.date }));

    it('lists each article with its titles in the chosen languages, authors, arXiv and PDF links and digest', () => {
      const markdown = readingListMarkdown(articles, { languages: ['en', 'zh'] });
      assert.match(markdown, /^# Reading list\n\n3 articles\n/);
      assert.ok(markdown.includes('## 2. \\$Δ\\$-Nets: Interaction-Based System for Optimal Parallel \\$λ\\$-Reduction\n'), markdown);
      assert.ok(markdown.includes('- 中文: \\\\\\(-净额:最佳平行互动系统\\\\\\)\\$美元-削减\n'), markdown);
      assert.ok(markdown.includes('- Authors: Daniel Augusto Rizzi Salvadori\n'), markdown);
      assert.ok(markdown.includes('- [arXiv](https://arxiv.org/abs/2505.20314v2) · [PDF](https://arxiv.org/pdf/2505.20314v2) · 2505\\.20314v2\n'), markdown);
      assert.ok(markdown.includes('- Digest: cs\\.DC 2025-06-01, article 21 (2025-05-28)'), markdown);
      assert.ok(!markdown.includes('Deutsch'), 'German was not chosen');
      const html = preview.render(markdown);
      assert.equal((html.match(/<h2>/g) ?? []).length, 3);
      assert.ok(html.includes('<h2>2. $Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction</h2>'), html);
    });

    it('heads an article with the first chosen language it has a title in, and lists one with none under its own title', () => {
      const markdown = readingListMarkdown([{ arxivId: '2505.00001', titles: { en: 'English', de: 'Deutsch' }, authors: [] }], { languages: ['zh', 'de'] });
      assert.ok(markdown.includes('## 1. Deutsch\n'), markdown);
      const untitled = readingListMarkdown([{ arxivId: '2505.00001', titles: { en: 'Only English' }, authors: [] }], { languages: ['zh'] });
      assert.ok(untitled.includes('## 1. Only English\n'), untitled);
    });

    it('keeps the hostile digest and hostile titles as text: only its own headings, lists and arXiv links come out', () => {
      const hostile = parseDigest(readTestDigest('hostile.txt'));
      const all = [...hostile.articles.map((a) => ({ ...a, subject: hostile.subject, digestDate: hostile.date })), ...HOSTILE_TITLES.map(hostileArticle)];
      const html = preview.render(readingListMarkdown(all, { languages: ['en', 'de', 'zh'], heading: '<b>list</b> [x](javascript:1)' }));
      const seen = new Set(tags(html).map((t) => (t.startsWith('a ') ? 'a' : t)));
      assert.deepEqual([...seen].sort(), ['a', 'h1', 'h2', 'li', 'p', 'ul'], html);
      for (const link of tags(html).filter((t) => t.startsWith('a '))) {
        assert.match(link, /^a href="https:\/\/arxiv\.org\/(abs|pdf)\/2505\.0000\dv1"$/);
      }
      assert.equal((html.match(/<h2>/g) ?? []).length, all.length);
      assert.ok(html.includes('<h2>1. &lt;script&gt;window.__pwned=1&lt;/script&gt; Evil</h2>'), html);
      assert.ok(html.includes('<h2>3. [click](javascript:window.__pwned=7)</h2>'), html);
    });
  });

  describe('bibFile', () => {
    it('holds exactly the articles with an arXiv id, hostile titles included, and parses without error', async () => {
      const parser = await loadBibtexParser();
      const hostile = parseDigest(readTestDigest('hostile.txt'));
      const articles = [...hostile.articles, ...HOSTILE_TITLES.map(hostileArticle), { titles: { en: 'News item' }, authors: [] }];
      const file = bibFile(articles);
      assert.equal(file.count, articles.length - 1);
      assert.equal(file.skipped, 1);
      const library = parser.parse(file.text, { raw: true });
      assert.deepEqual(library.errors, []);
      assert.deepEqual(library.comments, []);
      assert.equal(library.entries.length, articles.length - 1);
      assert.equal(new Set(library.entries.map((e) => e.key)).size, library.entries.length, 'keys are unique');
      assert.deepEqual(library.entries.map((e) => e.fields.eprint), articles.slice(0, -1).map((a) => (a.arxivId ?? '').replace(/v\d+$/, '')));
    });

    it('of three sample articles holds those three', async () => {
      const parser = await loadBibtexParser();
      const digest = parseDigest(readFixture());
      const file = bibFile([digest.articles[3], digest.articles[21], digest.articles[40]]);
      const library = parser.parse(file.text, { raw: true });
      assert.deepEqual(library.errors, []);
      assert.deepEqual(library.entries.map((e) => e.fields.eprint), [3, 21, 40].map((i) => (digest.articles[i].arxivId ?? '').replace(/v\d+$/, '')));
    });
  });
});
