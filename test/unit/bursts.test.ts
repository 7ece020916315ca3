/** When the Library handles a burst of file events (src/core/library/bursts.ts), on a clock of the test's. */
import * as assert from 'node:assert/strict';
import { BurstSchedule, type BurstTimer } from '../../src/core/library';

/** Timers that fire when the test says. */
function manualTimers(): BurstTimer & { fire(): void; waiting(): number } {
  let timers: (() => void)[] = [];
  return {
    setTimeout: (run) => timers.push(run),
    clearTimeout: () => (timers = []),
    fire: () => timers.splice(0).forEach((run) => run()),
    waiting: () => timers.length,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('library: bursts of file events', () => {
  it('handles events together once their moment has passed, and one burst at a time', async () => {
    const timers = manualTimers();
    const events: string[] = [];
    const handled: string[][] = [];
    const bursts = new BurstSchedule(async () => {
      handled.push(events.splice(0));
      await settle();
    }, () => events.length > 0, 150, timers);
    events.push('a', 'b');
    bursts.poke();
    bursts.poke();
    assert.equal(timers.waiting(), 1, 'one timer for the burst');
    timers.fire();
    await bursts.idle;
    assert.deepEqual(handled, [['a', 'b']]);
    assert.equal(bursts.busy, false);
  });

  it('events that come while a burst is handled are the next burst, without waiting for another event', async () => {
    const timers = manualTimers();
    const events: string[] = [];
    const handled: string[][] = [];
    let finish: () => void = () => undefined;
    const bursts = new BurstSchedule(async () => {
      handled.push(events.splice(0));
      await new Promise<void>((resolve) => (finish = resolve));
    }, () => events.length > 0, 150, timers);
    events.push('large.txt');
    bursts.poke();
    timers.fire();
    await settle();
    events.push('small.txt'); // written while large.txt is read
    bursts.poke();
    finish();
    await settle();
    await settle();
    assert.equal(timers.waiting(), 1, 'the next burst is due');
    timers.fire();
    await settle();
    finish();
    await bursts.idle;
    assert.deepEqual(handled, [['large.txt'], ['small.txt']]);
  });
});
