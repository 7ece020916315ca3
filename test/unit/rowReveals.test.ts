import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { RefreshScheduler } from '../../src/common/refreshScheduler';
import { RowReveals } from '../../src/tree/rowReveals';

/** A tree view as the extension host keeps it: its selection changes when VS Code says so. */
class FakeView {
  selection: string[] = [];
  visible = true;
  readonly revealed: string[] = [];
  /** The user's selection, as its event reaches the extension host. */
  constructor(private readonly reveals: () => RowReveals<string>) {}

  userSelects(row: string): void {
    this.selection = [row];
    this.reveals().selected(row);
  }

  /** Set: a reveal's selection event is held back until `deliverLate` (a busy workbench). */
  late = false;
  readonly heldEvents: string[] = [];
  readonly kinds: string[] = [];

  reveal(row: string): Thenable<void> {
    this.revealed.push(row);
    this.selection = [row];
    if (this.late) {
      this.heldEvents.push(row);
    } else {
      this.kinds.push(this.reveals().selected(row)); // the reveal's own selection event
    }
    return Promise.resolve();
  }

  deliverLate(): void {
    this.heldEvents.splice(0).forEach((row) => this.kinds.push(this.reveals().selected(row)));
  }
}

function setup(clock = { now: 0 }): { view: FakeView; reveals: RowReveals<string> } {
  const holder: { reveals?: RowReveals<string> } = {};
  const view = new FakeView(() => holder.reveals!);
  const reveals = new RowReveals(view as unknown as vscode.TreeView<string>, new RefreshScheduler<string>(() => undefined), () => clock.now);
  holder.reveals = reveals;
  return { view, reveals };
}

describe('RowReveals: our reveals never take the selection back from the user', () => {
  it('selects the row asked for', async () => {
    const { view, reveals } = setup();
    await reveals.reveal(() => 'a', false, reveals.epoch).done;
    assert.deepEqual(view.revealed, ['a']);
    assert.deepEqual(view.selection, ['a']);
  });

  it("a row the user selects after the caller began makes the caller's reveal moot, though it was queued first", async () => {
    const { view, reveals } = setup();
    const began = reveals.epoch; // a command begins, then awaits the editor
    view.userSelects('b'); // the next click
    const { queued, done } = reveals.reveal(() => 'a', false, began);
    await done;
    assert.equal(queued, false);
    assert.deepEqual(view.revealed, []);
    assert.deepEqual(view.selection, ['b']);
  });

  it("a user's selection the extension host could only name late (a redraw under way) is counted before a reveal decides", async () => {
    const holder: { reveals?: RowReveals<string> } = {};
    const view = new FakeView(() => holder.reveals!);
    // What RowSelection does: a selection that came with no row is handed over once the view names it.
    let unnamed: string | undefined;
    const settle = () => {
      if (unnamed !== undefined) {
        holder.reveals!.selected(unnamed);
        unnamed = undefined;
      }
    };
    const reveals = new RowReveals(view as unknown as vscode.TreeView<string>, new RefreshScheduler<string>(() => undefined), () => 0, settle);
    holder.reveals = reveals;
    const began = reveals.epoch; // the first click's command begins
    view.selection = ['b']; // the second click, named only now (its event said "no row")
    unnamed = 'b';
    const { queued, done } = reveals.reveal(() => 'a', false, began);
    await done;
    assert.equal(queued, false);
    assert.deepEqual(view.revealed, []);
    assert.deepEqual(view.selection, ['b']);
  });

  it('a selection made while a reveal waits its turn drops it', async () => {
    const { view, reveals } = setup();
    const { queued, done } = reveals.reveal(() => 'a', false, reveals.epoch);
    view.userSelects('b'); // before the queued reveal runs
    await done;
    assert.equal(queued, true);
    assert.deepEqual(view.revealed, []);
    assert.deepEqual(view.selection, ['b']);
  });

  it("our own reveal's selection is not counted as the user's: the next reveal still runs", async () => {
    const { view, reveals } = setup();
    await reveals.reveal(() => 'a', false, reveals.epoch).done;
    const began = reveals.epoch;
    await reveals.reveal(() => 'b', false, began).done;
    assert.deepEqual(view.revealed, ['a', 'b']);
  });

  it('of reveals asked in a row, only the latest runs', async () => {
    const { view, reveals } = setup();
    const first = reveals.reveal(() => 'a', false, reveals.epoch);
    const second = reveals.reveal(() => 'b', false, reveals.epoch);
    await Promise.all([first.done, second.done]);
    assert.deepEqual(view.revealed, ['b']);
  });

  it('a hidden view, or a row already selected, reveals nothing', async () => {
    const { view, reveals } = setup();
    view.userSelects('a');
    await reveals.reveal(() => 'a', false, reveals.epoch).done;
    view.visible = false;
    await reveals.reveal(() => 'b', false, reveals.epoch).done;
    assert.deepEqual(view.revealed, []);
  });

  it("a reveal's selection event that comes after the next reveal was asked for is stale, not the user's", async () => {
    const { view, reveals } = setup();
    view.late = true;
    await reveals.reveal(() => 'a', false, reveals.epoch).done; // n: row a selected, its event still on the way
    const began = reveals.epoch;
    const next = reveals.reveal(() => 'b', false, began); // n again, before a's event came
    view.deliverLate(); // a's event: the user is at b, not a
    assert.deepEqual(view.kinds, ['stale']);
    assert.equal(reveals.epoch, began, 'not counted as the user\'s');
    await next.done;
    view.deliverLate();
    assert.deepEqual(view.revealed, ['a', 'b']);
    assert.deepEqual(view.kinds, ['stale', 'ours']);
  });

  it('a row we revealed and the user selects again later is the user\'s selection', async () => {
    const { view, reveals } = setup();
    await reveals.reveal(() => 'a', false, reveals.epoch).done;
    view.userSelects('b');
    const before = reveals.epoch;
    view.userSelects('a');
    assert.equal(reveals.epoch, before + 1);
  });

  it("a reveal's selection event that never came is forgotten: the user's selection of that row later is the user's", async () => {
    const clock = { now: 0 };
    const { view, reveals } = setup(clock);
    view.late = true;
    await reveals.reveal(() => 'a', false, reveals.epoch).done; // its event never comes (VS Code had the row selected)
    view.heldEvents.length = 0;
    clock.now = 5_000; // another test, another digest: the user clicks row a
    const before = reveals.epoch;
    view.userSelects('a');
    assert.equal(reveals.epoch, before + 1);
  });
});
