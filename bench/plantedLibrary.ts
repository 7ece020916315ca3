/**
 * A generated year library with planted topics, for the ranking's bench.
 *
 * Real signal, from real text: the sample digest's 103 papers are the seed.
 * A planted topic is a set of the sample's papers that share a theme by
 * what their English text says (federated learning, large language models,
 * GPUs, consensus and blockchains, graphs: the same definitions as the
 * quality tests, so topics overlap where the real papers do). A topic
 * article of the year draws 60% of its title words and abstract sentences
 * from its topic's seed papers and the rest from the background, and often
 * has one of a few recurring authors of the topic (research groups publish
 * again). Every other article draws from the sample's papers of no topic
 * (34 of 103), and 15% of its sentences from any paper, topic papers
 * included, so topic words also turn up outside the topic as they do in a
 * real library. 1% of longer words get a suffix so the vocabulary grows
 * as a real library's does. Deterministic for a seed.
 *
 * 365 days × 2 subjects × 150 articles by default (109,500), `DAYS` to
 * change; each topic is `TOPIC_SHARE` of the articles.
 */
import { parseDigest, type Article, type Digest } from '../src/core';
import { readFixture } from '../test/support/fixtures';
import { random, renderDigest, type GeneratedArticle } from '../test/support/generate';

export const TOPICS: Record<string, RegExp> = {
  federated: /federated/i,
  'language models': /large language models?|\bLLMs?\b/i,
  gpus: /\bGPUs?\b/i,
  consensus: /consensus|byzantine|blockchain/i,
  graphs: /\bgraphs?\b/i,
};
const TOPIC_SHARE = 0.02;
/** Share of a topic article's sentences and title words from its topic's seed papers. */
const ON_TOPIC = 0.6;
/** Share of a non-topic article's sentences and title words drawn from any sample paper, topic papers included. */
const STRAY = 0.15;

export interface PlantedLibrary {
  files: { uri: string; text: string }[];
  /** Paper keys of each topic's articles. */
  topics: Map<string, string[]>;
}

interface Pool {
  sentences: string[];
  titleWords: string[];
  zh: string[];
  authors: string[];
}

function poolOf(articles: readonly Article[]): Pool {
  return {
    sentences: articles.flatMap((a) => (a.abstracts.en ?? '').split(/(?<=\.) /)).filter((s) => s.trim() !== ''),
    titleWords: articles.flatMap((a) => (a.titles.en ?? '').split(' ')).filter((s) => s !== ''),
    zh: articles.flatMap((a) => (a.abstracts.zh ?? '').split(/(?<=[。，])/)).filter((s) => s.trim() !== ''),
    authors: articles.flatMap((a) => a.authors),
  };
}

export function plantedLibrary(days: number, options: { seed?: number; subjects?: string[]; perDay?: number } = {}): PlantedLibrary {
  const next = random(options.seed ?? 11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const sample: Digest = parseDigest(readFixture());
  const topicNames = Object.keys(TOPICS);
  const inTopic = (a: Article) => topicNames.some((name) => TOPICS[name].test(`${a.titles.en} ${a.abstracts.en}`));
  const everything = poolOf(sample.articles);
  const background = poolOf(sample.articles.filter((a) => !inTopic(a)));
  const topicPools = topicNames.map((name) => {
    const pool = poolOf(sample.articles.filter((a) => TOPICS[name].test(`${a.titles.en} ${a.abstracts.en}`)));
    // A few recurring authors: names of the seed papers, each topic its own.
    return { ...pool, authors: Array.from({ length: 6 }, (_, i) => `${pick(pool.authors).split(' ')[0]} ${name.replace(/\W/g, '')}${i}`) };
  });
  const mutate = (sentence: string) => sentence.replace(/[a-z]{5,}/g, (word) => (next() < 0.01 ? word + Math.floor(next() * 1000).toString(36) : word));
  const topics = new Map<string, string[]>(topicNames.map((name) => [name, []]));
  const files: PlantedLibrary['files'] = [];
  const subjects = options.subjects ?? ['cs.DC', 'cs.LG'];
  const perDay = options.perDay ?? 150;
  let serial = 0;
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2025, 5, 1) - day * 86_400_000).toISOString().slice(0, 10);
    for (const subject of subjects) {
      const articles: GeneratedArticle[] = [];
      for (let index = 0; index < perDay; index++) {
        const roll = next();
        const topic = roll < TOPIC_SHARE * topicNames.length ? Math.floor(roll / TOPIC_SHARE) : -1;
        const own = topic >= 0 ? topicPools[topic] : background;
        // A topic article: mostly its topic's words, the rest background; any other: background, with some words of any paper (topic words outside their topic).
        const from = (list: (p: Pool) => string[]) => (topic >= 0 ? list(next() < ON_TOPIC ? own : background) : list(next() < STRAY ? everything : background));
        serial++;
        const arxivId = `${24 + Math.floor(serial / 1_000_000)}${String(1 + (serial % 12)).padStart(2, '0')}.${String(serial % 100_000).padStart(5, '0')}v1`;
        const authors = Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(everything.authors));
        if (topic >= 0 && next() < 0.4) {
          authors[0] = pick(own.authors);
        }
        articles.push({
          index, date, weekday: ((new Date(date).getUTCDay() + 6) % 7) + 1, arxivId,
          titles: { en: Array.from({ length: 6 + Math.floor(next() * 6) }, () => pick(from((p) => p.titleWords))).join(' '), de: 'nan', zh: pick(from((p) => p.zh)).slice(0, 20) },
          authors,
          abstracts: { en: Array.from({ length: 7 }, () => mutate(pick(from((p) => p.sentences)))).join(' '), zh: Array.from({ length: 10 }, () => pick(from((p) => p.zh))).join('') },
        });
        if (topic >= 0) {
          topics.get(topicNames[topic])!.push(arxivId.replace(/v\d+$/, ''));
        }
      }
      files.push({ uri: `file:///library/${subject}/${subject}-${date}.txt`, text: renderDigest(articles, subject, date) });
    }
  }
  return { files, topics };
}
