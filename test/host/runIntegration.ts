/**
 * Runs test/integration inside real VS Code extension hosts.
 *
 *   node out/test/host/runIntegration.js [--host all|code-server|web|electron|auto] [--vscode PATH]
 *
 * all (default): every host this machine has, one after another: desktop VS Code
 *              by @vscode/test-electron when it can get one (reported as
 *              unavailable, not failed, when it cannot), code-server and the web.
 * code-server: code-server 4.100.3 (VS Code 1.100.3) in headless Chromium: Node's
 *              extension host, for machines that cannot download VS Code.
 * web:         VS Code for the Web 1.137.0 served by @vscode/test-web: the web
 *              worker extension host, running out/test-web/integration.js (built by
 *              `node scripts/build.mjs --tests`).
 * electron:    @vscode/test-electron with a local VS Code (--vscode PATH or
 *              VSCODE_EXECUTABLE_PATH), or one it downloads (networked machines).
 * auto:        electron if it can get VS Code, otherwise code-server (the old default).
 *
 * Each host gets a fresh copy of the test workspace: the sample digest, test/digests/*
 * and an empty scratch/ folder (the tests read and write only through vscode.workspace.fs).
 * DIGEST_TEST_GREP selects tests in every host. Prints one line per host with its
 * VS Code version and counts, leaves the totals in test-results/integration.json
 * for scripts/test.mjs, and exits non-zero on any failure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type ConsoleMessage, type Page } from 'playwright-core';
import { projectRoot } from '../support/fixtures';
import { NOTES_SUITE, NOTES_WORKSPACE, OPTIONS_FILE, RESULT_MARKER, type IntegrationResult } from '../integration/protocol';
import { CHROMIUM_ARGS, chromiumPath, createProfile, startCodeServer, workbenchUrl } from './codeServer';
import { resultsDir } from './results';
import { launchWebBrowser, startVsCodeWeb } from './vscodeWeb';

const extensionDevelopmentPath = projectRoot;
const extensionTestsPath = path.join(projectRoot, 'out', 'test', 'integration', 'index');
/** The suite bundled for the web worker extension host (scripts/build.mjs --tests); inside extensionDevelopmentPath, as test-web requires. */
const webTestsBundle = path.join(projectRoot, 'out', 'test-web', 'integration.js');
const SUITE_TIMEOUT_MS = 10 * 60_000;
/** The workbench's own chatter in the page console, between mocha's lines. */
const WORKBENCH_NOISE = /^(Found unexpected service worker controller|Ignoring fetching additional builtin extensions|\[AccountPolicyGate\]|l10n: No bundle configured|Updating additional builtin extensions cache)/;

type HostName = 'electron' | 'code-server' | 'web';
/** The test workspace: the digests (every suite but one), or Markdown notes only (the laziness suite). */
type WorkspaceKind = 'digests' | 'notes';

/** How many Markdown notes the notes workspace holds (and a few .txt). */
const NOTES = 120;

interface HostResult {
  host: HostName;
  /** How the result line names the host: `code-server/VS Code 1.100.3`. */
  label: string;
  passed: number;
  failed: number;
  pending: number;
  seconds: number;
  /** False when the suite never reported (the host or the test module broke): then `failed` is 1. */
  reported: boolean;
}

/** A host this machine cannot provide (no VS Code to download): reported, never counted as a failure under --host all. */
class Unavailable extends Error {}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** A fresh test workspace: the files the tests open, an empty scratch/ for what they write, and the grep for the web. */
function createWorkspace(host: HostName, kind: WorkspaceKind): { folder: string; remove(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `digest-reader-integration-${host}-`));
  if (kind === 'notes') {
    return { folder: createNotesWorkspace(root), remove: () => fs.rmSync(root, { recursive: true, force: true }) };
  }
  const folder = path.join(root, 'workspace');
  fs.mkdirSync(path.join(folder, 'scratch'), { recursive: true });
  fs.copyFileSync(path.join(projectRoot, 'sample', 'cs.DC-2025-06-01.txt'), path.join(folder, 'cs.DC-2025-06-01.txt'));
  const digests = path.join(projectRoot, 'test', 'digests');
  for (const entry of fs.readdirSync(digests, { withFileTypes: true })) {
    if (entry.isFile()) {
      fs.copyFileSync(path.join(digests, entry.name), path.join(folder, entry.name));
    }
  }
  // The web worker sees no environment variables; both entries read this file.
  fs.writeFileSync(path.join(folder, OPTIONS_FILE), JSON.stringify({ grep: process.env.DIGEST_TEST_GREP || undefined, workspace: 'digests' }));
  return { folder, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A folder of Markdown notes (and a few plain-text ones), none a digest, each several KB; only the notes suite runs there. */
function createNotesWorkspace(root: string): string {
  const folder = path.join(root, NOTES_WORKSPACE);
  for (let i = 0; i < NOTES; i++) {
    const dir = path.join(folder, `topic-${i % 6}`);
    fs.mkdirSync(dir, { recursive: true });
    const body = `# Note ${i}\n\n${'Meeting notes, ideas and links; nothing here is a digest. '.repeat(200)}\n`;
    fs.writeFileSync(path.join(dir, `note-${i}.md`), body);
  }
  fs.writeFileSync(path.join(folder, 'todo.txt'), 'Buy milk.\n'.repeat(2000));
  fs.writeFileSync(path.join(folder, OPTIONS_FILE), JSON.stringify({ workspace: 'notes' }));
  return folder;
}

/** Whether the notes workspace runs: always, unless DIGEST_TEST_GREP selects tests none of which are in it. */
function notesWanted(): boolean {
  const grep = process.env.DIGEST_TEST_GREP;
  return !grep || new RegExp(grep).test(NOTES_SUITE) || NOTES_SUITE.includes(grep);
}

function parseResult(text: string): IntegrationResult | undefined {
  const at = text.indexOf(RESULT_MARKER);
  if (at < 0) {
    return undefined;
  }
  try {
    return JSON.parse(text.slice(at + RESULT_MARKER.length)) as IntegrationResult;
  } catch {
    return undefined; // not the result line itself (a line quoting the marker)
  }
}

async function runInElectron(vscodeExecutablePath: string | undefined, folder: string): Promise<Omit<HostResult, 'seconds' | 'reported'>> {
  const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  let executable = vscodeExecutablePath;
  if (!executable) {
    try {
      executable = await downloadAndUnzipVSCode('1.100.3');
    } catch (error) {
      throw new Unavailable(`@vscode/test-electron could not get VS Code: ${String(error).split('\n')[0]}`);
    }
  }
  console.log(`Host: @vscode/test-electron, VS Code at ${executable}`);
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-electron-')), 'result.json');
  let failure: unknown;
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: { DIGEST_RESULT_FILE: resultFile },
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
  }).catch((error: unknown) => {
    failure = error;
  });
  if (!fs.existsSync(resultFile)) {
    throw new Error(`VS Code ended without the suite's result (${failure instanceof Error ? failure.message : 'no error'}): it did not start, or the test module did not load or its run() failed`);
  }
  const parsed = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as IntegrationResult;
  console.log(`Host: @vscode/test-electron, VS Code ${parsed.vscode}`);
  return { host: 'electron', label: `test-electron/VS Code ${parsed.vscode}`, passed: parsed.passed, failed: parsed.failed, pending: parsed.pending ?? 0 };
}

/**
 * Waits for the suite's result line in the page's console (where the workbench
 * shows the extension host's console), echoing mocha's report. The workbench also
 * calls window.codeAutomationExit when the test module's run() settles: an exit
 * without a result line (the bundle did not load, run() threw) fails at once
 * instead of waiting for the timeout.
 */
async function awaitSuite(page: Page, name: HostName): Promise<IntegrationResult> {
  let suiteStarted = false;
  let settle: { resolve(result: IntegrationResult): void; reject(error: Error): void } | undefined;
  const done = new Promise<IntegrationResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const timer = setTimeout(() => settle?.reject(new Error(`The integration suite did not finish within ${SUITE_TIMEOUT_MS / 60000} minutes`)), SUITE_TIMEOUT_MS);
  const finish = (outcome: IntegrationResult | Error) => {
    clearTimeout(timer);
    if (outcome instanceof Error) {
      settle?.reject(outcome);
    } else {
      settle?.resolve(outcome);
    }
  };
  const seen = (text: string, type: string) => {
    const result = parseResult(text);
    if (result) {
      finish(result);
    } else if (process.env.DIGEST_DEBUG_CONSOLE) {
      console.log(`[${name} ${type}] ${text}`);
    } else if (text.startsWith('Integration tests in VS Code')) {
      suiteStarted = true;
      console.log(text);
    } else if (suiteStarted && type === 'log' && !WORKBENCH_NOISE.test(text)) {
      console.log(text);
    }
  };
  page.on('console', (message) => {
    consoleText(message).then((text) => seen(text, message.type()), () => undefined);
  });
  // The workbench's log service (the extension host's console among it) also goes here: the result line
  // counts from either path, mocha's report is echoed from the console only.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    const result = parseResult(text);
    if (result) {
      finish(result);
    } else if (process.env.DIGEST_DEBUG_CONSOLE) {
      console.log(`[${name} automation ${type}] ${text}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => {
    // The result line may still be on its way through the console: give it a moment.
    setTimeout(() => finish(new Error(`The extension host ended the tests (exit code ${code}) without a result line: the test module did not load or its run() failed (DIGEST_DEBUG_CONSOLE=1 shows the console)`)), 3000).unref();
  });
  page.on('pageerror', (error) => {
    if (process.env.DIGEST_DEBUG_CONSOLE) {
      console.log(`[${name} page error] ${error.message}`);
    }
  });
  return done;
}

async function runInCodeServer(folder: string): Promise<Omit<HostResult, 'seconds' | 'reported'>> {
  const profile = createProfile('integration');
  const server = await startCodeServer(profile, { log: (line) => process.env.DIGEST_DEBUG && console.log(`[code-server] ${line}`) });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const result = awaitSuite(page, 'code-server');
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }));
    const parsed = await result;
    console.log(`Host: code-server in headless Chromium, VS Code ${parsed.vscode} (${parsed.host}, ${parsed.extensionHost} extension host)`);
    return { host: 'code-server', label: `code-server/VS Code ${parsed.vscode}`, passed: parsed.passed, failed: parsed.failed, pending: parsed.pending ?? 0 };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(profile.userDataDir), { recursive: true, force: true });
  }
}

async function runInWeb(folder: string): Promise<Omit<HostResult, 'seconds' | 'reported'>> {
  if (!fs.existsSync(webTestsBundle)) {
    throw new Error(`${path.relative(projectRoot, webTestsBundle)} is missing: build it with \`node scripts/build.mjs --tests\``);
  }
  const server = await startVsCodeWeb({ folder, extensionDevelopmentPath, extensionTestsPath: webTestsBundle, printServerLog: Boolean(process.env.DIGEST_DEBUG) });
  const browser = await launchWebBrowser({ viewport: { width: 1400, height: 900 } });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const result = awaitSuite(page, 'web');
    await page.goto(server.url);
    const parsed = await result;
    console.log(`Host: VS Code for the Web (@vscode/test-web) in headless Chromium, VS Code ${parsed.vscode} (${parsed.host}, ${parsed.extensionHost} extension host)`);
    return { host: 'web', label: `web/VS Code ${parsed.vscode}`, passed: parsed.passed, failed: parsed.failed, pending: parsed.pending ?? 0 };
  } finally {
    await browser.close();
    await server.stop();
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

/** Runs one host in a fresh workspace of each kind wanted, timing it; a host's own crash counts as one failure. */
async function runHost(host: HostName, vscodePath: string | undefined): Promise<HostResult> {
  const kinds: WorkspaceKind[] = notesWanted() ? ['digests', 'notes'] : ['digests'];
  const results: HostResult[] = [];
  for (const kind of kinds) {
    results.push(await runHostIn(host, vscodePath, kind));
  }
  return results.reduce((all, one) => ({ ...all, passed: all.passed + one.passed, failed: all.failed + one.failed, pending: all.pending + one.pending, seconds: all.seconds + one.seconds, reported: all.reported && one.reported }));
}

async function runHostIn(host: HostName, vscodePath: string | undefined, kind: WorkspaceKind): Promise<HostResult> {
  const started = Date.now();
  const workspace = createWorkspace(host, kind);
  console.log(`\n--- integration: ${host}${kind === 'notes' ? ', a workspace of notes' : ''} ---`);
  try {
    const result = host === 'electron' ? await runInElectron(vscodePath, workspace.folder) : host === 'code-server' ? await runInCodeServer(workspace.folder) : await runInWeb(workspace.folder);
    return { ...result, reported: true, seconds: Math.round((Date.now() - started) / 1000) };
  } catch (error) {
    if (error instanceof Unavailable) {
      throw error;
    }
    console.error(`integration (${host}, ${kind}): ${error instanceof Error ? error.message : String(error)}`);
    return { host, label: `${host} (the suite did not report)`, passed: 0, failed: 1, pending: 0, reported: false, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    workspace.remove();
  }
}

function line(result: HostResult): string {
  const pending = result.pending > 0 ? `, ${result.pending} pending` : '';
  return `integration (${result.label}): ${result.passed} passed, ${result.failed} failed${pending} (${result.seconds} s)`;
}

async function main(): Promise<void> {
  const host = option('host') ?? process.env.DIGEST_TEST_HOST ?? 'all';
  const vscodePath = option('vscode') ?? process.env.VSCODE_EXECUTABLE_PATH;
  const results: HostResult[] = [];
  const unavailable: string[] = [];
  let broken = false;
  if (host === 'all') {
    try {
      results.push(await runHost('electron', vscodePath));
    } catch (error) {
      unavailable.push(`integration (electron): unavailable, not run: ${(error as Error).message}`);
      console.log(unavailable[unavailable.length - 1]);
    }
    results.push(await runHost('code-server', vscodePath));
    results.push(await runHost('web', vscodePath));
  } else if (host === 'auto') {
    try {
      results.push(await runHost('electron', vscodePath));
    } catch (error) {
      console.log(`${(error as Error).message}; using code-server.`);
      results.push(await runHost('code-server', vscodePath));
    }
  } else if (host === 'electron' || host === 'code-server' || host === 'web') {
    try {
      results.push(await runHost(host, vscodePath));
    } catch (error) {
      // Asked for by name, a host that is not there is a failure.
      console.error(`integration (${host}): unavailable: ${(error as Error).message}`);
      broken = true;
    }
  } else {
    throw new Error(`Unknown --host ${host}: all, code-server, web, electron or auto`);
  }

  // Every host runs the same suite: a host that ran a different number of tests lost some (a web entry missing a file).
  const ran = new Set(results.filter((r) => r.reported).map((r) => r.passed + r.failed + r.pending));
  if (ran.size > 1) {
    console.error(`integration: the hosts ran different numbers of tests (${results.map((r) => `${r.host} ${r.passed + r.failed + r.pending}`).join(', ')})`);
    broken = true;
  }

  const total = { passed: 0, failed: broken ? 1 : 0, pending: 0 };
  for (const result of results) {
    total.passed += result.passed;
    total.failed += result.failed;
    total.pending += result.pending;
  }
  console.log('');
  for (const text of [...results.map(line), ...unavailable]) {
    console.log(text);
  }
  if (results.length > 1) {
    console.log(`integration (${results.length} hosts): ${total.passed} passed, ${total.failed} failed${total.pending > 0 ? `, ${total.pending} pending` : ''}`);
  }
  writeResult({ ...total, hosts: results, unavailable });
  process.exitCode = total.failed > 0 ? 1 : 0;
}

/** The totals scripts/test.mjs adds to its summary (a pending test counts as skipped, never as passed). */
function writeResult(result: { passed: number; failed: number; pending: number; hosts: HostResult[]; unavailable: string[] }): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'integration.json'), JSON.stringify({ ...result, skipped: result.pending }, null, 1));
}

main().catch((error: unknown) => {
  console.error(error);
  writeResult({ passed: 0, failed: 1, pending: 0, hosts: [], unavailable: [] });
  process.exitCode = 1;
});
