/**
 * What the article page asks of the extension, other than drawing it: its
 * buttons' commands (copy, arXiv, read, star, navigation), the study list,
 * the word pop-up's statuses, notes and reading preferences. The panel
 * (articlePanel.ts) owns the page and its article; this only acts on them.
 */
import * as vscode from 'vscode';
import type { CopyAction, ExtensionToWebview, NavigationDirection, WebviewToExtension } from '../common/messages';
import type { PanelServices, PanelTarget } from './panelContent';
import { savePreferences } from './preferences';
import { markRestKnown, setWordStatus } from '../words/learner';

/** Context key: true while a text field of the panel has the focus (the panel's keybindings check it). */
export const PANEL_INPUT_FOCUS = 'digestReader.panelInputFocus';

/** Commands the panel's buttons run; the extension side builds every URL. */
export const PanelCommands = {
  openArxivPage: 'digestReader.openArxivPage',
  openPdf: 'digestReader.openPdf',
  copyId: 'digestReader.copyId',
  copyBibtex: 'digestReader.copyBibtex',
  copyCitation: 'digestReader.copyCitation',
  showArticle: 'digestReader.showArticle',
  toggleRead: 'digestReader.toggleRead',
  toggleStar: 'digestReader.toggleStar',
  addToStudyList: 'digestReader.addToStudyList',
} as const;

/** The texts of the article shown, by language: what "mark the rest known" reads the words of. */
export interface ShownTexts {
  key: string;
  titles: Record<string, string | undefined>;
  abstracts: Record<string, string | undefined>;
}

/** What the requests need of the panel: its article as it is now, and a way to answer the page. */
export interface PanelSide {
  readonly services: PanelServices;
  target(): PanelTarget | undefined;
  shownKey(): string | undefined;
  shownTexts(): ShownTexts | undefined;
  post(message: ExtensionToWebview): void;
}

/** Acts on one request of the page ('ready' is the panel's own). */
export function handlePageRequest(panel: PanelSide, message: Exclude<WebviewToExtension, { type: 'ready' }>): void {
  switch (message.type) {
    case 'setPreferences':
      void savePreferences(message.preferences);
      return;
    case 'addToStudyList':
      void addToStudyList(panel, message);
      return;
    case 'addWord':
      void addWord(panel, message);
      return;
    case 'setWordStatus':
      if (panel.services.learner) {
        setWordStatus(panel.services.learner, message.language, message.word, message.status);
      }
      return;
    case 'markRestKnown':
      void markTheRestKnown(panel, message.language);
      return;
    case 'inputFocus':
      void vscode.commands.executeCommand('setContext', PANEL_INPUT_FOCUS, message.focused);
      return;
    case 'saveNote': {
      const key = panel.shownKey();
      if (key && panel.services.notes) {
        void panel.services.notes.set(key, `${message.field}.${message.language}`, message.text);
      }
      return;
    }
    case 'copyId':
    case 'copyBibtex':
    case 'copyCitation': {
      const target = panel.target();
      if (target) {
        void copy(panel, message.type, target);
      }
      return;
    }
    case 'openArxivPage':
    case 'openPdf':
    case 'toggleRead':
    case 'toggleStar': {
      const target = panel.target();
      if (target) {
        void vscode.commands.executeCommand(PanelCommands[message.type], target);
      }
      return;
    }
    case 'navigate':
      void navigate(message.direction);
      return;
  }
}

/** Runs a copy command; when it copied, the button says so (its answer is what it copied, undefined when nothing). */
async function copy(panel: PanelSide, what: CopyAction, target: PanelTarget): Promise<void> {
  const copied = await vscode.commands.executeCommand<string | undefined>(PanelCommands[what], target);
  if (typeof copied === 'string') {
    panel.post({ type: 'copied', what });
  }
}

/** A sentence or words the reader picked, to the study list; the panel confirms what was kept. */
async function addToStudyList(panel: PanelSide, message: Extract<WebviewToExtension, { type: 'addToStudyList' }>): Promise<void> {
  const target = panel.target();
  if (!target) {
    return;
  }
  const added = await vscode.commands.executeCommand<{ texts?: Record<string, string> } | undefined>(
    PanelCommands.addToStudyList,
    'sentence' in message ? { target, sentence: message.sentence } : { target, term: message.term },
  );
  if (added) {
    panel.post({
      type: 'notice',
      text: 'sentence' in message ? vscode.l10n.t('Sentence {0} is in your study list.', message.sentence) : vscode.l10n.t('“{0}” is in your study list.', message.term.text),
    });
  }
}

/** "Mark the rest known": the shown article's words still new become known; the panel says how many. */
async function markTheRestKnown(panel: PanelSide, language: 'zh' | 'de'): Promise<void> {
  const learner = panel.services.learner;
  const shown = panel.shownTexts();
  if (!learner || !shown) {
    return;
  }
  const count = await markRestKnown(learner, shown.key, shown, language);
  panel.post({ type: 'notice', text: vscode.l10n.t('{0} words marked known.', count) });
}

/** A word from the pop-up, with its dictionary entry and its sentence, to the study list. */
async function addWord(panel: PanelSide, message: Extract<WebviewToExtension, { type: 'addWord' }>): Promise<void> {
  const target = panel.target();
  if (!target) {
    return;
  }
  const added = await vscode.commands.executeCommand<unknown>(PanelCommands.addToStudyList, {
    target, word: { language: message.language, text: message.word, sentence: message.sentence },
  });
  if (added) {
    panel.post({ type: 'notice', text: vscode.l10n.t('“{0}” is in your study list.', message.word) });
  }
}

/** The panel's buttons and arrow keys step as j/k do there: in the Articles view's order (or the Starred view's). */
async function navigate(direction: NavigationDirection): Promise<void> {
  await vscode.commands.executeCommand(direction === 'next' ? 'digestReader.nextArticle' : 'digestReader.previousArticle', { from: 'panel' });
}
