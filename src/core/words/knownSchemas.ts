/**
 * Where the learner's words are kept: two sets of the store (see
 * docs/store.md), one of known words and one of words being learned; a word
 * in neither is new. Synced, merged per word (the latest marking of a word
 * wins), never replaced whole. Keys are `zh:车辆` / `de:fahrzeug`.
 */
import { parseWordKey } from './known';
import type { SetSchema } from '../state/store/schema';

/** Longer than any CC-CEDICT headword or German compound a learner marks. */
const MAX_WORD_KEY = 64;

function isWordKeyToKeep(key: string): boolean {
  return typeof key === 'string' && key.length <= MAX_WORD_KEY && parseWordKey(key) !== undefined && key.trim() === key;
}

/**
 * Known words: a learner's thousands. About 25 stored bytes a word (a word
 * key is no arXiv id, so it is kept whole with its stamp): 16 shards keep
 * one shard near 30 KB at 20,000 words, and one marking rewrites one shard.
 */
export const KNOWN_WORDS_SCHEMA: SetSchema = { kind: 'set', name: 'knownWords', shards: 16, isKey: isWordKeyToKeep };

/** Words being learned: tens or hundreds at a time. */
export const LEARNING_WORDS_SCHEMA: SetSchema = { kind: 'set', name: 'learningWords', shards: 4, isKey: isWordKeyToKeep };
