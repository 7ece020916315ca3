/// <reference lib="dom" />
/**
 * Study mode as a learner meets it in the article panel: sentences aligned
 * side by side, hovering one marks its translation, study mode blurs and
 * reveals, pinyin on and off, read aloud where there is no voice, their own
 * translation of a missing one, and a news digest in the same layouts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';

const DATE_29 = 'Thu 2025-05-29';

/** Presses a toolbar toggle until it is in the state wanted (the toolbar is redrawn after each press). */
/** Shows or folds the reading options (the header's button; folded by default). */
export async function showReadingOptions(frame: FrameLocator, open = true): Promise<void> {
  const button = frame.locator('button.options-toggle');
  if ((await button.getAttribute('aria-expanded')) !== String(open)) {
    // By keyboard: a workbench hover (the tree row's tooltip, left by the click that showed the article) may lie over the panel.
    await button.press('Enter');
    await frame.locator(`button.options-toggle[aria-expanded="${open}"]`).waitFor({ timeout: 10_000 });
  }
}

export async function setToggle(frame: FrameLocator, name: string, pressed: boolean): Promise<void> {
  await showReadingOptions(frame);
  const control = frame.locator('.toolbar button', { hasText: new RegExp(`^${name}$`) }).first();
  if ((await control.getAttribute('aria-pressed')) !== String(pressed)) {
    await control.press('Enter');
    await frame.locator('.toolbar button', { hasText: new RegExp(`^${name}$`) }).first().and(frame.locator(`[aria-pressed="${pressed}"]`)).waitFor({ timeout: 10_000 });
  }
}

/** The panel as every test expects to find it: stacked, no study mode, no pinyin (they are remembered settings). */
export async function resetPanel(frame: FrameLocator): Promise<void> {
  await showReadingOptions(frame);
  const reset = frame.locator('.toolbar button', { hasText: /^Reset$/ });
  if (await reset.count()) {
    await reset.press('Enter');
    await reset.waitFor({ state: 'detached', timeout: 10_000 });
  }
  await setToggle(frame, 'Stacked', true);
  await setToggle(frame, 'Study mode', false);
  await setToggle(frame, 'Pinyin', false);
  await showReadingOptions(frame, false);
}

/** Export Study List for Anki from the Study List view's title bar, to `target`; its text. */
export async function exportForAnki(j: Journey, view: Locator, target: string): Promise<string> {
  const { page } = j.workbench;
  fs.rmSync(target, { force: true });
  await view.locator('.pane-header').hover();
  await view.locator('.actions .action-label[aria-label^="Export Study List for Anki"]').click();
  // code-server's save dialog is a quick input holding the proposed path.
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value.endsWith('.tsv'));
  await input.fill(target);
  await page.keyboard.press('Enter');
  for (const deadline = Date.now() + 20_000; !fs.existsSync(target) && Date.now() < deadline;) {
    await page.waitForTimeout(200);
  }
  return fs.readFileSync(target, 'utf8');
}

export function studyTopic(j: Journey): void {
  afterEach(async () => {
    const frame = j.workbench.articleFrame();
    if (await frame.locator('.toolbar').count().catch(() => 0)) {
      await resetPanel(frame);
    }
  });

  it('the reading options are folded away until asked for: the article comes first', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    const toggle = frame.getByRole('button', { name: 'Reading options' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await frame.locator('.toolbar').count(), 0);
    await toggle.click();
    await frame.locator('#reading-options[role="toolbar"]').waitFor({ timeout: 10_000 });
    assert.equal(await frame.getByRole('button', { name: 'Reading options' }).getAttribute('aria-expanded'), 'true');
  });

  it('side by side: a column per language, sentences aligned; hovering an English sentence marks its Chinese one', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    await setToggle(frame, 'Side by side', true);
    const titles = frame.locator('.titles.parallel.columns-3 .title');
    assert.deepEqual(await titles.locator('.label').allTextContents(), ['English', 'German', 'Chinese']);
    // Hand-checked (see test/unit/study.test.ts): the translator joined English sentences 1 and 2 into one.
    const english = (row: number) => frame.locator(`.sentence[data-lang="en"][data-row="${row}"]`);
    const chinese = (row: number) => frame.locator(`.sentence[data-lang="zh"][data-row="${row}"]`);
    assert.match(await english(0).innerText(), /^We introduce a parallel algorithm.*Such a linear system arises/s);
    assert.match(await chinese(0).innerText(), /^我们引入了平行算法.*这种线性系统来自/s);
    assert.match(await chinese(1).innerText(), /^这个前提属于不完全系数化/);
    await english(1).hover();
    await frame.locator('.sentence.counterpart[data-lang="zh"][data-row="1"]').waitFor({ timeout: 5_000 });
    assert.equal(await chinese(0).getAttribute('class'), 'sentence unit', 'only the counterpart is marked');
    // Side by side, row by row: sentence 2's cells sit on one line.
    const [enBox, zhBox] = [await english(1).boundingBox(), await chinese(1).boundingBox()];
    assert.ok(enBox && zhBox && Math.abs(enBox.y - zhBox.y) < 4 && zhBox.x > enBox.x, 'the Chinese sentence is beside its English one');
    await workbench.screenshot('study-side-by-side-hover');
    // Focus does the same, for keyboard users (the mouse moved away first: scrolling to the focus would hover another row).
    await workbench.page.mouse.move(0, 0);
    await english(3).focus();
    await frame.locator('.sentence.counterpart[data-lang="zh"][data-row="3"]').waitFor({ timeout: 5_000 });
  });

  it('the reader picks the languages shown and their order; the choice holds for the next article, until Reset', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    await setToggle(frame, 'Side by side', true);
    const labels = () => frame.locator('.titles.parallel .title .label').allTextContents();
    await setToggle(frame, 'German', false);
    assert.deepEqual(await labels(), ['English', 'Chinese']);
    await frame.getByRole('button', { name: 'Move Chinese one column earlier' }).click();
    await frame.locator('.titles.parallel .title.lang-zh:first-child').waitFor({ timeout: 10_000 });
    assert.deepEqual(await labels(), ['Chinese', 'English']);
    assert.deepEqual(await frame.locator('.rows .sentence[data-row="0"]').evaluateAll((units) => units.map((unit) => unit.getAttribute('lang'))), ['zh', 'en']);
    await workbench.page.keyboard.press('Escape'); // (the focus stays in the panel) then the next article by key
    await frame.locator('.authors').click();
    await workbench.page.keyboard.press('j');
    await frame.locator('.place', { hasText: 'Article 3 ' }).waitFor({ timeout: 10_000 });
    assert.deepEqual(await labels(), ['Chinese', 'English']);
    await workbench.screenshot('languages-chosen');
    await frame.getByRole('button', { name: 'Reset' }).click();
    await frame.locator('.titles.parallel .title.lang-de').waitFor({ timeout: 10_000 });
    assert.deepEqual(await labels(), ['English', 'German', 'Chinese']);
  });

  it('study mode: the language learned shows, the others are blurred; r reveals the next, a click one, Shift+R all', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    await setToggle(frame, 'Side by side', true);
    await frame.locator('.toolbar select').first().selectOption('zh');
    await setToggle(frame, 'Study mode', true);
    const concealed = frame.locator('.unit.concealed');
    const rows = await frame.locator('.sentence[data-lang="en"]').count();
    assert.equal(await concealed.count(), 2 + rows, 'the English and German titles and every English sentence are hidden');
    assert.equal(await frame.locator('.unit.concealed[data-lang="zh"]').count(), 0);
    // Read from the page as it settles: a node the panel redraws just then (the word marks arriving) reads no style.
    let filter = '';
    for (const deadline = Date.now() + 5_000; !/blur/.test(filter) && Date.now() < deadline;) {
      filter = await concealed.first().evaluate((node) => (node.isConnected ? getComputedStyle(node).filter : ''));
    }
    assert.match(filter, /blur/);
    // Hidden from screen readers too; a reveal button named for it takes its place in the tab order.
    assert.equal(await concealed.first().getAttribute('aria-hidden'), 'true');
    assert.deepEqual(await frame.locator('button.reveal').evaluateAll((nodes) => nodes.slice(0, 2).map((node) => node.textContent)), ['Reveal hidden English text', 'Reveal hidden German text']);
    await workbench.screenshot('study-mode-hidden');
    await frame.locator('.sentence[data-lang="zh"][data-row="0"]').click();
    await workbench.page.keyboard.press('r');
    await frame.locator('.title.lang-en h1:not(.concealed)').waitFor({ timeout: 5_000 });
    assert.equal(await concealed.count(), 1 + rows);
    await frame.locator('.sentence.concealed[data-lang="en"][data-row="2"]').click();
    assert.equal(await frame.locator('.sentence[data-lang="en"][data-row="2"]').getAttribute('class'), 'sentence unit current');
    await workbench.screenshot('study-mode-revealed-two');
    // By keyboard: Tab reaches the next reveal button, Enter reveals its text and leaves the focus on it.
    await frame.locator('button.reveal').first().focus();
    await workbench.page.keyboard.press('Enter');
    await frame.locator('.title.lang-de h1:not(.concealed)').waitFor({ timeout: 5_000 });
    assert.equal(await concealed.count(), rows - 1);
    await workbench.page.keyboard.press('Shift+R');
    await frame.locator('.unit.concealed').first().waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(await concealed.count(), 0);
  });

  it('pinyin over Chinese, word by word (长期 reads cháng qī), and off again', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '07 SealOS+', 'Article 7 ', DATE_29);
    await setToggle(frame, 'Pinyin', true);
    const zh = frame.locator('.abstract.lang-zh p');
    await zh.locator('ruby').first().waitFor({ timeout: 15_000 });
    const readings = await zh.evaluate((node) => Array.from(node.querySelectorAll('ruby'), (ruby) => [ruby.firstChild?.textContent ?? '', ruby.querySelector('rt')?.textContent ?? '']));
    const at = readings.findIndex(([character], k) => character === '长' && readings[k + 1]?.[0] === '期');
    assert.ok(at >= 0, '长期 is in the abstract');
    assert.deepEqual(readings.slice(at, at + 2).map(([, reading]) => reading), ['cháng', 'qī']);
    // The text itself is unchanged under the readings.
    assert.match(await zh.evaluate((node) => { const copy = node.cloneNode(true) as HTMLElement; copy.querySelectorAll('rt').forEach((rt) => rt.remove()); return copy.textContent ?? ''; }), /^随着证券交易系统向微观服务结构过渡/);
    const first = await frame.locator('body').evaluate((body) => body.dataset.pinyinWaitMs);
    await workbench.screenshot('pinyin-on');
    // The bar: the fixture's longest abstract (article 68, see bench/study.bench.ts) in three columns, aligned, with pinyin.
    await setToggle(frame, 'Side by side', true);
    await workbench.showArticle(FIXTURE, '68 Beyond Optimal Fault Tolerance', 'Article 68 ', 'Mon 2025-05-26');
    await frame.locator('.titles.parallel.columns-3 .title.lang-zh ruby').first().waitFor({ timeout: 15_000 });
    const times = await frame.locator('body').evaluate((body) => ({ render: body.dataset.renderMs, pinyin: body.dataset.pinyinMs, wait: body.dataset.pinyinWaitMs }));
    console.log(`      article 68 side by side: drawn in ${times.render} ms, pinyin put over it in ${times.pinyin} ms (goal: < 50 ms together); ` +
      `waited ${times.wait} ms for the converter (first load: ${first} ms)`);
    await workbench.screenshot('pinyin-longest-abstract-side-by-side');
    await setToggle(frame, 'Pinyin', false);
    assert.equal(await frame.locator('ruby').count(), 0);
  });

  it('with pinyin on, words selected in the panel go to the study list as the words, never with their readings', async () => {
    const { workbench } = j;
    const { page } = workbench;
    const frame = await workbench.showArticle(FIXTURE, '01 Distributed Federated Learning', 'Article 1 ', DATE_29);
    await setToggle(frame, 'Pinyin', true);
    const zh = frame.locator('.abstract.lang-zh p');
    await zh.locator('ruby').first().waitFor({ timeout: 15_000 });
    await frame.locator('.authors').click(); // the panel has the keyboard
    // Select 或纯本地 as a drag over it does: from before 或 to after 地, the readings over them inside the range.
    const selected = await (await workbench.articleFrameHandle()).evaluate(() => {
      // One ruby per character: the four in a row whose bases read 或纯本地.
      const rubies = Array.from(document.querySelectorAll('.abstract.lang-zh p ruby'));
      const base = (ruby: Element) => ruby.firstChild?.textContent ?? '';
      const first = rubies.findIndex((ruby, k) => ['或', '纯', '本', '地'].every((character, n) => base(rubies[k + n] ?? ruby) === character));
      const range = document.createRange();
      range.setStartBefore(rubies[first]);
      range.setEndAfter(rubies[first + 3]);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return document.getSelection()?.toString() ?? '';
    });
    assert.equal(selected, '或huò纯chún本běn地dì', 'the selection holds the readings, as a drag over ruby does');
    await page.keyboard.press('a');
    await frame.locator('.notice', { hasText: '“或纯本地” is in your study list.' }).waitFor({ timeout: 10_000 });
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Study List/i }) });
    await workbench.setPaneExpanded(view, true);
    await view.locator('.monaco-list-row', { hasText: /^或纯本地/ }).first().waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('.monaco-list-row', { hasText: /[a-zàáǎèéěìíǐòóǒùúǔǖǘǚǜ]{2,}/ }).filter({ hasText: '或' }).count(), 0, 'no row carries pinyin');
    await workbench.screenshot('study-list-term-without-pinyin');
  });

  it('study mode hides a text with all its aids: pinyin over a hidden Chinese text is hidden too', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '07 SealOS+', 'Article 7 ', DATE_29);
    await setToggle(frame, 'Side by side', true);
    await frame.locator('.toolbar select').first().selectOption('en');
    await setToggle(frame, 'Pinyin', true);
    await setToggle(frame, 'Study mode', true);
    const hidden = frame.locator('.unit.concealed[data-lang="zh"]');
    await hidden.locator('ruby').first().waitFor({ timeout: 15_000 });
    // Every reading of a hidden Chinese text is hidden (not only blurred with it); the English shows.
    const readings = await hidden.locator('rt').evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node).visibility));
    assert.ok(readings.length > 20, `${readings.length} readings`);
    assert.deepEqual([...new Set(readings)], ['hidden']);
    assert.equal(await frame.locator('.unit.concealed[data-lang="en"]').count(), 0);
    await workbench.screenshot('study-mode-pinyin-hidden');
    // Revealed, the readings are back.
    await workbench.page.keyboard.press('Shift+R');
    await frame.locator('.unit.concealed').first().waitFor({ state: 'detached', timeout: 5_000 });
    assert.deepEqual([...new Set(await frame.locator('.sentence[data-lang="zh"] rt').evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node).visibility)))], ['visible']);
  });

  it('study mode learns a language the digest has in full: Chinese here (German titles only), and says what German lacks', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    await showReadingOptions(frame);
    const learning = frame.locator('.toolbar select').first();
    await learning.selectOption(''); // Automatic: the reader has not chosen
    await setToggle(frame, 'Study mode', true);
    assert.equal(await learning.locator('option:checked').innerText(), 'Automatic: Chinese');
    // The Chinese title and abstract show; English and German are hidden.
    assert.equal(await frame.locator('.unit.concealed[data-lang="zh"]').count(), 0);
    assert.ok(await frame.locator('.unit.concealed[data-lang="en"]').count() > 1);
    assert.equal(await frame.locator('.study-gap').count(), 0, 'nothing is missing in Chinese');
    await workbench.screenshot('study-mode-automatic-chinese');
    // German chosen: its title shows, and the panel says that there are no German abstracts to learn from.
    await learning.selectOption('de');
    await frame.locator('.study-gap', { hasText: 'This digest has German titles but no German abstracts' }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('.title .unit.concealed[data-lang="de"]').count(), 0);
    await workbench.screenshot('study-mode-german-missing');
    await learning.selectOption('');
  });

  it('read aloud: with no voice installed, the button says so instead of doing nothing', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    const voices = await frame.locator('body').evaluate(() => new Promise<number>((resolve) => setTimeout(() => resolve(speechSynthesis.getVoices().length), 1200)));
    assert.equal(voices, 0, 'this headless Chromium has no speech voices (as VS Code on Linux usually has none)');
    await frame.getByRole('button', { name: 'Read aloud in Chinese' }).click();
    const notice = frame.locator('.notice');
    await notice.waitFor({ timeout: 5_000 });
    assert.match(await notice.innerText(), /^No Chinese voice is installed, so this cannot be read aloud here\./);
    assert.match(await frame.locator('#announcer').innerText(), /No Chinese voice is installed/);
    await workbench.screenshot('read-aloud-no-voice');
  });

  it('a missing translation is an exercise: the reader writes their own, kept in their notes, not in the digest', async () => {
    const { workbench, workspace } = j;
    const before = fs.readFileSync(path.join(workspace, FIXTURE), 'utf8');
    const frame = await workbench.showArticle(FIXTURE, '03 Complementary Time-Space', 'Article 3 ', DATE_29);
    const block = frame.locator('.abstract.lang-zh');
    assert.equal(await block.locator('.missing').innerText(), 'No Chinese abstract in this digest');
    await block.getByRole('button', { name: 'No Chinese translation: write your own' }).click();
    const input = block.getByLabel('Your Chinese translation');
    // Typed key by key: letters that are the panel's keys (j, k, s, m, r, a) go into the text, not to the workbench.
    await input.pressSequentially('jksmra ');
    await input.fill('我们研究群体协议模型中的自稳定领导者选举问题。');
    assert.match(await frame.locator('.place').innerText(), /Article 3 /);
    await block.getByRole('button', { name: 'Save' }).click();
    await block.locator('.own', { hasText: '我们研究群体协议模型中的自稳定领导者选举问题。' }).waitFor({ timeout: 10_000 });
    assert.match(await block.locator('.own-label').innerText(), /Your translation/);
    await workbench.screenshot('exercise-own-translation');
    // Shown again from the notes after another article; the digest file is as it was.
    await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    await workbench.showArticle(FIXTURE, '03 Complementary Time-Space', 'Article 3 ', DATE_29);
    await block.locator('.own', { hasText: '自稳定领导者选举' }).waitFor({ timeout: 10_000 });
    assert.equal(fs.readFileSync(path.join(workspace, FIXTURE), 'utf8'), before);
  });

  it('adds the sentence the reader is at to the study list, shows it in the Study List view, and exports it for Anki', async function () {
    this.timeout(120_000);
    const { workbench } = j;
    const { page } = workbench;
    const frame = await workbench.showArticle(FIXTURE, '02 Parallel GPU-Accelerated', 'Article 2 ', DATE_29);
    // Row 1 is study sentence 3 (sentences 1 and 2 share row 0): hover it, then the toolbar's button.
    await showReadingOptions(frame);
    await frame.locator('.sentence[data-lang="en"][data-row="1"]').hover();
    // The toolbar's button (the sentence the reader is at), not the word pop-up's of the same name, which a pointer resting on a word opens.
    await frame.getByRole('toolbar', { name: 'Reading options' }).getByRole('button', { name: 'Add to study list' }).click();
    await frame.locator('.notice', { hasText: 'Sentence 3 is in your study list.' }).waitFor({ timeout: 10_000 });
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Study List/i }) });
    await workbench.setPaneExpanded(view, true);
    const row = view.locator('.monaco-list-row', { hasText: 'The preconditioner belongs to the family of incomplete factorizations' });
    await row.waitFor({ timeout: 10_000 });
    await workbench.screenshot('study-list-view');
    const target = path.join(j.workspace, 'study.tsv');
    const lines = (await exportForAnki(j, view, target)).split('\n');
    assert.deepEqual(lines.slice(0, 5), ['#separator:tab', '#html:false', '#columns:Id\tWord\tPinyin\tMeaning\tCloze\tEnglish\tGerman\tChinese\tSource\tTags', '#deck:Digest Reader', '#tags column:10']);
    assert.ok(lines.includes([
      '2505.02977#s3', '', '', '', '', 'The preconditioner belongs to the family of incomplete factorizations and is purely algebraic.', '', '这个前提属于不完全系数化的大家庭,是纯代数的。',
      'arXiv:2505.02977v2 · cs.DC 2025-06-01', 'digest-reader sentence cs.DC 2025-06-01',
    ].join('\t')), lines.join('\n'));
    fs.rmSync(target, { force: true });
  });

  it('a news digest side by side: the German original, then English and Chinese, aligned sentence by sentence', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle('german-news-2025-06-01.md', 'Railway announces new routes', 'Article 0 ');
    await setToggle(frame, 'Side by side', true);
    assert.deepEqual(await frame.locator('.titles.parallel .title .label').allTextContents(), ['German', 'English', 'Chinese']);
    assert.equal(await frame.locator('.sentence[data-lang="de"][data-row="0"]').innerText(), 'Die Bahn hat neue Strecken angekündigt.');
    assert.equal(await frame.locator('.sentence[data-lang="en"][data-row="0"]').innerText(), 'The railway has announced new routes.');
    assert.equal(await frame.locator('.sentence[data-lang="zh"][data-row="0"]').innerText(), '铁路公司宣布了新线路。');
    await frame.locator('.sentence[data-lang="de"][data-row="1"]').hover();
    await frame.locator('.sentence.counterpart[data-lang="en"][data-row="1"]').waitFor({ timeout: 5_000 });
    await workbench.screenshot('news-side-by-side');
  });
}
