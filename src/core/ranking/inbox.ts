/**
 * The inbox: every paper of the Library's recent digests, one row per paper
 * (a paper in two digests is one row naming both), newest digest first.
 * "Recent" is counted back from the newest digest the Library has, not from
 * today: a folder of last month's digests still has an inbox.
 */
import type { FeatureCorpus } from './corpus';

export interface InboxPlace {
  file: string;
  position: number;
  index: number;
  subject: string;
  digestDate: string;
}

export interface InboxPaper {
  key: string;
  title: string;
  lead: string;
  /** The article's date (its first listing's). */
  date: string;
  /** Every recent digest that lists it, newest first. */
  places: InboxPlace[];
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` minus `days` days. */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** The papers listed by digests dated within `days` days of the newest digest (the newest day counts as one). */
export function recentPapers(corpus: FeatureCorpus, days: number): { papers: InboxPaper[]; newest?: string; oldest?: string } {
  let newest = '';
  for (const file of corpus.files) {
    for (const article of corpus.segment(file)?.articles ?? []) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(article.digestDate) && article.digestDate > newest) {
        newest = article.digestDate;
      }
    }
  }
  if (newest === '') {
    return { papers: [] };
  }
  const oldest = daysBefore(newest, Math.max(1, days) - 1);
  const papers: InboxPaper[] = [];
  for (const paper of corpus.allPapers()) {
    const places = paper.places
      .map(({ segment, row }) => ({ article: segment.articles[row], file: segment.file }))
      .filter(({ article }) => article.digestDate >= oldest && article.digestDate <= newest)
      .sort((a, b) => (a.article.digestDate < b.article.digestDate ? 1 : a.article.digestDate > b.article.digestDate ? -1 : a.article.subject.localeCompare(b.article.subject)));
    if (places.length === 0) {
      continue;
    }
    const first = places[0].article;
    papers.push({
      key: paper.key, title: first.title, lead: first.lead, date: first.date,
      places: places.map(({ article, file }) => ({ file, position: article.position, index: article.index, subject: article.subject, digestDate: article.digestDate })),
    });
  }
  papers.sort((a, b) => (a.places[0].digestDate !== b.places[0].digestDate ? (a.places[0].digestDate < b.places[0].digestDate ? 1 : -1) : a.places[0].subject.localeCompare(b.places[0].subject) || a.places[0].position - b.places[0].position));
  return { papers, newest, oldest };
}
