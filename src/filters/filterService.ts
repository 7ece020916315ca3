import * as vscode from 'vscode';
import { compileQuery, digestTexts, filterLabel, hasRegex, matchArticles, regexJobOf, type Article, type Digest, type DigestTexts, type Highlights, type SavedFilter } from '../core';
import type { FilterStore } from './filterStore';
import { runRegexesBounded, type Cancellation, type RegexOutcome } from './regexRunner';

/** What a saved filter gives on one digest. */
export type FilterResult =
  | { status: 'pending' }
  | { status: 'done'; matches: Map<number, Highlights> }
  /** `slow`: a regular expression ran past its deadline (the tree says "too slow"). */
  | { status: 'failed'; message: string; slow?: boolean };

export interface FilterResults {
  filter: SavedFilter;
  label: string;
  result: FilterResult;
}

/** The tree's digest and the panel's may differ: both are computed. */
const WANTED_DIGESTS = 2;

/** Matching yields to the extension host after this many articles. */
const SLICE = 200;

/** One object for every pending result: an unchanged state compares equal. */
const PENDING: FilterResult = { status: 'pending' };

/** A regex run's failure in the display language ("too slow"; a worker's own error text stays as it came). */
function outcomeMessage(outcome: Extract<RegexOutcome, { kind: 'too slow' | 'failed' }>): string {
  return outcome.kind === 'too slow'
    ? vscode.l10n.t('The regular expression {0} is too slow: it did not finish within {1} s on this digest (it backtracks too much). Nothing was changed.', outcome.patterns, outcome.seconds)
    : outcome.message;
}

const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** `undefined` when the query is fine on this digest; else the sentence to show, in the display language. */
export type CheckOutcome = { ok: true } | { ok: false; message: string } | { ok: false; cancelled: true; message: string };

/**
 * The saved filters' results on the digests shown: computed in the
 * background (regular expressions in a worker with a deadline, words in
 * slices that yield), one digest at a time, cached per parse.
 */
export class FilterService implements vscode.Disposable {
  private readonly results = new WeakMap<Digest, Map<string, FilterResult>>();
  private readonly texts = new WeakMap<Digest, DigestTexts>();
  private readonly changed = new vscode.EventEmitter<Digest | undefined>();
  /** A digest's results changed (undefined: the list of filters changed). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /**
   * The digests whose results are wanted, newest first: the Articles view's and the panel's
   * (usually the same). A computation for a digest pushed out (an older parse while typing) stops.
   */
  private wanted: Digest[] = [];
  private running: Promise<void> | undefined;

  constructor(
    readonly store: FilterStore,
    /** Where the work shows as progress (the Articles view). */
    private readonly progressViewId?: string,
  ) {
    this.disposables.push(store.onDidChange(() => this.changed.fire(undefined)));
  }

  get filters(): readonly SavedFilter[] {
    return this.store.filters;
  }

  /** Every saved filter with its result on `digest` (pending ones are being computed). */
  resultsFor(digest: Digest): FilterResults[] {
    const cached = this.results.get(digest);
    const list = this.store.filters.map((filter) => ({ filter, label: filterLabel(filter), result: cached?.get(filter.query) ?? PENDING }));
    if (list.some((entry) => entry.result.status === 'pending')) {
      this.compute(digest);
    }
    return list;
  }

  /** Resolves when every saved filter has its result on `digest` (tests, export). */
  async whenDone(digest: Digest): Promise<FilterResults[]> {
    for (;;) {
      const list = this.resultsFor(digest);
      if (list.every((entry) => entry.result.status !== 'pending')) {
        return list;
      }
      await this.running;
      await yieldToHost();
    }
  }

  /** The articles a saved filter matches in `digest`, in digest order (for an export). */
  async articlesOf(digest: Digest, query: string): Promise<Article[]> {
    const entry = (await this.whenDone(digest)).find((result) => result.filter.query === query);
    return entry?.result.status === 'done' ? [...entry.result.matches.keys()].map((position) => digest.articles[position]) : [];
  }

  /** The ranges every matching filter highlights in an article (only what is already computed). */
  highlightsFor(digest: Digest, article: Article): Highlights | undefined {
    const position = digest.articles.indexOf(article);
    let merged: Highlights | undefined;
    for (const entry of this.resultsFor(digest)) {
      const highlights = entry.result.status === 'done' ? entry.result.matches.get(position) : undefined;
      for (const [key, ranges] of Object.entries(highlights ?? {})) {
        merged ??= {};
        // The webview merges overlapping ranges of several filters.
        merged[key] = [...(merged[key] ?? []), ...ranges].sort((a, b) => a[0] - b[0]);
      }
    }
    return merged;
  }

  /** Runs a query on `digest` as saving it would: its message when it is invalid, fails or is too slow. */
  async check(query: string, digest: Digest | undefined, cancellation?: Cancellation): Promise<CheckOutcome> {
    const compiled = compileQuery(query);
    if (!compiled.ok) {
      return compiled;
    }
    if (!digest || !hasRegex(compiled.filter)) {
      return { ok: true };
    }
    const outcome = await runRegexesBounded(regexJobOf(compiled.filter, this.textsOf(digest)), cancellation);
    return outcome.kind === 'done' ? { ok: true } : outcome.kind === 'cancelled' ? { ok: false, cancelled: true, message: vscode.l10n.t('Cancelled.') } : { ok: false, message: outcomeMessage(outcome) };
  }

  private textsOf(digest: Digest): DigestTexts {
    let texts = this.texts.get(digest);
    if (!texts) {
      texts = digestTexts(digest.articles);
      this.texts.set(digest, texts);
    }
    return texts;
  }

  private compute(digest: Digest): void {
    this.wanted = [digest, ...this.wanted.filter((other) => other !== digest)].slice(0, WANTED_DIGESTS);
    if (this.running) {
      return;
    }
    const work = this.computeWanted();
    this.running = work.finally(() => {
      this.running = undefined;
    });
    if (this.progressViewId) {
      // The view's progress bar says work is going on; it ends by itself (regexes at their deadline).
      void vscode.window.withProgress({ location: { viewId: this.progressViewId } }, () => work);
    }
  }

  /** The next saved filter without a result on a wanted digest, newest digest first. */
  private nextWork(): { digest: Digest; filter: SavedFilter } | undefined {
    for (const digest of this.wanted) {
      const filter = this.store.filters.find((f) => !this.results.get(digest)?.has(f.query));
      if (filter) {
        return { digest, filter };
      }
    }
    return undefined;
  }

  /** One computation at a time, always for the digest wanted last. */
  private async computeWanted(): Promise<void> {
    for (;;) {
      const next = this.nextWork();
      if (!next) {
        return;
      }
      const { digest, filter } = next;
      const result = await this.run(digest, filter.query);
      if (result) {
        let cache = this.results.get(digest);
        if (!cache) {
          cache = new Map();
          this.results.set(digest, cache);
        }
        cache.set(filter.query, result);
        this.changed.fire(digest);
      }
    }
  }

  /** One filter on one digest; undefined when another digest became wanted meanwhile. */
  private async run(digest: Digest, query: string): Promise<FilterResult | undefined> {
    const compiled = compileQuery(query);
    if (!compiled.ok) {
      return { status: 'failed', message: compiled.message };
    }
    const texts = this.textsOf(digest);
    let regex: RegexOutcome | undefined;
    if (hasRegex(compiled.filter)) {
      regex = await runRegexesBounded(regexJobOf(compiled.filter, texts));
      if (regex.kind === 'too slow') {
        return { status: 'failed', message: outcomeMessage(regex), slow: true };
      }
      if (regex.kind === 'failed') {
        return { status: 'failed', message: regex.message };
      }
    }
    const matches = new Map<number, Highlights>();
    for (let from = 0; from < texts.fields.length; from += SLICE) {
      if (!this.wanted.includes(digest)) {
        return undefined;
      }
      for (const [position, highlights] of matchArticles(compiled.filter, texts, regex?.kind === 'done' ? regex.result : undefined, from, from + SLICE)) {
        matches.set(position, highlights);
      }
      await yieldToHost();
    }
    return { status: 'done', matches };
  }

  dispose(): void {
    this.wanted = [];
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
