import * as vscode from 'vscode';
import { PANEL_STRINGS, type PanelStringKey, type PanelStrings } from '../common/panelStrings';

/**
 * The panel's words in VS Code's display language. The English text is the
 * key into the l10n bundles; `{0}`… placeholders are given themselves as
 * arguments, so they reach the webview untouched, which fills them in.
 */
const PLACEHOLDERS = ['{0}', '{1}', '{2}', '{3}', '{4}'];

export function panelStrings(): PanelStrings {
  const strings = {} as PanelStrings;
  for (const key of Object.keys(PANEL_STRINGS) as PanelStringKey[]) {
    strings[key] = vscode.l10n.t(PANEL_STRINGS[key], ...PLACEHOLDERS);
  }
  return strings;
}
