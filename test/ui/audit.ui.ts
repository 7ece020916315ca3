/// <reference lib="dom" />
/**
 * The article panel under axe-core: no WCAG 2.1 A or AA violation in the
 * light, dark and high-contrast themes, stacked, side by side, with the word
 * pop-up open, and in study mode with pinyin. axe is evaluated inside the
 * panel's frame (the CSP binds the page's own scripts, not the test's).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Frame } from 'playwright-core';
import type { Journey } from './journey';
import { resetPanel, setToggle } from './study.ui';
import { FIXTURE } from './uiWorkspace';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  targets: string[];
}

export async function audit(frame: Frame): Promise<Violation[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) {
    await frame.evaluate(AXE_SOURCE);
  }
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Node, options: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
  });
}

export function auditTopic(j: Journey): void {
  it('axe-core finds no WCAG 2.1 A/AA violation in the panel: light, dark, high contrast; stacked, side by side, the word pop-up open, study mode with pinyin', async function () {
    this.timeout(240_000);
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', 'Thu 2025-05-29');
    const found: string[] = [];
    try {
      for (const [theme, bodyClass] of [['Light Modern', 'vscode-light'], ['Dark High Contrast', 'vscode-high-contrast'], ['Dark Modern', 'vscode-dark']]) {
        await workbench.setColorTheme(theme);
        const handle = await workbench.articleFrameHandle();
        await handle.waitForFunction((cls) => document.body.classList.contains(cls), bodyClass, { timeout: 15_000 });
        const layouts: Array<[string, () => Promise<void>]> = [
          ['stacked', () => setToggle(frame, 'Stacked', true)],
          ['side by side', () => setToggle(frame, 'Side by side', true)],
          ['word pop-up open', async () => {
            // The dictionary's pop-up over a Chinese word of the title (stacked, as the reader left it).
            await frame.locator('.title.lang-zh .word').first().waitFor({ timeout: 30_000 });
            await frame.locator('.title.lang-zh .word').nth(1).click();
            await frame.locator('.word-popup').waitFor({ timeout: 10_000 });
          }],
          ['study mode with pinyin', async () => {
            // Learning German: the English and Chinese texts (with their readings) are the hidden ones.
            await frame.locator('.toolbar select').first().selectOption('de');
            await setToggle(frame, 'Study mode', true);
            await setToggle(frame, 'Pinyin', true);
            await frame.locator('ruby').first().waitFor({ timeout: 15_000 });
          }],
        ];
        for (const [layout, apply] of layouts) {
          await apply();
          await workbench.settled();
          for (const violation of await audit(await workbench.articleFrameHandle())) {
            found.push(`${theme}, ${layout}: ${violation.id} (${violation.help}) at ${violation.targets.join(' | ')}`);
          }
          await workbench.screenshot(`audit-${bodyClass.replace('vscode-', '')}-${layout.replace(/ /g, '-')}`);
        }
        await resetPanel(frame);
      }
    } finally {
      await resetPanel(frame);
    }
    assert.deepEqual(found, []);
  });
}
