/**
 * The ranking worker's state and answers: every digest's features (a
 * FeatureCorpus), the model trained from the user's marks, scores of a
 * digest's articles, More like this. Plain core code: runs in a Node worker
 * thread or a web worker alike.
 */
import { parseDigest } from '../../core';
import {
  buildSegment, decodeSegment, encodeSegment, examplesOf, FeatureCorpus, moreLikeThis, rawScore, recentPapers, rowVector, shownScore, trainModel, vectorOf, type FeatureSegment, type RankingModel,
} from '../../core/ranking';
import { explainFeatures } from './explainFeatures';
import type { ModelSummary, RankingRequest, RankingResponse, ScoredRow } from './protocol';

const corpus = new FeatureCorpus();
let model: RankingModel | undefined;
let summary: ModelSummary = { kind: 'none', positives: 0, negatives: 0, weak: 0, papers: 0 };

function segmentOf(uri: string, text: string): FeatureSegment | undefined {
  const digest = parseDigest(text);
  return digest.subject !== '' && digest.articles.length > 0 ? buildSegment(uri, digest) : undefined;
}

/** The segment of a file the library has, else one made from the text sent along (a digest outside the library). */
function segmentFor(uri: string, text: string | undefined): FeatureSegment | undefined {
  return corpus.segment(uri) ?? (text !== undefined ? segmentOf(uri, text) : undefined);
}

export function handle(request: RankingRequest): RankingResponse {
  try {
    switch (request.type) {
      case 'file': {
        const segment = segmentOf(request.uri, request.text);
        if (segment) {
          corpus.setSegment(segment);
        } else {
          corpus.removeFile(request.uri);
        }
        return { id: request.id, type: 'done', papers: corpus.size, bytes: segment && encodeSegment(segment) };
      }
      case 'segment': {
        const segment = decodeSegment(request.bytes);
        if ('error' in segment || segment.file !== request.uri) {
          return { id: request.id, type: 'error', message: 'error' in segment ? segment.error : 'a segment of another file' };
        }
        corpus.setSegment(segment);
        return { id: request.id, type: 'done', papers: corpus.size };
      }
      case 'remove':
        corpus.removeFile(request.uri);
        return { id: request.id, type: 'done', papers: corpus.size };
      case 'train': {
        const texts = new Map(request.texts.map(([key, title, abstract, authors]) => [key, { title, abstract, authors }]));
        const examples = examplesOf(corpus, { starred: request.starred, notInterested: request.notInterested, read: request.read, texts });
        model = trainModel(examples, corpus);
        summary = model ? { kind: model.kind, positives: model.positives, negatives: model.negatives, weak: model.weak, papers: corpus.size } : { kind: 'none', positives: 0, negatives: 0, weak: 0, papers: corpus.size };
        return { id: request.id, type: 'model', model: summary };
      }
      case 'score': {
        const segment = segmentFor(request.uri, request.text);
        const rows: ScoredRow[] = [];
        if (model && segment) {
          for (let row = 0; row < segment.articles.length; row++) {
            const vector = rowVector(segment, row);
            const raw = rawScore(model, vector);
            rows.push({ position: segment.articles[row].position, raw, shown: shownScore(model, raw), ...explainFeatures(model, vector) });
          }
        }
        return { id: request.id, type: 'scores', model: summary, rows };
      }
      case 'inbox': {
        const { papers, newest, oldest } = recentPapers(corpus, request.days);
        const rows = papers.map((paper) => {
          const vector = model && corpus.paper(paper.key) ? corpus.representative(corpus.paper(paper.key)!).vector : undefined;
          const raw = model && vector ? rawScore(model, vector) : undefined;
          return { ...paper, raw, shown: model && raw !== undefined ? shownScore(model, raw) : undefined };
        });
        return { id: request.id, type: 'inbox', model: summary, rows, newest, oldest };
      }
      case 'explain': {
        const paper = corpus.paper(request.key);
        const vector = paper ? corpus.representative(paper).vector : vectorOf(request.article);
        if (!model) {
          return { id: request.id, type: 'explained', model: summary };
        }
        const raw = rawScore(model, vector);
        return { id: request.id, type: 'explained', model: summary, row: { raw, shown: shownScore(model, raw), ...explainFeatures(model, vector) } };
      }
      case 'similar': {
        const paper = corpus.paper(request.key);
        const vector = paper ? corpus.representative(paper).vector : vectorOf(request.article);
        const similar = moreLikeThis(corpus, { key: request.key, vector }, request.limit);
        return {
          id: request.id,
          type: 'similar',
          rows: similar.map(({ paper, score, shared }) => {
            const { segment: where, row: at } = paper.places[0];
            const article = where.articles[at];
            return {
              key: paper.key, file: where.file, position: article.position, index: article.index, title: article.title, subject: article.subject,
              digestDate: article.digestDate, date: article.date, score,
              listedIn: [...new Set(paper.places.map((p) => `${p.segment.articles[p.row].subject} ${p.segment.articles[p.row].digestDate}`))],
              shared: shared.map((s) => [s.feature, s.weight]),
            };
          }),
        };
      }
    }
  } catch (error) {
    return { id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
