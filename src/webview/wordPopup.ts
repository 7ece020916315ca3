/**
 * The word pop-up: hover a word (or click, or tap it) and its dictionary
 * entry shows beside it. Chinese: CC-CEDICT's pinyin with tone marks, its
 * senses, the traditional form, and shorter and longer matches from the
 * same place (`,` and `.`, the Zhongwen way). German: the aligned English
 * title and the learner's own dictionary's entry. `w` and Shift+W move a
 * word cursor through the text and open each word's entry (announced to
 * screen readers); Tab goes into the pop-up, Escape closes it.
 */
import type { ArticleWords, WebviewToExtension } from '../common/messages';
import { button, element, t, toggle } from './dom';
import { chineseEntry, germanEntry } from './wordEntries';
import { chineseLookupFor, reachableWords, textFrom } from './words';

export interface PopupContext {
  words(): ArticleWords | undefined;
  /** The article's English title, the German words' aligned counterpart. */
  englishTitle(): string | undefined;
  announce(text: string): void;
  post(message: WebviewToExtension): void;
}

interface Shown {
  anchor: HTMLElement;
  language: 'zh' | 'de';
  /** The text from the word on, and the lengths of the matches there (shortest first); `length` is the one shown. */
  text: string;
  lengths: number[];
  length: number;
}

const HOVER_DELAY_MS = 250;
const LEAVE_DELAY_MS = 300;

let context: PopupContext;
let root: HTMLElement;
let popup: HTMLElement | undefined;
let shown: Shown | undefined;
let cursor: HTMLElement | undefined;
let hoverTimer: ReturnType<typeof setTimeout> | undefined;
let leaveTimer: ReturnType<typeof setTimeout> | undefined;

function headword(): string {
  return shown ? shown.text.slice(0, shown.length) : '';
}

function sentenceOf(word: HTMLElement): number | undefined {
  const sentence = Number(word.closest<HTMLElement>('.unit')?.dataset.sentence);
  return Number.isSafeInteger(sentence) && sentence >= 1 ? sentence : undefined;
}

function place(anchor: HTMLElement): void {
  if (!popup) {
    return;
  }
  const box = anchor.getBoundingClientRect();
  const width = popup.offsetWidth;
  const left = Math.max(4, Math.min(box.left, document.documentElement.clientWidth - width - 4));
  const below = box.bottom + 4;
  const above = box.top - popup.offsetHeight - 4;
  const top = below + popup.offsetHeight > document.documentElement.clientHeight && above > 0 ? above : below;
  popup.style.left = `${left + window.scrollX}px`;
  popup.style.top = `${top + window.scrollY}px`;
}

function draw(announce: boolean): void {
  if (!shown) {
    return;
  }
  const word = headword();
  popup?.remove();
  popup = element('div', 'word-popup');
  popup.setAttribute('role', 'dialog');
  popup.setAttribute('aria-label', t('wordEntry', word));
  const head = element('div', 'head');
  const title = element('span', 'headword', word);
  title.lang = shown.language;
  const close = button('×', t('close'), () => closeWordPopup(true));
  close.setAttribute('aria-label', t('close'));
  head.append(title, close);
  const body = element('div', 'body');
  const spoken = shown.language === 'zh' ? chineseEntry(body, word, context.words()) : germanEntry(body, word, context.words(), context.englishTitle());
  const actions = element('div', 'word-actions');
  if (shown.language === 'zh') {
    const at = shown.lengths.indexOf(shown.length);
    actions.append(
      button(t('shorter'), t('shorterTitle'), () => stepMatch(-1), at > 0),
      button(t('longer'), t('longerTitle'), () => stepMatch(1), at >= 0 && at < shown.lengths.length - 1),
    );
  }
  actions.append(button(t('addToStudy'), t('addWordTitle'), () => addShownWord()));
  popup.append(head, body, actions);
  const statuses = context.words()?.statuses;
  if (statuses) {
    // New, learning or known: named in words and by the pressed state, not by colour.
    const current = shown.length === (shown.anchor.dataset.word ?? '').length ? shown.anchor.dataset.status ?? 'new' : 'new';
    const group = element('div', 'word-status');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t('wordStatus'));
    group.append(element('span', 'group-label', t('wordStatus')));
    for (const [status, label] of [['new', t('statusNew')], ['learning', t('statusLearning')], ['known', t('statusKnown')]] as const) {
      group.append(toggle(label, t('statusTitle', label), () => setShownStatus(status), current === status));
    }
    popup.append(group);
  }
  const date = context.words()?.dictionaryDate;
  if (shown.language === 'zh' && date) {
    popup.append(element('p', 'source', t('dictionarySource', date)));
  }
  popup.addEventListener('mouseenter', () => clearTimeout(leaveTimer));
  popup.addEventListener('mouseleave', () => scheduleClose());
  popup.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeWordPopup(true);
    }
  });
  document.body.append(popup);
  place(shown.anchor);
  if (announce) {
    context.announce(spoken);
  }
}

/** Opens the entry of `word` (a `.word` element). */
export function openWord(word: HTMLElement, announce: boolean): void {
  clearTimeout(hoverTimer);
  clearTimeout(leaveTimer);
  const language = word.dataset.lang === 'de' ? 'de' : 'zh';
  const text = word.dataset.word ?? '';
  let lengths = [text.length];
  let full = text;
  const lookup = chineseLookupFor(context.words());
  if (language === 'zh' && lookup) {
    full = textFrom(word, lookup.maxWordLength);
    lengths = [...new Set([...lookup.matchLengthsAt(full, 0), text.length])].sort((a, b) => a - b);
  }
  root.querySelectorAll('.word.open').forEach((other) => other.classList.remove('open'));
  word.classList.add('open');
  shown = { anchor: word, language, text: full, lengths, length: text.length };
  draw(announce);
}

export function isWordPopupOpen(): boolean {
  return shown !== undefined;
}

export function closeWordPopup(returnFocus: boolean): void {
  clearTimeout(hoverTimer);
  clearTimeout(leaveTimer);
  const anchor = shown?.anchor;
  popup?.remove();
  popup = undefined;
  shown = undefined;
  anchor?.classList.remove('open');
  if (returnFocus && anchor?.isConnected) {
    anchor.focus();
  }
}

function scheduleClose(): void {
  clearTimeout(leaveTimer);
  // A pop-up opened by the keyboard or a click stays until Escape or another word; one opened by hovering leaves with the pointer.
  if (shown && shown.anchor !== cursor && !shown.anchor.classList.contains('pinned')) {
    leaveTimer = setTimeout(() => closeWordPopup(false), LEAVE_DELAY_MS);
  }
}

/** A shorter (-1) or longer (+1) match from the same place. */
export function stepMatch(delta: number): void {
  if (!shown || shown.language !== 'zh') {
    return;
  }
  const at = shown.lengths.indexOf(shown.length) + delta;
  if (at >= 0 && at < shown.lengths.length) {
    shown.length = shown.lengths[at];
    const focusedInside = popup?.contains(document.activeElement);
    draw(true);
    if (focusedInside) {
      popup?.querySelector<HTMLButtonElement>(delta < 0 ? '.word-actions button:first-child' : '.word-actions button:nth-child(2)')?.focus();
    }
  }
}

/** Marks the word shown new, learning or known (keys 1, 2, 3 while its entry is open). */
export function setShownStatus(status: 'new' | 'learning' | 'known'): void {
  if (shown && context.words()?.statuses) {
    context.post({ type: 'setWordStatus', language: shown.language, word: headword(), status });
  }
}

/** What a redraw of the same article must bring back: the entry open on the same word, the cursor where it was. */
export interface PopupMemo {
  index: number;
  length: number;
  cursor: number;
  pinned: boolean;
  focused: boolean;
}

export function rememberPopup(): PopupMemo | undefined {
  if (!shown) {
    return undefined;
  }
  const words = [...root.querySelectorAll<HTMLElement>('.word')];
  return {
    index: words.indexOf(shown.anchor), length: shown.length, cursor: cursor ? words.indexOf(cursor) : -1,
    pinned: shown.anchor.classList.contains('pinned'), focused: document.activeElement === shown.anchor || !!popup?.contains(document.activeElement),
  };
}

export function restorePopup(memo: PopupMemo | undefined): void {
  const words = [...root.querySelectorAll<HTMLElement>('.word')];
  const anchor = memo && words[memo.index];
  if (!memo || !anchor) {
    return;
  }
  if (memo.cursor >= 0 && words[memo.cursor]) {
    cursor = words[memo.cursor];
    cursor.classList.add('cursor');
    cursor.tabIndex = -1;
  }
  anchor.classList.toggle('pinned', memo.pinned);
  openWord(anchor, false);
  if (shown && shown.lengths.includes(memo.length) && shown.length !== memo.length) {
    shown.length = memo.length;
    draw(false);
  }
  if (memo.focused) {
    anchor.focus({ preventScroll: true });
  }
}

/** "Add to study list" for the word shown. */
export function addShownWord(): void {
  if (shown) {
    const sentence = sentenceOf(shown.anchor);
    context.post({ type: 'addWord', language: shown.language, word: headword(), ...(sentence === undefined ? {} : { sentence }) });
  }
}

/** Moves the word cursor to the next (+1) or previous (-1) word and opens its entry. */
export function moveWordCursor(delta: number): boolean {
  const words = reachableWords(root);
  if (words.length === 0) {
    return false;
  }
  const from = cursor && cursor.isConnected ? words.indexOf(cursor) : -1;
  const next = words[from < 0 ? (delta > 0 ? 0 : words.length - 1) : Math.max(0, Math.min(words.length - 1, from + delta))];
  cursor?.classList.remove('cursor');
  cursor?.removeAttribute('tabindex');
  cursor = next;
  next.classList.add('cursor');
  next.tabIndex = -1;
  next.focus({ preventScroll: false });
  openWord(next, true);
  return true;
}

/** The page is redrawn: the words are new elements. */
export function forgetWords(): void {
  closeWordPopup(false);
  cursor = undefined;
}

export function initWordPopup(page: HTMLElement, popupContext: PopupContext): void {
  root = page;
  context = popupContext;
  root.addEventListener('mouseover', (event) => {
    const word = (event.target as Element | null)?.closest?.('.word');
    if (!(word instanceof HTMLElement) || word.closest('.concealed') || word === shown?.anchor) {
      return;
    }
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => openWord(word, false), HOVER_DELAY_MS);
  });
  root.addEventListener('mouseout', (event) => {
    const word = (event.target as Element | null)?.closest?.('.word');
    if (word instanceof HTMLElement) {
      clearTimeout(hoverTimer);
      if (word === shown?.anchor) {
        scheduleClose();
      }
    }
  });
  // A click or a tap opens it at once, and it stays (pinned) until Escape, the close button or another word.
  root.addEventListener('click', (event) => {
    const word = (event.target as Element | null)?.closest?.('.word');
    if (word instanceof HTMLElement && !word.closest('.concealed') && !(document.getSelection()?.toString() ?? '')) {
      root.querySelectorAll('.word.pinned').forEach((other) => other.classList.remove('pinned'));
      word.classList.add('pinned');
      openWord(word, true);
    }
  });
  root.addEventListener('keydown', (event) => {
    // From the word under the cursor, Tab enters its open pop-up.
    if (event.key === 'Tab' && !event.shiftKey && popup && shown && document.activeElement === shown.anchor) {
      const first = popup.querySelector<HTMLButtonElement>('button:not([disabled])');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  // The pointer leaving the panel altogether (into the workbench) closes a hovered entry too.
  document.documentElement.addEventListener('mouseleave', () => scheduleClose());
  window.addEventListener('resize', () => shown && place(shown.anchor));
}
