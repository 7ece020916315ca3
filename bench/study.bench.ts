/**
 * `npm run bench`: the pure parts of showing an article in study mode, for
 * the fixture's longest abstract: splitting and aligning its sentences, and
 * pinyin for its Chinese, word by word. The goal is the whole panel
 * drawn in under 50 ms; the webview's own drawing time is printed by the UI
 * test (study.ui.ts). Baseline in the same run: a bare split of the same texts
 * at sentence punctuation. Prints numbers; asserts nothing about time.
 */
import { pinyin } from 'pinyin-pro';
import { parseDigest } from '../src/core';
import { alignAbstract, digestLengthModels, rubyRuns, sentenceRows } from '../src/core/study';
import { readFixture } from '../test/support/fixtures';
import { medianAgainst, ms, Table } from './measure';

const GOAL_MS = 50;

function main(): void {
  const digest = parseDigest(readFixture());
  const longest = [...digest.articles].sort((a, b) => ((b.abstracts.en ?? '').length + (b.abstracts.zh ?? '').length) - ((a.abstracts.en ?? '').length + (a.abstracts.zh ?? '').length))[0];
  const en = longest.abstracts.en ?? '';
  const zh = longest.abstracts.zh ?? '';
  const bareSplit = (): number => en.split(/[.!?]\s/).length + zh.split(/[。！？]/).length;
  const models = digestLengthModels(digest);
  const toPinyin = (word: string): string[] => pinyin(word, { type: 'array' });
  rubyRuns(zh, toPinyin); // the dictionary's first load is the webview's one-off, measured apart below

  console.log(`Study view, article ${longest.index} (${longest.arxivId}): the longest abstract of the fixture, ${en.length} English and ${zh.length} Chinese characters`);
  const table = new Table();
  table.row('step', 'median', 'bare split', 'ratio', `goal: whole panel < ${GOAL_MS} ms`);
  let rows = 0;
  const align = medianAgainst(() => {
    const aligned = alignAbstract(longest.abstracts, 'en', models);
    rows = aligned ? sentenceRows(aligned).length : 0;
  }, bareSplit);
  table.row(`align (${rows} rows)`, ms(align.run), ms(align.baseline), `${align.ratio.toFixed(1)}×`, '');
  let characters = 0;
  const ruby = medianAgainst(() => {
    characters = rubyRuns(zh, toPinyin).filter((run) => run.reading !== undefined).length;
  }, bareSplit);
  table.row(`pinyin (${characters} characters)`, ms(ruby.run), ms(ruby.baseline), `${ruby.ratio.toFixed(1)}×`, '');
  const both = align.run + ruby.run;
  table.row('align + pinyin', ms(both), '', '', `${(both / GOAL_MS * 100).toFixed(0)}% of the budget: ${both < GOAL_MS ? 'met' : 'NOT met'}`);
  const modelsOnce = medianAgainst(() => digestLengthModels(digest), bareSplit);
  table.row(`length models (once per digest, ${digest.articles.length} articles)`, ms(modelsOnce.run), ms(modelsOnce.baseline), `${modelsOnce.ratio.toFixed(0)}×`, '');
  table.print([0]);
}

main();
