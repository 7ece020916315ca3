/**
 * Pinyin as ruby over the Chinese text shown. The converter is loaded on
 * first use, as a script of our own carrying this page's nonce (the CSP
 * allows nothing else); words are segmented first (see core/study/pinyin.ts).
 */
import { rubyRuns, type WordToPinyin } from '../core/study/pinyin';
import { element } from './dom';

let converter: Promise<WordToPinyin> | undefined;

/** The nonce this page's script was loaded with, for the scripts it adds. */
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const scriptBase = (document.currentScript as HTMLScriptElement | null)?.src.replace(/main\.js(\?.*)?$/, '') ?? '';

function loadConverter(): Promise<WordToPinyin> {
  converter ??= new Promise<WordToPinyin>((resolve, reject) => {
    const script = document.createElement('script');
    script.nonce = nonce;
    script.src = `${scriptBase}pinyin.js`;
    script.addEventListener('load', () => {
      const convert = (globalThis as { digestReaderPinyin?: WordToPinyin }).digestReaderPinyin;
      if (convert) {
        resolve(convert);
      } else {
        reject(new Error('pinyin.js did not load'));
      }
    });
    script.addEventListener('error', () => reject(new Error('pinyin.js did not load')));
    document.head.append(script);
  });
  converter.catch(() => {
    converter = undefined; // try again next time
  });
  return converter;
}

/** Text nodes under `root` that hold Han characters, outside math and outside readings already there. */
function hanTextNodes(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.math, rt, ruby') ? NodeFilter.FILTER_REJECT : /\p{Script=Han}/u.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
  }
  return nodes;
}

function annotate(text: Text, convert: WordToPinyin): void {
  const fragment = document.createDocumentFragment();
  for (const run of rubyRuns(text.data, convert)) {
    if (run.reading === undefined) {
      fragment.append(run.text);
    } else {
      const ruby = element('ruby', undefined, run.text);
      ruby.append(element('rt', undefined, run.reading));
      fragment.append(ruby);
    }
  }
  text.replaceWith(fragment);
}

/**
 * Puts pinyin over every Chinese text in `root`; resolves when done (false if
 * the converter could not load). The times go to the page's dataset for the
 * UI test's report: loading the converter (once per page) apart from the work.
 */
export async function showPinyin(root: HTMLElement): Promise<boolean> {
  let convert: WordToPinyin;
  const asked = performance.now();
  try {
    convert = await loadConverter();
  } catch {
    return false;
  }
  const started = performance.now();
  for (const block of root.querySelectorAll('[lang^="zh"]:not(textarea)')) {
    hanTextNodes(block).forEach((text) => annotate(text, convert));
  }
  root.classList.add('with-pinyin');
  document.body.dataset.pinyinWaitMs = (started - asked).toFixed(1);
  document.body.dataset.pinyinMs = (performance.now() - started).toFixed(1);
  return true;
}
