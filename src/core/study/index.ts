/** Study mode's pure core: sentences, their alignment across languages, the study list and its exports. */
export { splitSentences, abbreviationsFor, type Abbreviation, type Sentence, type SplitOptions } from './sentences';
export { alignSentences, estimateLengthModel, sentenceLength, type Bead, type LengthModel } from './align';
export { alignAbstract, digestLengthModels, sentenceEntries, sourceGroups, STUDY_SPLIT, type AlignedAbstract, type AlignedTranslation } from './studyEntries';
export { asStudyEntry, decodeStudyList, encodeStudyList, studyEntriesOf, studyEntryId, STUDY_SCHEMA, STUDY_FORMAT, STUDY_VERSION, type LoadedStudyList, type StoredStudyList, type StudyEntry, type StudyWord } from './studyList';
export { ankiTsv, clozeSentence, studyCsv, type AnkiExportOptions, type CsvExportOptions } from './anki';
export { sentenceRows, type SentenceRow, type TextSpan } from './rows';
export { rubyRuns, type RubyRun, type WordToPinyin } from './pinyin';
export { decodeStudyNotes, emptyNotes, encodeStudyNotes, isNoteKey, isNoteLanguage, noteKey, splitNoteKey, withNote, NOTES_SCHEMA, MAX_NOTE_LENGTH, NOTES_FORMAT, NOTES_VERSION, type LoadedStudyNotes, type StoredStudyNotes, type StudyNote, type StudyNotes } from './notes';
export { entryForSelection, fieldAt, sentenceEntry, sentenceNumberAt, termEntry, MAX_TERM_LENGTH, type SelectionField } from './selection';
export { editedTexts, editedWord } from './edit';
export { automaticStudyLanguage, studyLanguageFor, type DigestLanguageSets, type StudyLanguage } from './studyLanguage';
