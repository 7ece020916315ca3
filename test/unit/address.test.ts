import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addressOf, findArticle, parseDigest } from '../../src/core';
import { projectRoot } from '../support/fixtures';

const sample = fs.readFileSync(path.join(projectRoot, 'sample', 'cs.DC-2025-06-01.txt'), 'utf8');
/** Two days in one file, as a reader who concatenates digests has: every number repeats. */
const twoDays = `${sample.trimEnd()}\n${sample.replace('cs.DC @ 2025-06-01: 103', 'cs.DC @ 2025-06-02: 103')}`;

describe('article addresses', () => {
  it('find the article of the second day, not the first, where numbers repeat', () => {
    const digest = parseDigest(twoDays);
    const firstDay = digest.articles.find((article) => article.index === 21);
    const secondDay = digest.articles.filter((article) => article.index === 21)[1];
    assert.ok(firstDay && secondDay && secondDay.line > firstDay.line);
    assert.equal(findArticle(digest, addressOf(secondDay)), secondDay);
    assert.equal(findArticle(digest, addressOf(firstDay)), firstDay);
  });

  it('re-find an article after an edit moved its lines', () => {
    const before = parseDigest(sample);
    const article = before.articles.find((a) => a.index === 21);
    assert.ok(article);
    const after = parseDigest(sample.replace('Article 3\n', 'Article 3\n\n\n'));
    const found = findArticle(after, addressOf(article));
    assert.equal(found?.index, 21);
    assert.equal(found?.line, article.line + 2);
  });

  it('take the first article with the number for number-only addresses (0.1.0 panel states)', () => {
    const digest = parseDigest(twoDays);
    assert.equal(findArticle(digest, { index: 21 }), digest.articles.find((a) => a.index === 21));
    assert.equal(findArticle(digest, { index: 9999 }), undefined);
  });
});
