/**
 * How the reader likes the article panel: layout, languages and their order,
 * study mode, pinyin, font sizes. Kept in settings (so they are remembered
 * and synced), changed from the panel's toolbar; both sides import this.
 * Whatever arrives (a message, a hand-edited setting) is checked here.
 */

export type PanelLayout = 'stacked' | 'sideBySide';
export type CjkFont = 'default' | 'sans' | 'serif' | 'kai';

export interface PanelPreferences {
  layout: PanelLayout;
  /** Languages first in this order; a language an article has that is not listed comes after, in the article's order. */
  languageOrder: string[];
  /** Languages not shown (an article always shows at least one). */
  hiddenLanguages: string[];
  /** One language shown, the others blurred until revealed. */
  studyMode: boolean;
  /** The language being learned: shown in study mode; empty: one the digest has in full (see core/study/studyLanguage.ts). */
  studyLanguage: string;
  /** Pinyin over Chinese text. */
  pinyin: boolean;
  /** Font sizes in px for Latin and for CJK text; 0 follows the editor's. */
  fontSize: number;
  cjkFontSize: number;
  cjkFont: CjkFont;
  /** The reading options (this list) shown above the article; folded away by default, so triage sees the article first. */
  readingOptions: boolean;
  /** Words of the language learned marked by status (new dotted, learning dashed), in titles and abstracts. */
  wordMarks: boolean;
}

export const DEFAULT_PREFERENCES: PanelPreferences = {
  layout: 'stacked',
  languageOrder: [],
  hiddenLanguages: [],
  studyMode: false,
  studyLanguage: '',
  pinyin: false,
  fontSize: 0,
  cjkFontSize: 0,
  cjkFont: 'default',
  readingOptions: false,
  wordMarks: true,
};

export const MIN_FONT_SIZE = 10;
export const MAX_FONT_SIZE = 40;
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i;
const MAX_LANGUAGES = 20;

/** A language code as the panel's messages and settings may carry it (`en`, `zh-cn`): nothing else reaches a class name or a setting. */
export function isLanguage(value: unknown): value is string {
  return typeof value === 'string' && LANGUAGE.test(value);
}

function languages(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length <= MAX_LANGUAGES && value.every(isLanguage) ? [...new Set(value)] : undefined;
}

function fontSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && (value === 0 || (value >= MIN_FONT_SIZE && value <= MAX_FONT_SIZE)) ? value : undefined;
}

/** The valid fields of `value`, each checked; unknown and bad fields dropped. */
export function preferencesPatch(value: unknown): Partial<PanelPreferences> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {};
  }
  const input = value as Record<string, unknown>;
  const patch: Partial<PanelPreferences> = {};
  if (input.layout === 'stacked' || input.layout === 'sideBySide') {
    patch.layout = input.layout;
  }
  const order = languages(input.languageOrder);
  if (order) {
    patch.languageOrder = order;
  }
  const hidden = languages(input.hiddenLanguages);
  if (hidden) {
    patch.hiddenLanguages = hidden;
  }
  if (typeof input.studyMode === 'boolean') {
    patch.studyMode = input.studyMode;
  }
  if (input.studyLanguage === '' || isLanguage(input.studyLanguage)) {
    patch.studyLanguage = input.studyLanguage;
  }
  if (typeof input.pinyin === 'boolean') {
    patch.pinyin = input.pinyin;
  }
  const latin = fontSize(input.fontSize);
  if (latin !== undefined) {
    patch.fontSize = latin;
  }
  const cjk = fontSize(input.cjkFontSize);
  if (cjk !== undefined) {
    patch.cjkFontSize = cjk;
  }
  if (typeof input.readingOptions === 'boolean') {
    patch.readingOptions = input.readingOptions;
  }
  if (typeof input.wordMarks === 'boolean') {
    patch.wordMarks = input.wordMarks;
  }
  if (input.cjkFont === 'default' || input.cjkFont === 'sans' || input.cjkFont === 'serif' || input.cjkFont === 'kai') {
    patch.cjkFont = input.cjkFont;
  }
  return patch;
}

/** Preferences from anything: each bad or missing field takes its default. */
export function toPreferences(value: unknown): PanelPreferences {
  return { ...DEFAULT_PREFERENCES, ...preferencesPatch(value) };
}

/**
 * The languages to show, in order: the preferred order first, then the rest
 * as the article has them, hidden ones left out, but never none at all.
 */
export function shownLanguages(available: readonly string[], preferences: Pick<PanelPreferences, 'languageOrder' | 'hiddenLanguages'>): string[] {
  const ordered = [
    ...preferences.languageOrder.filter((language) => available.includes(language)),
    ...available.filter((language) => !preferences.languageOrder.includes(language)),
  ];
  const shown = ordered.filter((language) => !preferences.hiddenLanguages.includes(language));
  return shown.length > 0 ? shown : ordered.slice(0, 1);
}

/** `languages` with `language` one place earlier (the order the toolbar's arrows change). */
export function movedEarlier(languages: readonly string[], language: string): string[] {
  const order = [...languages];
  const at = order.indexOf(language);
  if (at > 0) {
    [order[at - 1], order[at]] = [order[at], order[at - 1]];
  }
  return order;
}
