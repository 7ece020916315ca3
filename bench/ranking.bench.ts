/**
 * `npm run bench`, ranking part. Asserts nothing; prints each figure next to
 * its goal, ours next to arxiv-sanity-lite's recipe (our faithful rewrite:
 * scikit-learn's TfidfVectorizer settings, LinearSVC C=0.01 balanced, held to
 * scikit-learn's own numbers by test/unit/rankingBaseline.test.ts) on the same stars.
 *
 * 1. Quality on the sample digest: for each of two topics (federated learning,
 *    large language models) every disjoint three of its papers starred in
 *    turn: precision@10 and recall@10 of the rest of the topic, mean over the triples.
 * 2. Leave-one-out on a generated year library with planted topics
 *    (bench/plantedLibrary.ts): per topic, 10 stars from the topic, 3
 *    papers of another topic marked "not interested" and 30 others read; each
 *    star held out in turn, the model trained on the rest and the library
 *    ranked: precision@10 (topic papers among the first ten unlabelled) and
 *    the held-out star's rank. The baseline knows only stars (it has no "not
 *    interested"): its negatives are every other paper, as in arxiv-sanity-lite.
 * 3. Speed at the year library (110,000 papers): building the features,
 *    ranking a day of 2,000, training on the whole library, More like this;
 *    the features' heap and stored bytes against the text.
 * `DAYS=36` runs a tenth; `LOO_TOPICS=2` fewer topics in the leave-one-out.
 */
import { parseDigest } from '../src/core';
import {
  atK, buildSegment, encodeSegment, examplesOf, FeatureCorpus, moreLikeThis, rankBy, rankLibrary, trainModel, type Labels, type Paper,
} from '../src/core/ranking';
import { decision, trainLinearSvc } from '../src/core/ranking/baseline/linearSvc';
import { baselineDocument, BaselineVectorizer, type SparseRow } from '../src/core/ranking/baseline/vectorizer';
import { readFixture } from '../test/support/fixtures';
import { random } from '../test/support/generate';
import { FEDERATED, LANGUAGE_MODELS, topicKeys } from '../test/support/rankingTopics';
import { median, megabytes, ms, requireGc, Table } from './measure';
import { plantedLibrary, TOPICS } from './plantedLibrary';

const DAYS = Number(process.env.DAYS ?? 365);
const LOO_TOPICS = Number(process.env.LOO_TOPICS ?? 3);
const STARS = 10;
const gc = requireGc();

interface Baseline {
  keys: string[];
  rows: SparseRow[];
  columns: number;
}

function baselineOf(documents: { key: string; document: string }[]): Baseline {
  const vectorizer = new BaselineVectorizer();
  const rows = vectorizer.fitTransform(documents.map((d) => d.document));
  return { keys: documents.map((d) => d.key), rows, columns: vectorizer.vocabulary.size };
}

/** The baseline's ranking of every paper but `exclude`, from `starred`. */
function baselineRanking(baseline: Baseline, starred: ReadonlySet<string>, exclude: ReadonlySet<string>): string[] {
  const model = trainLinearSvc(baseline.rows, baseline.keys.map((key) => starred.has(key)), baseline.columns);
  return baseline.keys.map((key, i) => ({ key, score: decision(model, baseline.rows[i]) })).filter((e) => !exclude.has(e.key)).sort((a, b) => b.score - a.score).map((e) => e.key);
}

function oursRanking(corpus: FeatureCorpus, labels: Labels): string[] {
  const model = trainModel(examplesOf(corpus, labels), corpus)!;
  return rankLibrary(model, corpus, new Set([...labels.starred, ...labels.notInterested, ...labels.read])).map((s) => s.item.key);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function sampleQuality(): void {
  const digest = parseDigest(readFixture());
  const corpus = new FeatureCorpus();
  corpus.setSegment(buildSegment('sample', digest));
  const keys = [...corpus.allPapers()].map((p) => corpus.representative(p).article.key);
  const baseline = baselineOf(digest.articles.map((a, i) => ({ key: keys[i], document: baselineDocument({ title: a.titles.en ?? '', abstract: a.abstracts.en ?? '', authors: a.authors }) })));
  console.log('\nRanking quality on the sample digest (103 papers): every disjoint three of a topic starred in turn, the rest of the topic to find');
  const table = new Table();
  table.row('topic', 'papers', 'triples', 'ours P@10', 'ours R@10', 'baseline P@10', 'baseline R@10', 'random P@10', 'goal');
  for (const [name, topic] of [['federated learning', FEDERATED], ['large language models', LANGUAGE_MODELS]] as const) {
    const members = topicKeys(digest, topic);
    const ours: { precision: number; recall: number }[] = [];
    const theirs: { precision: number; recall: number }[] = [];
    for (let start = 0; start + 3 <= members.length; start += 3) {
      const starred = members.slice(start, start + 3);
      const relevant = new Set(members.filter((k) => !starred.includes(k)));
      ours.push(atK(oursRanking(corpus, { starred, notInterested: [], read: [] }), relevant, 10));
      theirs.push(atK(baselineRanking(baseline, new Set(starred), new Set(starred)), relevant, 10));
    }
    const f = (list: typeof ours, field: 'precision' | 'recall') => mean(list.map((e) => e[field])).toFixed(2);
    table.row(name, members.length, ours.length, f(ours, 'precision'), f(ours, 'recall'), f(theirs, 'precision'), f(theirs, 'recall'), ((members.length - 3) / 100).toFixed(2), name === 'federated learning' ? 'P@10 ≥ 0.8, ahead' : 'ahead');
  }
  table.print([0]);
}

function leaveOneOut(corpus: FeatureCorpus, baseline: Baseline, topics: Map<string, string[]>): void {
  const next = random(5);
  const all = [...corpus.allPapers()].map((p) => p.key);
  const names = [...topics.keys()].slice(0, LOO_TOPICS);
  console.log(`\nLeave-one-out on the planted year library (${corpus.size} papers): per topic ${STARS} stars, 3 "not interested" from another topic, 30 read; each star held out in turn`);
  const table = new Table();
  table.row('topic', 'share', 'ours P@10', 'base P@10', 'ours held-out rank (median)', 'base held-out rank (median)', 'ours in top 100', 'base in top 100', 'train ours / base (median)');
  for (const name of names) {
    const members = topics.get(name)!;
    const memberSet = new Set(members);
    const others = [...topics.entries()].find(([other]) => other !== name)![1];
    const stars = Array.from({ length: STARS }, (_, i) => members[Math.floor((i + next()) * members.length / STARS)]);
    const rejected = [0, 1, 2].map(() => others[Math.floor(next() * others.length)]).filter((k) => !memberSet.has(k));
    const read = Array.from({ length: 30 }, () => all[Math.floor(next() * all.length)]).filter((k) => !memberSet.has(k));
    const result = { ours: { p: [] as number[], rank: [] as number[], ms: [] as number[] }, base: { p: [] as number[], rank: [] as number[], ms: [] as number[] } };
    for (const heldOut of stars) {
      const starred = stars.filter((k) => k !== heldOut);
      const labelled = new Set([...starred, ...rejected, ...read]);
      const relevant = new Set(members.filter((k) => !labelled.has(k)));
      let t = performance.now();
      const ours = oursRanking(corpus, { starred, notInterested: rejected, read });
      result.ours.ms.push(performance.now() - t);
      t = performance.now();
      const base = baselineRanking(baseline, new Set(starred), labelled);
      result.base.ms.push(performance.now() - t);
      for (const [ranking, into] of [[ours, result.ours], [base, result.base]] as const) {
        into.p.push(atK(ranking, relevant, 10).precision);
        into.rank.push(ranking.indexOf(heldOut) + 1);
      }
    }
    const top100 = (ranks: number[]) => `${ranks.filter((r) => r <= 100).length}/${ranks.length}`;
    table.row(name, `${(members.length / corpus.size * 100).toFixed(1)}%`, mean(result.ours.p).toFixed(2), mean(result.base.p).toFixed(2), medianOf(result.ours.rank), medianOf(result.base.rank), top100(result.ours.rank), top100(result.base.rank), `${ms(medianOf(result.ours.ms))} / ${ms(medianOf(result.base.ms))} ms`);
  }
  table.print([0]);
}

function main(): void {
  sampleQuality();

  const planted = plantedLibrary(DAYS);
  const textBytes = planted.files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  console.log(`\nRanking at a year: ${planted.files.length} digests, ${megabytes(textBytes).toFixed(0)} MB of text (UTF-8)`);
  gc();
  gc();
  const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = held();
  const corpus = new FeatureCorpus();
  let storedBytes = 0;
  let parseMs = 0;
  let buildMs = 0;
  let slowestFile = 0;
  for (const file of planted.files) {
    const p0 = performance.now();
    const digest = parseDigest(file.text);
    const p1 = performance.now();
    const segment = buildSegment(file.uri, digest);
    corpus.setSegment(segment);
    const p2 = performance.now();
    parseMs += p1 - p0;
    buildMs += p2 - p1;
    slowestFile = Math.max(slowestFile, p2 - p0);
    storedBytes += encodeSegment(segment).length;
  }
  corpus.idf();
  for (const file of corpus.files) {
    corpus.normsOf(corpus.segment(file)!);
  }
  gc();
  gc();
  const featureBytes = held() - before;
  const typedBytes = corpus.files.reduce((sum, file) => {
    const segment = corpus.segment(file)!;
    return sum + segment.offsets.byteLength + segment.ids.byteLength + segment.counts.byteLength + segment.articles.length * 4;
  }, corpus.df.byteLength + corpus.idf().byteLength);
  // The baseline's documents, in a second pass (not counted in the features' heap).
  const documents: { key: string; document: string }[] = [];
  for (const file of planted.files) {
    const digest = parseDigest(file.text);
    const segment = corpus.segment(file.uri)!;
    digest.articles.forEach((a, i) => documents.push({ key: segment.articles[i].key, document: baselineDocument({ title: a.titles.en ?? '', abstract: a.abstracts.en ?? '', authors: a.authors }) }));
  }
  planted.files.length = 0;

  const table = new Table();
  table.row('figure', 'measured', 'goal');
  table.row('papers', String(corpus.size), '');
  table.row('features built (in the worker, once per digest)', `${(buildMs / 1000).toFixed(1)} s (+ parse ${(parseMs / 1000).toFixed(1)} s)`, '');
  table.row('  slowest digest: parse + features', `${ms(slowestFile)} ms`, '(worker)');
  table.row('features held (heap + typed arrays, after GC)', `${megabytes(featureBytes).toFixed(0)} MB = ${(featureBytes / textBytes).toFixed(2)}× the text`, '(in the worker)');
  table.row('  of which typed arrays (ids, counts, offsets, norms, df, idf)', `${megabytes(typedBytes).toFixed(0)} MB`, '');
  table.row('features stored (segments)', `${megabytes(storedBytes).toFixed(0)} MB = ${(storedBytes / textBytes).toFixed(2)}× the text`, '');

  // Speed with a model from stars and negatives (the classifier: the slower one).
  const topic = planted.topics.get('federated')!;
  const labels: Labels = { starred: topic.slice(0, 10), notInterested: planted.topics.get('gpus')!.slice(0, 3), read: [...corpus.allPapers()].slice(0, 30).map((p) => p.key) };
  const examples = examplesOf(corpus, labels);
  let model = trainModel(examples, corpus)!;
  const trainMs = median(() => (model = trainModel(examples, corpus)!), 4000, 3);
  table.row(`train on the whole library (${model.kind}, ${model.positives}+/${model.negatives}−/${model.weak} weak)`, `${ms(trainMs)} ms`, '< 2,000 ms');
  const similarModel = trainModel(examplesOf(corpus, { starred: topic.slice(0, 3), notInterested: [], read: [] }), corpus)!;
  table.row('  similarity model from 3 stars', `${ms(median(() => trainModel(examplesOf(corpus, { starred: topic.slice(0, 3), notInterested: [], read: [] }), corpus)))} ms`, '');
  const day = [...corpus.allPapers()].slice(0, 2000);
  const vectorOf = (paper: Paper) => corpus.representative(paper).vector;
  table.row('rank a day of 2,000 (learned model)', `${ms(median(() => rankBy(model, day, vectorOf)))} ms`, '< 50 ms');
  table.row('rank a day of 2,000 (similarity model)', `${ms(median(() => rankBy(similarModel, day, vectorOf)))} ms`, '< 50 ms');
  const queries = [...corpus.allPapers()].filter((_, i) => i % 9973 === 0).slice(0, 10);
  const mlt = queries.map((paper) => median(() => moreLikeThis(corpus, { key: paper.key, vector: vectorOf(paper) }, 20), 600, 3));
  table.row(`More like this over ${corpus.size} (median of ${queries.length} papers / slowest)`, `${ms(medianOf(mlt))} / ${ms(Math.max(...mlt))} ms`, '< 100 ms');
  const fed = corpus.paper(topic[0])!;
  const similar = moreLikeThis(corpus, { key: fed.key, vector: vectorOf(fed) }, 10);
  table.row('  More like this on a planted-topic paper: topic papers in its first 10', `${similar.filter((s) => topic.includes(s.paper.key)).length}/10`, '');
  table.print([0]);

  const b0 = performance.now();
  const baseline = baselineOf(documents);
  console.log(`\n(baseline vectorizer fitted on the year library in ${((performance.now() - b0) / 1000).toFixed(1)} s: ${baseline.columns} features)`);
  documents.length = 0;
  leaveOneOut(corpus, baseline, planted.topics);
  console.log(`\nTopics planted: ${Object.keys(TOPICS).join(', ')}; a topic article draws ~60% of its words from its topic's seed papers of the sample.`);
}

main();
