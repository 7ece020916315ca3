/**
 * The sample digest's two topics the ranking's quality is measured on, each
 * defined by what the English title or abstract says (not by the model):
 * federated learning (17 of 103 papers mention it) and large language models
 * (20 of 103). Keys in digest order.
 */
import { articleKey, type Digest } from '../../src/core';

export const FEDERATED = /federated/i;
export const LANGUAGE_MODELS = /large language models?|\bLLMs?\b/i;

export function topicKeys(digest: Digest, topic: RegExp): string[] {
  return digest.articles.filter((a) => topic.test(`${a.titles.en ?? ''} ${a.abstracts.en ?? ''}`)).map((a) => articleKey(digest, a));
}
