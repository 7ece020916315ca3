/**
 * What the index keeps of each article to list and open a hit, by document
 * id: numbers in typed arrays, repeated strings (files, days, dates) once in
 * a table, titles and arXiv ids joined in long strings (textColumn.ts).
 * Removed documents are tombstoned, not moved, until `compacted` renumbers
 * the live ones (their titles stay until then).
 */
import { I32List } from './growable';
import { TextColumn } from './textColumn';
import type { IndexedArticle, SearchLanguage } from './types';

export const LANGUAGES: readonly SearchLanguage[] = ['en', 'de', 'zh'];

/** Strings kept once each, by number. */
class StringTable {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

export class DocumentTable {
  private readonly files = new StringTable();
  private readonly days = new StringTable();
  private readonly dates = new StringTable();
  /** Per date id: days since 1970 for ranking (0 for a date that does not parse). */
  private readonly dateDays: number[] = [];
  private readonly file = new I32List();
  private readonly position = new I32List();
  private readonly index = new I32List();
  private readonly line = new I32List();
  private readonly day = new I32List();
  private readonly date = new I32List();
  private readonly arxivIds = new TextColumn();
  private readonly titles: Record<SearchLanguage, TextColumn> = { en: new TextColumn(), de: new TextColumn(), zh: new TextColumn() };
  private dead = new Uint8Array(1024);
  private deadCount = 0;

  get count(): number {
    return this.file.length;
  }

  get removedCount(): number {
    return this.deadCount;
  }

  add(article: IndexedArticle): number {
    const id = this.count;
    this.file.push(this.files.idOf(article.file));
    this.position.push(article.position);
    this.index.push(article.index);
    this.line.push(article.line);
    this.day.push(this.days.idOf(article.subject + '\n' + article.digestDate));
    const date = this.dates.idOf(article.date);
    if (date === this.dateDays.length) {
      this.dateDays.push(daysOf(article.date));
    }
    this.date.push(date);
    this.arxivIds.push(article.arxivId);
    for (const language of LANGUAGES) {
      this.titles[language].push(article.titles[language]);
    }
    if (this.dead.length * 8 <= id) {
      const grown = new Uint8Array(this.dead.length * 2);
      grown.set(this.dead);
      this.dead = grown;
    }
    return id;
  }

  remove(id: number): void {
    if (!this.isRemoved(id)) {
      this.dead[id >> 3] |= 1 << (id & 7);
      this.deadCount++; // its titles stay until `compacted`: nothing shows a removed document
    }
  }

  isRemoved(id: number): boolean {
    return (this.dead[id >> 3] & (1 << (id & 7))) !== 0;
  }

  /** Days since 1970 of the article's date, for ranking. */
  daysOf(id: number): number {
    return this.dateDays[this.date.data[id]];
  }

  fileOf(id: number): string {
    return this.files.values[this.file.data[id]];
  }

  article(id: number): IndexedArticle {
    const [subject, digestDate] = this.days.values[this.day.data[id]].split('\n');
    const titles: Partial<Record<SearchLanguage, string>> = {};
    for (const language of LANGUAGES) {
      const title = this.titles[language].get(id);
      if (title !== undefined) {
        titles[language] = title;
      }
    }
    return {
      file: this.fileOf(id), position: this.position.data[id], index: this.index.data[id], line: this.line.data[id],
      arxivId: this.arxivIds.get(id), date: this.dates.values[this.date.data[id]], subject, digestDate, titles,
    };
  }

  /** A table of the live documents, renumbered in order; `newIds[old]` is the new id or -1. */
  compacted(): { table: DocumentTable; newIds: Int32Array } {
    const table = new DocumentTable();
    const newIds = new Int32Array(this.count).fill(-1);
    for (let id = 0; id < this.count; id++) {
      if (!this.isRemoved(id)) {
        newIds[id] = table.add(this.article(id));
      }
    }
    return { table, newIds };
  }

  /** Every document for a cache, null for a removed one. */
  toArticles(): (IndexedArticle | null)[] {
    return Array.from({ length: this.count }, (_, id) => (this.isRemoved(id) ? null : this.article(id)));
  }
}

/** Days since 1970 of a `YYYY-MM-DD` date; 0 (oldest) for anything else. */
export function daysOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return 0;
  }
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(time) && time > 0 ? Math.floor(time / 86_400_000) : 0;
}
