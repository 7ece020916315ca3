/**
 * The ranking's features of one digest file: per article its key (one paper
 * across digests), where it is, what a row shows (title, date, subject), and
 * its terms as sorted feature ids with counts. Built from the parsed digest
 * alone (hashed ids: no shared vocabulary), so a digest that arrives adds one
 * segment and a deleted one drops it; stored as bytes beside the search
 * index's segments.
 */
import { articleKey, type Digest } from '../digest';
import { articleTerms, FEATURE_BITS, type ArticleText } from './terms';
import { ByteReader, ByteWriter } from './varint';

/** What a row needs of an article, kept with its features. */
export interface SegmentArticle {
  key: string;
  /** Position in `digest.articles`. */
  position: number;
  /** The N of "Article N". */
  index: number;
  title: string;
  /** The article's date, else its digest's (`YYYY-MM-DD`). */
  date: string;
  subject: string;
  digestDate: string;
  /** The English abstract's first sentence (at most LEAD_LENGTH characters): what an inbox row shows under the title. */
  lead: string;
}

export interface FeatureSegment {
  file: string;
  articles: SegmentArticle[];
  /** Article i's features are ids[offsets[i]] … ids[offsets[i + 1] - 1], ascending. */
  offsets: Uint32Array;
  ids: Uint32Array;
  /** How often each feature occurs (capped at 255). */
  counts: Uint8Array;
}

/** What the ranking reads of an article: English title and abstract, authors. */
export function rankingText(article: Pick<Digest['articles'][number], 'titles' | 'abstracts' | 'authors' | 'sourceLanguage'>): ArticleText {
  return { title: article.titles.en ?? article.titles[article.sourceLanguage] ?? '', abstract: article.abstracts.en ?? article.abstracts[article.sourceLanguage] ?? '', authors: article.authors };
}

/** A copy of a string cut from a digest's text: V8 keeps a cut as a view on the whole text, and a segment must not hold the file alive. */
function own(text: string): string {
  return text.length >= 13 ? (' ' + text).slice(1) : text;
}

export const LEAD_LENGTH = 240;

/** The first sentence of an abstract, cut at a word before LEAD_LENGTH characters (with `…`). */
export function leadOf(abstract: string): string {
  const text = abstract.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+\p{Lu})/u.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= LEAD_LENGTH) {
    return sentence;
  }
  const cut = sentence.lastIndexOf(' ', LEAD_LENGTH - 1);
  return `${sentence.slice(0, cut > LEAD_LENGTH / 2 ? cut : LEAD_LENGTH - 1)}…`;
}

/** Sorted feature ids and counts of one article's text. */
export function vectorOf(text: ArticleText): { ids: Uint32Array; counts: Uint8Array } {
  const terms = [...articleTerms(text).values()].sort((a, b) => a.feature - b.feature);
  const ids = new Uint32Array(terms.length);
  const counts = new Uint8Array(terms.length);
  terms.forEach((term, i) => {
    ids[i] = term.feature;
    counts[i] = Math.min(255, term.count);
  });
  return { ids, counts };
}

/** The features of every article of a parsed digest. */
export function buildSegment(file: string, digest: Digest): FeatureSegment {
  const articles: SegmentArticle[] = [];
  const idParts: Uint32Array[] = [];
  const countParts: Uint8Array[] = [];
  const offsets = new Uint32Array(digest.articles.length + 1);
  let total = 0;
  digest.articles.forEach((article, position) => {
    const section = digest.sections?.find((s) => position >= s.firstArticle && position < s.firstArticle + s.articleCount);
    const subject = section?.subject ?? digest.subject;
    const digestDate = section?.date ?? digest.date;
    const text = rankingText(article);
    articles.push({ key: own(articleKey({ subject, date: digestDate }, article)), position, index: article.index, title: own(text.title), date: own(article.date ?? digestDate), subject: own(subject), digestDate: own(digestDate), lead: own(leadOf(text.abstract)) });
    const vector = vectorOf(text);
    idParts.push(vector.ids);
    countParts.push(vector.counts);
    total += vector.ids.length;
    offsets[position + 1] = total;
  });
  const ids = new Uint32Array(total);
  const counts = new Uint8Array(total);
  idParts.forEach((part, i) => {
    ids.set(part, offsets[i]);
    counts.set(countParts[i], offsets[i]);
  });
  return { file, articles, offsets, ids, counts };
}

const MAGIC = [0x44, 0x52, 0x46, 0x53]; // "DRFS"
export const SEGMENT_VERSION = 1;

/**
 * Bytes: magic, version, feature bits, the file, the article count; then per
 * article its row fields (subject and digest date only when they differ from
 * the previous article's), the number of features, the ids as ascending
 * deltas and the counts, all as varints.
 */
export function encodeSegment(segment: FeatureSegment): Uint8Array {
  const out = new ByteWriter();
  MAGIC.forEach((b) => out.byte(b));
  out.byte(SEGMENT_VERSION);
  out.byte(FEATURE_BITS);
  out.string(segment.file);
  out.varint(segment.articles.length);
  let subject = '';
  let digestDate = '';
  segment.articles.forEach((article, i) => {
    const changed = article.subject !== subject || article.digestDate !== digestDate;
    out.byte(changed ? 1 : 0);
    if (changed) {
      out.string(article.subject);
      out.string(article.digestDate);
      subject = article.subject;
      digestDate = article.digestDate;
    }
    out.string(article.key);
    out.varint(article.position);
    out.varint(article.index);
    out.string(article.title);
    out.string(article.date === digestDate ? '' : article.date);
    out.string(article.lead);
    const start = segment.offsets[i];
    const end = segment.offsets[i + 1];
    out.varint(end - start);
    let previous = 0;
    for (let j = start; j < end; j++) {
      out.varint(segment.ids[j] - previous);
      previous = segment.ids[j];
    }
    for (let j = start; j < end; j++) {
      out.varint(segment.counts[j]);
    }
  });
  return out.result();
}

/** Reads what encodeSegment wrote; a damaged or foreign segment gives an error to report (the digest is then read again). */
export function decodeSegment(bytes: Uint8Array): FeatureSegment | { error: string } {
  try {
    const input = new ByteReader(bytes);
    if (MAGIC.some((b) => input.byte() !== b)) {
      return { error: 'not a features segment' };
    }
    const version = input.byte();
    const bits = input.byte();
    if (version !== SEGMENT_VERSION || bits !== FEATURE_BITS) {
      return { error: `features segment of version ${version} (${bits} bits); this version reads ${SEGMENT_VERSION} (${FEATURE_BITS} bits)` };
    }
    const file = input.string();
    const count = input.varint();
    const articles: SegmentArticle[] = [];
    const offsets = new Uint32Array(count + 1);
    const ids: number[] = [];
    const counts: number[] = [];
    let subject = '';
    let digestDate = '';
    for (let i = 0; i < count; i++) {
      if (input.byte() === 1) {
        subject = input.string();
        digestDate = input.string();
      }
      const key = input.string();
      const position = input.varint();
      const index = input.varint();
      const title = input.string();
      const date = input.string() || digestDate;
      const lead = input.string();
      articles.push({ key, position, index, title, date, subject, digestDate, lead });
      const n = input.varint();
      let id = 0;
      for (let j = 0; j < n; j++) {
        id += input.varint();
        if (id >= 2 ** FEATURE_BITS) {
          return { error: 'feature id out of range' };
        }
        ids.push(id);
      }
      for (let j = 0; j < n; j++) {
        counts.push(Math.min(255, input.varint()));
      }
      offsets[i + 1] = ids.length;
    }
    if (!input.done) {
      return { error: 'bytes after the last article' };
    }
    return { file, articles, offsets, ids: Uint32Array.from(ids), counts: Uint8Array.from(counts) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
