import * as assert from 'node:assert/strict';
import { findMath } from '../../src/core';

/** The TeX of each math span, for short assertions. */
function tex(text: string): string[] {
  return findMath(text).map((span) => span.tex);
}

describe('findMath: dollars paired as Pandoc pairs them', () => {
  it('leaves prices alone', () => {
    assert.deepEqual(findMath('It costs $5 and $10 a month.'), []);
    assert.deepEqual(findMath('from $20,000 to $30,000'), []);
    assert.deepEqual(findMath('$a$5'), []);
  });

  it('finds math with its position', () => {
    const text = 'We show $O(n)$ bounds.';
    assert.deepEqual(findMath(text), [{ start: 8, end: 14, tex: 'O(n)' }]);
    assert.equal(text.slice(8, 14), '$O(n)$');
    assert.deepEqual(tex('$Δ$-Nets: Optimal Parallel $λ$-Reduction'), ['Δ', 'λ']);
    assert.deepEqual(tex('$x + y$'), ['x + y']);
  });

  it('needs a non-space right of the opening dollar and left of the closing one', () => {
    assert.deepEqual(tex('$ x$'), []);
    assert.deepEqual(tex('$x $'), []);
    assert.deepEqual(tex('a $ b $c$'), ['c']);
  });

  it('reads `\\$` as a literal dollar, outside and inside math', () => {
    assert.deepEqual(tex('costs \\$5 and \\$10'), []);
    assert.deepEqual(tex('\\$x$ and $y$'), ['y']);
    assert.deepEqual(tex('$a\\$b$'), ['a\\$b']);
    assert.deepEqual(tex('\\\\$x$'), ['x']);
  });

  it('reads `$$…$$` as math', () => {
    assert.deepEqual(findMath('see $$x^2$$.'), [{ start: 4, end: 11, tex: 'x^2' }]);
  });

  it('leaves unclosed and overlong dollars alone', () => {
    assert.deepEqual(tex('an unclosed $x'), []);
    assert.deepEqual(tex('$'), []);
    assert.deepEqual(tex('$$'), []);
    assert.deepEqual(tex('$$$'), []);
    assert.deepEqual(tex(`$${'x'.repeat(501)}$`), []);
    assert.deepEqual(tex(`$${'x'.repeat(500)}$`), ['x'.repeat(500)]);
    assert.deepEqual(tex('$a\nb$'), []);
  });

  it('takes linear time on hostile text', () => {
    for (const text of ['$'.repeat(200_000), 'x $a'.repeat(50_000), '$' + 'a'.repeat(200_000), '$$a$'.repeat(50_000), '\\$'.repeat(100_000)]) {
      const started = performance.now();
      findMath(text);
      assert.ok(performance.now() - started < 500, `${text.slice(0, 8)}… took too long`);
    }
  });
});
