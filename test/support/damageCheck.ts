/**
 * The check of the damaged-digest property (test/unit/damage.test.ts), here
 * so that a failing seed can be replayed alone:
 * `node -e "require('./out/test/support/damageCheck').checkDamagedDigest(SEED)"`.
 */
import * as assert from 'node:assert/strict';
import { parseDigest, type Digest } from '../../src/core';
import { damagedDigest, type DamagedDigest } from './damage';

/** The lines as the format notes cut them: LF or CRLF, a BOM ignored, a line ending in CR, space or tab trimmed. */
function linesOf(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n').map((line) => (/[\r \t]$/.test(line) ? line.trimEnd() : line));
}

/**
 * The first line after the file's first front matter (0 when there is none):
 * a damaged one reads on to the next `---`, swallowing what is between.
 */
function bodyStart(texts: string[]): number {
  let first = 0;
  while (texts[first] === '') {
    first++;
  }
  if (texts[first] !== '---') {
    return 0;
  }
  for (let i = first + 1; i < texts.length && i < first + 50; i++) {
    if (texts[i] === '---') {
      return i + 1;
    }
  }
  return 0;
}

/**
 * The articles still complete after the damage, each with the line the
 * parser must find it at: all its lines in order and untouched, followed
 * (past blank lines) by the end of the text, the start of another article,
 * or a day's whole header block.
 */
function completeArticles({ variant, lines, blocks, text }: DamagedDigest): { at: number; endLine: number; block: number }[] {
  const markdown = variant !== 'text';
  const texts = linesOf(text);
  assert.equal(texts.length, lines.length);
  const isFiller = (i: number): boolean => texts[i] === '' || (markdown && texts[i] === '---');
  const opener = markdown ? /^## Article \d{1,7}$/ : /^Article \d{1,7}$/;
  const start = markdown ? bodyStart(texts) : 0;
  const intact = (at: number, block: number): boolean => {
    for (let part = 0; part < blocks[block].size; part++) {
      if (lines[at + part]?.block !== block || lines[at + part].part !== part) {
        return false;
      }
    }
    return true;
  };
  const complete: { at: number; endLine: number; block: number }[] = [];
  lines.forEach((line, at) => {
    if (at < start || line.block === undefined || line.part !== 0 || blocks[line.block].kind !== 'article' || !intact(at, line.block)) {
      return;
    }
    let next = at + blocks[line.block].size;
    let endLine = next - 1;
    while (isFiller(endLine)) {
      endLine--;
    }
    while (next < lines.length && isFiller(next)) {
      next++;
    }
    const following = lines[next];
    const ends = following === undefined || opener.test(texts[next])
      || (following.block !== undefined && following.part === 0 && blocks[following.block].kind === 'head' && intact(next, following.block));
    if (ends) {
      complete.push({ at, endLine, block: line.block });
    }
  });
  return complete;
}

export function assertInsideText(digest: Digest, text: string): void {
  const lineCount = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n').length;
  for (const article of digest.articles) {
    assert.ok(article.line >= 0 && article.line <= article.endLine && article.endLine < lineCount, `article ${article.index}: ${article.line}-${article.endLine} of ${lineCount}`);
  }
  for (const diagnostic of digest.diagnostics) {
    assert.ok(Number.isInteger(diagnostic.line) && diagnostic.line >= 0 && diagnostic.line < lineCount, `diagnostic at ${diagnostic.line} of ${lineCount}`);
  }
  for (const entry of digest.toc) {
    assert.ok(entry.line >= 0 && entry.line < lineCount, `TOC entry at ${entry.line} of ${lineCount}`);
  }
  for (const section of digest.sections ?? []) {
    assert.ok(section.line >= 0 && section.line <= section.endLine && section.endLine < lineCount, `section at ${section.line}-${section.endLine} of ${lineCount}`);
  }
}

/** Parses the digest of `seed` and checks it; returns how many complete articles it compared. */
export function checkDamagedDigest(seed: number): number {
  let checked = 0;
  const damaged = damagedDigest(seed);
  const digest = parseDigest(damaged.text);
  assertInsideText(digest, damaged.text);
  const byLine = new Map(digest.articles.map((article) => [article.line, article]));
  for (const { at, endLine, block } of completeArticles(damaged)) {
    const expected = damaged.blocks[block].article;
    const found = byLine.get(at);
    assert.ok(expected && found, `${damaged.variant}: the complete article at line ${at} was not read`);
    assert.deepEqual(
      { index: found.index, date: found.date, weekday: found.weekday, arxivId: found.arxivId, titles: found.titles, abstracts: found.abstracts, authors: found.authors, sourceLanguage: found.sourceLanguage, endLine: found.endLine },
      { index: expected.index, date: expected.date, weekday: expected.weekday, arxivId: expected.arxivId, titles: expected.titles, abstracts: expected.abstracts, authors: expected.authors, sourceLanguage: expected.sourceLanguage, endLine },
      `${damaged.variant}: the article at line ${at}`,
    );
    checked++;
  }
  return checked;
}
