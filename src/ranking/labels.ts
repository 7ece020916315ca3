/**
 * What the ranking learns from, read from where the user's marks are kept:
 * the reading state's records of the store (stars, "not interested", read).
 */
import type * as vscode from 'vscode';
import type { ReadingStore } from '../reading';

export interface RankingLabels {
  starred: string[];
  notInterested: string[];
  read: string[];
  /** A starred paper's kept text, for stars whose digest is gone: key, title, abstract, authors. */
  texts: [string, string, string, string[]][];
}

export interface LabelSource {
  labels(): RankingLabels;
  /** Whether a paper is marked "not interested" (rows say so). */
  isNotInterested(key: string): boolean;
  readonly onDidChange: vscode.Event<unknown>;
  /** Grows with every change of the marks (a model trained at an older revision is stale). */
  readonly revision: number;
}

export function readingLabels(reading: ReadingStore): LabelSource {
  return {
    labels: () => {
      const starred = reading.state.starred();
      return {
        starred: starred.map((s) => s.key),
        notInterested: reading.state.notInterestedKeys(),
        read: reading.state.readKeysSnapshot(),
        texts: starred.map((s) => [s.key, s.titles.en ?? s.titles[s.sourceLanguage] ?? '', s.abstracts.en ?? s.abstracts[s.sourceLanguage] ?? '', s.authors]),
      };
    },
    isNotInterested: (key) => reading.state.isNotInterested(key),
    onDidChange: reading.onDidChange,
    get revision() {
      return reading.state.revision;
    },
  };
}
