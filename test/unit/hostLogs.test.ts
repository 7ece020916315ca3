/**
 * The UI journeys' last check reads the extension host's log, which holds every
 * extension's errors: only ours may fail a journey, and every error of ours must.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerErrors } from '../ui/hostLogs';

const ROOT = '/work/checkout';

/** An extension host log as code-server 1.100 writes it: VS Code's built-in extensions' errors and ours. */
const LOG = [
  '2026-12-05 20:41:02.101 [info] Extension host with pid 4242 started',
  // A window reload cancels built-in extensions' activation: not ours.
  '2026-12-05 20:41:03.200 [error] Activating extension vscode.debug-auto-launch failed due to an error:',
  '2026-12-05 20:41:03.201 [error] Canceled: Canceled',
  '    at /opt/code-server/lib/vscode/out/vs/workbench/api/node/extensionHostProcess.js:112:20301',
  '2026-12-05 20:41:03.202 [error] Activating extension vscode.merge-conflict failed due to an error:',
  '2026-12-05 20:41:03.203 [error] Canceled: Canceled',
  // Ours, by a frame of our build (the development journey loads the working tree).
  '2026-12-05 20:41:04.000 [error] Error: the panel broke',
  `\tat Timeout._onTimeout (${ROOT}/dist/extension.js:98:15206)`,
  '\tat listOnTimeout (node:internal/timers:581:17)',
  // Ours, by our id (the installed extension's folder, VS Code's message naming it).
  '2026-12-05 20:41:05.000 [error] Activating extension digest-reader.digest-reader failed due to an error:',
  '2026-12-05 20:41:05.001 [error] TypeError: x is undefined',
  '\tat activate (/tmp/profile/extensions/digest-reader.digest-reader-0.5.0/dist/extension.js:1:2)',
  '2026-12-05 20:41:06.000 [info] done',
].join('\n');

describe('UI journeys: errors in the extension host log', () => {
  it('count the errors of our extension (its id or a frame in its dist), not those of VS Code\'s built-in extensions', () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'host-logs-'));
    try {
      const folder = path.join(userData, 'logs', '20261205T204100', 'exthost1');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'remoteexthost.log'), LOG);
      const errors = codeServerErrors(userData, ROOT).map((entry) => entry.split('\n')[0].replace(/^.*\[error\] /, ''));
      assert.deepEqual(errors, [
        'Error: the panel broke',
        'Activating extension digest-reader.digest-reader failed due to an error:',
        'TypeError: x is undefined',
      ]);
    } finally {
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});
