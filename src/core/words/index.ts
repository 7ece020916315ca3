/** The learner's words: CC-CEDICT, segmentation, known words and the share of new words per article. */
export { COMPACT_MAGIC, cedictHeader, compactCedict, parseCedictLine, type CedictEntry } from './cedict';
export { ChineseDictionary, DictionaryFormatError, type DictionaryEntry, type WordLookup } from './dictionary';
export { chineseWords, forEachChineseWord, FoundWords, latinWords, segmentChinese, type Token, type WordSink } from './segment';
export { pinyinWithMarks, readableSense, syllableWithMark } from './toneMarks';
export { isWordLanguage, isWordStatus, KnownWords, newWordShare, parseWordKey, statusesOf, wordKey, WORD_STATUSES, type FlagSet, type NewWordShare, type WordLanguage, type WordStatus, type WordStatuses } from './known';
export { articleWordKeys, withoutMath, wordsOf, type ArticleTexts } from './articleWords';
export { ArticleWordCache } from './wordCache';
export { chineseSlice, sliceLookup, type ChineseSlice, type WordEntryView } from './slice';
export { dictdNumber, dictzipLayout, finish, germanCandidates, GermanDictionary, type DictzipLayout, type GermanEntry, type InflateRaw } from './german';
export { KNOWN_WORDS_SCHEMA, LEARNING_WORDS_SCHEMA } from './knownSchemas';
export { easier, easiestFirst } from './easiest';
