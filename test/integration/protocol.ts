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
