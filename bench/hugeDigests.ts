/**
 * The huge single digests of issue 17 for the Library and search benches: one
 * day of 20,000 articles in one file (~58 MB), and a file of 120 days of 150
 * articles one after another (~50 MB, what a reader gets by concatenating a
 * subject's digests).
 */
import { generateDigest } from '../test/support/generate';

export const HUGE_ARTICLES = 20_000;
export const CONCATENATED_DAYS = 120;

/** The two huge digests as bytes, as they are on disk. */
export function hugeDigests(): { name: string; bytes: Uint8Array; articles: number }[] {
  const huge = generateDigest(HUGE_ARTICLES, { seed: 7 }).text;
  const days: string[] = [];
  for (let day = 0; day < CONCATENATED_DAYS; day++) {
    const date = new Date(Date.UTC(2025, 5, 1) - day * 86_400_000).toISOString().slice(0, 10);
    days.push(generateDigest(150, { seed: 100 + day }).text.replace(/^cs\.DC @ 2025-06-01: /, `cs.DC @ ${date}: `));
  }
  return [
    { name: `one day of ${HUGE_ARTICLES.toLocaleString('en')} articles`, bytes: new TextEncoder().encode(huge), articles: HUGE_ARTICLES },
    { name: `${CONCATENATED_DAYS} days × 150 articles in one file`, bytes: new TextEncoder().encode(days.join('\n')), articles: CONCATENATED_DAYS * 150 },
  ];
}
