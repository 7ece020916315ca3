import * as assert from 'node:assert/strict';
import { hasMarkdownDigestHeader, hasPlainDigestHeader } from '../../src/digests/detect';

describe('recognizing a digest from its first lines', () => {
  it('takes a plain-text header, with or without BOM and trailing blanks', () => {
    for (const line of ['cs.DC @ 2025-06-01: 103', '\uFEFFcs.DC @ 2025-06-01: 103', 'math.GT @ 2025-06-01: 7  ', 'cs.DC @ 2025-06-01: 103\r']) {
      assert.equal(hasPlainDigestHeader(line), true, JSON.stringify(line));
    }
  });

  it('leaves other text alone', () => {
    for (const line of ['', 'Notes @ lunch', 'cs.DC @ 2025-06-01', 'cs.DC @ 25-06-01: 3', 'Article 0', '# cs.DC @ 2025-06-01: 103']) {
      assert.equal(hasPlainDigestHeader(line), false, JSON.stringify(line));
    }
  });

  it('takes Markdown front matter whose title is an arXiv or news header', () => {
    assert.equal(hasMarkdownDigestHeader(['---', 'title: "cs.PL @ 2025-06-01: 003"', 'date: 2025-06-01', '---']), true);
    assert.equal(hasMarkdownDigestHeader(['---', "title: 'German News for 2025-06-01: 003'", '---']), true);
    assert.equal(hasMarkdownDigestHeader(['---', 'layout: post', 'title: cs.PL @ 2025-06-01: 3', '---']), true);
  });

  it('leaves other Markdown alone', () => {
    assert.equal(hasMarkdownDigestHeader(['# cs.PL @ 2025-06-01: 003']), false);
    assert.equal(hasMarkdownDigestHeader(['---', 'title: "My blog post"', '---']), false);
    assert.equal(hasMarkdownDigestHeader(['---', '---', 'title: "cs.PL @ 2025-06-01: 003"']), false);
    assert.equal(hasMarkdownDigestHeader([]), false);
  });
});
