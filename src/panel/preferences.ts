import * as vscode from 'vscode';
import { DEFAULT_PREFERENCES, preferencesPatch, toPreferences, type PanelPreferences } from '../common/panelPreferences';

/** The settings section the panel's preferences live in: `digestReader.panel.layout`, `.languageOrder`, … */
const SECTION = 'digestReader.panel';

/** The reader's preferences from settings, each checked (a hand-edited bad value takes its default). */
export function readPreferences(): PanelPreferences {
  const settings = vscode.workspace.getConfiguration(SECTION);
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_PREFERENCES)) {
    raw[key] = settings.get(key);
  }
  return toPreferences(raw);
}

/** Keeps a change made in the panel, in the user's settings (remembered, and synced with them). */
export async function savePreferences(patch: Partial<PanelPreferences>): Promise<void> {
  const settings = vscode.workspace.getConfiguration(SECTION);
  for (const [key, value] of Object.entries(preferencesPatch(patch))) {
    await settings.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

export function affectsPreferences(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
