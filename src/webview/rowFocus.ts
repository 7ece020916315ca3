/**
 * Which aligned row the reader is at: the sentence last hovered or focused.
 * Its counterparts in the other languages are marked, and "Add to study
 * list" and "Read aloud" take it when nothing is selected.
 */

let activeRow: number | undefined;
/** The language of the unit hovered or focused last: it stays the one marked `current` after a redraw. */
let currentLanguage: string | undefined;
let marked: Element[] = [];

function clear(): void {
  marked.forEach((unit) => unit.classList.remove('counterpart', 'current'));
  marked = [];
}

/** After a redraw: the row the reader is at, marked again (`current` on the unit given, else the one in the language last at). */
export function markRow(root: HTMLElement, current?: Element): void {
  clear();
  if (activeRow === undefined) {
    return;
  }
  marked = [...root.querySelectorAll(`.sentence[data-row="${activeRow}"]`)];
  const focus = current ?? marked.find((unit) => unit.getAttribute('data-lang') === currentLanguage) ?? marked[0];
  marked.forEach((unit) => unit.classList.add(unit === focus ? 'current' : 'counterpart'));
}

/** Marks the units of `row` in every language while one of them is hovered or focused. */
export function followCounterparts(root: HTMLElement): void {
  const mark = (event: Event): void => {
    const unit = (event.target as Element | null)?.closest?.('.sentence[data-row]');
    if (!(unit instanceof HTMLElement) || unit.classList.contains('current')) {
      return;
    }
    activeRow = Number(unit.dataset.row);
    currentLanguage = unit.dataset.lang;
    markRow(root, unit);
  };
  root.addEventListener('mouseover', mark);
  root.addEventListener('focusin', mark);
  root.addEventListener('mouseleave', () => clear());
}

/** The row last hovered or focused: what "Add to study list" and "Read aloud" take when nothing is selected. */
export function currentRow(): number | undefined {
  return activeRow;
}

export function forgetCurrentRow(): void {
  activeRow = undefined;
}
