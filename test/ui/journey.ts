/**
 * One user journey = one VS Code and one browser: code-server 1.100 against the
 * working tree ('development') or the packaged .vsix ('installed'), or
 * VS Code for the Web 1.137 against the working tree ('web'). Topics (files in
 * test/ui/ named *.ui.ts) add their `it`s to it; every `it` sets up the state
 * it starts from, so a --grep subset or another order still works. The last
 * test of a journey reads the extension host's log of the whole run (on the
 * web: the page's console, where the web worker extension host reports).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../support/fixtures';
import { makeWorkspace } from './uiWorkspace';
import { Workbench } from './workbench';

export type Mode = 'development' | 'installed' | 'web';

export interface Journey {
  readonly mode: Mode;
  readonly workbench: Workbench;
  /** The folder open in the workbench: copies of the digests and a notes.txt. */
  readonly workspace: string;
}

/** Adds the `it`s of one topic to a journey. */
export type Topic = (journey: Journey) => void;

function packageVsix(): string {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: projectRoot, encoding: 'utf8' });
  const vsix = path.join(projectRoot, 'dist', 'digest-reader.vsix');
  assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
  assert.ok(fs.existsSync(vsix));
  return vsix;
}

/** `name` names the screenshots' folder and the profile (default: the mode). */
export function journey(mode: Mode, topics: Topic[], name: string = mode): void {
  const state: { workbench?: Workbench; workspace?: string } = {};
  const context: Journey = {
    mode,
    get workbench() {
      assert.ok(state.workbench, 'the workbench did not open');
      return state.workbench;
    },
    get workspace() {
      assert.ok(state.workspace, 'no workspace');
      return state.workspace;
    },
  };

  before(async function () {
    this.timeout(240_000);
    state.workspace = makeWorkspace();
    const vsix = mode === 'installed' ? packageVsix() : undefined;
    state.workbench = mode === 'web'
      ? await Workbench.openWeb({ name, folder: state.workspace })
      : await Workbench.open({ name, folder: state.workspace, vsix });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && state.workbench) {
      const workbench = state.workbench;
      await workbench.screenshot(`FAILED-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
      if (workbench.hostKind === 'web') {
        // The cause is often in the page's console already (e.g. the extension failed to activate): say it here.
        const errors = workbench.extensionHostErrors();
        if (errors.length > 0) {
          console.log(`      the page's console so far has ${errors.length} error(s):\n${errors.map((error) => `        ${error.split('\n')[0]}`).join('\n')}`);
        }
      }
      // Leave no menu, dialog or quick input open for the next test.
      for (let i = 0; i < 3; i++) {
        await workbench.page.keyboard.press('Escape').catch(() => undefined);
      }
    }
  });

  after(async () => {
    await state.workbench?.close();
    if (state.workspace) {
      fs.rmSync(state.workspace, { recursive: true, force: true });
    }
  });

  for (const topic of topics) {
    topic(context);
  }

  it('the extension host logged no error during the journey', async () => {
    if (context.workbench.hostKind === 'web') {
      // The console was recorded: the extension host's own lines reached it.
      assert.ok(context.workbench.consoleEntries().some(({ text }) => text.includes('[Extension Host]')), 'no line of the web worker extension host reached the page console');
    } else {
      const logs = context.workbench.extensionHostLogs();
      assert.ok(logs.length > 0, `no extension host log under ${context.workbench.profile.userDataDir}/logs`);
    }
    const errors = context.workbench.extensionHostErrors();
    assert.deepEqual(errors, [], `The extension host logged ${errors.length} error(s):\n${errors.join('\n')}`);
  });
}
