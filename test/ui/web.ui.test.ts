/// <reference lib="dom" />
/**
 * The reading journey in VS Code for the Web 1.137 (the workbench of
 * vscode.dev, served by @vscode/test-web), where the extension runs from its
 * `browser` entry in the web worker extension host: open the sample from the
 * Explorer, read the Articles view, show article 21 in the panel (three
 * titles, math typeset by KaTeX), open its arXiv page, triage with a key,
 * study mode, and the word pop-up (CC-CEDICT read through workspace.fs).
 * The journey ends with the page's console: no error of ours.
 * Screenshots: test-results/screenshots/web/.
 */
import * as assert from 'node:assert/strict';
import { journey, type Journey } from './journey';
import { libraryWebTopic } from './library.ui';
import { openArxivPageFromPanel } from './steps';
import { resetPanel, setToggle } from './study.ui';
import { FIXTURE } from './uiWorkspace';
import { hoverWord, pointerAway, showArticle1 } from './words.ui';

const TOTAL = 103;
const STARRED = '.custom-view-tree-node-item-icon.codicon-star-full';

function webTopic(j: Journey): void {
  it('opens the sample .txt from the Explorer as a "Digest"', async () => {
    const { workbench } = j;
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('workbench');
    await workbench.openFromExplorer(FIXTURE);
    await workbench.page.waitForFunction(() => document.querySelector('[id="status.editor.mode"]')?.textContent?.includes('Digest'), undefined, { timeout: 20_000 });
    assert.equal(await workbench.statusBarLanguage(), 'Digest');
    await workbench.screenshot('digest-opened');
  });

  it('the Articles view lists the 7 dates, newest first, with their counts', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.treeRow('Fri 2025-05-30').waitFor();
    await workbench.collapseAllInArticles();
    await workbench.page.waitForFunction(() => {
      const pane = Array.from(document.querySelectorAll('.part.sidebar .pane')).find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === 'articles');
      return pane?.querySelectorAll('.monaco-list-row').length === 7;
    });
    assert.deepEqual(await workbench.treeRows(), [
      { label: 'Fri 2025-05-30', description: '1 · 1 unread' },
      { label: 'Thu 2025-05-29', description: '18 · 18 unread' },
      { label: 'Wed 2025-05-28', description: '15 · 15 unread' },
      { label: 'Tue 2025-05-27', description: '27 · 27 unread' },
      { label: 'Mon 2025-05-26', description: '26 · 26 unread' },
      { label: 'Sun 2025-05-25', description: '4 · 4 unread' },
      { label: 'Sat 2025-05-24', description: '12 · 12 unread' },
    ]);
    assert.match(await workbench.articlesView().innerText(), /cs\.DC · 2025-06-01 · 103 articles/);
    await workbench.waitForUnread(`${TOTAL}/${TOTAL} unread`);
    await workbench.screenshot('articles-by-date');
  });

  it('clicking article 21 shows its English, German and Chinese titles with the math typeset by KaTeX, no font failing', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.collapseAllInArticles();
    await workbench.expandDate('Wed 2025-05-28');
    await workbench.treeRow('21 $Δ$-Nets').click();
    const frame = workbench.articleFrame();
    const en = frame.locator('.title.lang-en h1');
    await frame.locator('.place', { hasText: 'Article 21' }).waitFor({ timeout: 20_000 });
    assert.match(await en.innerText(), /-Nets: Interaction-Based System for Optimal Parallel .*-Reduction/s);
    assert.equal(await en.getAttribute('lang'), 'en');
    assert.match(await frame.locator('.title.lang-de h1').innerText(), /Interaktionsbasiertes System für eine optimale parallele/);
    assert.equal(await frame.locator('.title.lang-de h1').getAttribute('lang'), 'de');
    assert.match(await frame.locator('.title.lang-zh h1').innerText(), /最佳平行互动系统/);
    assert.equal(await frame.locator('.title.lang-zh h1').getAttribute('lang'), 'zh');
    assert.match(await frame.locator('.meta').innerText(), /Wed 2025-05-28.*arXiv 2505\.20314v2/s);
    // Typeset: KaTeX's elements, each holding MathML that takes up room, and no TeX source left as text.
    const handle = await workbench.articleFrameHandle();
    const math = await handle.evaluate(async () => {
      await document.fonts.ready;
      const title = document.querySelector('.title.lang-en h1') as HTMLElement;
      const katex = Array.from(title.querySelectorAll('.katex'));
      const fonts: string[] = [];
      document.fonts.forEach((font) => fonts.push(`${font.family}: ${font.status}`));
      return {
        katex: katex.length,
        rendered: katex.filter((node) => node.querySelector('math') && node.getBoundingClientRect().width > 0 && node.getBoundingClientRect().height > 0).length,
        texLeft: /\$/.test(title.innerText),
        tex: katex.map((node) => node.querySelector('annotation[encoding="application/x-tex"]')?.textContent),
        // Every font the page declared or loaded, and how it went (KaTeX's MathML output needs no font of its own).
        fonts,
        fontRequests: performance.getEntriesByType('resource').filter((entry) => /\.(woff2?|ttf|otf)(\?|$)/.test(entry.name)).map((entry) => entry.name),
      };
    });
    assert.ok(math.katex >= 2, `the English title has ${math.katex} KaTeX elements`);
    assert.equal(math.rendered, math.katex, 'every KaTeX element renders MathML with a size');
    assert.deepEqual(math.tex, ['Δ', 'λ'], 'the TeX of the two math spans');
    assert.equal(math.texLeft, false, 'no `$` left in the title');
    assert.deepEqual(math.fonts.filter((font) => !font.endsWith(': loaded') && !font.endsWith(': unloaded')), [], 'a font failed to load');
    console.log(`      fonts of the panel: ${math.fonts.join(', ') || 'none declared'}; font files requested: ${math.fontRequests.length}`);
    // The editor beside it shows the article's first line.
    await workbench.page.locator('.monaco-editor .view-line', { hasText: /^Article\s21$/ }).first().waitFor();
    await workbench.screenshot('article-21');
  });

  it('"Open arXiv page" in the panel asks to open https://arxiv.org/abs/2505.20314v2, and opens it', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    await openArxivPageFromPanel(workbench);
  });

  it('j in the focused Articles view shows the next article (so read), s stars it: the row and the status bar say so', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    const before = await workbench.unreadText();
    await workbench.focusArticlesView();
    const label21 = await workbench.selectedLabel();
    assert.match(label21, /^21 /);
    await workbench.page.keyboard.press('j');
    assert.match(await workbench.waitForSelectionChange(label21), /^22 Smart Contracts/);
    await workbench.articleFrame().locator('.place', { hasText: 'Article 22 ' }).waitFor({ timeout: 10_000 });
    await workbench.waitForUnread(`${Number(before.split('/')[0]) - 1}/${TOTAL} unread`);
    await workbench.page.keyboard.press('s');
    const selected = workbench.articlesView().locator('.monaco-list-row.selected');
    await selected.locator(STARRED).waitFor({ timeout: 10_000 });
    assert.match(await selected.getAttribute('aria-label') ?? '', /^Article 22, read, starred: Smart Contracts/);
    await workbench.articleFrame().locator('.state button', { hasText: /^★ Starred$/ }).waitFor();
    await workbench.screenshot('triage-j-s');
  });

  it('study mode works here too: side by side with sentences aligned, pinyin from its lazy bundle, a sentence into the study list', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', 'Thu 2025-05-29');
    try {
      await setToggle(frame, 'Side by side', true);
      assert.match(await frame.locator('.sentence[data-lang="zh"][data-row="1"]').innerText(), /^这个前提属于不完全系数化/);
      await frame.locator('.sentence[data-lang="en"][data-row="1"]').hover();
      await frame.locator('.sentence.counterpart[data-lang="zh"][data-row="1"]').waitFor({ timeout: 5_000 });
      await setToggle(frame, 'Pinyin', true);
      await frame.locator('.sentence[data-lang="zh"] ruby').first().waitFor({ timeout: 15_000 });
      // The toolbar's button (the sentence the reader is at), not the word pop-up's of the same name, which a pointer resting on a word opens.
      await frame.getByRole('toolbar', { name: 'Reading options' }).getByRole('button', { name: 'Add to study list' }).click();
      await frame.locator('.notice', { hasText: 'Sentence 3 is in your study list.' }).waitFor({ timeout: 10_000 });
      await workbench.screenshot('study-side-by-side-pinyin');
    } finally {
      await resetPanel(frame);
    }
  });

  it('words: the dictionary loads in the web worker too: hovering 车辆 shows chē liàng and "vehicle", w opens entries by keyboard', async () => {
    const { workbench } = j;
    const frame = await showArticle1(j);
    await hoverWord(frame, '.title.lang-zh .word[data-word="车辆"]');
    assert.equal(await frame.locator('.word-popup .pinyin').innerText(), 'chē liàng');
    assert.deepEqual(await frame.locator('.word-popup .senses li').allInnerTexts(), ['vehicle']);
    await workbench.screenshot('word-popup-hover-车辆');
    await pointerAway(j, frame);
    await frame.locator('.word-popup').waitFor({ state: 'detached', timeout: 5_000 });
    await frame.locator('.authors').click();
    for (let i = 0; i < 40 && (await frame.locator('.word.cursor').getAttribute('data-word').catch(() => null)) !== '分布式'; i++) {
      await workbench.page.keyboard.press('w');
    }
    assert.equal(await frame.locator('.word-popup .pinyin').innerText(), 'fēn bù shì');
    assert.match(await frame.locator('#announcer').innerText(), /^分布式, fēn bù shì: distributed/);
  });
}

describe('UI: VS Code for the Web 1.137, the extension\'s browser entry in the web worker extension host', function () {
  this.timeout(90_000);
  journey('web', [webTopic, libraryWebTopic]);
});
