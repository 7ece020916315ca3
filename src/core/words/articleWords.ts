/**
 * The words of one article in the language learned, from its title and its
 * abstract (math spans left out: `$O(n)$` holds no word to learn), as keys
 * (see known.ts). wordCache.ts keeps them per article.
 */
import { findMath } from '../digest/math';
import type { Translations } from '../digest/model';
import type { WordLookup } from './dictionary';
import { wordKey, type WordLanguage } from './known';
import { chineseWords, latinWords, type Token } from './segment';

export interface ArticleTexts {
  titles: Translations;
  abstracts: Translations;
}

/** `text` with its math spans blanked (same length, so offsets hold). */
export function withoutMath(text: string): string {
  let out = '';
  let at = 0;
  for (const span of findMath(text)) {
    out += text.slice(at, span.start) + ' '.repeat(span.end - span.start);
    at = span.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The words of `text` in `language`: Chinese by the dictionary, German as Latin-script words. */
export function wordsOf(text: string, language: WordLanguage, lookup: WordLookup | undefined): Token[] {
  const plain = withoutMath(text);
  if (language === 'zh') {
    return lookup ? chineseWords(plain, lookup) : [];
  }
  return latinWords(plain);
}

/** Every word key of the article's title and abstract in `language`, in reading order (repeats kept). */
export function articleWordKeys(article: ArticleTexts, language: WordLanguage, lookup: WordLookup | undefined): string[] {
  const keys: string[] = [];
  for (const text of [article.titles[language], article.abstracts[language]]) {
    if (text) {
      for (const token of wordsOf(text, language, lookup)) {
        keys.push(wordKey(language, text.slice(token.start, token.end)));
      }
    }
  }
  return keys;
}
