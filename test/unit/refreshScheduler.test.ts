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
    scheduler.fetched(false);
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

describe('RefreshScheduler: our reveals', () => {
  /** A reveal whose end the test decides, as VS Code's answer to TreeView.reveal. */
  function pendingReveal(): { started: boolean; run: () => Promise<void>; finish: () => void } {
    let finish = () => undefined as void;
    const reveal = {
      started: false,
      run: () => {
        reveal.started = true;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      finish: () => finish(),
    };
    return reveal;
  }

  it('a reveal waits while a root refresh waits to be sent, and starts once it is sent', async () => {
    const { clock, scheduler, fired } = setup();
    scheduler.fetched(true);
    scheduler.refreshRoot(); // held: VS Code fetched a moment ago
    const reveal = pendingReveal();
    const done = scheduler.reveal(reveal.run);
    await Promise.resolve();
    assert.equal(reveal.started, false, 'the extension host still has the old rows');
    clock.advance(300);
    assert.deepEqual(fired, [{ at: 10_300, nodes: 'root' }]);
    await Promise.resolve();
    assert.equal(reveal.started, true);
    reveal.finish();
    await done;
  });

  it('refreshes asked for during a reveal wait for its end: rows at once, the root after a quiet moment', async () => {
    const { clock, scheduler, fired } = setup();
    const reveal = pendingReveal();
    const done = scheduler.reveal(reveal.run);
    assert.equal(reveal.started, true);
    scheduler.refreshRows(['21', '22']);
    clock.advance(1_000);
    assert.deepEqual(fired, [], 'nothing is refreshed under a reveal');
    reveal.finish();
    await done;
    assert.deepEqual(fired, [{ at: 11_000, nodes: ['21', '22'] }]);

    const second = pendingReveal();
    const secondDone = scheduler.reveal(second.run);
    scheduler.refreshRoot();
    clock.advance(1_000);
    assert.equal(fired.length, 1);
    second.finish();
    await secondDone;
    clock.advance(299);
    assert.equal(fired.length, 1);
    clock.advance(1);
    assert.deepEqual(fired.at(-1), { at: 12_300, nodes: 'root' });
  });

  it('a reveal with nothing to reveal changes nothing; one waiting in a view that hides goes on (and finds it hidden)', async () => {
    const { clock, scheduler, fired } = setup();
    await scheduler.reveal(() => undefined);
    scheduler.refreshRoot();
    clock.advance(0);
    assert.deepEqual(fired, [{ at: 10_000, nodes: 'root' }], 'no quiet time was added');
    scheduler.fetched(true);
    scheduler.refreshRoot();
    let ran = false;
    const done = scheduler.reveal(() => {
      ran = true;
      return undefined;
    });
    scheduler.setVisible(false);
    await done;
    assert.equal(ran, true);
  });
});
