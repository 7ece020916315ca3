/**
 * The inbox's page: one row per paper (full title, the abstract's first
 * sentence, its digests, date and score), a sort toggle, and the triage keys
 * (j/k or ↓/↑ to move, Enter to read it in the article panel, m read, s star,
 * o arXiv page, l more like this, u undo, Shift+A all read, ? keys). A row
 * marked read stays until the selection moves on, then leaves the list.
 * Everything from a digest goes in as text.
 */
import type { InboxFromWebview, InboxRowView, InboxState, InboxStrings, InboxToWebview } from '../common/inboxMessages';
import { element } from './element';

interface VsCodeApi {
  postMessage(message: InboxFromWebview): void;
  setState(state: InboxState): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

const root = document.getElementById('inbox') as HTMLElement;
const announcer = document.getElementById('announcer') as HTMLElement;

let rows: InboxRowView[] = [];
let message: InboxToWebview | undefined;
const saved = vscode.getState() as InboxState | undefined;
let selected: string | undefined = typeof saved?.selected === 'string' ? saved.selected : undefined;
/** A row read while selected stays until the selection moves on. */
let kept: string | undefined;

function post(next: InboxFromWebview): void {
  vscode.postMessage(next);
}

function shown(): InboxRowView[] {
  return rows.filter((row) => !row.read || row.key === kept);
}

function select(key: string | undefined, focus = true): void {
  if (kept !== undefined && kept !== key) {
    kept = undefined;
  }
  selected = key;
  vscode.setState({ selected });
  render(focus);
}

function move(offset: 1 | -1): void {
  const list = shown();
  if (list.length === 0) {
    return;
  }
  const at = list.findIndex((row) => row.key === selected);
  const next = list[Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + offset))];
  select(next.key);
}

function rowElement(row: InboxRowView, strings: InboxStrings): HTMLElement {
  const item = element('li', row.read ? 'row read' : 'row');
  item.id = `row-${encodeURIComponent(row.key)}`;
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', String(row.key === selected));
  item.tabIndex = row.key === selected ? 0 : -1;
  const marks = element('span', 'marks', `${row.starred ? '★' : ''}${row.notInterested ? '✕' : ''}${row.read ? '' : '●'}`);
  marks.setAttribute('aria-hidden', 'true');
  const title = element('span', 'title', row.title);
  title.lang = 'en';
  const head = element('div', 'head');
  head.append(marks, title);
  const lead = element('p', 'lead', row.lead);
  lead.lang = 'en';
  const meta = element('div', 'meta', [row.score ?? '', row.date, row.listedIn.join(' · '), row.read ? strings.read : strings.unread, row.starred ? strings.starred : '', row.notInterested ? strings.notInterested : ''].filter(Boolean).join(' · '));
  item.append(head, lead, meta);
  item.addEventListener('click', () => select(row.key));
  item.addEventListener('dblclick', () => post({ type: 'open', key: row.key }));
  return item;
}

function render(focus: boolean): void {
  if (!message) {
    return;
  }
  const { strings } = message;
  const header = element('header', 'bar');
  const heading = element('h1', undefined, message.heading);
  const sort = element('div', 'sort');
  sort.setAttribute('role', 'group');
  sort.setAttribute('aria-label', strings.sortLabel);
  for (const [value, label] of [['forYou', strings.forYou], ['date', strings.newest]] as const) {
    const button = element('button', undefined, label);
    button.type = 'button';
    button.setAttribute('aria-pressed', String(message.sort === value));
    button.addEventListener('click', () => post({ type: 'sort', sort: value }));
    sort.append(button);
  }
  const all = element('button', undefined, strings.markAllRead);
  all.type = 'button';
  all.addEventListener('click', () => post({ type: 'markAllRead', keys: shown().map((row) => row.key) }));
  sort.append(all);
  header.append(heading, sort);
  const note = element('p', 'note', `${message.note} ${strings.keysHint}`);
  const list = shown();
  if (selected === undefined || !list.some((row) => row.key === selected)) {
    selected = list[0]?.key;
  }
  const body: HTMLElement[] = [header, note];
  if (list.length === 0) {
    body.push(element('p', 'empty', message.empty));
  } else {
    const ul = element('ul', 'rows');
    ul.setAttribute('role', 'listbox');
    ul.setAttribute('aria-label', strings.listLabel);
    ul.append(...list.map((row) => rowElement(row, strings)));
    body.push(ul);
  }
  root.replaceChildren(...body);
  const current = selected === undefined ? undefined : document.getElementById(`row-${encodeURIComponent(selected)}`);
  if (current && focus) {
    current.focus();
    current.scrollIntoView({ block: 'nearest' });
  }
}

document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) {
    return; // a button's own activation
  }
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const key = selected;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      move(1);
      break;
    case 'k':
    case 'ArrowUp':
      move(-1);
      break;
    case 'Enter':
    case ' ':
      if (key) {
        kept = key;
        post({ type: 'open', key });
      }
      break;
    case 'm':
      if (key) {
        kept = key;
        post({ type: 'toggleRead', key });
      }
      break;
    case 's':
      if (key) {
        post({ type: 'toggleStar', key });
      }
      break;
    case 'x':
      if (key) {
        kept = key; // marked read with it: the row stays until the selection moves on
        post({ type: 'toggleNotInterested', key });
      }
      break;
    case 'o':
      if (key) {
        post({ type: 'openArxiv', key });
      }
      break;
    case 'l':
      if (key) {
        post({ type: 'moreLikeThis', key });
      }
      break;
    case 'u':
      post({ type: 'undo' });
      break;
    case 'A':
      post({ type: 'markAllRead', keys: shown().map((row) => row.key) });
      break;
    case '?':
      post({ type: 'showKeys' });
      break;
    default:
      return;
  }
  event.preventDefault();
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as InboxToWebview | undefined;
  if (data?.type !== 'rows' || !Array.isArray(data.rows)) {
    return;
  }
  const before = shown().length;
  message = data;
  rows = data.rows;
  // The selected row takes the focus only when the page has it: new rows (a marking elsewhere, a theme) never pull it from the palette or an editor.
  render(document.hasFocus() && (document.activeElement === document.body || root.contains(document.activeElement)));
  const after = shown().length;
  if (after !== before) {
    announcer.textContent = data.heading;
  }
});

post({ type: 'ready' });
