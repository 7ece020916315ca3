/**
 * The learner's words as the panel and the Articles view use them: the
 * statuses kept in the store (known and learning), the shares of new words,
 * and what an article shows of both.
 */
import * as vscode from 'vscode';
import { wordKey, type KnownWords, type WordLanguage, type WordStatus } from '../core/words';
import type { ArticleViewModel, ArticleWords } from '../common/messages';
import { learnedLanguage, type WordShares } from './wordShares';

export interface LearnerWords {
  readonly known: KnownWords;
  readonly shares: WordShares;
  /** A status changed here, in another window or through Settings Sync. */
  readonly onDidChange: vscode.Event<unknown>;
  /** Resolves when every marking so far is stored (tests). */
  flush(): Promise<void>;
}

export interface ArticleTexts {
  titles: Record<string, string | undefined>;
  abstracts: Record<string, string | undefined>;
}

/** The marks on an article's words and its share of new words, for the panel. */
export async function articleLearning(learner: LearnerWords, key: string, article: ArticleTexts, view: Pick<ArticleViewModel, 'titles' | 'abstracts' | 'digestLanguages' | 'sourceLanguage'>): Promise<Pick<ArticleWords, 'statuses' | 'share'>> {
  const labels = view.titles;
  const available = [...new Set([...view.titles, ...view.abstracts].map((text) => text.language))];
  const learned = learnedLanguage(view.digestLanguages, view.sourceLanguage, available);
  const statuses: Record<string, 'learning' | 'known'> = {};
  for (const language of ['zh', 'de'] as const) {
    if (article.titles[language] || article.abstracts[language]) {
      for (const word of await learner.shares.wordsOfArticle(key, article, language)) {
        const status = learner.known.statusOf(word);
        if (status !== 'new') {
          statuses[word] = status;
        }
      }
    }
  }
  const share = await learner.shares.shareOfArticle(key, article, learned);
  const label = share && (labels.find((text) => text.language === share.language)?.label ?? share.language);
  return { statuses, ...(share && label ? { share: { language: share.language, label, percent: share.percent, newWords: share.newWords, words: share.words } } : {}) };
}

/** Marks a word the learner named in the panel. */
export function setWordStatus(learner: LearnerWords, language: WordLanguage, word: string, status: WordStatus): boolean {
  return learner.known.setStatus(wordKey(language, word), status);
}

/** "Mark the rest known" for the article shown: its words still new in `language`; returns how many. */
export async function markRestKnown(learner: LearnerWords, key: string, article: ArticleTexts, language: WordLanguage): Promise<number> {
  return learner.known.markNewKnown(await learner.shares.wordsOfArticle(key, article, language)).length;
}
