/**
 * What both test entries (index.ts for Node's extension host, index.web.ts for
 * the web worker's) print: a line naming the VS Code that runs them, and one
 * machine-readable result line that test/host/runIntegration.ts parses.
 */
import * as vscode from 'vscode';
import { RESULT_MARKER, type ExtensionHostKind, type IntegrationResult } from './protocol';

export { OPTIONS_FILE, RESULT_MARKER } from './protocol';

export function announce(extensionHost: ExtensionHostKind): void {
  const ui = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  console.log(`Integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, UI kind ${ui}, ${extensionHost} extension host)`);
}

export function report(extensionHost: ExtensionHostKind, stats: { passes: number; failures: number; pending: number }): IntegrationResult {
  const result: IntegrationResult = { passed: stats.passes, failed: stats.failures, pending: stats.pending, vscode: vscode.version, host: vscode.env.appName, extensionHost };
  console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`);
  return result;
}
