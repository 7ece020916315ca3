/**
 * What the ranking learns from: starred papers (positives), papers marked
 * "not interested" (negatives) and papers read but not starred (weak
 * negatives: a glance that kept nothing). A starred paper whose digest is
 * gone still teaches, from the text its star keeps.
 */
import type { FeatureCorpus, RowVector } from './corpus';
import { vectorOf } from './segment';
import type { ArticleText } from './terms';

export interface Labels {
  starred: readonly string[];
  notInterested: readonly string[];
  /** Read and not starred (nor marked not interested). */
  read: readonly string[];
  /** Text for labelled papers the library may not have (a star's kept titles, abstracts and authors). */
  texts?: ReadonlyMap<string, ArticleText>;
}

export interface Example {
  key: string;
  vector: RowVector;
}

export interface Examples {
  positives: Example[];
  negatives: Example[];
  weak: Example[];
}

/** The labelled papers' features: from the library, else from the kept text, else left out. */
export function examplesOf(corpus: FeatureCorpus, labels: Labels): Examples {
  const find = (key: string): Example | undefined => {
    const paper = corpus.paper(key);
    if (paper) {
      return { key, vector: corpus.representative(paper).vector };
    }
    const text = labels.texts?.get(key);
    return text ? { key, vector: vectorOf(text) } : undefined;
  };
  const starred = new Set(labels.starred);
  const rejected = new Set(labels.notInterested.filter((key) => !starred.has(key)));
  const collect = (keys: Iterable<string>) => [...keys].map(find).filter((e): e is Example => e !== undefined);
  return {
    positives: collect(starred),
    negatives: collect(rejected),
    weak: collect(new Set(labels.read.filter((key) => !starred.has(key) && !rejected.has(key)))),
  };
}
