/**
 * The article's Chinese and German words as elements: each word of a title
 * or sentence becomes a `span.word` (found as the extension finds them, from
 * the dictionary slice it sent: see core/words), so the pop-up can open on
 * it and the words of the language learned can be marked. The text itself
 * is untouched: the same text nodes, only wrapped.
 */
import type { ArticleWords } from '../common/messages';
import { chineseWords, latinWords, type Token } from '../core/words/segment';
import { sliceLookup } from '../core/words/slice';
import type { WordLookup } from '../core/words/dictionary';
import { wordKey } from '../core/words/known';
import { button, element, t } from './dom';

export interface WordMarking {
  /** The language learned: its words are marked when `marks` is on. */
  learned: string;
  marks: boolean;
}

let lookup: WordLookup | undefined;
let lookupOf: ArticleWords['zh'] | undefined;

function chineseLookup(words: ArticleWords | undefined): WordLookup | undefined {
  if (words?.zh !== lookupOf) {
    lookupOf = words?.zh;
    lookup = lookupOf ? sliceLookup(lookupOf) : undefined;
  }
  return lookup;
}

/** Text nodes of a unit that hold words: not math, not readings, not inside a word already. */
function textNodes(unit: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.math, rt, ruby, .word, button, textarea') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
  }
  return nodes;
}

function wrap(text: Text, tokens: readonly Token[], language: 'zh' | 'de', marked: boolean, statuses: ArticleWords['statuses']): void {
  if (tokens.length === 0) {
    return;
  }
  const data = text.data;
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const token of tokens) {
    if (token.start > at) {
      fragment.append(data.slice(at, token.start));
    }
    const span = document.createElement('span');
    span.className = marked ? 'word learned' : 'word';
    span.dataset.lang = language;
    // The word as the digest writes it: the pop-up and the study list read this, never the element's text (pinyin may be in it).
    span.dataset.word = data.slice(token.start, token.end);
    span.dataset.status = statuses?.[wordKey(language, span.dataset.word)] ?? 'new';
    span.textContent = span.dataset.word;
    fragment.append(span);
    at = token.end;
  }
  if (at < data.length) {
    fragment.append(data.slice(at));
  }
  text.replaceWith(fragment);
}

/**
 * Wraps the words of every Chinese and German title and sentence in `root`.
 * Returns how many; Chinese only once the dictionary's slice is there.
 */
export function wrapWords(root: HTMLElement, words: ArticleWords | undefined, marking: WordMarking): number {
  const chinese = chineseLookup(words);
  let count = 0;
  for (const unit of root.querySelectorAll<HTMLElement>('.unit[data-lang]')) {
    const language = unit.dataset.lang ?? '';
    const marked = marking.marks && language === marking.learned;
    if (language.startsWith('zh') && chinese) {
      for (const text of textNodes(unit)) {
        const tokens = chineseWords(text.data, chinese);
        count += tokens.length;
        wrap(text, tokens, 'zh', marked, words?.statuses);
      }
    } else if (language === 'de') {
      for (const text of textNodes(unit)) {
        const tokens = latinWords(text.data);
        count += tokens.length;
        wrap(text, tokens, 'de', marked, words?.statuses);
      }
    }
  }
  root.classList.toggle('word-marks', marking.marks);
  return count;
}

/** The words a reader can reach: not in blurred (hidden) text, in reading order. */
export function reachableWords(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.word')].filter((word) => !word.closest('.concealed'));
}

/** The text from `word` on within its run of words (its next siblings'), for longer matches. */
export function textFrom(word: HTMLElement, limit: number): string {
  let text = word.dataset.word ?? '';
  for (let next = word.nextSibling; next && text.length < limit; next = next.nextSibling) {
    if (!(next instanceof HTMLElement && next.classList.contains('word'))) {
      break;
    }
    text += next.dataset.word ?? '';
  }
  return text;
}

export function chineseLookupFor(words: ArticleWords | undefined): WordLookup | undefined {
  return chineseLookup(words);
}

/** "Chinese: 14% new (37 of 264 words)" and "Mark the rest known", for the language learned; none without known words or words. */
export function shareLine(words: ArticleWords | undefined): HTMLElement | undefined {
  const share = words?.share;
  if (!share || !words.statuses || share.words === 0) {
    return undefined;
  }
  const line = element('p', 'word-share', t('wordShare', share.label, share.percent, share.newWords, share.words));
  if (share.newWords > 0) {
    line.append(' ', button(t('markRestKnown'), t('markRestKnownTitle'), { type: 'markRestKnown', language: share.language }));
  }
  return line;
}
