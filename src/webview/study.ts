/**
 * Study mode: only the language being learned shows; every title and
 * sentence in another language is blurred (kept in place, so the layout does
 * not jump) until the reader reveals it: by a click on it, its reveal button, `r`
 * for the next one in reading order, Shift+R for all. What was revealed stays
 * revealed while the article is shown, across redraws.
 */
import { button, t } from './dom';

const revealed = new Set<string>();

/** A new article: everything hidden again. */
export function forgetRevealed(): void {
  revealed.clear();
}

function keyOf(unit: HTMLElement): string {
  return `${unit.dataset.unit ?? ''}:${unit.dataset.lang ?? ''}`;
}

function reveal(unit: HTMLElement): void {
  revealed.add(keyOf(unit));
  unit.classList.remove('concealed');
  unit.removeAttribute('aria-hidden');
  const control = unit.previousElementSibling;
  const hadFocus = control instanceof HTMLElement && control.classList.contains('reveal') && document.activeElement === control;
  if (control?.classList.contains('reveal')) {
    control.remove();
  }
  if (unit.dataset.unit === 'title') {
    unit.removeAttribute('tabindex');
  } else {
    unit.tabIndex = 0;
  }
  if (hadFocus) {
    unit.focus(); // the keyboard user stays where they were, now on the text revealed
  }
}

/**
 * Hides, in `root`, every unit whose language is not `language`, except those
 * revealed before. The blurred text is hidden from screen readers too (its
 * words are the answer), and a button named for what it hides, shown when
 * focused, takes its place in the tab order.
 */
export function conceal(root: HTMLElement, language: string, labels: ReadonlyMap<string, string>): void {
  for (const unit of root.querySelectorAll<HTMLElement>('.unit')) {
    const unitLanguage = unit.dataset.lang ?? '';
    if (unitLanguage === language || revealed.has(keyOf(unit))) {
      continue;
    }
    unit.classList.add('concealed');
    unit.setAttribute('aria-hidden', 'true');
    unit.tabIndex = -1;
    const control = button(t('hiddenText', labels.get(unitLanguage) ?? unitLanguage), t('hiddenText', labels.get(unitLanguage) ?? unitLanguage), () => reveal(unit));
    control.className = 'reveal';
    unit.before(control);
  }
}

/** Reveals the next hidden unit in reading order (or all); returns how many were revealed. */
export function revealNext(root: HTMLElement, all = false): number {
  const hidden = [...root.querySelectorAll<HTMLElement>('.unit.concealed')];
  const chosen = all ? hidden : hidden.slice(0, 1);
  chosen.forEach(reveal);
  chosen[0]?.scrollIntoView({ block: 'nearest' });
  return chosen.length;
}

/** A click on blurred text reveals it (keyboard users have its reveal button). */
export function revealOnActivate(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const unit = (event.target as Element | null)?.closest?.('.unit.concealed');
    if (unit instanceof HTMLElement) {
      event.preventDefault();
      reveal(unit);
    }
  });
}
