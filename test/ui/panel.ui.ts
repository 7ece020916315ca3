/// <reference lib="dom" />
/**
 * The article panel as a user meets it: its keys, its languages (German
 * abstracts, a news digest), its Content-Security-Policy at work, and that
 * it keeps its place while the digest is edited.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';

export function panelTopic(j: Journey): void {
  it('the panel\'s keys: j and → go to the next article, k and ← back, Alt+↓ and Alt+↑ too', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle21();
    // Focus the panel as a user does: a click inside the article page.
    await frame.locator('.authors').click();
    const steps: [string, string][] = [
      ['j', 'Article 22'],
      ['k', 'Article 21'],
      ['ArrowRight', 'Article 22'],
      ['ArrowLeft', 'Article 21'],
      // Workbench keybindings, when activeWebviewPanelId == 'digestReader.article'.
      ['Alt+ArrowDown', 'Article 22'],
      ['Alt+ArrowUp', 'Article 21'],
    ];
    for (const [key, place] of steps) {
      await workbench.page.keyboard.press(key);
      await frame.locator('.place', { hasText: `${place} ` }).waitFor({ timeout: 10_000 }).catch(() => {
        throw new Error(`After ${key} the panel does not show ${place}`);
      });
      if (key === 'Alt+ArrowDown') {
        await workbench.screenshot('panel-key-alt-down');
      }
    }
  });

  it('shows an article\'s English, German and Chinese abstracts, each in its language', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle('german-abstracts.txt', '00 Learning German', 'Article 0 ');
    const expected: [string, string, RegExp][] = [
      ['en', 'English', /We study how readers learn German from translated abstracts\./],
      ['de', 'German', /Wir untersuchen, wie Leser mit übersetzten Zusammenfassungen Deutsch lernen\./],
      ['zh', 'Chinese', /我们研究读者如何通过翻译的摘要学习德语。/],
    ];
    for (const [language, label, text] of expected) {
      const block = frame.locator(`.abstract.lang-${language}`);
      assert.equal((await block.locator('.label').textContent())?.trim(), label); // textContent: the label is shown in capitals by CSS
      const paragraph = block.locator('p');
      assert.match(await paragraph.innerText(), text);
      assert.equal(await paragraph.getAttribute('lang'), language);
    }
    await workbench.screenshot('german-abstracts');
  });

  it('shows a news item\'s German original first, then its translations with their language labels', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle('german-news-2025-06-01.md', 'Railway announces new routes', 'Article 0 ');
    // "Article 0" is also the place of the article shown before (another news digest's first): wait for this one's title.
    await frame.locator('.title.lang-de h1', { hasText: 'Bahn kündigt neue Strecken an' }).waitFor();
    const titles = frame.locator('.titles .title');
    assert.deepEqual(await titles.locator('.label').allTextContents(), ['German', 'English', 'Chinese']);
    assert.equal(await frame.locator('.title.lang-de h1').innerText(), 'Bahn kündigt neue Strecken an');
    assert.equal(await frame.locator('.title.lang-de h1').getAttribute('lang'), 'de');
    assert.equal(await frame.locator('.title.lang-en h1').innerText(), 'Railway announces new routes');
    assert.equal(await frame.locator('.title.lang-zh h1').innerText(), '铁路宣布新线路');
    const texts = frame.locator('.abstracts .abstract');
    assert.deepEqual(await texts.locator('.label').allTextContents(), ['German', 'English', 'Chinese']);
    assert.match(await frame.locator('.abstract.lang-de p').innerText(), /Die Bahn hat neue Strecken angekündigt\.[\s\S]*Sie sollen 2026 fahren\./);
    assert.equal(await frame.locator('.abstract.lang-de p').getAttribute('lang'), 'de');
    assert.match(await frame.locator('.abstract.lang-en p').innerText(), /The railway has announced new routes\./);
    assert.match(await frame.locator('.abstract.lang-zh p').innerText(), /铁路公司宣布了新线路。/);
    await workbench.screenshot('german-news');
  });

  it('the page\'s Content-Security-Policy is strict and enforced: no inline script, no inline style', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    const frame = await workbench.articleFrameHandle();
    // Enforced: inline script, a <style> element and a style attribute, each added as a digest's markup would be.
    const probe = await frame.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__cspProbe = 1;';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = '#article { display: none !important; }';
      document.head.append(style);
      const styled = document.createElement('div');
      styled.setAttribute('style', 'display: none');
      document.body.append(styled);
      // Violations are reported asynchronously: wait until the three arrive (or 5 s pass).
      const deadline = Date.now() + 5000;
      while (violations.length < 3 && Date.now() < deadline) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const result = {
        probe: (window as unknown as { __cspProbe?: number }).__cspProbe,
        articleDisplay: getComputedStyle(document.getElementById('article') as HTMLElement).display,
        styledDisplay: getComputedStyle(styled).display,
        violations: [...new Set(violations)].sort(),
      };
      script.remove();
      style.remove();
      styled.remove();
      return result;
    });
    assert.equal(probe.probe, undefined, 'an inline <script> ran');
    assert.notEqual(probe.articleDisplay, 'none', 'an inline <style> applied');
    assert.notEqual(probe.styledDisplay, 'none', 'an inline style attribute applied');
    assert.deepEqual(probe.violations, ['script-src-elem', 'style-src-attr', 'style-src-elem']);
    // Declared: the policy in the page's meta element.
    const csp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d] as [string, string]));
    const missing = [
      ["default-src 'none'", directives.get('default-src') === "default-src 'none'"],
      ["script-src 'nonce-…'", /^script-src 'nonce-[A-Za-z0-9+/=]{16,}'$/.test(directives.get('script-src') ?? '')],
      ["base-uri 'none'", directives.get('base-uri') === "base-uri 'none'"],
      ["form-action 'none'", directives.get('form-action') === "form-action 'none'"],
      ["style-src without 'unsafe-inline'", directives.has('style-src') && !directives.get('style-src')?.includes('unsafe-inline')],
    ].filter(([, ok]) => !ok).map(([name]) => name);
    assert.deepEqual(missing, [], `The panel's CSP lacks ${missing.join(', ')}: ${csp}`);
  });

  it('keeps its scroll position and announces only the title when the digest changes', async function () {
    this.timeout(120_000);
    const { workbench } = j;
    const file = path.join(j.workspace, FIXTURE);
    const original = fs.readFileSync(file, 'utf8');
    const sentence = 'I present a model of universal parallel computation';
    assert.ok(original.includes(sentence));
    const frame = await workbench.showArticle21();
    const handle = await workbench.articleFrameHandle();
    // Make sure the page can scroll whatever the window size (CSSOM, which the CSP allows), then scroll.
    const scrolled = await handle.evaluate(() => {
      document.body.style.paddingBottom = '3000px';
      window.scrollTo(0, 600);
      return window.scrollY;
    });
    assert.ok(scrolled > 0, 'the panel page scrolled');
    try {
      // The digest changes on disk (the pipeline ran again): the open editor reloads it, the extension re-parses,
      // and the panel shows article 21's new text, in place.
      fs.writeFileSync(file, original.replace(sentence, `${sentence} (edited)`));
      await frame.locator('.abstract.lang-en p', { hasText: '(edited)' }).waitFor({ timeout: 30_000 });
      // Re-parse is debounced (300 ms): the scroll position must hold over 1.5 s, checked every animation frame.
      const positions = await handle.evaluate(async () => {
        const seen = new Set<number>();
        const end = performance.now() + 1500;
        while (performance.now() < end) {
          seen.add(Math.round(window.scrollY));
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        return [...seen];
      });
      await workbench.screenshot('panel-after-edit');
      const live = (await frame.locator('[aria-live]').allInnerTexts()).join('\n').trim();
      // Both checks reported at once: each is its own fix.
      const problems = [
        positions.length === 1 && positions[0] === Math.round(scrolled) ? '' : `the panel page jumped: scrollY went ${positions.join(' → ')} after the edit`,
        /Interaction-Based System for Optimal Parallel/.test(live) ? '' : 'the aria-live region does not name the article',
        /I present a model of universal parallel computation|我提出了/.test(live) ? `the aria-live region holds the whole article (${live.length} characters), not only its title` : '',
      ].filter(Boolean);
      assert.deepEqual(problems, [], problems.join('; '));
    } finally {
      fs.writeFileSync(file, original);
      await frame.locator('.abstract.lang-en p', { hasText: '(edited)' }).waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    }
  });
}
