/**
 * The dictionaries, loaded on first need and never downloaded: CC-CEDICT
 * from the extension's own dist/dictionary/ (through `workspace.fs`, so the
 * web worker extension host reads it too), and the learner's German–English
 * file named by `digestReader.words.germanDictionary`. Both load in slices of
 * about 10 ms with the thread given back between them. The panel asks for an
 * article's words; what is not loaded yet comes with the next render
 * (`onDidChange` fires when a dictionary is ready).
 */
import * as vscode from 'vscode';
import { ChineseDictionary, chineseSlice, GermanDictionary, latinWords, readableSense, withoutMath, type GermanEntry } from '../core/words';
import type { ArticleWords } from '../common/messages';

const SLICE_MS = 10;
const GERMAN_SETTING = 'digestReader.words.germanDictionary';
const MAX_GERMAN_WORDS = 200;

/** Runs a loading generator, giving the thread back whenever a slice has taken SLICE_MS. */
async function inSlices<T>(steps: Generator<number, T>): Promise<T> {
  let started = Date.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      return step.value;
    }
    if (Date.now() - started >= SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      started = Date.now();
    }
  }
}

/** Raw deflate through the platform's DecompressionStream (Node 20 and browsers both have it). */
async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A dictionary loaded once, on first need; a failure is remembered (and said once), not retried on every article. */
class Lazy<T> {
  private state: { kind: 'idle' } | { kind: 'loading'; promise: Promise<T | undefined> } | { kind: 'ready'; value: T } | { kind: 'failed' } = { kind: 'idle' };

  constructor(private readonly settled: () => void) {}

  get status(): 'idle' | 'loading' | 'ready' | 'failed' {
    return this.state.kind;
  }

  get value(): T | undefined {
    return this.state.kind === 'ready' ? this.state.value : undefined;
  }

  reset(): void {
    this.state = { kind: 'idle' };
  }

  /** The value, loading it with `load` if need be; undefined when loading failed (`failed` says why). */
  get(load: () => Promise<T>, failed: (problem: string) => void): Promise<T | undefined> {
    switch (this.state.kind) {
      case 'ready':
        return Promise.resolve(this.state.value);
      case 'loading':
        return this.state.promise;
      case 'failed':
        return Promise.resolve(undefined);
    }
    const promise = load().then((value) => {
      this.state = { kind: 'ready', value };
      return value;
    }, (error: unknown) => {
      this.state = { kind: 'failed' };
      failed(error instanceof Error ? error.message : String(error));
      return undefined;
    }).finally(() => this.settled());
    this.state = { kind: 'loading', promise };
    return promise;
  }
}

export interface ArticleTextsOf {
  titles: Record<string, string | undefined>;
  abstracts: Record<string, string | undefined>;
}

export class WordsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** A dictionary became ready (or failed): what the panel shows may change. */
  readonly onDidChange = this.changed.event;
  private readonly chinese = new Lazy<ChineseDictionary>(() => this.changed.fire());
  private readonly german = new Lazy<GermanDictionary>(() => this.changed.fire());
  private germanName = '';
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly extensionUri: vscode.Uri, private readonly output: vscode.OutputChannel) {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(GERMAN_SETTING)) {
        this.german.reset();
        this.changed.fire();
      }
    }));
  }

  /** CC-CEDICT, loading it if need be. */
  chineseDictionary(): Promise<ChineseDictionary | undefined> {
    return this.chinese.get(async () => {
      const started = Date.now();
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'dictionary', 'cc-cedict.txt'));
      const dictionary = await inSlices(ChineseDictionary.loading(bytes));
      this.output.appendLine(`CC-CEDICT ${dictionary.date}: ${dictionary.size} entries loaded in ${Date.now() - started} ms.`);
      return dictionary;
    }, (problem) => this.output.appendLine(`The Chinese dictionary could not be loaded: ${problem}`));
  }

  /** The learner's German dictionary, if the setting names one (loading it if need be). */
  germanDictionary(): Promise<GermanDictionary | undefined> {
    const setting = vscode.workspace.getConfiguration().get<string>(GERMAN_SETTING, '').trim();
    if (setting === '') {
      return Promise.resolve(undefined);
    }
    return this.german.get(async () => {
      const dictionary = await this.loadGerman(setting);
      this.output.appendLine(`German dictionary ${setting}: ${dictionary.size} headwords.`);
      return dictionary;
    }, (problem) => {
      this.output.appendLine(`The German dictionary ${setting} could not be loaded: ${problem}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('The German dictionary {0} could not be read: {1}', setting, problem));
    });
  }

  private async loadGerman(setting: string): Promise<GermanDictionary> {
    const uri = resolvePath(setting);
    this.germanName = uri.path.split('/').pop() ?? setting;
    const decoder = new TextDecoder();
    if (/\.index$/i.test(uri.path)) {
      const index = decoder.decode(await vscode.workspace.fs.readFile(uri));
      const data = await readFirst([uri.with({ path: uri.path.replace(/\.index$/i, '.dict.dz') }), uri.with({ path: uri.path.replace(/\.index$/i, '.dict') })]);
      return inSlices(GermanDictionary.dictd(index, data, inflateRaw));
    }
    return inSlices(GermanDictionary.tsv(decoder.decode(await vscode.workspace.fs.readFile(uri))));
  }

  /**
   * What the panel needs for an article's words: the CC-CEDICT entries at its
   * Chinese texts and the German dictionary's entries for its German words,
   * as far as the dictionaries are loaded (their loading starts here).
   */
  async articleWords(article: ArticleTextsOf): Promise<ArticleWords> {
    const zhTexts = [article.titles.zh, article.abstracts.zh].filter((text): text is string => !!text);
    const deTexts = [article.titles.de, article.abstracts.de].filter((text): text is string => !!text);
    const words: ArticleWords = { dictionaryDate: '', german: 'none' };
    if (zhTexts.length > 0) {
      const chinese = this.chinese.value;
      if (chinese) {
        words.zh = chineseSlice(zhTexts.map(withoutMath), chinese);
        words.dictionaryDate = chinese.date;
      } else {
        void this.chineseDictionary();
      }
    }
    if (deTexts.length > 0) {
      const german = this.german.value;
      if (german) {
        words.german = 'ready';
        words.germanName = this.germanName;
        words.de = await germanEntries(deTexts, german);
      } else {
        void this.germanDictionary();
        const status = this.german.status;
        words.german = status === 'failed' || status === 'loading' ? status : 'none';
      }
    }
    return words;
  }

  /**
   * What a flashcard of `word` says of it: Chinese, CC-CEDICT's readings
   * (`chē liàng`; several joined by ` / `) and senses (`; ` between senses,
   * ` | ` between readings); German, the start of the learner's dictionary's entry.
   */
  async describeWord(language: string, word: string): Promise<{ pinyin?: string; meaning?: string }> {
    if (language === 'zh') {
      const entries = (await this.chineseDictionary())?.lookup(word) ?? [];
      if (entries.length === 0) {
        return {};
      }
      const readings = [...new Set(entries.map((entry) => entry.pinyin))];
      const meaning = entries.map((entry) => `${readings.length > 1 ? `${entry.pinyin}: ` : ''}${entry.senses.map(readableSense).join('; ')}`).join(' | ');
      return { pinyin: readings.join(' / '), meaning: meaning.slice(0, 2_000) };
    }
    if (language === 'de') {
      const entry = (await (await this.germanDictionary())?.lookup(word))?.[0];
      return entry ? { meaning: entry.text.replace(/\s+/g, ' ').trim().slice(0, 500) } : {};
    }
    return {};
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

async function germanEntries(texts: string[], dictionary: GermanDictionary): Promise<Record<string, GermanEntry[]>> {
  const entries: Record<string, GermanEntry[]> = {};
  for (const text of texts) {
    const plain = withoutMath(text);
    for (const token of latinWords(plain).slice(0, MAX_GERMAN_WORDS)) {
      const word = plain.slice(token.start, token.end).toLocaleLowerCase('de');
      if (!(word in entries)) {
        entries[word] = await dictionary.lookup(word);
      }
    }
  }
  return entries;
}

/** An absolute path, `~/…`, or a path relative to the first workspace folder. */
function resolvePath(setting: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(setting)) {
    return vscode.Uri.parse(setting, true);
  }
  if (setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting)) {
    return vscode.Uri.file(setting);
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    throw new Error(vscode.l10n.t('a relative path needs an open folder'));
  }
  return vscode.Uri.joinPath(folder, setting);
}

async function readFirst(uris: vscode.Uri[]): Promise<Uint8Array> {
  for (const uri of uris) {
    try {
      return await vscode.workspace.fs.readFile(uri);
    } catch {
      // try the next
    }
  }
  throw new Error(vscode.l10n.t('no .dict.dz or .dict beside the .index'));
}
