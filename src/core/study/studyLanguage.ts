/**
 * Which language study mode teaches. The reader may pick one; until then it
 * is one the digest has in full, titles and abstracts (arXiv digests have
 * German titles only, so German would leave nothing but a title to learn
 * from). What the chosen language lacks is said, not left to be noticed.
 */

/** The languages a whole digest has titles and abstracts in (any of its articles). */
export interface DigestLanguageSets {
  titles: readonly string[];
  abstracts: readonly string[];
}

export interface StudyLanguage {
  /** The language shown in study mode. */
  language: string;
  /** Chosen by the reader (a setting), or picked here (the reader left it to us). */
  chosen: boolean;
  /** What the digest does not have in that language: its abstracts, or its titles. */
  missing: Array<'titles' | 'abstracts'>;
}

/** The language we pick: German where the digest has it in full, else a translation it has in full, else its original. */
export function automaticStudyLanguage(digest: DigestLanguageSets, source: string, available: readonly string[]): string {
  const full = available.filter((language) => digest.titles.includes(language) && digest.abstracts.includes(language));
  if (full.includes('de')) {
    return 'de';
  }
  return full.find((language) => language !== source) ?? (full.includes(source) ? source : available[0] ?? source);
}

/**
 * The study language for an article: the reader's choice (`setting`, empty
 * for none) if the article has that language at all, else the automatic one;
 * and what the digest lacks in it.
 */
export function studyLanguageFor(setting: string, digest: DigestLanguageSets, source: string, available: readonly string[]): StudyLanguage {
  const chosen = setting !== '' && available.includes(setting);
  const language = chosen ? setting : automaticStudyLanguage(digest, source, available);
  const missing: StudyLanguage['missing'] = [];
  if (!digest.titles.includes(language)) {
    missing.push('titles');
  }
  if (!digest.abstracts.includes(language)) {
    missing.push('abstracts');
  }
  return { language, chosen, missing };
}
