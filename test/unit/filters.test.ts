import * as assert from 'node:assert/strict';
import { compileQuery, decodeFilters, digestTexts, encodeFilters, foldText, matchArticles, parseDigest, regexJobOf, runRegexJob, type CompiledFilter, type Digest } from '../../src/core';
import { readFixture } from '../support/fixtures';

function compiled(query: string): CompiledFilter {
  const result = compileQuery(query);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.filter;
}

/** What a user sees: which article numbers the filter lists, and the highlighted words of one field. */
function run(digest: Digest, query: string): { indexes: number[]; marked: (index: number, field: string) => string[] } {
  const filter = compiled(query);
  const texts = digestTexts(digest.articles);
  const matches = matchArticles(filter, texts, runRegexJob(regexJobOf(filter, texts)));
  return {
    indexes: [...matches.keys()].map((position) => digest.articles[position].index),
    marked: (index, key) => {
      const position = digest.articles.findIndex((a) => a.index === index);
      const text = texts.fields[position].find((f) => f.key === key)?.text ?? '';
      return (matches.get(position)?.[key] ?? []).map(([start, end]) => text.slice(start, end));
    },
  };
}

describe('saved filters', () => {
  const digest = parseDigest(readFixture());

  it('parses words, phrases, exclusions and regular expressions', () => {
    assert.deepEqual(compiled('federated -survey "edge computing" /LLMs?/i -/^A/').terms.map((t) => [t.kind, t.kind === 'text' ? t.folded : t.source, t.exclude]), [
      ['text', 'federated', false], ['text', 'survey', true], ['text', 'edge computing', false], ['regex', 'LLMs?', false], ['regex', '^A', true],
    ]);
    assert.deepEqual(compiled('/a b/ x').terms.map((t) => (t.kind === 'regex' ? t.source : t.text)), ['a b', 'x'], 'a regex may hold spaces');
    assert.deepEqual(compiled('/a\\/b/ /[/]/').terms.map((t) => (t.kind === 'regex' ? t.source : t.text)), ['a\\/b', '[/]'], 'escaped and bracketed slashes');
  });

  it('says which regular expression is invalid and why', () => {
    const result = compileQuery('federated /(a/');
    assert.ok(!result.ok);
    assert.match(result.message, /^Invalid regular expression \/\(a\/: Unterminated group\.$/);
    const open = compileQuery('/abc');
    assert.ok(!open.ok);
    assert.match(open.message, /no closing slash/);
    assert.ok(!compileQuery('   ').ok, 'an empty query');
  });

  it('matches all words, case-insensitive, in any field; exclusions remove', () => {
    const federated = run(digest, 'federated');
    const both = run(digest, 'Federated learning');
    const withoutSurvey = run(digest, 'federated -survey');
    assert.ok(federated.indexes.length > 5);
    assert.ok(both.indexes.length < federated.indexes.length && both.indexes.every((i) => federated.indexes.includes(i)));
    assert.ok(withoutSurvey.indexes.length < federated.indexes.length);
    for (const index of withoutSurvey.indexes) {
      const article = digest.articles.find((a) => a.index === index);
      assert.doesNotMatch(JSON.stringify(article?.abstracts), /survey/i);
    }
    assert.deepEqual(run(digest, '2505.20314').indexes, [21], 'by arXiv id');
  });

  it('folds umlauts and ß, and finds Chinese by substring; highlights the original text', () => {
    const umlaut = run(digest, 'Ubersetzung grossen');
    const ueber = run(digest, 'uber');
    assert.ok(ueber.indexes.length > 0);
    const index = ueber.indexes.find((i) => ueber.marked(i, 'title.de').some((m) => m === 'Über'));
    assert.ok(index !== undefined, 'Über in a German title, marked as written');
    assert.deepEqual(umlaut.indexes, [], 'both words are needed');
    const gross = run(digest, 'grossen');
    assert.ok(gross.indexes.some((i) => gross.marked(i, 'title.de').includes('großen') || gross.marked(i, 'abstract.de').includes('großen')));
    const chinese = run(digest, '联邦学习');
    assert.ok(chinese.indexes.length > 0);
    assert.deepEqual(chinese.marked(chinese.indexes[0], 'title.zh').slice(0, 1), ['联邦学习']);
  });

  it('keeps folded positions on the original characters', () => {
    const folded = foldText('Straße Ünd');
    assert.equal(folded.text, 'strasse und');
    const at = folded.text.indexOf('und');
    assert.equal('Straße Ünd'.slice(folded.from[at], folded.to[at + 2]), 'Ünd');
  });

  it('matches regular expressions over the raw text, with their flags', () => {
    const result = run(digest, '/\\bLLMs?\\b/');
    assert.ok(result.indexes.length > 0);
    const index = result.indexes[0];
    const marks = [...result.marked(index, 'title.en'), ...result.marked(index, 'abstract.en')];
    assert.ok(marks.every((m) => /^LLMs?$/.test(m)), marks.join());
    assert.ok(run(digest, '/federated/i').indexes.length >= run(digest, '/federated/').indexes.length);
  });

  it('stores filters with a version; damaged entries are dropped and said, the rest kept', () => {
    const stored = encodeFilters([{ name: 'FL', query: 'federated -survey' }, { query: '/LLMs?/' }]);
    assert.deepEqual(decodeFilters(JSON.parse(JSON.stringify(stored))), { filters: [{ name: 'FL', query: 'federated -survey' }, { query: '/LLMs?/' }], problems: [] });
    const damaged = { ...stored, filters: [stored.filters[0], 42, { query: '/(a/' }, { query: 'x', name: 7 }, stored.filters[0], stored.filters[1]] };
    const loaded = decodeFilters(damaged);
    assert.deepEqual(loaded.filters, [{ name: 'FL', query: 'federated -survey' }, { query: '/LLMs?/' }]);
    assert.equal(loaded.problems.length, 4);
    assert.match(loaded.problems[1], /^Filter 3 was dropped: Invalid regular expression/);
    assert.deepEqual(decodeFilters(undefined), { filters: [], problems: [] });
    assert.equal(decodeFilters('garbage').problems.length, 1);
    assert.equal(decodeFilters({ ...stored, version: 9 }).filters.length, 0);
  });
});
