/// <reference lib="dom" />
import type { Locator } from 'playwright-core';

/** Whether `text` inside `row` lies wholly within the box that clips it (not hidden behind an ellipsis). */
export async function shownWhole(row: Locator, text: string): Promise<boolean> {
  return row.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const box = range.getBoundingClientRect();
        let clip = node.parentElement;
        while (clip && getComputedStyle(clip).overflow === 'visible') {
          clip = clip.parentElement;
        }
        const bounds = (clip ?? element).getBoundingClientRect();
        return box.width > 0 && box.left >= bounds.left - 1 && box.right <= bounds.right + 1;
      }
    }
    return false;
  }, text);
}
