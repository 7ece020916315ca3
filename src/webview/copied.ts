/**
 * A copy button confirms on itself: "✓ Copied" for a moment (the status bar
 * message is at the other end of the window, where a reader looking at the
 * panel misses it), across a redraw of the article in that moment. The page
 * also announces what was copied (see main.ts).
 */
import type { CopyAction } from '../common/messages';
import { t } from './dom';

const SHOWN_MS = 2_000;
const copiedAt = new Map<CopyAction, number>();

/** Marks the copy buttons under `root` that copied a moment ago (`what`: one that just did), and unmarks the others. */
export function markCopied(root: HTMLElement, what?: CopyAction): void {
  if (what) {
    copiedAt.set(what, Date.now());
    setTimeout(() => markCopied(root), SHOWN_MS + 20);
  }
  for (const [action, at] of copiedAt) {
    const button = root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
    const recent = Date.now() - at < SHOWN_MS;
    if (!recent) {
      copiedAt.delete(action);
    }
    if (!button) {
      continue;
    }
    const label = button.dataset.label ?? button.textContent ?? '';
    if (recent) {
      button.dataset.label = label;
      button.textContent = t('copied');
      button.classList.add('copied');
    } else if (button.dataset.label !== undefined) {
      button.textContent = label;
      delete button.dataset.label;
      button.classList.remove('copied');
    }
  }
}

/** Another article: its buttons copied nothing yet. */
export function forgetCopied(): void {
  copiedAt.clear();
}
