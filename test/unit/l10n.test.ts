/**
 * The translations stay complete: every `%key%` of package.json has an English
 * text and a German and a Chinese one, and every `vscode.l10n.t('…')` string
 * in src/ has an entry in each runtime bundle (l10n/), with the same `{n}`
 * placeholders. A string added in English only fails here, not in front of a
 * German or Chinese user.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PANEL_STRINGS } from '../../src/common/panelStrings';
import { projectRoot } from '../support/fixtures';

const LOCALES = ['de', 'zh-cn'];

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, file), 'utf8')) as Record<string, unknown>;
}

function placeholders(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The string literals passed first to `vscode.l10n.t(` (single-quoted, as the code writes them). */
function l10nKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sourceFiles(path.join(projectRoot, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      keys.set(match[1].replace(/\\(.)/g, '$1'), path.relative(projectRoot, file));
    }
    assert.doesNotMatch(text, /l10n\.t\(\s*[`"]/, `${file}: write vscode.l10n.t('…') with single quotes and {0} placeholders, not a template`);
  }
  return keys;
}

describe('localization: package.nls and l10n bundles are complete', () => {
  it('every %key% in package.json has an English, German and Chinese text', () => {
    const manifest = fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 40, 'package.json uses %key% references');
    const english = readJson('package.nls.json');
    assert.deepEqual(Object.keys(english).sort(), [...new Set(used)].sort(), 'package.nls.json has exactly the keys package.json uses');
    for (const locale of LOCALES) {
      const translated = readJson(`package.nls.${locale}.json`);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `package.nls.${locale}.json has every key`);
      for (const [key, text] of Object.entries(translated)) {
        assert.equal(typeof text, 'string');
        // Command links and code spans stay as they are.
        const links = (s: string) => (s.match(/\(command:[^)]+\)|`[^`]+`/g) ?? []).sort();
        assert.deepEqual(links(text as string), links(english[key] as string), `${locale} ${key}: the same links and code spans`);
      }
    }
  });

  it('every vscode.l10n.t string of src/ has a German and a Chinese translation with the same placeholders', () => {
    const keys = l10nKeys();
    assert.ok(keys.size > 150, `found ${keys.size} strings`);
    for (const locale of LOCALES) {
      const bundle = readJson(`l10n/bundle.l10n.${locale}.json`);
      const missing = [...keys].filter(([key]) => typeof bundle[key] !== 'string').map(([key, file]) => `${file}: ${key}`);
      assert.deepEqual(missing, [], `l10n/bundle.l10n.${locale}.json lacks these`);
      for (const key of keys.keys()) {
        assert.deepEqual(placeholders(bundle[key] as string), placeholders(key), `${locale}: ${key}`);
      }
    }
  });

  it('every word of the article panel (sent to its webview) has a German and a Chinese translation with the same placeholders', () => {
    for (const locale of LOCALES) {
      const bundle = readJson(`l10n/bundle.l10n.${locale}.json`);
      const missing = Object.values(PANEL_STRINGS).filter((text) => typeof bundle[text] !== 'string');
      assert.deepEqual(missing, [], `l10n/bundle.l10n.${locale}.json lacks these panel strings`);
      for (const text of Object.values(PANEL_STRINGS)) {
        assert.deepEqual(placeholders(bundle[text] as string), placeholders(text), `${locale}: ${text}`);
      }
    }
  });

  it('the package ships the translations', () => {
    const ignore = fs.readFileSync(path.join(projectRoot, '.vscodeignore'), 'utf8').split('\n');
    for (const line of ['!package.nls.json', '!package.nls.*.json', '!l10n/**']) {
      assert.ok(ignore.includes(line), `.vscodeignore keeps ${line}`);
    }
    assert.equal(readJson('package.json').l10n, './l10n');
  });
});
