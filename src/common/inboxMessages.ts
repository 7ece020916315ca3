/**
 * The messages between the extension and the inbox webview: one union type
 * each way, validated where they arrive. No `vscode` import: both sides use it.
 */

/** One paper's row: every string from a digest is untrusted and is inserted as text. */
export interface InboxRowView {
  key: string;
  title: string;
  lead: string;
  /** `Thu 2025-05-29` in the display language. */
  date: string;
  /** Every digest that lists it: `cs.DC 2025-06-01`. */
  listedIn: string[];
  /** `87%` when a model ranks. */
  score?: string;
  read: boolean;
  starred: boolean;
  /** Marked "not interested" (`x`). */
  notInterested: boolean;
}

export type InboxSort = 'forYou' | 'date';

/** The inbox's own words in the display language (the webview has no `vscode.l10n`). */
export interface InboxStrings {
  forYou: string;
  newest: string;
  sortLabel: string;
  markAllRead: string;
  keysHint: string;
  read: string;
  unread: string;
  starred: string;
  notInterested: string;
  listLabel: string;
}

export type InboxToWebview = {
  type: 'rows';
  rows: InboxRowView[];
  /** `412 unread papers of 14 digests, 2025-05-26 – 2025-06-01`. */
  heading: string;
  /** Which model ranks, or how to start. */
  note: string;
  sort: InboxSort;
  /** Shown when no row is left. */
  empty: string;
  strings: InboxStrings;
};

export type InboxFromWebview =
  | { type: 'ready' }
  | { type: 'open'; key: string }
  | { type: 'toggleRead'; key: string }
  | { type: 'toggleStar'; key: string }
  | { type: 'toggleNotInterested'; key: string }
  | { type: 'openArxiv'; key: string }
  | { type: 'moreLikeThis'; key: string }
  | { type: 'markAllRead'; keys: string[] }
  | { type: 'undo' }
  | { type: 'sort'; sort: InboxSort }
  | { type: 'showKeys' };

/** What the webview keeps with `setState` (restored after a reload). */
export interface InboxState {
  selected?: string;
}

const KEY = /^[^\u0000-\u001f]{1,1000}$/;

function isKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

export function isInboxFromWebview(value: unknown): value is InboxFromWebview {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'undo':
    case 'showKeys':
      return true;
    case 'open':
    case 'toggleRead':
    case 'toggleStar':
    case 'toggleNotInterested':
    case 'openArxiv':
    case 'moreLikeThis':
      return isKey(message.key);
    case 'markAllRead':
      return Array.isArray(message.keys) && message.keys.length <= 100_000 && message.keys.every(isKey);
    case 'sort':
      return message.sort === 'forYou' || message.sort === 'date';
    default:
      return false;
  }
}

export function isInboxState(value: unknown): value is InboxState {
  return typeof value === 'object' && value !== null && ((value as InboxState).selected === undefined || isKey((value as InboxState).selected));
}
