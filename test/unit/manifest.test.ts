/**
 * What package.json promises about untrusted workspaces. A cloned repository's
 * .vscode/settings.json can set any setting: those that name files (globs the
 * Library scans with, a .csl file citeproc runs, a dictionary file read for the
 * word pop-up) are restricted, so Restricted
 * Mode uses only the user's own value. Every setting is classified here: a new
 * one fails this test until someone decides which kind it is.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../support/fixtures';

/** Settings that name files or folders (globs, paths). */
const NAMES_FILES = ['digestReader.library.include', 'digestReader.citationStyle', 'digestReader.words.germanDictionary'];
/** Settings that do not: flags, enums, sizes, language codes (validated by pattern), a deck name. */
const NAMES_NO_FILES = [
  'digestReader.detectPlainTextDigests',
  'digestReader.followCursor',
  'digestReader.markReadOnShow',
  'digestReader.markReadAfterDwell',
  'digestReader.codeLens',
  'digestReader.panel.layout',
  'digestReader.panel.languageOrder',
  'digestReader.panel.hiddenLanguages',
  'digestReader.panel.studyMode',
  'digestReader.panel.studyLanguage',
  'digestReader.panel.pinyin',
  'digestReader.panel.fontSize',
  'digestReader.panel.cjkFontSize',
  'digestReader.panel.cjkFont',
  'digestReader.panel.readingOptions',
  'digestReader.panel.wordMarks',
  'digestReader.study.ankiDeck',
  'digestReader.inbox.days',
  'digestReader.articles.sort',
  'digestReader.articles.sortAcrossDates',
];

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
}

describe('package.json: untrusted workspaces', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Manifest;

  it('classifies every setting as naming files or not', () => {
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), [...NAMES_FILES, ...NAMES_NO_FILES].sort());
  });

  it('restricts exactly the settings that name files, so Restricted Mode uses only the user\'s value', () => {
    // VS Code honours restrictedConfigurations only with 'limited' support (and a description of what is limited).
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), [...NAMES_FILES].sort());
  });
});
