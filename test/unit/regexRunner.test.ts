import * as assert from 'node:assert/strict';
import { runRegexesBounded } from '../../src/filters/regexRunner';

describe('regular expressions in a worker with a deadline (Node)', () => {
  it('answers with the ranges of a fast expression', async () => {
    const outcome = await runRegexesBounded({ terms: [{ source: 'b+', flags: 'i' }], texts: ['abba', 'none', 'B'], maxRanges: 10 });
    assert.deepEqual(outcome, { kind: 'done', result: [[[1, 3], [], [0, 1]]] });
  });

  it('ends a catastrophic expression at the deadline and says "too slow", while this thread keeps running', async () => {
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const outcome = await runRegexesBounded({ terms: [{ source: '(a+)+$', flags: '' }], texts: [`${'a'.repeat(3000)}!`], maxRanges: 10 }, undefined, 500);
    clearInterval(ticker);
    assert.equal(outcome.kind, 'too slow');
    assert.match(outcome.kind === 'too slow' ? outcome.message : '', /^The regular expression \/\(a\+\)\+\$\/ is too slow/);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.ok(ticks >= 5, `the main thread ticked ${ticks} times meanwhile`);
  });

  it('stops when cancelled', async () => {
    let cancel = (): void => undefined;
    const cancellation = { isCancellationRequested: false, onCancellationRequested: (listener: () => void) => ((cancel = listener), { dispose: () => undefined }) };
    const running = runRegexesBounded({ terms: [{ source: '(a+)+$', flags: '' }], texts: [`${'a'.repeat(3000)}!`], maxRanges: 10 }, cancellation, 30_000);
    setTimeout(() => cancel(), 300);
    assert.deepEqual(await running, { kind: 'cancelled' });
  });
});
