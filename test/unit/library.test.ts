import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { articleKey, parseDigest } from '../../src/core';
import { decodeLibraryCache, encodeLibraryCache, excludeGlob, globStates, groupBySubject, includeGlobs, listingAny, isExcludedPath, joinGlobs, matchesGlob, looksLikeDigest, readLibraryCache, Slicer, summarizeDigest, writeLibraryCache, type CacheEntry, type DigestSummary } from '../../src/core/library';
import { generateDigest } from '../support/generate';
import { readFixture, readTestDigest } from '../support/fixtures';
import { regexExcludes, regexOfGlob } from '../support/regexGlob';

/** What the full parser says of the same text: the summary must agree with it. */
function parsedFacts(text: string): Pick<DigestSummary, 'subject' | 'date' | 'kind' | 'format' | 'articleCount' | 'keys'> {
  const digest = parseDigest(text);
  return { subject: digest.subject, date: digest.date, kind: digest.kind, format: digest.format, articleCount: digest.articles.length, keys: digest.articles.map((a) => articleKey(digest, a)) };
}

function summaryFacts(summary: DigestSummary | undefined): ReturnType<typeof parsedFacts> | undefined {
  return summary && { subject: summary.subject, date: summary.date, kind: summary.kind, format: summary.format, articleCount: summary.articleCount, keys: summary.keys };
}

describe('library: digest summaries', () => {
  it('summarizes the real cs.DC digest as the parser reads it: 103 articles, their ids without version', () => {
    const text = readFixture();
    const summary = summarizeDigest(text);
    assert.deepEqual(summaryFacts(summary), parsedFacts(text));
    assert.equal(summary?.articleCount, 103);
    assert.equal(summary?.keys[0], '2505.23710');
    assert.deepEqual(summary?.dates, ['2025-06-01']);
  });

  for (const name of ['cs.PL-2025-06-01.md', 'german-news-2025-06-01.md', 'german-abstracts.txt', 'hostile.txt', 'hostile-icons.txt']) {
    it(`agrees with the parser on test/digests/${name}`, () => {
      const text = readTestDigest(name);
      assert.deepEqual(summaryFacts(summarizeDigest(text)), parsedFacts(text));
    });
  }

  it('derives the same article keys as the parser for generated digests, also for articles without an arXiv id (issue 16)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (seed, count, dropped, crlf) => {
      let text = generateDigest(count, { seed, abstractWords: 20 }).text;
      const lines = text.split('\n');
      // Some articles lose their arXiv id (an id-less entry of the pipeline): "Title: … |" without it.
      for (const n of dropped) {
        const titles = lines.flatMap((line, i) => (line.startsWith('Title: ') ? [i] : []));
        const at = titles[n % titles.length];
        lines[at] = lines[at].replace(/ \d{4}\.\d{4,5}v\d+ \|$/, ' |');
      }
      text = lines.join(crlf ? '\r\n' : '\n');
      const summary = summarizeDigest(text);
      assert.deepEqual(summary?.keys, parsedFacts(text).keys);
    }), { numRuns: 150 });
  });

  it('keys an article without an arXiv id of the real digest as the parser does, not as "no key" (issue 16)', () => {
    const text = readFixture().replaceAll(' 2505.20314v2', ''); // in its title line and the table of contents
    const summary = summarizeDigest(text);
    assert.deepEqual(summary?.keys, parsedFacts(text).keys);
    assert.ok(summary?.keys.some((key) => key.startsWith('news:cs.DC|2025-06-01|$Δ$-Nets')), summary?.keys.filter((key) => !/^\d/.test(key)).join(', '));
  });

  it('names the news digest by its subject and kind', () => {
    const summary = summarizeDigest(readTestDigest('german-news-2025-06-01.md'));
    assert.equal(summary?.subject, 'German News');
    assert.equal(summary?.kind, 'news');
    assert.equal(summary?.format, 'markdown');
  });

  it('reads CRLF line ends and a BOM the same', () => {
    const text = readFixture();
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    assert.deepEqual(summaryFacts(summarizeDigest(crlf)), summaryFacts(summarizeDigest(text)));
  });

  it('counts every day of a file of several days, and dates it by the newest', () => {
    const day1 = generateDigest(5, { seed: 1, abstractWords: 10 }).text;
    const day2 = generateDigest(7, { seed: 2, abstractWords: 10 }).text.replace('cs.DC @ 2025-06-01', 'cs.DC @ 2025-06-02');
    const text = `${day1}\n${day2}\n`;
    const summary = summarizeDigest(text);
    assert.equal(summary?.articleCount, 12);
    assert.deepEqual(summary?.dates, ['2025-06-01', '2025-06-02']);
    assert.equal(summary?.date, '2025-06-02');
    assert.equal(summary?.keys.length, 12);
    assert.equal(parseDigest(text).articles.length, 12);
  });

  it('counts every day of a Markdown file of several days', () => {
    const day = readTestDigest('cs.PL-2025-06-01.md');
    const text = `${day.trimEnd()}\n\n${day.replace('2025-06-01', '2025-05-31')}`;
    const summary = summarizeDigest(text);
    assert.deepEqual(summary?.dates, ['2025-06-01', '2025-05-31']);
    assert.equal(summary?.date, '2025-06-01');
    assert.equal(summary?.articleCount, parseDigest(text).articles.length);
  });

  it('is undefined for text that is no digest', () => {
    for (const text of ['', 'hello\nworld', '# Notes\n\nArticle 1\nTitle: x 2505.23710v1 |', '---\ntitle: "My blog"\n---\n', 'cs.DC @ 2025-06-01: x']) {
      assert.equal(summarizeDigest(text), undefined, JSON.stringify(text));
    }
  });

  it('a header alone is a digest of 0 articles', () => {
    assert.equal(summarizeDigest('cs.LG @ 2025-06-01: 000\n-\n')?.articleCount, 0);
  });
});

describe('library: the head check', () => {
  it('recognizes each variant from its first 4 KB', () => {
    assert.equal(looksLikeDigest(readFixture().slice(0, 4096))?.header.subject, 'cs.DC');
    assert.equal(looksLikeDigest(readTestDigest('cs.PL-2025-06-01.md').slice(0, 4096))?.format, 'markdown');
    assert.equal(looksLikeDigest(readTestDigest('german-news-2025-06-01.md').slice(0, 4096))?.header.kind, 'news');
  });

  it('rejects other text, and a header cut off by the end of the head', () => {
    assert.equal(looksLikeDigest('README\n'), undefined);
    assert.equal(looksLikeDigest('---\nlayout: post\n---\n'), undefined);
    assert.equal(looksLikeDigest('cs.DC @ 2025-06-01: 10'), undefined);
    assert.ok(looksLikeDigest('cs.DC @ 2025-06-01: 10\n'));
  });
});

describe('library: grouping', () => {
  const summary = (subject: string, date: string): DigestSummary => ({ kind: 'arxiv', format: 'text', subject, date, dates: [date], articleCount: 1, keys: [] });
  it('groups by subject (by name), newest date first', () => {
    const items = [
      { name: 'a', summary: summary('cs.PL', '2025-05-30') },
      { name: 'b', summary: summary('German News', '2025-06-01') },
      { name: 'c', summary: summary('cs.DC', '2025-05-31') },
      { name: 'd', summary: summary('cs.DC', '2025-06-01') },
      { name: 'e', summary: summary('cs.PL', '2025-06-01') },
    ];
    const groups = groupBySubject(items, (item) => item.summary, (item) => item.name);
    assert.deepEqual(
      groups.map((group) => [group.subject, group.items.map((item) => item.summary.date)]),
      [
        ['cs.DC', ['2025-06-01', '2025-05-31']],
        ['cs.PL', ['2025-06-01', '2025-05-30']],
        ['German News', ['2025-06-01']],
      ],
    );
  });
});

describe('library: the stored index', () => {
  const entry: CacheEntry = { uri: 'file:///w/cs.DC-2025-06-01.txt', size: 10, mtime: 5, summary: summarizeDigest(readFixture()) ?? null };
  const notADigest: CacheEntry = { uri: 'file:///w/README.md', size: 3, mtime: 1, summary: null };

  it('round-trips through its stored text (an entry per line, written and read in slices)', async () => {
    const text = await writeLibraryCache([entry, notADigest], new Slicer(0));
    assert.equal(text.split('\n')[0], '{"format":"digest-reader.library","version":2}');
    assert.equal(text.split('\n').length, 4, 'a header, two entries, the last line end');
    assert.deepEqual(await readLibraryCache(text, new Slicer(0)), { entries: [entry, notADigest], problems: [] });
    assert.deepEqual(decodeLibraryCache(text), { entries: [entry, notADigest], problems: [] });
  });

  it('reads the index 0.5.0 stored (one JSON object, version 1), so an upgrade re-reads nothing', async () => {
    const stored = JSON.stringify({ format: 'digest-reader.library', version: 1, entries: [entry, notADigest] });
    assert.deepEqual(await readLibraryCache(stored, new Slicer(0)), { entries: [entry, notADigest], problems: [] });
  });

  it('reads again a 0.5.0 entry whose keys left out articles without an arXiv id (they read as "all read" then)', async () => {
    assert.ok(entry.summary);
    const stale: CacheEntry = { uri: 'file:///w/no-ids.txt', size: 9, mtime: 2, summary: { ...entry.summary, keys: entry.summary.keys.slice(1) } };
    const stored = JSON.stringify({ format: 'digest-reader.library', version: 1, entries: [entry, stale, notADigest] });
    assert.deepEqual(await readLibraryCache(stored, new Slicer(0)), { entries: [entry, notADigest], problems: [] });
  });

  it('keeps the readable lines of a damaged version 2 text', async () => {
    const text = await writeLibraryCache([entry, notADigest], new Slicer(0));
    const damaged = text.replace('"size":3', '"size":"3"').replace('\n{"uri":"file:///w/cs.DC', '\n{"uri":"file:///w/cs.DC');
    const loaded = await readLibraryCache(`${damaged}{"uri":\n`, new Slicer(0));
    assert.deepEqual(loaded.entries, [entry]);
    assert.deepEqual(loaded.problems, ['2 damaged or repeated entries were left out']);
  });

  it('starts cold, never throws, on anything that is not an index', () => {
    for (const stored of [undefined, null, 42, 'not json{', '[]', { format: 'other' }, { format: 'digest-reader.library', version: 99, entries: [] }, { format: 'digest-reader.library', version: 1, entries: 'x' }]) {
      const loaded = decodeLibraryCache(stored);
      assert.deepEqual(loaded.entries, []);
      assert.ok(loaded.problems.length > 0, JSON.stringify(stored));
    }
  });

  it('keeps every readable entry and leaves damaged ones out', () => {
    const stored = encodeLibraryCache([entry]) as unknown as { entries: unknown[] };
    stored.entries.push(
      { uri: 'file:///w/x.txt', size: -1, mtime: 0, summary: null },
      { uri: 'file:///w/y.txt', size: 1, mtime: 0, summary: { ...entry.summary, keys: ['javascript:alert(1)'] } },
      { uri: 'file:///w/z.txt', size: 1, mtime: 0, summary: { ...entry.summary, articleCount: '3' } },
      'garbage',
      notADigest,
    );
    const loaded = decodeLibraryCache(stored);
    assert.deepEqual(loaded.entries, [entry, notADigest]);
    assert.deepEqual(loaded.problems, ['4 damaged or repeated entries were left out']);
  });
});

describe('library: which files', () => {
  it('looks at *.txt and *.md, plus the globs of the setting', () => {
    assert.deepEqual(includeGlobs(undefined), ['**/*.txt', '**/*.md']);
    assert.deepEqual(includeGlobs(['**/*.digest', 7, ' ', '**/*.txt']), ['**/*.txt', '**/*.md', '**/*.digest']);
    assert.equal(joinGlobs(includeGlobs(['**/*.digest'])), '{**/*.txt,**/*.md,**/*.digest}');
  });

  it('leaves out what files.exclude and search.exclude set to true', () => {
    assert.equal(excludeGlob({ '**/.git': true, '**/old': false }, { '**/node_modules': true, '**/*.js': { when: '$(basename).ts' } }), '{**/.git,**/node_modules}');
    assert.equal(excludeGlob(undefined, null), undefined);
  });
});

describe('library: glob matching (for file search providers that ignore excludes, and watcher events)', () => {
  it('matches the globs files.exclude uses', () => {
    const yes: [string, string][] = [
      ['**/*.txt', 'a.txt'],
      ['**/*.txt', 'x/y/a.txt'],
      ['**/node_modules', 'node_modules'],
      ['**/node_modules', 'a/node_modules'],
      ['{**/*.txt,**/*.md}', 'd/b.md'],
      ['**/.git', '.git'],
      ['*.{md,txt}', 'a.md'],
      ['data/**', 'data/x/y.txt'],
      ['**/[abc].txt', 'q/b.txt'],
      ['**/file?.txt', 'file1.txt'],
    ];
    for (const [glob, path] of yes) {
      assert.ok(matchesGlob(glob, path), `${glob} ~ ${path}`);
    }
    const no: [string, string][] = [
      ['**/*.txt', 'a.txt.bak'],
      ['*.md', 'd/a.md'],
      ['**/node_modules', 'node_modules_x'],
      ['**/[!abc].txt', 'b.txt'],
      ['a.b', 'axb'],
    ];
    for (const [glob, path] of no) {
      assert.ok(!matchesGlob(glob, path), `${glob} !~ ${path}`);
    }
  });

  it('excludes a file when a folder it is in is excluded', () => {
    assert.ok(isExcludedPath(['**/hidden'], 'scratch/hidden/cs.LG.txt'));
    assert.ok(isExcludedPath(['**/.git', 'out'], 'out/a.txt'));
    assert.ok(!isExcludedPath(['**/hidden'], 'scratch/hiddenness/cs.LG.txt'));
    assert.ok(!isExcludedPath([], 'a.txt'));
  });

  it('never throws on a broken glob', () => {
    assert.equal(matchesGlob('{a,b', 'a'), true);
    assert.equal(matchesGlob('[', '['), true);
    assert.equal(matchesGlob('**/(', 'x/('), true);
  });
});

describe('library: glob matching in linear time (globs come from settings a cloned repository sets)', () => {
  const catastrophic = '**/*a*a*a*a*a*a*a*a*a*a*b';

  it('matches the catastrophic glob against 32 `a`s at once, and its work grows linearly with the name', () => {
    const work = (length: number) => {
      const counter = { steps: 0 };
      assert.equal(matchesGlob(catastrophic, `notes/${'a'.repeat(length)}`, counter), false);
      assert.equal(isExcludedPath([catastrophic], `notes/${'a'.repeat(length)}/x.txt`, counter), false);
      return counter.steps;
    };
    const at32 = work(32);
    const at64 = work(64);
    const at128 = work(128);
    // Twice the name, about twice the work (a backtracking matcher does ×3–5 per extra `*a`, and far worse per extra `a`).
    assert.ok(at64 / at32 < 2.2 && at128 / at64 < 2.2, `steps ${at32}, ${at64}, ${at128}`);
    // Each character visits each state at most twice (added, then stepped): the bound of a matcher that cannot backtrack.
    const characters = `notes/${'a'.repeat(32)}`.length + 1 + `notes/${'a'.repeat(32)}/x.txt`.length + 1;
    assert.ok(at32 <= characters * 2 * globStates(catastrophic), `${at32} steps for ${globStates(catastrophic)} states`);
    assert.equal(matchesGlob(catastrophic, `${'a'.repeat(32)}b`), true);
  });

  it('agrees with the regular expressions of 0.5.0 on generated globs and paths (property)', () => {
    // Globs from the pieces the settings use; paths from the same letters, so that they often match.
    const piece = fc.constantFrom('a', 'b', '.', '/', '*', '**', '**/', '?', '{a,b}', '{a/,.b}', '{,a}', '[ab]', '[!a]', '[a-c]', 'x', ',', '}', '{');
    const glob = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
    const path = fc.array(fc.constantFrom('a', 'b', 'c', '.', '/', 'x', ','), { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(glob, path, (g, p) => {
        assert.equal(matchesGlob(g, p), regexOfGlob(g).test(p), `${g} ~ ${p}`);
        assert.equal(isExcludedPath([g, 'c'], p), regexExcludes([g, 'c'], p), `${g} excludes ${p}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('library: digests listing papers', () => {
  const digests = [
    { name: 'a', keys: ['2506.00001', '2506.00002'] },
    { name: 'b', keys: ['2506.00002', '2506.00003'] },
    { name: 'c', keys: ['2506.00004'] },
    { name: 'd', keys: ['2506.00003', '2506.00005'] },
  ];
  const names = (found: { name: string }[]) => found.map((digest) => digest.name);
  it('every digest that lists any of the papers (the rows a marking redraws), in order', () => {
    assert.deepEqual(names(listingAny(digests, (digest) => digest.keys, ['2506.00002', '2506.00003'])), ['a', 'b', 'd']);
    assert.deepEqual(names(listingAny(digests, (digest) => digest.keys, ['2506.09999'])), []);
  });
  it('with cover: the first digest for each paper, and no more once all are found', () => {
    assert.deepEqual(names(listingAny(digests, (digest) => digest.keys, ['2506.00002', '2506.00003'], { cover: true })), ['a', 'b']);
    assert.deepEqual(names(listingAny(digests, (digest) => digest.keys, ['2506.00005', '2506.00001'], { cover: true })), ['a', 'd']);
  });
});
