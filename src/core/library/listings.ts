/**
 * Which digests list which papers, from the Library's summaries, so an
 * article can say "also in cs.LG 2025-06-06" on the first morning, for every
 * digest in the workspace, opened or not.
 */
import type { DigestSummary } from './summary';

export class DigestListings {
  /** Key → the labels ("subject date") of the digests that list it. */
  private readonly byKey = new Map<string, string[]>();

  /**
   * From every digest's summary. A file of several days is left out: its
   * keys are not known per day. One subject and date in two files (the text
   * and the Markdown rendering of a day) is one digest.
   */
  constructor(summaries: Iterable<Pick<DigestSummary, 'subject' | 'date' | 'dates' | 'keys'>>) {
    for (const summary of summaries) {
      if (summary.dates.length !== 1 || summary.subject === '' || summary.date === '') {
        continue;
      }
      const label = `${summary.subject} ${summary.date}`;
      for (const key of summary.keys) {
        const labels = this.byKey.get(key);
        if (!labels) {
          this.byKey.set(key, [label]);
        } else if (!labels.includes(label)) {
          labels.push(label);
        }
      }
    }
  }

  /** The newest other digest, not later than `date` (another subject on the same day counts), that lists `key`. */
  alsoIn(key: string, subject: string, date: string): string | undefined {
    const own = `${subject} ${date}`;
    let best: string | undefined;
    for (const label of this.byKey.get(key) ?? []) {
      const labelDate = label.slice(-10);
      if (label !== own && labelDate <= date && (best === undefined || labelDate > best.slice(-10) || (labelDate === best.slice(-10) && label < best))) {
        best = label;
      }
    }
    return best;
  }
}
