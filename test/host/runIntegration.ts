/**
 * Runs test/integration inside a real VS Code extension host.
 *
 *   node out/test/host/runIntegration.js [--host auto|electron|code-server] [--vscode PATH]
 *
 * electron:    @vscode/test-electron with a local VS Code (--vscode PATH or
 *              VSCODE_EXECUTABLE_PATH), or one it downloads (networked machines).
 * code-server: code-server 4.100.3 (VS Code 1.100.3) in headless Chromium,
 *              for machines that cannot download VS Code.
 * auto:        electron if a VS Code path is given; otherwise try the download,
 *              and fall back to code-server when it fails.
 * Prints which host and VS Code version ran; exits non-zero on any failure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type ConsoleMessage } from 'playwright-core';
import { projectRoot } from '../support/fixtures';
import { CHROMIUM_ARGS, chromiumPath, createProfile, startCodeServer, workbenchUrl } from './codeServer';
import { writeLayerResult } from './results';

const RESULT_MARKER = 'DIGEST-READER-INTEGRATION-RESULT';
const extensionDevelopmentPath = projectRoot;
const extensionTestsPath = path.join(projectRoot, 'out', 'test', 'integration', 'index');
const workspace = path.join(projectRoot, 'test', 'digests');
const SUITE_TIMEOUT_MS = 10 * 60_000;

interface Result {
  passed: number;
  failed: number;
  host: string;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function runInElectron(vscodeExecutablePath: string | undefined): Promise<Result> {
  const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  const executable = vscodeExecutablePath ?? (await downloadAndUnzipVSCode('1.100.3'));
  console.log(`Host: @vscode/test-electron, VS Code at ${executable}`);
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-electron-')), 'result.json');
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: { DIGEST_RESULT_FILE: resultFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  }).catch(() => undefined);
  if (!fs.existsSync(resultFile)) {
    return { passed: 0, failed: 1, host: 'test-electron (the suite did not report)' };
  }
  const parsed = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Result & { vscode: string };
  console.log(`Host: @vscode/test-electron, VS Code ${parsed.vscode}`);
  return { passed: parsed.passed, failed: parsed.failed, host: `test-electron/VS Code ${parsed.vscode}` };
}

async function runInCodeServer(): Promise<Result> {
  const profile = createProfile('integration');
  const server = await startCodeServer(profile, { log: (line) => process.env.DIGEST_DEBUG && console.log(`[code-server] ${line}`) });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let suiteStarted = false;
    const result = new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The integration suite did not finish within ${SUITE_TIMEOUT_MS / 60000} minutes`)), SUITE_TIMEOUT_MS);
      page.on('console', async (message) => {
        const text = await consoleText(message);
        const at = text.indexOf(RESULT_MARKER);
        if (at >= 0) {
          clearTimeout(timer);
          const parsed = JSON.parse(text.slice(at + RESULT_MARKER.length)) as Result & { vscode: string };
          console.log(`Host: code-server in headless Chromium, VS Code ${parsed.vscode} (${parsed.host})`);
          resolve({ passed: parsed.passed, failed: parsed.failed, host: `code-server/VS Code ${parsed.vscode}` });
        } else if (process.env.DIGEST_DEBUG_CONSOLE) {
          console.log(`[${message.type()}] ${text}`);
        } else if (text.startsWith('Integration tests in VS Code')) {
          suiteStarted = true;
          console.log(text);
        } else if (suiteStarted && message.type() === 'log') {
          console.log(text);
        }
      });
    });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath, extensionTestsPath }));
    return await result;
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(profile.userDataDir), { recursive: true, force: true });
  }
}

/** The workbench forwards extension-host logs as `('%c INFO', 'color: …', format, ...args)`: rebuild the line. */
async function consoleText(message: ConsoleMessage): Promise<string> {
  const args: unknown[] = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined) as Promise<unknown>));
  if (typeof args[0] === 'string' && args[0].startsWith('%c') && typeof args[1] === 'string') {
    return format(...args.slice(2));
  }
  return message.text();
}

async function main(): Promise<void> {
  const host = option('host') ?? process.env.DIGEST_TEST_HOST ?? 'auto';
  const vscodePath = option('vscode') ?? process.env.VSCODE_EXECUTABLE_PATH;
  let result: Result;
  if (host === 'electron' || (host === 'auto' && vscodePath)) {
    result = await runInElectron(vscodePath);
  } else if (host === 'code-server') {
    result = await runInCodeServer();
  } else {
    try {
      result = await runInElectron(undefined);
    } catch (error) {
      console.log(`@vscode/test-electron could not get VS Code (${String(error).split('\n')[0]}); using code-server.`);
      result = await runInCodeServer();
    }
  }
  writeLayerResult('integration', result.passed, result.failed);
  console.log(`integration (${result.host}): ${result.passed} passed, ${result.failed} failed`);
  process.exitCode = result.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  writeLayerResult('integration', 0, 1);
  process.exitCode = 1;
});
