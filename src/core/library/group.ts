/** The Library's order: subjects by name, each subject's digests newest first. */
import type { DigestSummary } from './summary';

export interface SubjectGroup<T> {
  subject: string;
  items: T[];
}

/** Groups items by their summary's subject; within a subject the newest date first, then by `name`. */
export function groupBySubject<T>(items: readonly T[], summaryOf: (item: T) => DigestSummary, nameOf: (item: T) => string): SubjectGroup<T>[] {
  const bySubject = new Map<string, T[]>();
  for (const item of items) {
    const subject = summaryOf(item).subject;
    let group = bySubject.get(subject);
    if (!group) {
      group = [];
      bySubject.set(subject, group);
    }
    group.push(item);
  }
  const groups = [...bySubject].map(([subject, members]) => ({
    subject,
    items: members.sort((a, b) => compareNewestFirst(summaryOf(a).date, summaryOf(b).date) || compareText(nameOf(a), nameOf(b))),
  }));
  return groups.sort((a, b) => compareText(a.subject, b.subject));
}

function compareNewestFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Case-insensitive, so `cs.DC` and `German News` sort as a reader expects. */
function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}
