/// <reference lib="dom" />
/**
 * The first-run walkthrough (contributes.walkthroughs), as a newcomer meets
 * it in VS Code's Welcome page: its four steps, a step's button doing what
 * it says and the step checking itself off, the keys as the step's page.
 */
import * as assert from 'node:assert/strict';
import type { Journey } from './journey';

export const WALKTHROUGH_STEPS = ['Open the Digests view', 'Show an article', 'Triage with the keys', 'Every digest in the Library'];

export function walkthroughTopic(j: Journey): void {
  it('the walkthrough "Get Started with Digest Reader" leads through the Digests view, an article, the keys and the Library', async () => {
    const { workbench } = j;
    const { page } = workbench;
    await workbench.closeAllEditors();
    await workbench.runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget input').fill('Digest Reader');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Digest Reader' }).first().click();
    const walkthrough = page.locator('.gettingStartedContainer .gettingStartedSlideDetails');
    await walkthrough.locator('h2, .category-title', { hasText: 'Get Started with Digest Reader' }).first().waitFor({ timeout: 20_000 });
    const steps = walkthrough.locator('.getting-started-step');
    assert.deepEqual((await steps.locator('.step-title').allInnerTexts()).map((title) => title.trim()), WALKTHROUGH_STEPS);
    await workbench.screenshot('walkthrough');

    // The first step's button opens the Digests view, and the step is done.
    const first = steps.filter({ hasText: WALKTHROUGH_STEPS[0] });
    await first.locator('.button-link, .monaco-button', { hasText: 'Open the Digests View' }).first().click();
    await workbench.articlesView().waitFor({ timeout: 15_000 });
    await walkthrough.locator('.getting-started-step[aria-checked="true"]', { hasText: WALKTHROUGH_STEPS[0] }).waitFor({ timeout: 15_000 });

    // The keys step shows the keys (a page of the extension's, in the display language).
    await steps.filter({ hasText: WALKTHROUGH_STEPS[2] }).locator('.step-title').click();
    const keys = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await keys.locator('td', { hasText: 'next unread article' }).waitFor({ timeout: 15_000 });
    assert.match(await keys.locator('table').innerText(), /j \/ k\s+next \/ previous article/);
    await workbench.screenshot('walkthrough-keys');
    await workbench.closeAllEditors();
  });
}
