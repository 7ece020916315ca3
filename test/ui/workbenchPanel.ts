/** The Workbench's steps in the article panel: its page inside the webview's frames. Mixed into Workbench (workbench.ts). */
import type { Frame, FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';

export const panelSteps = {
  /** The article panel's page, inside the webview's two iframes. */
  articleFrame(this: Workbench): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  },

  /** The article panel's frame as a Frame, to evaluate script in it. */
  async articleFrameHandle(this: Workbench): Promise<Frame> {
    for (let attempt = 0; attempt < 50; attempt++) {
      for (const frame of this.page.frames()) {
        if (await frame.locator('main#article').count().catch(() => 0)) {
          return frame;
        }
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error('The article panel frame was not found');
  },
};
