/**
 * The article's titles and abstract in the languages the reader shows, in
 * their order: stacked (one block per language) or side by side (one column
 * per language, a row per aligned sentence group). Every sentence is a unit
 * with its row number, so hovering or focusing one marks its counterparts,
 * and study mode can hide and reveal it alone.
 */
import type { ArticleViewModel, LanguageText, NoteField } from '../common/messages';
import type { PanelLayout } from '../common/panelPreferences';
import { element, languageClass, t } from './dom';
import { exercise } from './exercise';
import { readAloudButton } from './speech';
import { appendWithMath } from './text';

interface Column {
  language: string;
  label: string;
  title?: LanguageText;
  abstract?: LanguageText;
}

function columns(article: ArticleViewModel, shown: readonly string[]): Column[] {
  return shown.map((language) => {
    const title = article.titles.find((entry) => entry.language === language);
    const abstract = article.abstracts.find((entry) => entry.language === language);
    return { language, label: (title ?? abstract)?.label ?? language, title, abstract };
  });
}

/** Every language the article lists a title or an abstract in, in the article's order. */
export function availableLanguages(article: ArticleViewModel): string[] {
  return [...new Set([...article.titles, ...article.abstracts].map((entry) => entry.language))];
}

function missing(article: ArticleViewModel, field: NoteField, column: Column): HTMLElement {
  const note = article.notes?.[`${field}.${column.language}`];
  const block = element('div', 'missing-block');
  block.append(element(field === 'title' ? 'h1' : 'p', 'missing', field === 'title' ? t('noTitle', column.label) : t('noAbstract', column.label)));
  block.append(exercise(field, column.language, column.label, note));
  return block;
}

function titleUnit(article: ArticleViewModel, column: Column): HTMLElement {
  if (column.title?.text === undefined) {
    return missing(article, 'title', column);
  }
  const heading = element('h1', 'text unit');
  heading.lang = column.language;
  heading.dataset.unit = 'title';
  heading.dataset.lang = column.language;
  appendWithMath(heading, column.title.text, article.highlights?.[`title.${column.language}`]);
  return heading;
}

/** One sentence group of one language's abstract; the whole abstract when nothing aligned it. */
function sentenceUnit(article: ArticleViewModel, column: Column, row: number | undefined): HTMLElement | undefined {
  const text = column.abstract?.text;
  if (text === undefined) {
    return undefined;
  }
  const span = row === undefined ? ([0, text.length] as const) : article.rows?.[row]?.spans[column.language];
  if (!span) {
    return undefined;
  }
  const unit = element('span', 'sentence unit');
  unit.lang = column.language;
  unit.tabIndex = 0;
  unit.dataset.unit = row === undefined ? 'abstract' : `s${row}`;
  unit.dataset.lang = column.language;
  if (row !== undefined) {
    unit.dataset.row = String(row);
    unit.dataset.sentence = String(article.rows?.[row]?.sentence ?? row + 1);
  }
  appendWithMath(unit, text, article.highlights?.[`abstract.${column.language}`], span[0], span[1]);
  return unit;
}

/** Rows of the abstract: aligned groups, or one row holding each language's whole text. */
function rowNumbers(article: ArticleViewModel): Array<number | undefined> {
  return article.rows && article.rows.length > 0 ? article.rows.map((_, row) => row) : [undefined];
}

function languageLabel(column: Column): HTMLElement {
  const label = element('div', 'column-head');
  label.append(element('span', 'label', column.label), readAloudButton(column.language, column.label));
  return label;
}

function stacked(article: ArticleViewModel, shown: Column[]): { titles: HTMLElement; abstracts: HTMLElement } {
  const titles = element('div', 'titles');
  for (const column of shown) {
    const block = element('section', `title lang-${languageClass(column.language)}`);
    block.append(languageLabel(column), titleUnit(article, column));
    titles.append(block);
  }
  const abstracts = element('div', 'abstracts');
  abstracts.append(element('h2', undefined, t('abstract')));
  for (const column of shown) {
    if (!column.abstract) {
      continue;
    }
    const block = element('section', `abstract lang-${languageClass(column.language)}`);
    block.append(element('span', 'label', column.label));
    if (column.abstract.text === undefined) {
      block.append(missing(article, 'abstract', column));
    } else {
      const paragraph = element('p', 'text');
      paragraph.lang = column.language;
      const units = rowNumbers(article).map((row) => sentenceUnit(article, column, row)).filter((unit) => unit !== undefined);
      // Chinese and Japanese run sentences together; Latin scripts put a space between them.
      const separator = /^(zh|ja)/.test(column.language) ? '' : ' ';
      units.forEach((unit, k) => paragraph.append(...(k > 0 && separator ? [separator, unit] : [unit])));
      block.append(paragraph);
    }
    abstracts.append(block);
  }
  return { titles, abstracts };
}

/** A grid: a head row of languages, a row of titles, then a row per sentence group. */
function sideBySide(article: ArticleViewModel, shown: Column[]): { titles: HTMLElement; abstracts: HTMLElement } {
  const grid = (className: string): HTMLElement => element('div', `${className} parallel columns-${Math.min(shown.length, 4)}`);
  const titles = grid('titles');
  for (const column of shown) {
    const cell = element('section', `title cell lang-${languageClass(column.language)}`);
    cell.append(languageLabel(column), titleUnit(article, column));
    titles.append(cell);
  }
  const abstracts = element('div', 'abstracts');
  // Languages no abstract of the digest is in (German, in most arXiv digests) take no column here.
  const withAbstract = shown.filter((column) => column.abstract);
  const rows = element('div', `rows parallel columns-${Math.min(withAbstract.length, 4)}`);
  for (const row of rowNumbers(article)) {
    for (const column of withAbstract) {
      const cell = element('div', `abstract cell lang-${languageClass(column.language)}`);
      if (column.abstract?.text === undefined) {
        // A missing abstract is offered once, in the first row.
        if (row === rowNumbers(article)[0]) {
          cell.append(missing(article, 'abstract', column));
        }
      } else {
        const unit = sentenceUnit(article, column, row);
        if (unit) {
          const paragraph = element('p', 'text');
          paragraph.append(unit);
          cell.append(paragraph);
        }
      }
      rows.append(cell);
    }
  }
  abstracts.append(element('h2', undefined, t('abstract')), ...(withAbstract.length > 0 ? [rows] : []));
  return { titles, abstracts };
}

export function articleTexts(article: ArticleViewModel, shown: readonly string[], layout: PanelLayout): { titles: HTMLElement; abstracts: HTMLElement } {
  const shownColumns = columns(article, shown);
  return layout === 'sideBySide' ? sideBySide(article, shownColumns) : stacked(article, shownColumns);
}
