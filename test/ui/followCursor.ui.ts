/// <reference lib="dom" />
/**
 * The article panel following the cursor (digestReader.followCursor) shows
 * the article the cursor is in without reading it for the user: a stray
 * click in the text marks nothing; an article asked for (its row, the keys)
 * is read.
 */
import * as assert from 'node:assert/strict';
import { parseDigest } from '../../src/core';
import { readFixture } from '../support/fixtures';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';

/** An article's row by its label's start ("23 Pilot-Quantum…"): numbers alone also occur inside other rows. */
function articleRow(index: number): string {
  const article = parseDigest(readFixture()).articles.find((candidate) => candidate.index === index);
  assert.ok(article);
  return `${String(index).padStart(2, '0')} ${(article.titles.en ?? '').slice(0, 24)}`;
}

export function followCursorTopic(j: Journey): void {
  it('a click in the text of an unread article shows it in the panel and leaves it unread; a click on its row reads it', async () => {
    const { workbench } = j;
    const { page } = workbench;
    // Article 23, unread (the journey may have read it before): shown on purpose, then marked unread.
    let frame = await workbench.showArticle(FIXTURE, articleRow(23), 'Article 23 ', 'Wed 2025-05-28');
    const markUnread = frame.locator('.state button', { hasText: /^Mark unread$/ });
    if (await markUnread.count()) {
      await markUnread.click();
    }
    await frame.locator('.state .read-state', { hasText: /^Unread$/ }).waitFor({ timeout: 10_000 });
    frame = await workbench.showArticle21();
    const unread = await workbench.unreadText();
    // A stray click into article 23's authors line, in the editor beside.
    const authors = parseDigest(readFixture()).articles.find((article) => article.index === 23)?.authors ?? [];
    const line = page.locator('.editor-group-container .monaco-editor .view-line', { hasText: `${authors[0]}` }).first();
    await line.click({ position: { x: 40, y: 8 } }); // in its first words: the middle of a long line is far off to the right
    await frame.locator('.place', { hasText: 'Article 23 ' }).waitFor({ timeout: 10_000 });
    // Drawn as it is: the panel marks an article read before it draws it, so "Unread" here means it was not marked.
    await frame.locator('.state .read-state', { hasText: /^Unread$/ }).waitFor({ timeout: 10_000 });
    await workbench.waitForUnread(unread);
    await workbench.screenshot('follow-cursor-unread');
    // Asked for: a click on its row reads it.
    await workbench.treeRow(articleRow(23)).click();
    await frame.locator('.state .read-state', { hasText: /^Read$/ }).waitFor({ timeout: 10_000 });
    await workbench.waitForUnread(`${Number(unread.split('/')[0]) - 1}/103 unread`);
  });
}
