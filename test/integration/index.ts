/**
 * Entry point Node's extension host calls (`extensionTestsPath`), the same
 * contract under @vscode/test-electron and code-server. Runs the mocha suite
 * and prints one machine-readable result line for the runner.
 * (VS Code for the Web runs the same suite from index.web.ts.)
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { grepFor, type IntegrationOptions } from './protocol';
import { announce, OPTIONS_FILE, report } from './report';

export { RESULT_MARKER } from './report';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const options = readOptions();
  const grep = grepFor({ ...options, grep: options.grep ?? process.env.DIGEST_TEST_GREP });
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  announce('node');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const result = report('node', runner.stats ?? { passes: 0, failures, pending: 0 });
      if (process.env.DIGEST_RESULT_FILE) {
        fs.writeFileSync(process.env.DIGEST_RESULT_FILE, JSON.stringify(result));
      }
      if (failures > 0) {
        reject(new Error(`${failures} integration tests failed`));
      } else {
        resolve();
      }
    });
  });
}

/** What the runner left in the test workspace (which workspace this is, the grep). */
function readOptions(): IntegrationOptions {
  const folder = vscode.workspace.workspaceFolders?.[0];
  try {
    return JSON.parse(fs.readFileSync(path.join(folder?.uri.fsPath ?? '', OPTIONS_FILE), 'utf8')) as IntegrationOptions;
  } catch {
    return {};
  }
}
