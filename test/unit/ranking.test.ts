import * as assert from 'node:assert/strict';
import { parseDigest, type Digest } from '../../src/core';
import {
  atK, buildSegment, decodeSegment, encodeSegment, examplesOf, explain, FeatureCorpus, leadOf, moreLikeThis, nameFeatures, rankingText,
  rankLibrary, rawScore, recentPapers, shownScore, singular, trainModel, vectorOf, type ArticleText, type Labels,
} from '../../src/core/ranking';
import { readFixture } from '../support/fixtures';
import { renderDigest, type GeneratedArticle } from '../support/generate';
import { FEDERATED, LANGUAGE_MODELS, topicKeys } from '../support/rankingTopics';

const FILE = 'file:///library/cs.DC-2025-06-01.txt';

function corpusOf(...files: { uri: string; digest: Digest }[]): FeatureCorpus {
  const corpus = new FeatureCorpus();
  for (const file of files) {
    corpus.setSegment(buildSegment(file.uri, file.digest));
  }
  return corpus;
}

const noLabels: Labels = { starred: [], notInterested: [], read: [] };

describe('ranking: For you, explanations, More like this', function () {
  this.timeout(30_000);
  const digest = parseDigest(readFixture());
  const corpus = corpusOf({ uri: FILE, digest });
  const keyOf = (index: number) => buildSegment(FILE, digest).articles[digest.articles.findIndex((a) => a.index === index)].key;
  const ranked = (labels: Labels) => {
    const model = trainModel(examplesOf(corpus, labels), corpus);
    assert.ok(model, 'a model from the stars');
    const exclude = new Set([...labels.starred, ...labels.notInterested]);
    return { model, keys: rankLibrary(model, corpus, exclude).map((s) => s.item.key) };
  };

  describe('on the sample digest', () => {
    const federated = topicKeys(digest, FEDERATED);
    const models = topicKeys(digest, LANGUAGE_MODELS);

    it('has the topics the quality goals name: 17 of 103 papers mention federated learning, 20 large language models', () => {
      assert.equal(digest.articles.length, 103);
      assert.equal(federated.length, 17);
      assert.equal(models.length, 20);
    });

    it('three starred federated-learning papers bring the others to the top: precision@10 ≥ 0.8 (random: about 0.14)', () => {
      const starred = federated.slice(0, 3);
      const { model, keys } = ranked({ ...noLabels, starred });
      assert.equal(model.kind, 'similar');
      const relevant = new Set(federated.slice(3));
      const { precision, recall } = atK(keys, relevant, 10);
      assert.ok(precision >= 0.8, `precision@10 ${precision}`);
      assert.ok(recall >= 0.5, `recall@10 ${recall}`);
    });

    it('holds for every three federated-learning papers starred together (mean precision@10 ≥ 0.8)', () => {
      const precisions: number[] = [];
      for (let start = 0; start + 3 <= federated.length; start += 3) {
        const starred = federated.slice(start, start + 3);
        precisions.push(atK(ranked({ ...noLabels, starred }).keys, new Set(federated.filter((k) => !starred.includes(k))), 10).precision);
      }
      const mean = precisions.reduce((a, b) => a + b, 0) / precisions.length;
      assert.ok(mean >= 0.8, `precision@10 per triple ${precisions.join(', ')}`);
      assert.ok(Math.min(...precisions) >= 0.7, `precision@10 per triple ${precisions.join(', ')}`);
    });

    it('a second topic, large language models: three stars give precision@10 ≥ 0.5 (random: about 0.17)', () => {
      const starred = models.slice(0, 3);
      const { precision } = atK(ranked({ ...noLabels, starred }).keys, new Set(models.slice(3)), 10);
      assert.ok(precision >= 0.5, `precision@10 ${precision}`);
    });

    it('explanations are true: removing the listed top words from an article lowers its score', () => {
      const starred = federated.slice(0, 3);
      const { model, keys } = ranked({ ...noLabels, starred });
      let checked = 0;
      for (const key of keys.slice(0, 15)) {
        const article = digest.articles.find((a) => buildSegment(FILE, { ...digest, articles: [a] }).articles[0].key === key)!;
        const text = rankingText(article);
        const why = explain(model, text, 10);
        const listed = why.up.slice(0, 5).map((r) => r.term);
        assert.ok(listed.length > 0, `a reason for ${key}`);
        const before = rawScore(model, vectorOf(text));
        const after = rawScore(model, vectorOf(withoutTerms(text, listed)));
        assert.ok(after < before, `${key}: ${before} → ${after} without ${listed.join(', ')}`);
        // and the listed words matter more than the next ones the model saw
        const next = why.up.slice(5, 10).map((r) => r.term);
        if (next.length === 5) {
          const afterNext = rawScore(model, vectorOf(withoutTerms(text, next)));
          assert.ok(before - after > before - afterNext, `${key}: the listed words lower it by ${before - after}, the next ones by ${before - afterNext}`);
        }
        checked++;
      }
      assert.equal(checked, 15);
    });

    it('shows a score as the share of the library\'s papers below it: the first unstarred paper high, the last at 0%', () => {
      const { model, keys } = ranked({ ...noLabels, starred: federated.slice(0, 3) });
      const shown = (key: string) => shownScore(model, rawScore(model, corpus.representative(corpus.paper(key)!).vector));
      assert.ok(shown(keys[0]) >= 0.95, `first: ${shown(keys[0])}`);
      assert.ok(shown(keys[keys.length - 1]) <= 0.05, `last: ${shown(keys[keys.length - 1])}`);
      assert.ok(shown(keys[0]) >= shown(keys[10]) && shown(keys[10]) >= shown(keys[50]));
    });

    it('says which words made a federated-learning paper rank high', () => {
      const { model } = ranked({ ...noLabels, starred: federated.slice(0, 3) });
      const article = digest.articles.find((a) => a.index === 91)!; // Toward Malicious Clients Detection in Federated Learning
      const why = explain(model, rankingText(article));
      assert.ok(why.up.some((r) => /federated/.test(r.term)), why.up.map((r) => r.term).join(', '));
    });

    it('"not interested" lowers the papers like the one marked', () => {
      const starred = models.slice(0, 3);
      const rejected = federated[0];
      const before = ranked({ ...noLabels, starred }).model;
      const after = ranked({ ...noLabels, starred, notInterested: [rejected] }).model;
      const similar = moreLikeThis(corpus, { key: rejected, vector: corpus.representative(corpus.paper(rejected)!).vector }, 5);
      for (const { paper } of similar) {
        const vector = corpus.representative(paper).vector;
        assert.ok(rawScore(after, vector) < rawScore(before, vector), `${paper.key} lower after "not interested"`);
      }
    });

    it('picks its model by what it has: none without a star, similarity for a few, a classifier from five stars with negatives', () => {
      assert.equal(trainModel(examplesOf(corpus, noLabels), corpus), undefined);
      assert.equal(trainModel(examplesOf(corpus, { ...noLabels, starred: federated.slice(0, 4) }), corpus)?.kind, 'similar');
      assert.equal(trainModel(examplesOf(corpus, { ...noLabels, starred: federated.slice(0, 6) }), corpus)?.kind, 'similar', 'no negative yet');
      const learned = trainModel(examplesOf(corpus, { starred: federated.slice(0, 6), notInterested: models.slice(0, 2), read: [keyOf(0), keyOf(2)] }), corpus);
      assert.equal(learned?.kind, 'learned');
      assert.deepEqual([learned?.positives, learned?.negatives, learned?.weak], [6, 2, 2]);
    });

    it('the classifier from six stars and negatives ranks the rest of the topic first (precision@10 ≥ 0.8)', () => {
      const starred = federated.slice(0, 6);
      const { model, keys } = ranked({ starred, notInterested: models.slice(0, 3), read: [] });
      assert.equal(model.kind, 'learned');
      const { precision } = atK(keys, new Set(federated.slice(6)), 10);
      assert.ok(precision >= 0.8, `precision@10 ${precision}`);
    });

    it('More like this: a federated-learning paper finds federated-learning papers, with the words they share', () => {
      const query = federated[1];
      const similar = moreLikeThis(corpus, { key: query, vector: corpus.representative(corpus.paper(query)!).vector }, 10);
      assert.equal(similar.length, 10);
      assert.ok(!similar.some((s) => s.paper.key === query), 'not itself');
      const hits = similar.filter((s) => federated.includes(s.paper.key)).length;
      assert.ok(hits >= 7, `${hits} of 10 federated`);
      const queryText = rankingText(digest.articles.find((a) => buildSegment(FILE, { ...digest, articles: [a] }).articles[0].key === query)!);
      const why = nameFeatures(queryText, similar[0].shared);
      assert.ok(why.some((r) => /federated/.test(r.term)), why.map((r) => r.term).join(', '));
    });
  });

  describe('features', () => {
    it('fold plurals to the singular, conservatively', () => {
      assert.deepEqual(['networks', 'policies', 'class', 'analysis', 'bus', 'models', 'corpus', 'papers'].map(singular), ['network', 'policy', 'class', 'analysis', 'bus', 'model', 'corpus', 'paper']);
    });

    it('one row per paper: a paper in two digests is one paper, counted once, kept while either digest is there', () => {
      const a = article(1, 'Federated learning on edge devices', 'We study federated learning.');
      const b = article(2, 'Graph scheduling', 'Scheduling graphs on clusters.');
      const first = parseDigest(renderDigest([a, b], 'cs.DC', '2025-06-01'));
      const second = parseDigest(renderDigest([{ ...a, index: 0 }], 'cs.LG', '2025-06-02'));
      const library = corpusOf({ uri: 'file:///a.txt', digest: first }, { uri: 'file:///b.txt', digest: second });
      assert.equal(library.size, 2);
      const paper = library.paper('2506.00001')!;
      assert.deepEqual(paper.places.map((p) => p.segment.articles[p.row].subject), ['cs.DC', 'cs.LG']);
      const feature = library.representative(paper).vector.ids[0];
      assert.equal(library.df[feature], 1);
      library.removeFile('file:///a.txt');
      assert.equal(library.size, 1);
      assert.deepEqual(library.paper('2506.00001')!.places.map((p) => p.segment.articles[p.row].subject), ['cs.LG']);
      assert.equal(library.df[feature], 1);
      library.removeFile('file:///b.txt');
      assert.equal(library.size, 0);
      assert.equal(library.df[feature], 0);
    });

    it('the inbox: papers of the digests within N days of the newest, one row per paper naming every digest, newest first', () => {
      const a = article(1, 'Federated learning on edge devices', 'We study federated learning. It works.');
      const b = article(2, 'Graph scheduling', 'Scheduling graphs on clusters.');
      const library = corpusOf(
        { uri: 'file:///old.txt', digest: parseDigest(renderDigest([{ ...b, index: 0, arxivId: '2505.00009v1' }], 'cs.DC', '2025-05-20')) },
        { uri: 'file:///dc.txt', digest: parseDigest(renderDigest([a, b], 'cs.DC', '2025-06-01')) },
        { uri: 'file:///lg.txt', digest: parseDigest(renderDigest([{ ...a, index: 0 }], 'cs.LG', '2025-06-02')) },
      );
      const { papers, newest, oldest } = recentPapers(library, 7);
      assert.deepEqual([newest, oldest], ['2025-06-02', '2025-05-27']);
      assert.deepEqual(papers.map((p) => [p.key, p.places.map((place) => `${place.subject} ${place.digestDate}`)]), [
        ['2506.00001', ['cs.LG 2025-06-02', 'cs.DC 2025-06-01']],
        ['2506.00002', ['cs.DC 2025-06-01']],
      ]);
      assert.equal(papers[0].lead, 'We study federated learning.');
      assert.equal(recentPapers(library, 30).papers.length, 3);
    });

    it('an inbox row\'s lead is the abstract\'s first sentence, cut at a word past 240 characters', () => {
      assert.equal(leadOf('We present X. Then we show Y.'), 'We present X.');
      assert.equal(leadOf('Accuracy rises by 3.5 points, e.g. on GLUE. Next.'), 'Accuracy rises by 3.5 points, e.g. on GLUE.');
      const long = leadOf(`${'word '.repeat(100)}end.`);
      assert.ok(long.length <= 241 && long.endsWith('…'), long);
    });

    it('a segment survives encoding, and damaged bytes give an error, never a throw', () => {
      const segment = buildSegment(FILE, digest);
      const bytes = encodeSegment(segment);
      assert.deepEqual(decodeSegment(bytes), segment);
      assert.ok(bytes.length < readFixture().length * 0.5, `${bytes.length} bytes for ${readFixture().length} characters`);
      for (const cut of [0, 3, 10, bytes.length >> 1, bytes.length - 1]) {
        assert.ok('error' in decodeSegment(bytes.slice(0, cut)), `cut at ${cut}`);
      }
      const flipped = bytes.slice();
      flipped[4] = 99;
      assert.match((decodeSegment(flipped) as { error: string }).error, /version 99/);
    });
  });
});

function article(n: number, title: string, abstract: string): GeneratedArticle {
  return { index: n, date: '2025-05-30', weekday: 5, arxivId: `2506.0000${n}v1`, titles: { en: title, de: title, zh: '标题' }, authors: ['Ada Lovelace'], abstracts: { en: abstract } };
}

/** The text with every listed term taken out: words and phrases (any case) from title and abstract, authors from the list. */
function withoutTerms(text: ArticleText, terms: readonly string[]): ArticleText {
  let { title, abstract } = text;
  for (const term of terms) {
    const pattern = new RegExp(`\\b${term.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\W+')}\\b`, 'giu');
    title = title.replace(pattern, ' ');
    abstract = abstract.replace(pattern, ' ');
  }
  return { title, abstract, authors: text.authors.filter((a) => !terms.includes(a)) };
}
