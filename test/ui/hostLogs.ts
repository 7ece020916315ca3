/**
 * What the extension host logged during a UI journey, and which of it is not
 * ours: code-server writes log files (every extension's errors: only ours
 * count), VS Code for the Web logs to the page's console. Every other error
 * fails the journey.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Lines of the extension host's log that are not errors of ours. Each entry
 * says why it is harmless; anything else logged at [error] fails the journey.
 */
export const HARMLESS_EXTENSION_HOST_ERRORS: { pattern: RegExp; why: string }[] = [
  // The workbench (and its built-in extensions) try open-vsx.org and the marketplace; this machine has no network.
  { pattern: /open-vsx\.org|marketplace\.visualstudio\.com|gallery|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|net::ERR_/i, why: 'no network here' },
  // After a window reload two of code-server's extension hosts can race for the workspace storage lock; the loser
  // logs EEXIST on vscode.lock and then fails to parse the half-written lock file, in code-server's own code.
  { pattern: /EEXIST: file already exists, open '[^']*\/workspaceStorage\/[^']*\/vscode\.lock'/, why: 'code-server workspace storage lock race' },
  { pattern: /^(?![\s\S]*dist\/extension\.js)[\s\S]*Unexpected end of JSON input[\s\S]*\.vscode-test\/code-server/, why: 'the same race: a lock file read half-written, in code-server\'s code' },
  // locale.ui.test.ts: the test language pack translates none of VS Code's built-in extensions (`vscode.*`), so each
  // of those says it has no bundle for the language; ours ships its own (l10n/) and must not say it.
  { pattern: /\[error\] No bundle location found for extension vscode\.[\w-]+$/, why: 'built-in extensions untranslated by the test language pack' },
];

/** Error lines of an extension host log, each with the lines (stack) that follow it up to the next log line. */
export function errorEntries(log: string): string[] {
  const entries: string[] = [];
  let current: string[] | undefined;
  for (const line of log.split(/\r?\n/)) {
    const isLogLine = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ \[\w+\]/.test(line);
    if (isLogLine) {
      current = /\[error\]/.test(line) ? [line] : undefined;
      if (current) {
        entries.push('');
      }
    } else if (current && line.trim()) {
      current.push(line);
    }
    if (current) {
      entries[entries.length - 1] = current.join('\n');
    }
  }
  return entries;
}

/**
 * Messages of VS Code for the Web's page console (where the web worker
 * extension host's errors show) that are not errors of ours, each with why.
 * Anything else logged as an error, and any uncaught error, fails the journey.
 */
export const HARMLESS_WEB_CONSOLE_ERRORS: { pattern: RegExp; why: string }[] = [
  // The workbench asks every extension under development for its optional translations; we ship none.
  { pattern: /^Failed to load resource: the server responded with a status of 404 \(Not Found\) \[[^\]]*\/static\/devextensions\/package\.nls\.json\]$/, why: 'no package.nls.json: the extension is not localized' },
];

/** One message of the page's console (every frame, and the extension host's worker), or an uncaught error. */
export interface ConsoleEntry {
  type: string;
  text: string;
}

/** Every extension host log under a code-server user data folder (one per window load; a reload starts another). */
export function extensionHostLogFiles(userDataDir: string): string[] {
  const logs = path.join(userDataDir, 'logs');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return fs.existsSync(logs) ? walk(logs).filter((file) => /exthost\.log$/i.test(path.basename(file))) : [];
}

/** Our extension's id: VS Code names it in its messages about it, and the installed extension's folder starts with it. */
export const EXTENSION_ID = 'digest-reader.digest-reader';

/**
 * Whether an [error] entry of the extension host's log is our extension's:
 * it names our id (VS Code says which extension failed to activate, threw or
 * lacks a bundle; the installed extension's files are under a folder named by
 * it), or a frame of its stack is in our build (`dist/` of `extensionRoot`, the
 * working tree the development journey loads). The extension host's log holds
 * every extension's errors: VS Code's own built-in ones (debug-auto-launch,
 * merge-conflict, whose activation a window reload may cancel) are not ours
 * to fail on. An error of ours with neither (a promise rejected with a plain
 * string, which has no stack) would not be counted.
 */
export function isOurs(entry: string, extensionRoot: string): boolean {
  const dist = `${extensionRoot.replace(/\/+$/, '')}/dist/`;
  return entry.toLowerCase().includes(EXTENSION_ID) || entry.includes(dist);
}

/** code-server's extension host [error] entries of our extension, less the harmless ones, each named by its log file. */
export function codeServerErrors(userDataDir: string, extensionRoot: string): string[] {
  return extensionHostLogFiles(userDataDir).flatMap((file) =>
    errorEntries(fs.readFileSync(file, 'utf8'))
      .filter((entry) => isOurs(entry, extensionRoot))
      .filter((entry) => !HARMLESS_EXTENSION_HOST_ERRORS.some(({ pattern }) => pattern.test(entry)))
      .map((entry) => `${path.relative(userDataDir, file)}: ${entry}`),
  );
}

/** The web page's console errors and uncaught errors, less the harmless ones. */
export function webConsoleErrors(console: readonly ConsoleEntry[]): string[] {
  return console
    .filter(({ type }) => type === 'error' || type === 'pageerror')
    .filter(({ text }) => !HARMLESS_WEB_CONSOLE_ERRORS.some(({ pattern }) => pattern.test(text)))
    .map(({ type, text }) => `${type}: ${text}`);
}
