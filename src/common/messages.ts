/**
 * The messages between the extension and the article webview: one union type
 * each way. Imported by both sides, so no `vscode` import here.
 */

export interface LanguageText {
  /** BCP 47 code, used as the element's `lang`. */
  language: string;
  /** "English", "German", … */
  label: string;
  /** Undefined when the digest has no such translation for this article. */
  text?: string;
}

/** What the panel shows of one article: plain data, every string untrusted. */
export interface ArticleViewModel {
  subject: string;
  digestDate: string;
  index: number;
  /** 1-based place in the digest, and the digest's article count. */
  position: number;
  total: number;
  date?: string;
  weekdayName?: string;
  arxivId?: string;
  authors: string[];
  titles: LanguageText[];
  abstracts: LanguageText[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/** What the webview keeps with `setState` so the serializer can restore the panel. */
export interface PanelState {
  uri: string;
  index: number;
}

export type ExtensionToWebview =
  | { type: 'show'; article: ArticleViewModel; state: PanelState }
  | { type: 'empty'; message: string };

export type NavigationDirection = 'previous' | 'next';

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'openArxivPage' }
  | { type: 'openPdf' }
  | { type: 'copyId' }
  | { type: 'navigate'; direction: NavigationDirection };

/** A message from the webview is untrusted: accept only the known shapes. */
export function isWebviewToExtension(value: unknown): value is WebviewToExtension {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as { type?: unknown; direction?: unknown };
  switch (message.type) {
    case 'ready':
    case 'openArxivPage':
    case 'openPdf':
    case 'copyId':
      return Object.keys(message).length === 1;
    case 'navigate':
      return (message.direction === 'previous' || message.direction === 'next') && Object.keys(message).length === 2;
    default:
      return false;
  }
}

const MAX_URI_LENGTH = 4096;

/** Restored panel state comes from storage: check it before use. */
export function isPanelState(value: unknown): value is PanelState {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const state = value as { uri?: unknown; index?: unknown };
  return (
    typeof state.uri === 'string' &&
    state.uri.length > 0 &&
    state.uri.length <= MAX_URI_LENGTH &&
    typeof state.index === 'number' &&
    Number.isSafeInteger(state.index) &&
    state.index >= 0
  );
}
