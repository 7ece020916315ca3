/**
 * The messages between the extension and the article webview: one union type
 * each way. Imported by both sides, so no `vscode` import here.
 */
import type { SentenceRow } from '../core/study/rows';
import type { ChineseSlice } from '../core/words/slice';
import type { GermanEntry } from '../core/words/german';
import type { DigestLanguageSets } from '../core/study/studyLanguage';
import { isLanguage, preferencesPatch, type PanelPreferences } from './panelPreferences';
import type { PanelStrings } from './panelStrings';

export type { SentenceRow, TextSpan } from '../core/study/rows';

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
  read: boolean;
  starred: boolean;
  /** "cs.DC 2025-05-31": an earlier digest listed the same paper. */
  alsoIn?: string;
  /** Shown from what was stored with its star (its digest is not open). */
  fromStarred: boolean;
  /** Sort by "For you" is on: the score as shown (`87%`) and the words and authors that raised and lowered it. */
  forYou?: { score: string; up: string[]; down: string[] };
  /**
   * What saved filters matched, to mark: ranges `[start, end)` by field, `title.<language>`,
   * `abstract.<language>`, `authors` (in the names joined with `, `) and `id`.
   */
  highlights?: Record<string, [number, number][]>;
  /** The language the abstract was written in (arXiv: English); translations align to it. */
  sourceLanguage: string;
  /** The abstract's sentences aligned across languages; absent when there is no source abstract to align to. */
  rows?: SentenceRow[];
  /** The reader's own translations of missing fields (`title.zh`, `abstract.de`), from their notes. */
  notes?: Record<string, string>;
  /** The dictionaries' entries for the article's Chinese and German words (absent until a dictionary is loaded). */
  words?: ArticleWords;
  /** The languages the whole digest has titles and abstracts in: what study mode can teach from it. */
  digestLanguages: DigestLanguageSets;
}

/** What the panel's word pop-up and word marks need of one article. */
export interface ArticleWords {
  /** CC-CEDICT's entries for every word that starts at a Han character of the Chinese texts. */
  zh?: ChineseSlice;
  /** The CC-CEDICT release (`YYYY-MM-DD`), named in the pop-up. */
  dictionaryDate: string;
  /** The learner's German dictionary: its entries for the German words, by word lower-cased. */
  de?: Record<string, GermanEntry[]>;
  german: 'none' | 'loading' | 'ready' | 'failed';
  /** The German dictionary's file name. */
  germanName?: string;
  /** The learner's marks on this article's words (keys `zh:车辆`, `de:netz`), the rest new; absent where known words are not kept. */
  statuses?: Record<string, 'learning' | 'known'>;
  /** The article's share of new words in the language learned (distinct words of its title and abstract). */
  share?: { language: 'zh' | 'de'; label: string; percent: number; newWords: number; words: number };
}

/** What the webview keeps with `setState` so the serializer can restore the panel: an article of a document, or a starred one. */
export type PanelState = DocumentPanelState | StarredPanelState;

export interface DocumentPanelState {
  uri: string;
  index: number;
  /** The article's "Article N" line; absent in states saved by 0.1.0. */
  line?: number;
  arxivId?: string;
}

export interface StarredPanelState {
  starredKey: string;
}

export type ExtensionToWebview =
  /** `isNewArticle`: another article than the one shown (scroll to the top and announce its title), not an edit of the same one. */
  | { type: 'show'; article: ArticleViewModel; state: PanelState; isNewArticle: boolean }
  | { type: 'empty'; message: string }
  /** The panel's words in the display language, and the reader's preferences: on load and whenever either changes. */
  | { type: 'settings'; strings: PanelStrings; preferences: PanelPreferences }
  /** A short confirmation to show and announce ("Added sentence 3 to the study list"). */
  | { type: 'notice'; text: string }
  /** What a copy button put on the clipboard: the button says so for a moment, and it is announced. */
  | { type: 'copied'; what: CopyAction };

/** The panel's buttons that copy to the clipboard. */
export type CopyAction = 'copyId' | 'copyBibtex' | 'copyCitation';

/** A field of an article the reader can write their own translation of. */
export type NoteField = 'title' | 'abstract';
const MAX_NOTE_LENGTH = 20_000;
const MAX_TERM_LENGTH = 2_000;

export type NavigationDirection = 'previous' | 'next';

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'openArxivPage' }
  | { type: 'openPdf' }
  | { type: 'copyId' }
  | { type: 'copyBibtex' }
  | { type: 'copyCitation' }
  | { type: 'navigate'; direction: NavigationDirection }
  | { type: 'toggleRead' }
  | { type: 'toggleStar' }
  | { type: 'setPreferences'; preferences: Partial<PanelPreferences> }
  /** A sentence (its study number) or a term the reader selected, in one language. */
  | { type: 'addToStudyList'; sentence: number }
  | { type: 'addToStudyList'; term: { language: string; text: string } }
  | { type: 'saveNote'; field: NoteField; language: string; text: string }
  /** A text field of the panel got or lost the focus: the panel's one-letter keys must then type, not act. */
  | { type: 'inputFocus'; focused: boolean }
  /** A word from the pop-up, to the study list; `sentence` is the study number of the sentence it is in (none in a title). */
  | { type: 'addWord'; language: 'zh' | 'de'; word: string; sentence?: number }
  /** The learner marks a word new, learning or known. */
  | { type: 'setWordStatus'; language: 'zh' | 'de'; word: string; status: 'new' | 'learning' | 'known' }
  /** "Mark the rest known": every new word of the shown article in the language learned. */
  | { type: 'markRestKnown'; language: 'zh' | 'de' };

/** A message from the webview is untrusted: accept only the known shapes. */
export function isWebviewToExtension(value: unknown): value is WebviewToExtension {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as { type?: unknown; direction?: unknown; preferences?: unknown; sentence?: unknown; term?: unknown; field?: unknown; language?: unknown; text?: unknown; status?: unknown; word?: unknown; [key: string]: unknown };
  switch (message.type) {
    case 'ready':
    case 'openArxivPage':
    case 'openPdf':
    case 'copyId':
    case 'copyBibtex':
    case 'copyCitation':
    case 'toggleRead':
    case 'toggleStar':
      return Object.keys(message).length === 1;
    case 'navigate':
      return (message.direction === 'previous' || message.direction === 'next') && Object.keys(message).length === 2;
    case 'setPreferences':
      // Only known, valid fields: anything else in the message is a bug or an attack.
      return Object.keys(message).length === 2 && typeof message.preferences === 'object' && message.preferences !== null &&
        Object.keys(message.preferences).length > 0 && Object.keys(message.preferences).length === Object.keys(preferencesPatch(message.preferences)).length;
    case 'addToStudyList':
      if (Object.keys(message).length !== 2) {
        return false;
      }
      if (message.sentence !== undefined) {
        return typeof message.sentence === 'number' && Number.isSafeInteger(message.sentence) && message.sentence >= 1 && message.sentence <= 10_000;
      }
      return isTerm(message.term);
    case 'inputFocus':
      return Object.keys(message).length === 2 && typeof (message as { focused?: unknown }).focused === 'boolean';
    case 'addWord':
      return isAddWord(message);
    case 'setWordStatus':
      return Object.keys(message).length === 4 && (message.status === 'new' || message.status === 'learning' || message.status === 'known') &&
        isAddWord({ type: message.type, language: message.language, word: message.word });
    case 'markRestKnown':
      return Object.keys(message).length === 2 && (message.language === 'zh' || message.language === 'de');
    case 'saveNote':
      return Object.keys(message).length === 4 && (message.field === 'title' || message.field === 'abstract') &&
        isLanguage(message.language) && typeof message.text === 'string' && message.text.length <= MAX_NOTE_LENGTH;
    default:
      return false;
  }
}

const MAX_WORD_LENGTH = 100;

function isAddWord(message: Record<string, unknown>): boolean {
  const keys = Object.keys(message).filter((key) => key !== 'sentence');
  const sentence = message.sentence;
  return keys.length === 3 && (message.language === 'zh' || message.language === 'de') &&
    typeof message.word === 'string' && message.word.trim() !== '' && message.word.length <= MAX_WORD_LENGTH && !/[\t\r\n]/.test(message.word) &&
    (sentence === undefined || (typeof sentence === 'number' && Number.isSafeInteger(sentence) && sentence >= 1 && sentence <= 10_000));
}

function isTerm(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const term = value as { language?: unknown; text?: unknown };
  return Object.keys(term).length === 2 && isLanguage(term.language) &&
    typeof term.text === 'string' && term.text.trim() !== '' && term.text.length <= MAX_TERM_LENGTH;
}

const MAX_URI_LENGTH = 4096;

/** Restored panel state comes from storage: check it before use. */
export function isPanelState(value: unknown): value is PanelState {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const state = value as { uri?: unknown; index?: unknown; line?: unknown; arxivId?: unknown; starredKey?: unknown };
  if (state.starredKey !== undefined) {
    return typeof state.starredKey === 'string' && state.starredKey.length > 0 && state.starredKey.length <= 1000 && Object.keys(state).length === 1;
  }
  return (
    typeof state.uri === 'string' &&
    state.uri.length > 0 &&
    state.uri.length <= MAX_URI_LENGTH &&
    isCount(state.index) &&
    (state.line === undefined || isCount(state.line)) &&
    (state.arxivId === undefined || (typeof state.arxivId === 'string' && state.arxivId.length <= 64))
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Schemes of documents a restored panel may open: files (local, remote,
 * virtual workspaces, the web test host) and the bundled sample. Anything
 * else in a stored state (`command:`, `http:`, `untitled:` that no longer
 * exists) is refused.
 */
const RESTORABLE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'vscode-test-web', 'digest-sample']);

export function isRestorableScheme(scheme: string): boolean {
  return RESTORABLE_SCHEMES.has(scheme);
}
