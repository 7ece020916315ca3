/**
 * What the test entries in the extension host and test/host/runIntegration.ts
 * (plain Node, no vscode module) agree on.
 */

/** Starts the line with the suite's result, a JSON IntegrationResult, in the extension host's console. */
export const RESULT_MARKER = 'DIGEST-READER-INTEGRATION-RESULT';

/**
 * Options the runner leaves in every test workspace (the web worker sees no
 * environment variables): `{ "grep": "…", "workspace": "digests" | "notes" }`,
 * the grep from DIGEST_TEST_GREP.
 */
export const OPTIONS_FILE = '.digest-integration-options.json';

export interface IntegrationOptions {
  grep?: string;
  workspace?: 'digests' | 'notes';
}

/** The extension host the suite runs in: Node's (desktop, code-server) or the web worker's (VS Code for the Web). */
export type ExtensionHostKind = 'node' | 'webworker';

export interface IntegrationResult {
  passed: number;
  failed: number;
  pending: number;
  /** vscode.version */
  vscode: string;
  /** vscode.env.appName */
  host: string;
  extensionHost: ExtensionHostKind;
}

/**
 * The second workspace the runner opens in every host: Markdown notes and no
 * digest at all (notes.test.ts). Only the suite of that title runs there, and
 * every other suite only in the main workspace.
 */
export const NOTES_WORKSPACE = 'notes-workspace';
export const NOTES_SUITE = 'Lazy: a workspace of Markdown notes and no digest';

/** The mocha grep for a workspace: the notes suite alone there, everything else (as the user's grep selects) in the main one. */
export function grepFor(options: IntegrationOptions): RegExp | undefined {
  const notes = NOTES_SUITE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (options.workspace === 'notes') {
    return new RegExp(`^${notes}`);
  }
  return new RegExp(`^(?!${notes})${options.grep ? `.*(?:${options.grep})` : ''}`);
}
