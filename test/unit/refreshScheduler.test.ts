import * as assert from 'node:assert/strict';
import { RefreshScheduler, type Clock } from '../../src/common/refreshScheduler';

/** A clock moved by hand: timers run when `advance` passes their time. */
class ManualClock implements Clock {
  private time = 10_000;
  private timers: { at: number; run: () => void }[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): void {
    this.timers.push({ at: this.time + ms, run });
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) {
        break;
      }
      this.timers.shift();
      this.time = next.at;
      next.run();
    }
    this.time = end;
  }
}

function setup(): { clock: ManualClock; scheduler: RefreshScheduler<string>; fired: { at: number; nodes: string[] | 'root' }[] } {
  const clock = new ManualClock();
  const fired: { at: number; nodes: string[] | 'root' }[] = [];
  const scheduler = new RefreshScheduler<string>((nodes) => fired.push({ at: clock.now(), nodes: nodes ?? 'root' }), clock);
  return { clock, scheduler, fired };
}

describe('RefreshScheduler: when a tree refresh reaches VS Code', () => {
  it('sends a root refresh at once when VS Code has been quiet', () => {
    const { clock, scheduler, fired } = setup();
    scheduler.refreshRoot();
    clock.advance(0);
    assert.deepEqual(fired, [{ at: 10_000, nodes: 'root' }]);
  });

  it('holds a root refresh until 300 ms after VS Code last fetched rows, however they keep coming', () => {
    const { clock, scheduler, fired } = setup();
    scheduler.fetched(true);
    clock.advance(100);
    scheduler.refreshRoot();
    clock.advance(100);
    scheduler.fetched(false); // an expanded date's rows, right after the root
    clock.advance(299);
    assert.deepEqual(fired, []);
    clock.advance(1);
    assert.deepEqual(fired, [{ at: 10_500, nodes: 'root' }]);
  });

  it('spaces a root refresh 250 ms after the previous change it sent, so the extension host passes it on at once', () => {
    const { clock, scheduler, fired } = setup();
    scheduler.refreshRows(['21']);
    scheduler.refreshRoot();
    clock.advance(249);
    assert.deepEqual(fired, [{ at: 10_000, nodes: ['21'] }]);
    clock.advance(1);
    assert.deepEqual(fired.at(-1), { at: 10_250, nodes: 'root' });
  });

  it('merges root refreshes, drops one VS Code has fetched meanwhile, and holds row refreshes while one is pending', () => {
    const { clock, scheduler, fired } = setup();
    scheduler.revealing();
    scheduler.refreshRoot();
    scheduler.refreshRoot();
    scheduler.refreshRows(['21']); // the root refresh redraws it
    clock.advance(1_000);
    assert.deepEqual(fired, [{ at: 10_300, nodes: 'root' }]);
    scheduler.fetched(true);
    clock.advance(1_000);
    scheduler.refreshRoot();
    scheduler.fetched(true); // VS Code asked on its own: it has the new rows
    clock.advance(1_000);
    assert.equal(fired.length, 1);
    scheduler.refreshRows(['22']);
    assert.deepEqual(fired.at(-1), { at: 13_000, nodes: ['22'] });
  });
});

describe('RefreshScheduler: a hidden view', () => {
  it('gets nothing while hidden; once shown, only what VS Code did not fetch on its own, 300 ms later', () => {
    const { clock, scheduler, fired } = setup();
    scheduler.setVisible(false);
    scheduler.refreshRoot();
    scheduler.refreshRows(['21']);
    clock.advance(5_000);
    assert.deepEqual(fired, []);
    scheduler.setVisible(true);
    clock.advance(299);
    assert.deepEqual(fired, []);
    clock.advance(1);
    assert.deepEqual(fired, [{ at: 15_300, nodes: 'root' }]);
  });

  it('drops the pending refresh when VS Code fetches the root as it shows the view', () => {
    const { clock, scheduler, fired } = setup();
    scheduler.setVisible(false);
    scheduler.refreshRoot();
    scheduler.setVisible(true);
    clock.advance(50);
    scheduler.fetched(true);
    scheduler.fetched(false);
    clock.advance(5_000);
    assert.deepEqual(fired, []);
    scheduler.refreshRows(['21']);
    assert.deepEqual(fired, [{ at: 15_050, nodes: ['21'] }]);
  });
});
