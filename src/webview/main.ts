/**
 * The article panel's script: draws the article the extension posts, in the
 * layout, languages and study mode the reader chose, and sends back only
 * typed messages. Everything from a digest is inserted as text (see text.ts).
 */
import type { ArticleViewModel, ExtensionToWebview, WebviewToExtension } from '../common/messages';
import { DEFAULT_PREFERENCES, shownLanguages, type PanelPreferences } from '../common/panelPreferences';
import { headerBar, metaLine, readingState, authorLine } from './articleParts';
import { element, setStrings, t, vscode } from './dom';
import { availableLanguages, articleTexts } from './parallel';
import { showPinyin } from './pinyin';
import { currentRow, followCounterparts, forgetCurrentRow, markRow } from './rowFocus';
import { noticeLine, onSpeechNotice } from './speech';
import { copyWithoutReadings, plainText, selectedText } from './selection';
import { conceal, forgetRevealed, revealNext, revealOnActivate } from './study';
import { forgetCopied, markCopied } from './copied';
import { studyLanguageFor } from '../core/study/studyLanguage';
import { optionsToggle, toolbar } from './toolbar';
import { addShownWord, closeWordPopup, forgetWords, initWordPopup, isWordPopupOpen, moveWordCursor, rememberPopup, restorePopup, setShownStatus, stepMatch } from './wordPopup';
import { shareLine, wrapWords } from './words';

const root = document.getElementById('article') as HTMLElement;
/** The live region: a new article's title and the panel's notices are announced, never the whole page, and not on edits. */
const announcer = document.getElementById('announcer') as HTMLElement;

let article: ArticleViewModel | undefined;
let preferences: PanelPreferences = DEFAULT_PREFERENCES;
/** Changes made here that the settings have not echoed yet: a settings message from before them must not undo them. */
let pending: Partial<PanelPreferences> = {};
let lastStrings = '';
let notice = noticeLine();

function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

function showNotice(text: string): void {
  notice.textContent = text;
  notice.hidden = false;
  announcer.textContent = text;
}
onSpeechNotice(showNotice);

/** The editor's font size in px, which sizes left at 0 follow. */
function baseFontSize(): number {
  return parseFloat(getComputedStyle(document.body).getPropertyValue('--vscode-font-size')) || 13;
}

/** Sizes and the Chinese font as CSS variables (CSSOM: allowed by the CSP, unlike style attributes). */
function applyFonts(): void {
  const style = document.documentElement.style;
  const size = (px: number): string => (px > 0 ? `${px}px` : '');
  style.setProperty('--latin-size', size(preferences.fontSize));
  style.setProperty('--cjk-size', size(preferences.cjkFontSize));
  document.body.dataset.cjkFont = preferences.cjkFont;
}

function change(patch: Partial<PanelPreferences>): void {
  // Shown at once; the extension saves it and sends the settings back.
  preferences = { ...preferences, ...patch };
  pending = { ...pending, ...patch };
  render(false);
  post({ type: 'setPreferences', preferences: patch });
}

/** What "Add to study list" takes: the selected words (a term, or a whole sentence), else the row the reader is at. */
function addToStudyList(): void {
  const selection = document.getSelection();
  // The words selected, not the pinyin over them.
  const selected = selectedText(selection).trim();
  const anchor = selection?.anchorNode ? (selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode.parentElement) : null;
  const unit = anchor?.closest<HTMLElement>('.unit');
  if (selected !== '' && unit) {
    const whole = plainText(unit).trim();
    if (unit.dataset.sentence && selected.length >= whole.length * 0.9) {
      post({ type: 'addToStudyList', sentence: Number(unit.dataset.sentence) });
    } else {
      post({ type: 'addToStudyList', term: { language: unit.dataset.lang ?? 'en', text: selected.slice(0, 2000) } });
    }
    return;
  }
  const row = currentRow();
  const sentence = row === undefined ? undefined : article?.rows?.[row]?.sentence;
  if (sentence !== undefined) {
    post({ type: 'addToStudyList', sentence });
  } else {
    showNotice(t('selectFirst'));
  }
}

function render(isNewArticle: boolean): void {
  if (!article) {
    return;
  }
  const started = performance.now();
  // A redraw of the same article (a word marked known, a setting) keeps its open entry.
  const popup = isNewArticle ? undefined : rememberPopup();
  forgetWords();
  const available = availableLanguages(article);
  const shown = shownLanguages(available, preferences);
  const labels = new Map([...article.titles, ...article.abstracts].map((entry) => [entry.language, entry.label]));
  const ordered = [...shown, ...available.filter((language) => !shown.includes(language))];
  const { titles, abstracts } = articleTexts(article, shown, preferences.layout);
  const study = studyLanguageFor(preferences.studyLanguage, article.digestLanguages, article.sourceLanguage, available);
  const bar = toolbar({
    preferences, change, order: shown, baseFontSize: baseFontSize(),
    languages: ordered.map((language) => ({ language, label: labels.get(language) ?? language })),
    study: { ...study, label: labels.get(study.language) ?? study.language },
    revealNext: (all) => {
      if (revealNext(root, all) === 0) {
        showNotice(t('revealAll'));
      }
    },
    addToStudyList,
  });
  const focused = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.title || document.activeElement.textContent : undefined;
  notice = isNewArticle ? noticeLine() : notice;
  const header = headerBar(article);
  header.querySelector('nav')?.prepend(optionsToggle(preferences.readingOptions, change));
  const share = shareLine(article.words);
  const gap = preferences.studyMode ? studyGap(study.missing, labels.get(study.language) ?? study.language) : [];
  root.replaceChildren(header, ...(preferences.readingOptions ? [bar] : []), notice, ...gap, titles, metaLine(article), readingState(article), ...(share ? [share] : []), authorLine(article), abstracts);
  root.className = `layout-${preferences.layout}${preferences.studyMode ? ' study' : ''}`;
  markRow(root);
  markCopied(root);
  if (preferences.studyMode) {
    conceal(root, study.language, labels);
  }
  // Before the pinyin: the readings then go inside each word.
  document.body.dataset.words = String(wrapWords(root, article.words, { learned: study.language, marks: preferences.studyMode && preferences.wordMarks }));
  restorePopup(popup);
  applyFonts();
  // A toolbar button pressed keeps the focus where it was (the redraw replaced it).
  if (focused) {
    [...root.querySelectorAll<HTMLElement>('.toolbar button, .options-toggle')].find((node) => (node.title || node.textContent) === focused)?.focus();
  }
  document.title = article.titles[0]?.text ?? `Article ${article.index}`;
  if (preferences.pinyin && shown.some((language) => language.startsWith('zh'))) {
    void showPinyin(root);
  }
  // Measured for the UI test's report: the time to draw this article (the pinyin converter's first load aside).
  document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
  if (isNewArticle) {
    window.scrollTo(0, 0);
    announcer.textContent = t('announceArticle', article.index, article.titles[0]?.text ?? '');
  }
}

/** In study mode, what the digest lacks in the language learned (arXiv digests: German titles, no German abstracts). */
function studyGap(missing: ReadonlyArray<'titles' | 'abstracts'>, label: string): HTMLElement[] {
  if (missing.length === 0) {
    return [];
  }
  const text = missing.length === 2 ? t('studyMissingBoth', label) : missing[0] === 'abstracts' ? t('studyMissingAbstracts', label) : t('studyMissingTitles', label);
  return [element('p', 'study-gap', text)];
}

function renderEmpty(message: string): void {
  article = undefined;
  root.replaceChildren(element('p', 'placeholder', message));
  announcer.textContent = message;
}

followCounterparts(root);
revealOnActivate(root);
initWordPopup(root, {
  words: () => article?.words,
  englishTitle: () => article?.titles.find((title) => title.language === 'en')?.text,
  announce: (text) => {
    announcer.textContent = text;
  },
  post,
});
copyWithoutReadings(root);

// The workbench gets every key the webview sees: while a text field has the focus, its one-letter keybindings must stand down.
let inputFocused = false;
function trackInputFocus(): void {
  const focused = typing(document.activeElement);
  if (focused !== inputFocused) {
    inputFocused = focused;
    post({ type: 'inputFocus', focused });
  }
}
document.addEventListener('focusin', trackInputFocus);
document.addEventListener('focusout', () => setTimeout(trackInputFocus, 0));
window.addEventListener('blur', () => setTimeout(trackInputFocus, 0));

window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'show':
      article = message.article;
      if (message.isNewArticle) {
        forgetRevealed();
        forgetCopied();
        forgetCurrentRow();
      }
      render(message.isNewArticle);
      vscode.setState(message.state);
      break;
    case 'empty':
      renderEmpty(message.message);
      vscode.setState(undefined);
      break;
    case 'settings':
      setStrings(message.strings);
      for (const key of Object.keys(pending) as Array<keyof PanelPreferences>) {
        if (JSON.stringify(message.preferences[key]) === JSON.stringify(pending[key])) {
          delete pending[key];
        }
      }
      {
        const next = { ...message.preferences, ...pending };
        const same = JSON.stringify(next) === JSON.stringify(preferences) && JSON.stringify(message.strings) === lastStrings;
        preferences = next;
        lastStrings = JSON.stringify(message.strings);
        if (!same) {
          render(false); // the echo of a change already shown needs no redraw
        }
      }
      break;
    case 'notice':
      showNotice(message.text);
      break;
    case 'copied':
      announcer.textContent = t(message.what === 'copyId' ? 'copiedId' : message.what === 'copyBibtex' ? 'copiedBibtex' : 'copiedCitation');
      markCopied(root, message.what);
      break;
  }
});

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

// ← and → step here, r / Shift+R reveal in study mode, a adds to the study list (the word shown, when its pop-up is open),
// w / Shift+W move the word cursor (its entry opens), , and . step to a shorter or longer match, 1 / 2 / 3 mark the word
// new / learning / known, Escape closes the entry; j, k, n, s, m, u, o, p are workbench keybindings (the webview forwards its keys), so each key acts once.
window.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
    return;
  }
  if (event.key === 'R' && event.shiftKey && preferences.studyMode) {
    revealNext(root, true);
  } else if (event.key === 'W' && event.shiftKey) {
    moveWordCursor(-1);
  } else if (event.shiftKey) {
    return;
  } else if (event.key === 'ArrowRight') {
    post({ type: 'navigate', direction: 'next' });
  } else if (event.key === 'ArrowLeft') {
    post({ type: 'navigate', direction: 'previous' });
  } else if (event.key === 'r' && preferences.studyMode) {
    revealNext(root, false);
  } else if (event.key === 'a' && article) {
    if (isWordPopupOpen()) {
      addShownWord();
    } else {
      addToStudyList();
    }
  } else if (event.key === 'w') {
    if (!moveWordCursor(1)) {
      showNotice(t('noWords'));
    }
  } else if ((event.key === '1' || event.key === '2' || event.key === '3') && isWordPopupOpen()) {
    setShownStatus(event.key === '1' ? 'new' : event.key === '2' ? 'learning' : 'known');
  } else if ((event.key === ',' || event.key === '.') && isWordPopupOpen()) {
    stepMatch(event.key === ',' ? -1 : 1);
  } else if (event.key === 'Escape' && isWordPopupOpen()) {
    closeWordPopup(true);
  }
});

post({ type: 'ready' });
