/**
 * Sentences of an abstract, with offsets into the original text so a view can
 * highlight them. `Intl.Segmenter` (Node 20, Chromium, Safari, Firefox 125+)
 * finds the candidate boundaries; it ends a sentence at every ". " before a
 * capital or digit, so the boundaries after abbreviations ("Dr. Smith",
 * "z. B. Graphen"), inside numbers and inside TeX math are taken back out.
 * No Node built-ins and no lookbehind in regular expressions: this also runs
 * in the web worker extension host of older Safari.
 */
import { findMath } from '../digest/math';

/** One sentence: `text === source.slice(start, end)`, without surrounding blanks. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export interface SplitOptions {
  /**
   * Also end a unit after `;` or `；`. The pipeline's translator often joins
   * English sentences into one Chinese sentence with `;` (fixture articles 7,
   * 8, 42, 49), so alignment works on these smaller units; split both sides
   * alike so a `;` the translation kept still lines up.
   */
  splitAtSemicolons?: boolean;
  /** `simple` uses the built-in splitter even where `Intl.Segmenter` exists (for tests). */
  engine?: 'auto' | 'simple';
}

export interface Abbreviation {
  /** As written; a space inside also matches no space (`z.B.`). */
  written: string;
  /** `et al.` can end a sentence: it is kept only before a word that is not capitalized. */
  canEndSentence?: boolean;
}

const COMMON: readonly Abbreviation[] = [
  { written: 'Dr.' }, { written: 'Prof.' }, { written: 'vs.' }, { written: 'Eq.' }, { written: 'Eqs.' },
  { written: 'Fig.' }, { written: 'Figs.' }, { written: 'cf.' }, { written: 'e.g.' }, { written: 'i.e.' },
  { written: 'et al.', canEndSentence: true },
];

const ENGLISH: readonly Abbreviation[] = [
  ...COMMON,
  { written: 'Sec.' }, { written: 'Secs.' }, { written: 'Ref.' }, { written: 'Refs.' }, { written: 'Tab.' },
  { written: 'approx.' }, { written: 'resp.' }, { written: 'Mr.' }, { written: 'Mrs.' }, { written: 'Ms.' },
];

const GERMAN: readonly Abbreviation[] = [
  ...COMMON,
  { written: 'z. B.' }, { written: 'u. a.' }, { written: 'd. h.' }, { written: 'z. T.' }, { written: 'u. U.' },
  { written: 'Nr.' }, { written: 'S.' }, { written: 'bzw.' }, { written: 'ca.' }, { written: 'vgl.' },
  { written: 'Abb.' }, { written: 'Gl.' }, { written: 'ggf.' }, { written: 'evtl.' }, { written: 'bspw.' },
  { written: 'inkl.' }, { written: 'sog.' },
];

/** The abbreviations guarded for a language; Chinese text quotes English ones ("见Fig. 2"). */
export function abbreviationsFor(language: string): readonly Abbreviation[] {
  return language === 'de' ? GERMAN : ENGLISH;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `Dr.` → `[Dd]r\.`: a sentence may start with a capitalized one ("Cf.", "Z. B."). One letter stays exact ("S." is not "s."). */
function patternOf(abbreviation: Abbreviation): string {
  const { written } = abbreviation;
  const body = escapeRegExp(written).replace(/\\\. /g, '\\.\\s*');
  const first = written[0];
  if (written.replace(/[^\p{L}]/gu, '').length <= 1 || first.toLowerCase() === first.toUpperCase()) {
    return body;
  }
  return `[${first.toUpperCase()}${first.toLowerCase()}]${body.slice(1)}`;
}

const matchers = new Map<string, { regex: RegExp; list: readonly Abbreviation[] }>();

function matcherFor(language: string): { regex: RegExp; list: readonly Abbreviation[] } {
  const list = abbreviationsFor(language);
  const key = list === GERMAN ? 'de' : 'en';
  let matcher = matchers.get(key);
  if (!matcher) {
    // Longest first, so `Eqs.` wins over `Eq.`, `e.g.` is not read as `g.`.
    const ordered = [...list].sort((a, b) => b.written.length - a.written.length);
    matcher = { regex: new RegExp(ordered.map((a) => `(${patternOf(a)})`).join('|'), 'gu'), list: ordered };
    matchers.set(key, matcher);
  }
  return matcher;
}

/** A span no sentence may end in: a boundary `p` with `start < p <= end` is dropped. */
interface Guard {
  start: number;
  end: number;
}

/** A letter or digit before `S.` makes it a word's end (`GPUs.`); a Han character does not (`见Fig. 2`). */
const WORD_BEFORE = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
const UPPERCASE_START = /^\s*\p{Lu}/u;
const NUMBER = /\d+(?:\.\d+)+/g;

function isBlankAt(text: string, index: number): boolean {
  return /\s/.test(text[index] ?? '');
}

function guardsOf(text: string, language: string): Guard[] {
  const guards: Guard[] = [];
  const { regex, list } = matcherFor(language);
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const before = text[match.index - 1];
    if (before !== undefined && WORD_BEFORE.test(before) && !HAN.test(before)) {
      continue;
    }
    let end = match.index + match[0].length;
    while (isBlankAt(text, end)) {
      end++;
    }
    const abbreviation = list[match.slice(1).findIndex((group) => group !== undefined)];
    if (abbreviation?.canEndSentence && UPPERCASE_START.test(text.slice(end, end + 4))) {
      continue; // "… by Vaswani et al. We extend it." ends there
    }
    guards.push({ start: match.index, end });
  }
  for (const span of findMath(text)) {
    guards.push({ start: span.start, end: span.end - 1 }); // never inside `$…$`; right after it is fine
  }
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    guards.push({ start: match.index, end: match.index + match[0].length - 1 });
  }
  return guards;
}

const segmenters = new Map<string, Intl.Segmenter>();

function intlBoundaries(text: string, language: string): number[] | undefined {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') {
    return undefined;
  }
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  const boundaries: number[] = [];
  for (const segment of segmenter.segment(text)) {
    if (segment.index > 0) {
      boundaries.push(segment.index);
    }
  }
  return boundaries;
}

// A Latin end (with closing quotes or brackets) needs a blank after it; a Chinese one does not, nor `!`/`?` before a Han character.
const SIMPLE_END = /[.!?]+["'”’)\]]*\s+|[。！？]+["'”’」』）)]*\s*|[!?]+(?=\p{Script=Han})/gu;

/** Where `Intl.Segmenter` is missing: a boundary after each sentence end. */
function simpleBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  SIMPLE_END.lastIndex = 0;
  for (let match = SIMPLE_END.exec(text); match; match = SIMPLE_END.exec(text)) {
    boundaries.push(match.index + match[0].length);
  }
  return boundaries;
}

const SEMICOLON = /[;；]\s*/g;

function semicolonBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  SEMICOLON.lastIndex = 0;
  for (let match = SEMICOLON.exec(text); match; match = SEMICOLON.exec(text)) {
    boundaries.push(match.index + match[0].length);
  }
  return boundaries;
}

/**
 * Splits `text` (one abstract in `language`: `en`, `de`, `zh`, …) into
 * sentences in order. Blank text gives none.
 */
export function splitSentences(text: string, language: string, options: SplitOptions = {}): Sentence[] {
  const found = (options.engine !== 'simple' ? intlBoundaries(text, language) : undefined) ?? simpleBoundaries(text);
  const candidates = options.splitAtSemicolons ? [...found, ...semicolonBoundaries(text)] : found;
  const guards = guardsOf(text, language);
  const boundaries = [...new Set(candidates)]
    .filter((p) => p > 0 && p < text.length && !guards.some((g) => g.start < p && p <= g.end))
    .sort((a, b) => a - b);
  const sentences: Sentence[] = [];
  let from = 0;
  for (const to of [...boundaries, text.length]) {
    let start = from;
    let end = to;
    while (start < end && isBlankAt(text, start)) {
      start++;
    }
    while (end > start && isBlankAt(text, end - 1)) {
      end--;
    }
    if (end > start) {
      sentences.push({ text: text.slice(start, end), start, end });
    }
    from = to;
  }
  return sentences;
}
