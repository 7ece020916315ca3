/**
 * Each article's share of new words in the language learned, for the
 * Articles view ("easiest first") and the panel ("Chinese: 14% new (37 of
 * 264 words)"). The words of every article of the shown digest are found
 * once, in slices that give the extension host its thread back; a word
 * marked later recounts from those word sets (2,000 articles in a few ms).
 * "Easiest first" sorts by them as one order of the view's sort choice.
 */
import * as vscode from 'vscode';
import { articleKey, type Article, type Digest } from '../core';
import { ArticleWordCache, isWordLanguage, type NewWordShare, type WordLanguage, type WordStatuses } from '../core/words';
import { studyLanguageFor, type DigestLanguageSets } from '../core/study/studyLanguage';
import { digestLanguages } from '../panel/articleView';
import type { DigestDocuments } from '../digests';
import type { WordsService } from './wordsService';

const SLICE_MS = 10;
/** Articles segmented together (see ArticleWordCache.prepare): 16 of the sample's take about 1 ms. */
const PREPARE_GROUP = 16;

export interface WordShare extends NewWordShare {
  language: WordLanguage;
}

/** What the Articles view asks of the shares (src/tree knows nothing more of them). */
export interface RowWordShares {
  shareOf(digest: Digest, article: Article): WordShare | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The language learned, if its words are counted: only in study mode (a
 * researcher who never asked sees no shares), the one study mode teaches
 * from (the reader's choice, or one the digest has in full: Chinese for
 * arXiv digests).
 */
export function learnedLanguage(digest: DigestLanguageSets, source: string, available: readonly string[]): WordLanguage | undefined {
  const panel = vscode.workspace.getConfiguration('digestReader.panel');
  if (!panel.get<boolean>('studyMode', false)) {
    return undefined;
  }
  const { language } = studyLanguageFor(panel.get<string>('studyLanguage', ''), digest, source, available);
  return isWordLanguage(language) ? language : undefined;
}

/** The language learned from a digest's articles (see learnedLanguage). */
export function learnedLanguageOfDigest(digest: Digest): WordLanguage | undefined {
  const languages = digestLanguages(digest);
  return learnedLanguage(languages, digest.articles[0]?.sourceLanguage ?? 'en', [...new Set([...languages.titles, ...languages.abstracts])]);
}

export class WordShares implements RowWordShares, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private cache: ArticleWordCache | undefined;
  /** The digest whose articles' words are all found, and for which language. */
  private ready: { digest: Digest; language: WordLanguage } | undefined;
  /** The ready digest's shares by article key, all counted at the first row asked (each word's status read once), until a status changes. */
  private shares: Map<string, NewWordShare> | undefined;
  private run = 0;

  constructor(
    private readonly documents: DigestDocuments,
    private readonly words: WordsService,
    private readonly statuses: WordStatuses,
    onDidChangeStatuses: vscode.Event<unknown>,
  ) {
    this.disposables.push(
      documents.onDidChangeActive(() => void this.prepare()),
      onDidChangeStatuses(() => {
        this.shares = undefined;
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('digestReader.panel.studyLanguage') || event.affectsConfiguration('digestReader.panel.studyMode')) {
          void this.prepare();
        }
      }),
    );
    void this.prepare();
  }

  /** The share of an article of a digest whose words are found (the shown digest's, once prepared). */
  shareOf(digest: Digest, article: Article): WordShare | undefined {
    const ready = this.ready;
    if (!ready || ready.digest !== digest || !this.cache) {
      return undefined;
    }
    if (!this.shares) {
      const items = digest.articles.map((each) => ({ key: articleKey(digest, each), article: each }));
      const shares = this.cache.sharesOf(items, ready.language, this.statuses);
      this.shares = new Map(items.map(({ key }, k) => [key, shares[k]]));
    }
    const share = this.shares.get(articleKey(digest, article));
    return share && { language: ready.language, ...share };
  }

  /** The share of one article (the panel's), finding its words now if need be; undefined until the dictionary is there. */
  async shareOfArticle(key: string, article: Pick<Article, 'titles' | 'abstracts'>, language: WordLanguage | undefined): Promise<WordShare | undefined> {
    const cache = language && (await this.wordCache(language));
    if (!language || !cache) {
      return undefined;
    }
    return { language, ...cache.share(key, article, language, this.statuses) };
  }

  /** The keys of an article's words in the language learned ("mark the rest known" marks these). */
  async wordsOfArticle(key: string, article: Pick<Article, 'titles' | 'abstracts'>, language: WordLanguage): Promise<Set<string>> {
    const cache = await this.wordCache(language);
    return cache ? cache.wordsOf(key, article, language) : new Set();
  }

  /** Word sets per article; Chinese ones need CC-CEDICT (German words are found without a dictionary). */
  private async wordCache(language: WordLanguage): Promise<ArticleWordCache | undefined> {
    if (!this.cache) {
      const dictionary = await this.words.chineseDictionary();
      if (!dictionary && language === 'zh') {
        return undefined;
      }
      this.cache ??= new ArticleWordCache(dictionary);
    }
    return this.cache;
  }

  /** Finds the words of every article of the shown digest, a slice at a time; a newer digest shown stops an older run. */
  private async prepare(): Promise<void> {
    const run = ++this.run;
    const digest = this.documents.active?.digest;
    const language = digest && learnedLanguageOfDigest(digest);
    this.ready = undefined;
    this.shares = undefined;
    if (!digest || !language) {
      this.changed.fire();
      return;
    }
    const cache = await this.wordCache(language);
    if (!cache || run !== this.run) {
      return;
    }
    let started = Date.now();
    for (let at = 0; at < digest.articles.length; at += PREPARE_GROUP) {
      cache.prepare(digest.articles.slice(at, at + PREPARE_GROUP).map((article) => ({ key: articleKey(digest, article), article })), language);
      if (Date.now() - started >= SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (run !== this.run) {
          return;
        }
        started = Date.now();
      }
    }
    this.ready = { digest, language };
    this.shares = undefined;
    this.changed.fire();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
