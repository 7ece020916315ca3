/**
 * Entry point VS Code's extension host calls (`extensionTestsPath`), the same
 * contract under @vscode/test-electron and code-server. Runs the mocha suite
 * and prints one machine-readable result line for the runner.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const RESULT_MARKER = 'DIGEST-READER-INTEGRATION-RESULT';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.DIGEST_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  console.log(`Integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, UI kind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      const result = JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending, vscode: vscode.version, host: vscode.env.appName });
      console.log(`${RESULT_MARKER} ${result}`);
      if (process.env.DIGEST_RESULT_FILE) {
        fs.writeFileSync(process.env.DIGEST_RESULT_FILE, result);
      }
      if (failures > 0) {
        reject(new Error(`${failures} integration tests failed`));
      } else {
        resolve();
      }
    });
  });
}
