/**
 * What the test entries in the extension host and test/host/runIntegration.ts
 * (plain Node, no vscode module) agree on.
 */

/** Starts the line with the suite's result, a JSON IntegrationResult, in the extension host's console. */
export const RESULT_MARKER = 'DIGEST-READER-INTEGRATION-RESULT';

/**
 * Options the runner leaves in the test workspace for the web worker, which
 * sees no environment variables: `{ "grep": "…" }` from DIGEST_TEST_GREP.
 */
export const OPTIONS_FILE = '.digest-integration-options.json';

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
 * it is not defined in the main workspace.
 */
export const NOTES_WORKSPACE = 'notes-workspace';
export const NOTES_SUITE = 'Lazy: a workspace of Markdown notes and no digest';
