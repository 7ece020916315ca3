/**
 * Words of digest text for the search index, and of what the user types:
 * the same rules for both, so a query finds what the index holds. Pure and
 * field-agnostic, so other features (a ranking's per-article term vectors)
 * can take an article's terms from `indexTokens` too.
 *
 * - Latin (and any other spaced) script: words, lower-cased, diacritics
 *   dropped and ß → ss, so `Ubersetzung` finds `Übersetzung`. A word with
 *   ä/ö/ü is also kept spelled out (`Müller` → `muller` and `mueller`), so
 *   `Mueller` typed on a keyboard without umlauts finds it, while English
 *   words with `ue`/`oe`/`ae` (`queue`, `does`, `Israel`) stay as they are.
 * - Han: no spaces, so every pair of neighbours is a term, and the last
 *   character of a run too (`联邦学习` → 联邦 邦学 学习 习): every character
 *   starts a term, so one typed character finds every text that has it by
 *   the terms it starts (`舍` finds 取舍). A typed run of Han is found by its
 *   pairs, which keeps `联邦学习` from matching every text that merely has
 *   its four characters somewhere.
 * - New-style arXiv ids stay one token without their version (`2505.23710`).
 */

const ARXIV_ID = String.raw`\d{4}\.\d{1,5}(?:v\d+)?`;
const HAN_RUN = String.raw`\p{Script=Han}+`;
/** Letters (with their combining marks) and digits, but no Han: a Han run next to a Latin word is still Han. */
const WORD = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+`;
const TOKEN = new RegExp(`(${ARXIV_ID})|(${HAN_RUN})|(${WORD})`, 'gu');
const VERSION = /v\d+$/;
const COMBINING_MARKS = /\p{M}/gu;
/** Anything outside ASCII may need folding; most English words skip the normalisation. */
const NOT_ASCII = /[^\x00-\x7f]/;
const UMLAUT = /[äöü]/;
const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/**
 * Words too common to help find an article (English and German, folded):
 * about a third of an abstract's words, not worth a posting each.
 */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'for', 'from', 'has', 'have', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'our', 'that', 'the', 'their', 'these', 'this', 'to', 'we', 'which', 'with', 'while', 'such', 'both',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einer', 'und', 'fur', 'fuer', 'mit', 'von', 'zu', 'zur', 'zum', 'im', 'auf', 'ist',
]);

/** Lower case without diacritics; ß → ss (`Föderierten` → `foderierten`). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NOT_ASCII.test(lower)) {
    return lower;
  }
  return lower.replace(/ß/g, 'ss').normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** A word's umlauts spelled out as German writes them without (`Würthwein` → `wuerthwein`), or undefined when it has none. */
export function spelledOut(word: string): string | undefined {
  const lower = word.toLowerCase().normalize('NFC');
  return UMLAUT.test(lower) ? fold(lower.replace(/[äöü]/g, (umlaut) => SPELLED_OUT[umlaut])) : undefined;
}

/** What eachToken calls per token: its term(s) and what kind it is. */
type Emit = (term: string, kind: 'word' | 'spelled' | 'han' | 'last' | 'pair' | 'id') => void;

/** Calls `emit` with each term of `text` in order, stop words included (the caller decides). */
function eachToken(text: string, emit: Emit): void {
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const [, id, han, word] = match;
    if (id !== undefined) {
      emit(id.replace(VERSION, ''), 'id');
    } else if (han !== undefined) {
      const chars = Array.from(han);
      for (let i = 0; i + 1 < chars.length; i++) {
        emit(chars[i] + chars[i + 1], 'pair');
      }
      // The last character starts no pair: a term of its own (every other one is the start of a pair).
      emit(chars[chars.length - 1], chars.length === 1 ? 'han' : 'last');
    } else if (word !== undefined) {
      const folded = fold(word);
      // V8 keeps a long regexp match as a view on the whole text: an index term must not hold the file alive.
      emit(folded.length >= 13 ? (' ' + folded).slice(1) : folded, 'word');
      const spelled = NOT_ASCII.test(word) ? spelledOut(word) : undefined;
      if (spelled !== undefined && spelled !== folded) {
        emit(spelled, 'spelled');
      }
    }
  }
}

/**
 * The terms the index keeps for a text, in text order (repeats included):
 * folded words without stop words, their umlauts spelled out, every Han
 * character and pair of neighbours, arXiv ids without version.
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  eachToken(text, (token) => {
    if (!STOP_WORDS.has(token)) {
      tokens.push(token);
    }
  });
  return tokens;
}

/** Calls `visit` with each term of `text` the index keeps (indexTokens without the array). */
export function forEachIndexToken(text: string, visit: (term: string) => void): void {
  eachToken(text, (token) => {
    if (!STOP_WORDS.has(token)) {
      visit(token);
    }
  });
}

/**
 * One word of a query: it matches a document holding any of `terms` (a word
 * typed with umlauts also matches the spelled-out form), or with `prefix`,
 * any term starting with one of them (the word still being typed). `every`:
 * every such term counts, however many (one Han character: the pairs it
 * starts), where a typed prefix keeps to its most frequent completions.
 */
export interface QueryWord {
  terms: string[];
  prefix: boolean;
  every?: boolean;
}

/**
 * The words of a typed query. Stop words are dropped; a lone last word still
 * being typed is kept, as it may start a longer word (`th` → `theory`). After
 * other words a stop word is dropped even while typed: as a prefix it would
 * expand to many words (`the` → `their`, `theory`, …) and cost a keystroke's
 * time. A Han run becomes its pairs; one Han character, the terms it starts.
 * A one-letter Latin word is a prefix of too much to expand: it must match whole.
 */
export function queryWords(query: string): QueryWord[] {
  const all: { term: string; kind: 'word' | 'han' | 'pair' | 'id'; spelled?: string; last: boolean }[] = [];
  const endsInWord = /[\p{L}\p{N}]$/u.test(query);
  eachToken(query, (term, kind) => {
    if (kind === 'spelled') {
      all[all.length - 1].spelled = term;
    } else if (kind !== 'last') {
      // A run's last character is in its last pair already.
      all.push({ term, kind, last: false });
    }
  });
  if (all.length > 0) {
    all[all.length - 1].last = true;
  }
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  const add = (word: QueryWord): void => {
    const key = `${word.prefix ? '*' : ''}${word.terms.join('|')}`;
    if (!seen.has(key)) {
      seen.add(key);
      words.push(word);
    }
  };
  for (let i = 0; i < all.length; i++) {
    const token = all[i];
    if (token.kind === 'han') {
      add({ terms: [token.term], prefix: true, every: true });
    } else if (token.kind === 'pair') {
      add({ terms: [token.term], prefix: false });
    } else if (token.kind === 'id') {
      add({ terms: [token.term], prefix: token.last && endsInWord });
    } else {
      const terms = token.spelled === undefined ? [token.term] : [token.term, token.spelled];
      const typing = token.last && endsInWord;
      if (STOP_WORDS.has(token.term) && !(typing && all.length === 1)) {
        continue;
      }
      add({ terms, prefix: typing && token.term.length >= 2 });
    }
  }
  return words;
}
