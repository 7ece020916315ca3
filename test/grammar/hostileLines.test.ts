/**
 * The TextMate engine cannot time out: one catastrophically backtracking
 * regex freezes the window. Tokenize the real digest and hostile lines of
 * 10,000+ characters with the engine VS Code uses; mocha's timeout is the
 * limit (a backtracking regex would take minutes, not a second).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { projectRoot, readFixture } from '../support/fixtures';

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(path.join(projectRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.digest') {
        return null;
      }
      const file = path.join(projectRoot, 'syntaxes', 'digest.tmLanguage.json');
      return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('text.digest');
  assert.ok(grammar);
  return grammar;
}

/** Tokenizes lines in order, as the editor does, and returns the scopes seen. */
function tokenize(grammar: textmate.IGrammar, lines: string[]): Set<string> {
  let state = textmate.INITIAL;
  const scopes = new Set<string>();
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state, 0);
    assert.equal(result.stoppedEarly, false, 'tokenization stopped early');
    for (const token of result.tokens) {
      token.scopes.forEach((scope) => scopes.add(scope));
    }
    state = result.ruleStack;
  }
  return scopes;
}

const ARTICLE_HEAD = ['cs.DC @ 2025-06-01: 1', '-', '00 05-29 (4) A B C 2505.00001v1', 'Article 0', 'Title@2025-05-29 (4): A', 'Title: A | B | C 2505.00001v1 |', 'Authors (1): X'];
const LONG = 20_000;

const hostileLines: Record<string, string> = {
  'bars without an id': 'Title: ' + '| '.repeat(LONG / 2),
  'spaces and bars before a broken id': 'Title: a' + ' |'.repeat(LONG / 2) + ' 2505.',
  'a TOC line of words with no id': '00 05-29 (4) ' + 'word '.repeat(LONG / 5),
  'a TOC line of almost-ids': '00 05-29 ' + '2505.1 '.repeat(LONG / 7),
  'dollars': '$'.repeat(LONG),
  'unclosed math': 'x $a'.repeat(LONG / 4),
  'commas in authors': 'Authors (1): ' + ', '.repeat(LONG / 2),
  'Han after a long prefix': 'a'.repeat(LONG) + '中文',
  'spaces then nothing': ' '.repeat(LONG) + 'x',
  'Title@ with a long tail': 'Title@2025-05-29 (4): ' + '(4)'.repeat(LONG / 3),
};

describe('grammar: the real digest and hostile long lines', function () {
  // The limit: far above the milliseconds a linear grammar needs, far below a backtracking one.
  this.timeout(10_000);
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('tokenizes the whole fixture into its scopes', () => {
    const scopes = tokenize(grammar, readFixture().split('\n'));
    for (const scope of ['markup.heading.1.header.digest', 'meta.toc.entry.digest', 'keyword.other.article.digest', 'entity.name.section.title.en.digest', 'string.unquoted.title.de.digest', 'variable.other.title.zh.digest', 'variable.parameter.authors.digest', 'meta.paragraph.abstract.en.digest', 'string.unquoted.abstract.zh.digest', 'comment.line.missing-translation.digest', 'constant.character.math.tex.digest', 'markup.underline.link.arxiv-id.digest']) {
      assert.ok(scopes.has(scope), `missing ${scope}`);
    }
  });

  for (const [name, line] of Object.entries(hostileLines)) {
    it(`tokenizes ${line.length.toLocaleString('en')} characters of ${name}, in each position of an article`, () => {
      assert.ok(line.length >= 10_000);
      // As a top-level line, an abstract line and a German/Chinese abstract line.
      tokenize(grammar, [line]);
      tokenize(grammar, [...ARTICLE_HEAD, line]);
      tokenize(grammar, [...ARTICLE_HEAD, 'English.', line]);
    });
  }
});
