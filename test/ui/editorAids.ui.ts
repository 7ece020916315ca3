/// <reference lib="dom" />
/**
 * What the editor itself offers on a digest: a CodeLens row above each
 * `Article N` (Open arXiv page · PDF · Star · Copy BibTeX) and a hover on a
 * Title line with the article's three titles, authors and links.
 */
import * as assert from 'node:assert/strict';
import type { Journey } from './journey';
import { lineOfArticle } from './keys.ui';
import { FIXTURE } from './uiWorkspace';

/** The CodeLens row drawn just above the editor line `Article N`: its commands' titles. */
async function lensesAbove(j: Journey, index: number): Promise<string[]> {
  const { page } = j.workbench;
  const line = page.locator('.monaco-editor .view-line', { hasText: new RegExp(`^Article\\s${index}$`) }).first();
  await line.waitFor();
  const handle = await line.elementHandle();
  assert.ok(handle);
  return page.evaluate((articleLine) => {
    const top = articleLine.getBoundingClientRect().top;
    // The lens row is a view zone right above its line.
    const rows = Array.from(document.querySelectorAll('.monaco-editor .codelens-decoration'))
      .map((row) => ({ row, gap: top - row.getBoundingClientRect().bottom }))
      .filter(({ gap }) => gap > -2 && gap < 12);
    return rows.length === 0 ? [] : Array.from(rows[0].row.querySelectorAll('a')).map((a) => a.textContent?.trim() ?? '');
  }, handle);
}

export function editorAidsTopic(j: Journey): void {
  it('CodeLens above "Article 21" offers Open arXiv page · PDF · Star · Copy BibTeX, and its Star follows a click', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.goToLine(lineOfArticle(21));
    await workbench.page.waitForFunction(() => document.querySelectorAll('.monaco-editor .codelens-decoration a').length > 0, undefined, { timeout: 15_000 });
    const before = await lensesAbove(j, 21);
    const starLens = before[2];
    assert.deepEqual(before, ['Open arXiv page', 'PDF', starLens, 'Copy BibTeX']);
    assert.ok(starLens === 'Star' || starLens === 'Unstar', starLens);
    await workbench.screenshot('codelens-article-21');
    const flipped = starLens === 'Star' ? 'Unstar' : 'Star';
    // CodeLens acts on the editor's mouse events: a real click on the link in the row just above the line.
    // The editor redraws its lenses after each change of the star, so the lens is looked for until it is drawn.
    const click = async (title: string) => {
      const line = workbench.page.locator('.monaco-editor .view-line', { hasText: /^Article\s21$/ }).first();
      const links = workbench.page.locator('.monaco-editor .codelens-decoration a');
      const find = async (): Promise<number> => {
        const box = await line.boundingBox();
        return box === null ? -1 : links.evaluateAll((anchors, { wanted, top }) => anchors.findIndex((a) => {
          const gap = top - a.getBoundingClientRect().bottom;
          return a.textContent?.trim() === wanted && gap > -2 && gap < 12;
        }), { wanted: title, top: box.y });
      };
      let at = await find();
      for (const deadline = Date.now() + 10_000; at < 0 && Date.now() < deadline;) {
        await workbench.page.waitForTimeout(200);
        at = await find();
      }
      assert.ok(at >= 0, `no "${title}" lens above Article 21: ${JSON.stringify(await lensesAbove(j, 21))}`);
      await links.nth(at).click();
    };
    await click(starLens);
    await expectLens(j, flipped);
    await click(flipped);
    await expectLens(j, starLens);
  });

  it('the hover on article 21\'s Title line shows its three titles, authors and arXiv links, as text', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.goToLine(lineOfArticle(21) + 1);
    const titleLine = workbench.page.locator('.monaco-editor .view-line', { hasText: /^Title@2025-05-28\s\(3\):\s\$Δ\$-Nets/ }).first();
    await titleLine.hover({ position: { x: 30, y: 5 } });
    const hover = workbench.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    await hover.waitFor({ timeout: 10_000 });
    await workbench.page.locator('.monaco-hover-content', { hasText: 'Interaktionsbasiertes System' }).first().waitFor({ timeout: 10_000 });
    const text = await hover.innerText();
    // The hover lays text out with non-breaking spaces.
    assert.match(text, /-Nets:\sInteraction-Based\sSystem\sfor\sOptimal\sParallel/);
    assert.match(text, /Interaktionsbasiertes\sSystem\sfür\seine\soptimale\sparallele/);
    assert.match(text, /最佳平行互动系统/);
    assert.match(text, /Daniel\sAugusto\sRizzi\sSalvadori/);
    const links = await hover.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.ok(links.some((href) => href.startsWith('https://arxiv.org/abs/2505.20314')), links.join(', '));
    await workbench.screenshot('hover-article-21');
    await workbench.page.keyboard.press('Escape');
  });
}

async function expectLens(j: Journey, title: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let lenses: string[] = [];
  while (Date.now() < deadline) {
    lenses = await lensesAbove(j, 21);
    if (lenses[2] === title) {
      return;
    }
    await j.workbench.page.waitForTimeout(200);
  }
  assert.fail(`the lens row above Article 21 reads ${lenses.join(' · ')}, not ${title}`);
}
