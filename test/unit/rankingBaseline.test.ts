import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDigest } from '../../src/core';
import { baselineDocument, baselineTerms, BaselineVectorizer } from '../../src/core/ranking/baseline/vectorizer';
import { decision, trainLinearSvc } from '../../src/core/ranking/baseline/linearSvc';
import { projectRoot, readFixture } from '../support/fixtures';
import { FEDERATED, topicKeys } from '../support/rankingTopics';

const REFERENCE = path.join(projectRoot, 'test', 'fixtures', 'ranking');

/**
 * The baseline must be arxiv-sanity-lite's recipe, not our idea of it: on the
 * sample digest with three federated-learning papers tagged, its vocabulary,
 * idf and decision values are held to what scikit-learn computed
 * (test/fixtures/ranking/sklearn-reference.py wrote the JSON).
 */
describe('ranking baseline: arxiv-sanity-lite recipe, as scikit-learn computes it', () => {
  const digest = parseDigest(readFixture());
  const documents = digest.articles.map((a) => baselineDocument({ title: a.titles.en ?? '', abstract: a.abstracts.en ?? '', authors: a.authors }));
  const tagged = new Set(topicKeys(digest, FEDERATED).slice(0, 3));
  const starred = digest.articles.map((a) => tagged.has(a.arxivId!.replace(/v\d+$/, '')));

  before(() => {
    if (process.env.DIGEST_WRITE_SKLEARN_INPUT) {
      fs.writeFileSync(path.join(REFERENCE, 'docs.json'), JSON.stringify({ documents, starred }));
    }
  });

  it('analyzes as the token pattern, stop words and bigrams say', () => {
    assert.deepEqual(baselineTerms('The Naïve x2 model of 3D-GPUs, a_b'), ['naive', 'x2', 'model', 'gpus', 'a_b', 'naive x2', 'x2 model', 'model gpus', 'gpus a_b']);
  });

  it('matches scikit-learn 1.2.1: vocabulary, idf and decision function', () => {
    const reference = JSON.parse(fs.readFileSync(path.join(REFERENCE, 'sklearn-reference.json'), 'utf8')) as { vocabulary: string[]; idf: number[]; decision: number[] };
    const vectorizer = new BaselineVectorizer();
    const rows = vectorizer.fitTransform(documents);
    assert.deepEqual([...vectorizer.vocabulary.keys()], reference.vocabulary);
    vectorizer.idf.forEach((value, i) => assert.ok(Math.abs(value - reference.idf[i]) < 1e-5, `idf of ${reference.vocabulary[i]}`));
    const model = trainLinearSvc(rows, starred, vectorizer.vocabulary.size);
    rows.forEach((row, i) => assert.ok(Math.abs(decision(model, row) - reference.decision[i]) < 1e-4, `decision of article ${i}: ${decision(model, row)} vs ${reference.decision[i]}`));
  });
});
