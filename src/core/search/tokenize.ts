/**
 * Words of digest text for the search index, and of what the user types:
 * the same function for both, so a query finds what the index holds.
 *
 * - Latin (and any other spaced) script: words, lower-cased, diacritics
 *   dropped and ß → ss, so `Ubersetzung` finds `Übersetzung`.
 * - Han: no spaces, so every run of Han characters becomes its character
 *   bigrams (`联邦学习` → 联邦 邦学 学习); a one-character run stays one token.
 *   A one-character query finds bigrams starting with it by prefix search.
 *   The characters are kept as they are (the first index, MiniSearch, needed
 *   them spelled `~` and five hex digits: six times the memory).
 * - New-style arXiv ids stay one token without their version (`2505.23710`).
 */

const ARXIV_ID = String.raw`\d{4}\.\d{1,5}(?:v\d+)?`;
const HAN_RUN = String.raw`\p{Script=Han}+`;
const WORD = String.raw`[\p{L}\p{N}]+`;
const TOKEN = new RegExp(`(${ARXIV_ID})|(${HAN_RUN})|(${WORD})`, 'gu');
const VERSION = /v\d+$/;
const COMBINING_MARKS = /\p{M}/gu;
/** Anything outside ASCII may need folding; most English words skip the normalisation. */
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * Words too common to help find an article (English and German, folded):
 * about a third of an abstract's words, not worth a posting each.
 */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'for', 'from', 'has', 'have', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'our', 'that', 'the', 'their', 'these', 'this', 'to', 'we', 'which', 'with', 'while', 'such', 'both',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einer', 'und', 'fur', 'mit', 'von', 'zu', 'zur', 'zum', 'im', 'auf', 'ist',
]);

/** Lower case without diacritics; ß → ss (`Föderierten` → `foderierten`). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NOT_ASCII.test(lower)) {
    return lower;
  }
  return lower.replace(/ß/g, 'ss').normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/** Calls `emit` with each token of `text` in order, stop words included (the caller decides). */
function eachToken(text: string, emit: (token: string) => void): void {
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const [, id, han, word] = match;
    if (id !== undefined) {
      emit(id.replace(VERSION, ''));
    } else if (han !== undefined) {
      const chars = Array.from(han);
      if (chars.length === 1) {
        emit(chars[0]);
      }
      for (let i = 0; i + 1 < chars.length; i++) {
        emit(chars[i] + chars[i + 1]);
      }
    } else if (word !== undefined) {
      const folded = fold(word);
      // V8 keeps a long regexp match as a view on the whole text: an index term must not hold the file alive.
      emit(folded.length >= 13 ? (' ' + folded).slice(1) : folded);
    }
  }
}

/** The tokens the index keeps for a text: folded words without stop words, Han bigrams, arXiv ids. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  eachToken(text, (token) => {
    if (!STOP_WORDS.has(token)) {
      tokens.push(token);
    }
  });
  return tokens;
}

/** A typed query's tokens; `partial` when its last token may be a word still being typed (no space after it). */
export interface QueryTokens {
  tokens: string[];
  partial: boolean;
}

/**
 * The tokens of a typed query. Stop words are dropped; a lone last word still
 * being typed is kept, as it may start a longer word (`th` → `theory`). After
 * other words a stop word is dropped even while typed: as a prefix it would
 * expand to many words (`the` → `their`, `theory`, …) and cost a keystroke's time.
 */
export function queryTokens(query: string): QueryTokens {
  const all: string[] = [];
  eachToken(query, (token) => all.push(token));
  const partial = all.length > 0 && /[\p{L}\p{N}]$/u.test(query);
  const tokens = all.filter((token) => !STOP_WORDS.has(token));
  if (tokens.length === 0 && partial) {
    return { tokens: [all[all.length - 1]], partial };
  }
  return { tokens, partial: partial && !STOP_WORDS.has(all[all.length - 1]) };
}

const ONE_HAN = new RegExp(`^${HAN_RUN.slice(0, -1)}$`, 'u');

/** Whether a token is one Han character (a prefix of the bigrams that start with it). */
export function isHanCharacter(token: string): boolean {
  return ONE_HAN.test(token);
}
