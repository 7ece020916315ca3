/**
 * Entry point the web worker extension host of VS Code for the Web calls
 * (`extensionTestsPath`): the same mocha suite as index.ts, bundled with
 * esbuild by `node scripts/build.mjs --tests` into out/test-web/integration.js
 * (never into the .vsix). A web worker cannot list a folder, so the test files
 * are imported here by name (index.ts finds them by itself): the build fails
 * when a test/integration/*.test.ts is missing from this list.
 */
import './web/mochaSetup'; // first: the global mocha and describe/it, which the test files use as they load
import './foundations.test';
import './reader.test';
import './triage.test';
import './cite.test';
import './export.test';
import './library.test';
import './search.test';
import './filters.test';
import './study.test';
import './words.test';
import './store.test';
import './notes.test';
import './hideRead.test';
import './panel.test';
import './ranking.test';
import './pageLoadWatch.test';
import * as vscode from 'vscode';
import { grepFor, type IntegrationOptions } from './protocol';
import { announce, OPTIONS_FILE, report } from './report';

/** What the runner wrote into the test workspace (the worker has no environment): which workspace, DIGEST_TEST_GREP. */
async function readOptions(): Promise<IntegrationOptions> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    return {};
  }
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, OPTIONS_FILE)));
    const options = JSON.parse(text) as IntegrationOptions;
    return { grep: typeof options.grep === 'string' && options.grep !== '' ? options.grep : undefined, workspace: options.workspace };
  } catch {
    return {}; // no options file: every test but the notes workspace's
  }
}

export async function run(): Promise<void> {
  const grep = grepFor(await readOptions());
  if (grep) {
    mocha.grep(grep);
  }
  announce('webworker');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      report('webworker', runner.stats ?? { passes: 0, failures, pending: 0 });
      if (failures > 0) {
        reject(new Error(`${failures} integration tests failed`));
      } else {
        resolve();
      }
    });
  });
}
