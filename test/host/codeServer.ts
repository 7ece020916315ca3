/**
 * code-server 4.100.3 (VS Code 1.100.3) as a test and demo host on machines
 * that cannot download VS Code. Installed on demand into .vscode-test/ by
 * scripts/install-code-server.sh; never an npm dependency.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../support/fixtures';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

const installDir = process.env.CODE_SERVER_DIR ?? path.join(projectRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const binary = path.join(installDir, 'node_modules', '.bin', 'code-server');

/** Installs code-server if it is not there yet (about two minutes, once). */
export function ensureCodeServer(): string {
  if (!fs.existsSync(path.join(installDir, '.installed'))) {
    console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${installDir} …`);
    const result = spawnSync('bash', [path.join(projectRoot, 'scripts', 'install-code-server.sh')], { stdio: 'inherit', env: { ...process.env, CODE_SERVER_DIR: installDir } });
    if (result.status !== 0) {
      throw new Error('Installing code-server failed; see the output above.');
    }
  }
  return binary;
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'git.enabled': false,
};

/** A fresh profile (settings, extensions) in a temporary folder. */
export function createProfile(name: string, settings: Record<string, unknown> = {}): Profile {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `digest-reader-${name}-`));
  const profile = { userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  writeSettings(profile, settings);
  return profile;
}

/**
 * A profile kept in `dir` from one run to the next (`npm start`: read state,
 * stars and settings survive a restart); its settings start quiet.
 */
export function persistentProfile(dir: string): Profile {
  const profile = { userDataDir: path.join(dir, 'user-data'), extensionsDir: path.join(dir, 'extensions') };
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  if (!fs.existsSync(path.join(profile.userDataDir, 'User', 'settings.json'))) {
    fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
    writeSettings(profile, {});
  }
  return profile;
}

/** Replaces the profile's user settings; a running code-server picks them up. */
export function writeSettings(profile: Profile, settings: Record<string, unknown>): void {
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

/** Installs a packaged extension the way a user does. */
export function installExtension(profile: Profile, vsix: string): void {
  const result = spawnSync(ensureCodeServer(), ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Installs a language pack (.vsix) as a user does and registers its languages
 * in the profile's `languagepacks.json`, so that `--locale <id>` takes effect:
 * a running VS Code server writes that file when it installs a language pack
 * itself, but the `--install-extension` command line does not, and without it
 * the server falls back to English (and `vscode.env.language` stays `en`).
 * Same format as VS Code's LanguagePacksCache (platform/languagePacks/node).
 */
export function installLanguagePack(profile: Profile, vsix: string): string[] {
  installExtension(profile, vsix);
  const folders = fs.readdirSync(profile.extensionsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const packs: Record<string, { hash: string; extensions: { extensionIdentifier: { id: string }; version: string }[]; translations: Record<string, string>; label: string }> = {};
  for (const folder of folders) {
    const root = path.join(profile.extensionsDir, folder.name);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      name: string;
      publisher: string;
      version: string;
      contributes?: { localizations?: { languageId: string; languageName?: string; localizedLanguageName?: string; translations: { id: string; path: string }[] }[] };
    };
    for (const localization of manifest.contributes?.localizations ?? []) {
      packs[localization.languageId.toLowerCase()] = {
        hash: `${manifest.publisher}.${manifest.name}-${manifest.version}`,
        extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
        translations: Object.fromEntries(localization.translations.map((t) => [t.id, path.join(root, t.path)])),
        label: localization.localizedLanguageName ?? localization.languageName ?? localization.languageId,
      };
    }
  }
  fs.writeFileSync(path.join(profile.userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  return Object.keys(packs);
}

export interface RunningCodeServer {
  port: number;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts code-server on loopback and resolves once it answers. */
export async function startCodeServer(profile: Profile, options: { port?: number; log?: (line: string) => void; locale?: string } = {}): Promise<RunningCodeServer> {
  const bin = ensureCodeServer();
  const port = options.port ?? (await freePort());
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } });
  const log = options.log ?? (() => undefined);
  child.stdout?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log));
  child.stderr?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('code-server did not answer within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    port,
    origin,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export interface WorkbenchTarget {
  folder: string;
  openFile?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

/** The workbench URL; the payload is what desktop VS Code gets as command-line flags. */
export function workbenchUrl(server: RunningCodeServer, target: WorkbenchTarget): string {
  const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(file)}`;
  const payload: [string, string][] = [];
  if (target.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  }
  if (target.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  }
  if (target.openFile) {
    payload.push(['openFile', remote(target.openFile)]);
  }
  const query = new URLSearchParams({ folder: path.resolve(target.folder) });
  if (payload.length > 0) {
    query.set('payload', JSON.stringify(payload));
  }
  return `${server.origin}/?${query.toString()}`;
}

/** Chromium flags for this closed network (background networking is refused, many times a second). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error('No Chromium found: apt-get install chromium (or set CHROMIUM_PATH).');
  }
  return found;
}
