/** DOM helpers of the panel: every text goes in as a text node, and every word of ours through `t`. */
import type { WebviewToExtension } from '../common/messages';
import { PANEL_STRINGS, type PanelStringKey, type PanelStrings } from '../common/panelStrings';
import { element } from './element';

export { element } from './element';

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();

let strings: PanelStrings = { ...PANEL_STRINGS };

/** Takes the display language's words, as the extension sent them (English until then). */
export function setStrings(next: PanelStrings): void {
  strings = next;
}

/** The panel's word for `key`, with `{0}`, `{1}`… filled in. */
export function t(key: PanelStringKey, ...args: Array<string | number>): string {
  return (strings[key] ?? PANEL_STRINGS[key]).replace(/\{(\d+)\}/g, (match, index: string) => (args[Number(index)] ?? match).toString());
}

/** A button that runs `action` (or posts `message`); `title` is its tooltip, and its name when the label is a symbol. */
export function button(label: string, title: string, action: WebviewToExtension | (() => void), enabled = true): HTMLButtonElement {
  const node = element('button', undefined, label);
  node.type = 'button';
  node.title = title;
  node.disabled = !enabled;
  if (typeof action !== 'function') {
    node.dataset.action = action.type; // what the extension's answer (e.g. "copied") refers to
  }
  node.addEventListener('click', typeof action === 'function' ? action : () => vscode.postMessage(action));
  return node;
}

/** A two-state button: `aria-pressed` says its state to screen readers. */
export function toggle(label: string, title: string, action: WebviewToExtension | (() => void), pressed: boolean): HTMLButtonElement {
  const node = button(label, title, action);
  node.setAttribute('aria-pressed', String(pressed));
  return node;
}

/** A safe class name part for a language code from the digest. */
export function languageClass(language: string): string {
  return language.replace(/[^a-z-]/gi, '');
}
