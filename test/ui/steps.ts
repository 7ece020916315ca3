/** Steps that journeys in both hosts take the same way. */
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';

/** Article 21's arXiv page, as the panel's button asks VS Code to open it. */
export const ARXIV_21 = 'https://arxiv.org/abs/2505.20314v2';

/**
 * With article 21 in the panel: "Open arXiv page" asks to open ARXIV_21
 * (VS Code's dialog), and "Open" opens it in a new tab, answered here by a
 * local stand-in, as nothing on these machines may reach arxiv.org.
 */
export async function openArxivPageFromPanel(workbench: Workbench): Promise<void> {
  await workbench.articleFrame().locator('button', { hasText: 'Open arXiv page' }).click();
  assert.match(await workbench.dialogText(), new RegExp(ARXIV_21.replace(/[./]/g, '\\$&')));
  await workbench.screenshot('open-arxiv-dialog');
  await workbench.page.context().route('https://arxiv.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>arXiv (stand-in)</title>' }));
  const popup = workbench.page.context().waitForEvent('page', { timeout: 15_000 });
  await workbench.clickDialogButton('Open');
  const opened = await popup;
  await opened.waitForLoadState();
  assert.equal(opened.url(), ARXIV_21);
  await opened.close();
}

/** Article 21's row in the Articles view, and a row's starred icon. */
export const ROW_21 = '21 $Δ$-Nets';
export const STARRED_ICON = '.custom-view-tree-node-item-icon.codicon-star-full';

/** Article 21 shown in the panel (so read) and starred with the panel's Star button, its row showing the star. */
export async function starArticle21(workbench: Workbench): Promise<FrameLocator> {
  const frame = await workbench.showArticle21();
  const star = frame.locator('.state button', { hasText: /^☆ Star$/ });
  if (await star.count()) {
    await star.click();
  }
  await frame.locator('.state button', { hasText: /^★ Starred$/ }).waitFor();
  await workbench.treeRow(ROW_21).locator(STARRED_ICON).waitFor();
  return frame;
}
