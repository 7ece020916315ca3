/// <reference lib="dom" />
/**
 * The learner's dictionary in the article panel, as a learner meets it:
 * hovering 车辆 in article 1, the pop-up by keyboard (w, Tab, Escape) and
 * announced, shorter and longer matches, study mode, a German word with its
 * English title and the learner's own word list, and the panel's drawing
 * time for the longest abstract with the words marked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { Journey } from './journey';
import { exportForAnki, resetPanel, setToggle, showReadingOptions } from './study.ui';
import { FIXTURE } from './uiWorkspace';

export const ARTICLE_1 = ['01 Distributed Federated Learning', 'Article 1 ', 'Thu 2025-05-29'] as const;

/** Article 1 of the sample in the panel, its Chinese words wrapped (the dictionary loads on first need). */
export async function showArticle1(j: Journey): Promise<FrameLocator> {
  const frame = await j.workbench.showArticle(FIXTURE, ...ARTICLE_1);
  await frame.locator('.title.lang-zh .word[data-word="车辆"]').waitFor({ timeout: 30_000 });
  return frame;
}

/** Hovers a word of the panel until its pop-up is open. */
export async function hoverWord(frame: FrameLocator, selector: string): Promise<void> {
  await frame.locator(selector).first().hover();
  await frame.locator('.word-popup').waitFor({ timeout: 10_000 });
}

/** Moves the pointer off the word as a hand does: across the panel's own text first, then out of the panel. */
export async function pointerAway(j: Journey, frame: FrameLocator): Promise<void> {
  const box = await frame.locator('.authors').boundingBox();
  if (box) {
    await j.workbench.page.mouse.move(box.x + 5, box.y + box.height / 2, { steps: 8 });
  }
  await j.workbench.page.mouse.move(5, 5, { steps: 4 });
}

export function wordsTopic(j: Journey): void {
  // A hook added here runs after every test of the journey: it tidies after this topic's own tests only (after the
  // inbox's test two webviews are open, and reaching for the panel's there failed every test after it).
  afterEach(async function () {
    if (!this.currentTest?.title.startsWith('words: ')) {
      return;
    }
    const frame = j.workbench.articleFrame();
    await j.workbench.page.keyboard.press('Escape').catch(() => undefined);
    // Preferences are remembered settings: leave them as every test expects (the options may be folded).
    if (await frame.locator('.place').count().catch(() => 0)) {
      await resetPanel(frame);
    }
    // The focus back in the first editor group: a digest opened next from the Explorer must not land in the panel's group.
    await j.workbench.page.keyboard.press('Control+1').catch(() => undefined);
  });

  it('words: hovering 车辆 in article 1 shows chē liàng, "vehicle" and 車輛 from CC-CEDICT', async () => {
    const { workbench } = j;
    const frame = await showArticle1(j);
    // The title is found in words as the dictionary has them.
    assert.deepEqual(await frame.locator('.title.lang-zh .word').evaluateAll((words) => words.map((word) => (word as HTMLElement).dataset.word)),
      ['分布式', '联邦', '学习', '促进', '车辆', '网络安全', '反常', '探测', '效益', '和', '多', '领域', '攻击', '威胁']);
    await hoverWord(frame, '.title.lang-zh .word[data-word="车辆"]');
    const popup = frame.locator('.word-popup');
    assert.equal(await popup.getAttribute('role'), 'dialog');
    assert.equal(await popup.getAttribute('aria-label'), 'Dictionary: 车辆');
    assert.equal(await popup.locator('.headword').innerText(), '车辆');
    assert.equal(await popup.locator('.pinyin').innerText(), 'chē liàng');
    assert.deepEqual(await popup.locator('.senses li').allInnerTexts(), ['vehicle']);
    assert.match(await popup.locator('.traditional').innerText(), /車輛/);
    assert.match(await popup.locator('.source').innerText(), /^CC-CEDICT \d{4}-\d{2}-\d{2}$/);
    await workbench.screenshot('word-popup-hover-车辆');
    // It leaves with the pointer.
    await pointerAway(j, frame);
    await popup.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('words: a click keeps the entry open; , and . step to a shorter and a longer match (分布式 → 分布 → 分布式)', async () => {
    const { workbench } = j;
    const frame = await showArticle1(j);
    await frame.locator('.title.lang-zh .word[data-word="分布式"]').click();
    const popup = frame.locator('.word-popup');
    await popup.waitFor({ timeout: 10_000 });
    assert.equal(await popup.locator('.pinyin').first().innerText(), 'fēn bù shì');
    assert.ok((await popup.locator('.senses li').allInnerTexts()).includes('distributed'));
    await workbench.page.keyboard.press(',');
    await frame.locator('.word-popup .headword', { hasText: /^分布$/ }).waitFor({ timeout: 5_000 });
    assert.equal(await frame.locator('.word-popup .pinyin').first().innerText(), 'fēn bù');
    await workbench.screenshot('word-popup-shorter-分布');
    await frame.getByRole('button', { name: 'Longer ›' }).click();
    await frame.locator('.word-popup .headword', { hasText: /^分布式$/ }).waitFor({ timeout: 5_000 });
    assert.equal(await frame.getByRole('button', { name: 'Longer ›' }).isDisabled(), true, '分布式 is the longest match there');
  });

  it('words: the pop-up by keyboard: w moves a word cursor and opens each entry, announced; Tab enters it, Escape leaves it', async () => {
    const { workbench } = j;
    const { page } = workbench;
    const frame = await showArticle1(j);
    await frame.locator('.authors').click();
    // Reading order: the German title's words, then the Chinese title's.
    await page.keyboard.press('w');
    const popup = frame.locator('.word-popup');
    await popup.waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('.word.cursor').getAttribute('data-word'), 'Verteiltes');
    // A German word: its English title, and where the learner's own dictionary would be.
    assert.match(await popup.locator('.aligned').innerText(), /English title: Distributed Federated Learning for Vehicular Network Security/);
    assert.match(await popup.innerText(), /No German–English dictionary is set/);
    for (let i = 0; i < 40 && (await frame.locator('.word.cursor').getAttribute('data-word')) !== '车辆'; i++) {
      await page.keyboard.press('w');
    }
    assert.equal(await frame.locator('.word.cursor').getAttribute('data-word'), '车辆');
    assert.equal(await popup.locator('.pinyin').innerText(), 'chē liàng');
    assert.equal(await frame.locator('#announcer').innerText(), '车辆, chē liàng: vehicle');
    assert.equal(await frame.locator('.word.cursor').evaluate((word) => word === document.activeElement), true, 'the focus is on the word');
    await workbench.screenshot('word-popup-keyboard');
    await page.keyboard.press('Shift+W');
    assert.equal(await frame.locator('.word.cursor').getAttribute('data-word'), '促进');
    await page.keyboard.press('w');
    await page.keyboard.press('Tab');
    assert.equal(await frame.locator('.word-popup button:focus').innerText(), '×');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(await frame.locator('.word.cursor').evaluate((word) => word === document.activeElement && (word as HTMLElement).dataset.word), '车辆');
  });

  it('words: in study mode the learned language\'s words open, hidden text\'s do not; side by side with pinyin the readings sit inside the words', async () => {
    const { workbench } = j;
    const frame = await showArticle1(j);
    await setToggle(frame, 'Side by side', true);
    await frame.locator('.toolbar select').first().selectOption('zh');
    await setToggle(frame, 'Study mode', true);
    await setToggle(frame, 'Pinyin', true);
    await frame.locator('.title.lang-zh ruby').first().waitFor({ timeout: 15_000 });
    await showReadingOptions(frame, false);
    // The learned language's words are marked (new: dotted), the others not.
    const vehicle = frame.locator('.title.lang-zh .word[data-word="车辆"]');
    assert.match(await vehicle.getAttribute('class') ?? '', /\blearned\b/);
    assert.match(await vehicle.evaluate((word) => getComputedStyle(word).textDecorationStyle), /dotted/);
    assert.equal(await frame.locator('.title.lang-de .word.learned').count(), 0);
    await hoverWord(frame, '.abstract.lang-zh .word[data-word="车辆"]');
    assert.equal(await frame.locator('.word-popup .pinyin').innerText(), 'chē liàng');
    // The entry names the word, never its ruby.
    assert.equal(await frame.locator('.word-popup .headword').innerText(), '车辆');
    await workbench.screenshot('word-popup-study-side-by-side-pinyin');
    await pointerAway(j, frame);
    await frame.locator('.word-popup').waitFor({ state: 'detached', timeout: 5_000 });
    // Blurred German: its words are there but open nothing, and the word cursor skips them.
    await frame.locator('.title.lang-de .word').first().hover({ force: true });
    await workbench.page.waitForTimeout(600);
    assert.equal(await frame.locator('.word-popup').count(), 0);
    await frame.locator('.authors').click();
    await workbench.page.keyboard.press('w');
    assert.equal(await frame.locator('.word.cursor').getAttribute('data-word'), '分布式');
  });

  it('words: word marks can be turned off, and a German word shows the learner\'s own word list entry', async () => {
    const { workbench } = j;
    const settingsFolder = path.join(j.workspace, '.vscode');
    fs.mkdirSync(settingsFolder, { recursive: true });
    fs.writeFileSync(path.join(j.workspace, 'german-english.tsv'), '# a word list of the learner\nSicherheit\tsecurity; safety\nverteilt\tdistributed\n');
    fs.writeFileSync(path.join(settingsFolder, 'settings.json'), JSON.stringify({ 'digestReader.words.germanDictionary': 'german-english.tsv' }));
    try {
      const frame = await showArticle1(j);
      // Outside study mode no word is marked: a reader who never asked sees no dotted lines.
      await frame.locator('.title.lang-zh .word[data-word="车辆"]').waitFor();
      assert.equal(await frame.locator('.word-marks').count(), 0);
      assert.equal(await frame.locator('.word-share').count(), 0);
      await showReadingOptions(frame);
      await setToggle(frame, 'Study mode', true);
      await frame.locator('.toolbar select').first().selectOption('de');
      await frame.locator('.title.lang-de .word.learned').first().waitFor({ timeout: 10_000 });
      await setToggle(frame, 'Word marks', false);
      assert.equal(await frame.locator('.word-marks').count(), 0);
      // The host redraws the panel for the language just chosen: the marks stay off through that redraw.
      const decoration = (): Promise<string> => frame.locator('.title.lang-de .word[data-word="Sicherheit"]').evaluate((word) => getComputedStyle(word).textDecorationLine);
      // A word read while the redraw replaces it has no style yet (''): only a drawn word's style counts.
      let seen = await decoration();
      for (const deadline = Date.now() + 5_000; seen !== 'none' && Date.now() < deadline;) {
        await workbench.page.waitForTimeout(200);
        seen = await decoration();
      }
      assert.equal(seen, 'none', `word marks ${await frame.locator('.word-marks').count()}, study ${await frame.locator('.study').count()}`);
      await setToggle(frame, 'Word marks', true);
      await showReadingOptions(frame, false);
      await frame.locator('.title.lang-de .word[data-word="Sicherheit"]').click();
      await frame.locator('.word-popup .german-entry', { hasText: 'security; safety' }).waitFor({ timeout: 20_000 });
      assert.match(await frame.locator('.word-popup').innerText(), /English title: Distributed Federated Learning/);
      await workbench.screenshot('word-popup-german-own-list');
      // An inflected form finds its base form: Verteiltes → verteilt.
      await frame.locator('.title.lang-de .word[data-word="Verteiltes"]').click();
      await frame.locator('.word-popup .german-entry', { hasText: 'distributed' }).waitFor({ timeout: 10_000 });
    } finally {
      fs.rmSync(settingsFolder, { recursive: true, force: true });
      fs.rmSync(path.join(j.workspace, 'german-english.tsv'), { force: true });
    }
  });

  it('words: in study mode a word marked known in its pop-up lowers the article\'s share in the panel and the Articles view; "mark the rest known" brings it to 0% and first under easiest first', async function () {
    this.timeout(120_000);
    const { workbench } = j;
    const frame = await showArticle1(j);
    await setToggle(frame, 'Study mode', true);
    // The language learned left to the extension (an earlier test chose German): Chinese, which arXiv digests have in full.
    await frame.locator('.toolbar select').first().selectOption('');
    await showReadingOptions(frame, false);
    const share = frame.locator('.word-share', { hasText: /^Chinese:/ });
    const SHARE = /^Chinese: (\d+)% new \((\d+) of (\d+) words\)/;
    await share.waitFor({ timeout: 30_000 });
    const [, percent, newWords, words] = SHARE.exec(await share.innerText())!.map(Number);
    assert.ok(newWords > 0 && words >= newWords, await share.innerText());
    const row = async (): Promise<{ label: string; description: string } | undefined> => (await workbench.treeRows()).find((r) => r.label.startsWith(ARTICLE_1[0]));
    for (const deadline = Date.now() + 15_000; !(await row())?.description.startsWith(`${percent}% new`) && Date.now() < deadline;) {
      await workbench.page.waitForTimeout(250);
    }
    assert.match((await row())?.description ?? '', new RegExp(`^${percent}% new`));
    // Known from the pop-up, by its key (3).
    await frame.locator('.abstract.lang-zh .word[data-word="车辆"]').first().click();
    await frame.locator('.word-popup').waitFor({ timeout: 10_000 });
    await workbench.screenshot('word-popup-status');
    await workbench.page.keyboard.press('3');
    await frame.locator('.word-share', { hasText: `(${newWords - 1} of ${words} words)` }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('.abstract.lang-zh .word[data-word="车辆"]').first().getAttribute('data-status'), 'known');
    await workbench.page.keyboard.press('Escape');
    // Mark the rest known; the Articles view sorted easiest first shows article 1 at 0%, first of its date.
    await frame.locator('.word-share').getByRole('button', { name: 'Mark the rest known' }).click();
    await frame.locator('.word-share', { hasText: `Chinese: 0% new (0 of ${words} words)` }).waitFor({ timeout: 10_000 });
    await workbench.runCommand('Digest: Sort Easiest First (Fewest New Words)');
    // The order is a setting: the view is sorted once VS Code has told the extension of the change and redrawn.
    const firstOfItsDate = (rows: { label: string }[]) => {
      const date = rows.findIndex((r) => r.label.startsWith(ARTICLE_1[2]));
      return date >= 0 && rows[date + 1]?.label.replace(/^\d{1,3}% new · /, '').startsWith(ARTICLE_1[0]);
    };
    for (const deadline = Date.now() + 15_000; !firstOfItsDate(await workbench.treeRows()) && Date.now() < deadline;) {
      await workbench.page.waitForTimeout(250);
    }
    const rows = await workbench.treeRows();
    const dateRow = rows.findIndex((r) => r.label.startsWith(ARTICLE_1[2]));
    assert.ok(dateRow >= 0 && rows[dateRow + 1]?.label.startsWith(`0% new · ${ARTICLE_1[0]}`), rows.map((r) => `${r.label} | ${r.description}`).join('\n'));
    await workbench.screenshot('words-easiest-first');
    await workbench.runCommand('Digest: Sort in Digest Order');
  });

  it('words: a word saved from its pop-up reaches Anki with pinyin, meaning, cloze sentence, its English sentence and source in their columns', async function () {
    this.timeout(120_000);
    const { workbench } = j;
    const { page } = workbench;
    const frame = await showArticle1(j);
    // 车辆 in the abstract's first sentence (the title would give the titles as its context).
    await frame.locator('.abstract.lang-zh .word[data-word="车辆"]').first().click();
    await frame.locator('.word-popup').waitFor({ timeout: 10_000 });
    await frame.locator('.word-popup').getByRole('button', { name: 'Add to study list' }).click();
    await frame.locator('.notice', { hasText: '“车辆” is in your study list.' }).waitFor({ timeout: 10_000 });
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Study List/i }) });
    const header = view.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') {
      await header.click();
    }
    await view.locator('.monaco-list-row', { hasText: '车辆' }).first().waitFor({ timeout: 10_000 });
    const target = path.join(j.workspace, 'words.tsv');
    const lines = (await exportForAnki(j, view, target)).split('\n');
    fs.rmSync(target, { force: true });
    const columns = lines.find((line) => line.startsWith('#columns:'))?.slice('#columns:'.length).split('\t') ?? [];
    assert.deepEqual(columns, ['Id', 'Word', 'Pinyin', 'Meaning', 'Cloze', 'English', 'German', 'Chinese', 'Source', 'Tags']);
    const row = lines.find((line) => line.startsWith('2505.23706#t:车辆\t'));
    assert.ok(row, lines.join('\n'));
    const note = Object.fromEntries(row.split('\t').map((field, k) => [columns[k], field]));
    assert.equal(note.Word, '车辆');
    assert.equal(note.Pinyin, 'chē liàng');
    assert.equal(note.Meaning, 'vehicle');
    assert.match(note.Cloze, /^在连接和自主的\{\{c1::车辆\}\}中/);
    assert.match(note.English, /^In connected and autonomous vehicles, machine learning for safety message classification has become critical/);
    assert.equal(note.Source, 'arXiv:2505.23706v1 · cs.DC 2025-06-01');
    // Nothing of the page (ruby, markup) in any field.
    assert.doesNotMatch(row, /<|chē liàng.*chē liàng|\bruby\b/);
    await workbench.screenshot('word-in-study-list');
  });

  it('words: the longest abstract side by side with pinyin and its words marked: the webview\'s own times', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle(FIXTURE, '68 Beyond Optimal Fault Tolerance', 'Article 68 ', 'Mon 2025-05-26');
    await frame.locator('.abstract.lang-zh .word').first().waitFor({ timeout: 30_000 });
    await setToggle(frame, 'Side by side', true);
    await frame.locator('.toolbar select').first().selectOption('zh');
    await setToggle(frame, 'Pinyin', true);
    await frame.locator('.abstract.lang-zh ruby').first().waitFor({ timeout: 15_000 });
    // A redraw with everything on (the toolbar's last press redrew it): the times of that draw.
    const times = await frame.locator('body').evaluate((body) => ({ render: body.dataset.renderMs, pinyin: body.dataset.pinyinMs, words: body.dataset.words }));
    console.log(`      article 68 side by side, ${times.words} words marked: drawn in ${times.render} ms with the words, pinyin put over it in ${times.pinyin} ms (goal: < 50 ms together)`);
    assert.ok(Number(times.words) > 100, `${times.words} words`);
    await workbench.screenshot('words-longest-abstract');
  });
}
