import * as assert from 'node:assert/strict';
import { articleForLine, parseDigest } from '../../src/core';
import { readFixture, readTestDigest } from '../support/fixtures';

/** The real digest twice, the second copy dated a day later: two days in one file, as a reader may keep them. */
function twoDays(): string {
  const fixture = readFixture();
  return fixture + '\n' + fixture.replace('cs.DC @ 2025-06-01: 103', 'cs.DC @ 2025-06-02: 103');
}

describe('several days of digests in one file', () => {
  it('reads both days of the doubled real digest, each with its own table of contents, without complaint', () => {
    const digest = parseDigest(twoDays());
    assert.deepEqual(digest.diagnostics, []);
    assert.equal(digest.articles.length, 206);
    assert.equal(digest.toc.length, 206);
    assert.deepEqual([digest.subject, digest.date, digest.declaredCount], ['cs.DC', '2025-06-01', 103]);
    assert.deepEqual(digest.sections, [
      { subject: 'cs.DC', date: '2025-06-01', declaredCount: 103, line: 0, endLine: 722, firstArticle: 0, articleCount: 103 },
      { subject: 'cs.DC', date: '2025-06-02', declaredCount: 103, line: 723, endLine: 1445, firstArticle: 103, articleCount: 103 },
    ]);
    // The second header ends article 102: its abstracts stay English and Chinese.
    const last = digest.articles[102];
    assert.deepEqual(Object.keys(last.abstracts).sort(), ['en', 'zh']);
    assert.equal(last.endLine, 722);
    const first = parseDigest(readFixture()).articles;
    assert.deepEqual(digest.articles.slice(103).map((a) => ({ ...a, line: a.line - 723, endLine: a.endLine - 723 })), first);
  });

  it('finds the article of a table-of-contents line in its own day', () => {
    const digest = parseDigest(twoDays());
    assert.equal(articleForLine(digest, 723 + 2), digest.articles[103]);
    assert.equal(articleForLine(digest, 2), digest.articles[0]);
  });

  it('checks each day against its own header and table of contents', () => {
    const lines = twoDays().split('\n');
    lines[723] = 'cs.DC @ 2025-06-02: 104';
    // Day 1 loses article 5's body (6 lines); day 2 keeps it.
    lines.splice(lines.indexOf('Article 5'), 6);
    const text = parseDigest(lines.join('\n')).diagnostics.map((d) => `${d.line} ${d.severity}: ${d.message}`);
    assert.deepEqual(text, [
      "0 warning: The header announces 103 articles but 102 were found; this day's digest may be cut short.",
      '7 warning: Article 5 is in the table of contents but its body is missing.',
      '717 warning: The header announces 104 articles but 103 were found; the file may be cut short.',
    ]);
  });

  it('reads a second Markdown front matter as a new day', () => {
    const markdown = readTestDigest('cs.PL-2025-06-01.md');
    const digest = parseDigest(markdown + '\n' + markdown.replace('cs.PL @ 2025-06-01: 003', 'cs.PL @ 2025-06-02: 003').replace('date: 2025-06-01', 'date: 2025-06-02'));
    assert.deepEqual(digest.diagnostics, []);
    assert.equal(digest.articles.length, 6);
    assert.deepEqual(digest.sections?.map((s) => [s.date, s.firstArticle, s.articleCount]), [['2025-06-01', 0, 3], ['2025-06-02', 3, 3]]);
    assert.deepEqual(digest.articles[5].abstracts, digest.articles[2].abstracts);

    const news = readTestDigest('german-news-2025-06-01.md');
    const newsDigest = parseDigest(news + '\n' + news);
    assert.deepEqual(newsDigest.diagnostics, []);
    assert.equal(newsDigest.articles.length, 4);
    assert.equal(newsDigest.sections?.length, 2);
  });

  it('leaves a one-day digest without sections, as before', () => {
    assert.equal(parseDigest(readFixture()).sections, undefined);
    assert.equal('sections' in parseDigest(readFixture()), false);
  });
});
