/**
 * What the reader selected in the panel, as text: the words, never the pinyin
 * over them (ruby readings) nor the panel's own buttons. A selection over
 * 或纯本地 with pinyin on reads 或纯本地, not 或huò纯chún本běn地dì.
 */

/** Readings and controls: drawn over or among the words, never part of them. */
const NOT_TEXT = 'rt, rp, button';

function withoutReadings(node: DocumentFragment | Element): string {
  node.querySelectorAll(NOT_TEXT).forEach((extra) => extra.remove());
  return node.textContent ?? '';
}

/** The selected text, readings left out. */
export function selectedText(selection: Selection | null): string {
  let text = '';
  for (let i = 0; selection && i < selection.rangeCount; i++) {
    text += withoutReadings(selection.getRangeAt(i).cloneContents());
  }
  return text;
}

/** An element's text, readings left out. */
export function plainText(node: Element): string {
  return withoutReadings(node.cloneNode(true) as Element);
}

/** Copying from the panel copies the words: where a selection holds readings, the clipboard gets it without them. */
export function copyWithoutReadings(root: HTMLElement): void {
  root.addEventListener('copy', (event) => {
    const selection = document.getSelection();
    const text = selectedText(selection);
    if (event.clipboardData && selection && text !== selection.toString()) {
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    }
  });
}
