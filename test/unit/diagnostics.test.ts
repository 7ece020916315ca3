import * as assert from 'node:assert/strict';
import { parseDigest } from '../../src/core';
import { generateDigest } from '../support/generate';

describe('diagnostics: repeated problems are summarized', () => {
  it('lists a few of each kind, then says how many more there are and where the first is', () => {
    // 200 articles without their Authors lines: each lacks Authors, and its abstract lines come too early.
    const lines = generateDigest(200, { seed: 7, abstractWords: 5, germanShare: 0 }).text.split('\n');
    const text = lines.filter((line) => !line.startsWith('Authors (')).join('\n');
    const digest = parseDigest(text);
    assert.equal(digest.articles.length, 200);
    assert.ok(digest.diagnostics.length <= 14, `${digest.diagnostics.length} diagnostics`);

    const noAuthors = digest.diagnostics.filter((d) => d.code === 'no-authors');
    assert.equal(noAuthors.length, 6);
    const summary = noAuthors[5];
    assert.equal(summary.omitted, 195);
    const sixth = digest.articles[5].line;
    assert.equal(summary.line, sixth);
    assert.equal(summary.severity, 'warning');
    assert.equal(summary.message, `195 more articles have no Authors line, the first at line ${sixth + 1}; only the first 5 are listed one by one.`);

    const skipped = digest.diagnostics.filter((d) => d.code === 'unexpected-line');
    assert.equal(skipped.length, 6);
    assert.equal(skipped[5].omitted, 395);
  });

  it('gives every diagnostic a kind', () => {
    const digest = parseDigest('no header\nArticle 0\nTitle@2025-13-40: x\nstray');
    assert.ok(digest.diagnostics.length > 0);
    for (const diagnostic of digest.diagnostics) {
      assert.match(diagnostic.code ?? '', /^[a-z-]+$/, diagnostic.message);
    }
  });
});
