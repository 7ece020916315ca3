/// <reference lib="dom" />
/**
 * The Workbench's stopwatch: how long a user waits, timed inside the page.
 * Playwright's own waits poll the page at intervals that grow to 500 ms, so
 * a time taken around them can be half a second longer than what the user
 * saw. Mixed into Workbench (workbench.ts).
 */
import type { Locator } from 'playwright-core';
import type { Workbench } from './workbench';

/** Something to wait for: an element matching `selector` inside `within`, holding `text` if given. */
export interface Sight {
  within: Locator;
  selector: string;
  text?: string;
}

/** The stopwatch's reading: for each sight, ms from the press to the first frame drawn with it. */
export interface Stopwatch {
  read(timeout?: number): Promise<Record<string, number>>;
}

interface PageStopwatch {
  pressedAt?: number;
  seenAt: Record<string, number>;
}

export const timingSteps = {
  /** A row of the Articles view that holds `text`, to time. */
  articleRowSight(this: Workbench, text: string): Sight {
    return { within: this.articlesView(), selector: '.monaco-list-row', text };
  },

  /**
   * Starts a stopwatch at the next pointer press or key press in the page;
   * it stops for each sight at the first animation frame after the sight is
   * in the page (a frame that draws it). Call before the press.
   */
  async stopwatch(this: Workbench, sights: Record<string, Sight>): Promise<Stopwatch> {
    const names = Object.keys(sights);
    const roots = await Promise.all(names.map((name) => sights[name].within.elementHandle({ timeout: 10_000 })));
    const handle = await this.page.evaluateHandle(
      ({ roots, wanted }) => {
        const watch: PageStopwatch = { seenAt: {} };
        const press = () => {
          if (watch.pressedAt === undefined) {
            watch.pressedAt = performance.now();
            look();
          }
        };
        window.addEventListener('pointerdown', press, { capture: true });
        window.addEventListener('keydown', press, { capture: true });
        const waiting = new Set(wanted.map((sight) => sight.name));
        const look = () => {
          if (watch.pressedAt === undefined) {
            return;
          }
          wanted.forEach((sight, i) => {
            const shown = waiting.has(sight.name) && Array.from((roots[i] as Element).querySelectorAll(sight.selector)).some((element) => sight.text === undefined || (element.textContent ?? '').includes(sight.text));
            if (shown) {
              waiting.delete(sight.name);
              requestAnimationFrame(() => (watch.seenAt[sight.name] = performance.now() - (watch.pressedAt ?? 0)));
            }
          });
          if (waiting.size === 0) {
            observer.disconnect();
            window.removeEventListener('pointerdown', press, { capture: true });
            window.removeEventListener('keydown', press, { capture: true });
          }
        };
        const observer = new MutationObserver(look);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        return watch;
      },
      { roots, wanted: names.map((name) => ({ name, selector: sights[name].selector, text: sights[name].text })) },
    );
    await Promise.all(roots.map((root) => root.dispose()));
    return {
      read: async (timeout = 20_000) => {
        const all = await this.page.waitForFunction(({ watch, count }) => Object.keys(watch.seenAt).length === count, { watch: handle, count: names.length }, { timeout }).then(() => true, () => false);
        const seen = await handle.evaluate((watch) => watch.seenAt);
        if (!all) {
          throw new Error(`Not seen in ${timeout} ms after the press: ${names.filter((name) => !(name in seen)).join(', ')}`);
        }
        await handle.dispose();
        return Object.fromEntries(Object.entries(seen).map(([name, ms]) => [name, Math.round(ms)]));
      },
    };
  },
};
