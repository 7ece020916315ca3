/** The parts of an article around its texts: the bar with its place, the arXiv actions, the reading state, the authors. */
import type { ArticleViewModel } from '../common/messages';
import { button, element, t, toggle } from './dom';
import { appendMarked } from './text';

export function headerBar(article: ArticleViewModel): HTMLElement {
  const header = element('header', 'bar');
  const place = element('span', 'place', t('place', article.subject, article.digestDate, article.index, article.position, article.total));
  const nav = element('nav');
  nav.append(
    button(t('previous'), t('previousTitle'), { type: 'navigate', direction: 'previous' }, article.hasPrevious),
    button(t('next'), t('nextTitle'), { type: 'navigate', direction: 'next' }, article.hasNext),
  );
  header.append(place, nav);
  return header;
}

export function metaLine(article: ArticleViewModel): HTMLElement {
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
      button(t('openArxiv'), t('openUrl', `https://arxiv.org/abs/${article.arxivId}`), { type: 'openArxivPage' }),
      button(t('openPdf'), t('openUrl', `https://arxiv.org/pdf/${article.arxivId}`), { type: 'openPdf' }),
      button(t('copyId'), t('copyIdTitle'), { type: 'copyId' }),
      button(t('copyBibtex'), t('copyBibtexTitle'), { type: 'copyBibtex' }),
      button(t('copyCitation'), t('copyCitationTitle'), { type: 'copyCitation' }),
    );
    meta.append(actions);
  }
  return meta;
}

export function readingState(article: ArticleViewModel): HTMLElement {
  const state = element('div', 'state');
  state.append(
    toggle(article.read ? t('markUnread') : t('markRead'), article.read ? t('markUnreadTitle') : t('markReadTitle'), { type: 'toggleRead' }, article.read),
    toggle(article.starred ? t('starred') : t('star'), article.starred ? t('unstarTitle') : t('starTitle'), { type: 'toggleStar' }, article.starred),
    element('span', 'read-state', article.read ? t('read') : t('unread')),
  );
  if (article.alsoIn) {
    state.append(element('span', 'also-in', t('alsoIn', article.alsoIn)));
  }
  if (article.fromStarred) {
    state.append(element('span', 'from-starred', t('fromStarred')));
  }
  if (article.forYou) {
    const { score, up, down } = article.forYou;
    const why = [t('forYou', score), up.length > 0 ? t('rankedUp', up.join(', ')) : '', down.length > 0 ? t('rankedDown', down.join(', ')) : ''];
    state.append(element('span', 'for-you', why.filter(Boolean).join(' · ')));
  }
  return state;
}

export function authorLine(article: ArticleViewModel): HTMLElement {
  const authors = element('p', 'authors');
  if (article.authors.length > 0) {
    const names = element('span');
    authors.append(element('span', 'label', article.authors.length === 1 ? t('author') : t('authors', article.authors.length)), names);
    const joined = article.authors.join(', ');
    appendMarked(names, joined, 0, joined.length, article.highlights?.authors ?? []);
  }
  return authors;
}
