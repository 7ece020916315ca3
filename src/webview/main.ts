/**
 * The article panel's script. Every field of a digest is untrusted: text is
 * inserted with text nodes only; TeX between `$…$` goes through KaTeX with
 * `trust: false`, rendered as MathML (no inline styles, so the strict CSP
 * holds), and falls back to the literal text when KaTeX cannot read it.
 */
import katex from 'katex';
import type { ArticleViewModel, ExtensionToWebview, LanguageText, WebviewToExtension } from '../common/messages';
import { findMath } from '../core/math';

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('article') as HTMLElement;
/** The live region: only a new article's title is announced, never the whole page, and not on edits. */
const announcer = document.getElementById('announcer') as HTMLElement;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Ranges `[start, end)` a saved filter matched in one field. */
type Ranges = readonly (readonly [number, number])[];

/**
 * Appends `text[from, to)` as text nodes, the parts inside `ranges` wrapped in
 * `<mark>` (text inside a mark is a text node too: never markup); in TeX text `\$` reads `$`.
 */
function appendMarked(parent: HTMLElement, text: string, from: number, to: number, ranges: Ranges, tex = false): void {
  const plain = (start: number, end: number): Text => document.createTextNode(tex ? text.slice(start, end).replace(/\\\$/g, '$') : text.slice(start, end));
  let at = from;
  for (const [rangeStart, rangeEnd] of ranges) {
    const start = Math.max(rangeStart, at);
    const end = Math.min(rangeEnd, to);
    if (start >= end) {
      continue;
    }
    if (start > at) {
      parent.append(plain(at, start));
    }
    const mark = element('mark');
    mark.append(plain(start, end));
    parent.append(mark);
    at = end;
  }
  if (at < to) {
    parent.append(plain(at, to));
  }
}

/**
 * Appends `text` to `parent`, with its math spans (Pandoc's dollar rule, see
 * core/math.ts) typeset and everything else as plain text with the filters'
 * matches marked (a match inside math is not marked: KaTeX draws the span whole).
 */
function appendWithMath(parent: HTMLElement, text: string, ranges: Ranges = []): void {
  let last = 0;
  for (const span of findMath(text)) {
    appendMarked(parent, text, last, span.start, ranges, true);
    parent.append(typeset(span.tex, text.slice(span.start, span.end)));
    last = span.end;
  }
  appendMarked(parent, text, last, text.length, ranges, true);
}

function typeset(tex: string, source: string): Node {
  const span = element('span', 'math');
  try {
    katex.render(tex, span, { output: 'mathml', throwOnError: true, trust: false, strict: 'ignore', maxSize: 10, maxExpand: 200 });
    span.title = source;
    return span;
  } catch {
    return document.createTextNode(source);
  }
}

function button(label: string, title: string, message: WebviewToExtension, enabled = true): HTMLButtonElement {
  const node = element('button', undefined, label);
  node.type = 'button';
  node.title = title;
  node.disabled = !enabled;
  node.addEventListener('click', () => vscode.postMessage(message));
  return node;
}

/** A two-state button: `aria-pressed` says its state to screen readers. */
function toggle(label: string, title: string, message: WebviewToExtension, pressed: boolean): HTMLButtonElement {
  const node = button(label, title, message);
  node.setAttribute('aria-pressed', String(pressed));
  return node;
}

function languageBlock(entry: LanguageText, kind: 'title' | 'abstract', highlights: ArticleViewModel['highlights']): HTMLElement {
  const block = element('section', `${kind} lang-${entry.language.replace(/[^a-z-]/gi, '')}`);
  block.append(element('span', 'label', entry.label));
  if (entry.text === undefined) {
    const missing = element(kind === 'title' ? 'h1' : 'p', 'missing', kind === 'title' ? `No ${entry.label} title in this digest` : `No ${entry.label} abstract in this digest`);
    block.append(missing);
    return block;
  }
  const body = element(kind === 'title' ? 'h1' : 'p', 'text');
  body.lang = entry.language;
  appendWithMath(body, entry.text, highlights?.[`${kind}.${entry.language}`]);
  block.append(body);
  return block;
}

function renderArticle(article: ArticleViewModel, isNewArticle: boolean): void {
  const header = element('header', 'bar');
  const place = element('span', 'place', `${article.subject} · ${article.digestDate} · Article ${article.index} (${article.position} of ${article.total})`);
  const nav = element('nav');
  nav.append(
    button('← Previous', 'Previous article (← or k)', { type: 'navigate', direction: 'previous' }, article.hasPrevious),
    button('Next →', 'Next article (→ or j)', { type: 'navigate', direction: 'next' }, article.hasNext),
  );
  header.append(place, nav);

  const titles = element('div', 'titles');
  titles.append(...article.titles.map((t) => languageBlock(t, 'title', article.highlights)));

  const meta = element('div', 'meta');
  const when = [article.weekdayName, article.date].filter(Boolean).join(' ');
  if (when) {
    meta.append(element('span', 'date', when));
  }
  if (article.arxivId) {
    const id = element('span', 'id', 'arXiv ');
    appendMarked(id, article.arxivId, 0, article.arxivId.length, article.highlights?.id ?? []);
    meta.append(id);
    const actions = element('span', 'actions');
    actions.append(
      button('Open arXiv page', `Open https://arxiv.org/abs/${article.arxivId}`, { type: 'openArxivPage' }),
      button('Open PDF', `Open https://arxiv.org/pdf/${article.arxivId}`, { type: 'openPdf' }),
      button('Copy id', 'Copy the arXiv id to the clipboard', { type: 'copyId' }),
      button('Copy BibTeX', 'Copy a BibTeX entry for this article to the clipboard', { type: 'copyBibtex' }),
      button('Copy citation', 'Copy a formatted citation (APA, or the style of digestReader.citationStyle) to the clipboard', { type: 'copyCitation' }),
    );
    meta.append(actions);
  }

  const state = element('div', 'state');
  state.append(
    toggle(article.read ? 'Mark unread' : 'Mark read', article.read ? 'Mark this article unread (m)' : 'Mark this article read (m)', { type: 'toggleRead' }, article.read),
    toggle(article.starred ? '★ Starred' : '☆ Star', article.starred ? 'Unstar this article (s)' : 'Star this article (s)', { type: 'toggleStar' }, article.starred),
    element('span', 'read-state', article.read ? 'Read' : 'Unread'),
  );
  if (article.alsoIn) {
    state.append(element('span', 'also-in', `Also in ${article.alsoIn}`));
  }
  if (article.fromStarred) {
    state.append(element('span', 'from-starred', 'Shown from your starred copy'));
  }

  const authors = element('p', 'authors');
  if (article.authors.length > 0) {
    authors.append(element('span', 'label', article.authors.length === 1 ? 'Author' : `Authors (${article.authors.length})`), element('span'));
    const names = article.authors.join(', ');
    appendMarked(authors.lastElementChild as HTMLElement, names, 0, names.length, article.highlights?.authors ?? []);
  }

  const abstracts = element('div', 'abstracts');
  abstracts.append(element('h2', undefined, 'Abstract'), ...article.abstracts.map((a) => languageBlock(a, 'abstract', article.highlights)));

  root.replaceChildren(header, titles, meta, state, authors, abstracts);
  document.title = article.titles[0]?.text ?? `Article ${article.index}`;
  if (isNewArticle) {
    window.scrollTo(0, 0);
    announcer.textContent = `Article ${article.index}: ${article.titles[0]?.text ?? ''}`;
  }
}

function renderEmpty(message: string): void {
  root.replaceChildren(element('p', 'placeholder', message));
  announcer.textContent = message;
}

window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'show':
      renderArticle(message.article, message.isNewArticle);
      vscode.setState(message.state);
      break;
    case 'empty':
      renderEmpty(message.message);
      vscode.setState(undefined);
      break;
  }
});

// ← and → step here; j, k, n, s, m, u, o, p are workbench keybindings (the webview forwards its keys), so each key acts once.
window.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.target instanceof HTMLInputElement) {
    return;
  }
  if (event.key === 'ArrowRight') {
    vscode.postMessage({ type: 'navigate', direction: 'next' });
  } else if (event.key === 'ArrowLeft') {
    vscode.postMessage({ type: 'navigate', direction: 'previous' });
  }
});

vscode.postMessage({ type: 'ready' });
