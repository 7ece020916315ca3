/**
 * The panel's reading options: layout, which languages show and in what
 * order, study mode and its keys, pinyin, text sizes and the Chinese font.
 * Each change goes to the extension, which keeps it in settings.
 */
import { MAX_FONT_SIZE, MIN_FONT_SIZE, movedEarlier, type CjkFont, type PanelPreferences } from '../common/panelPreferences';
import type { StudyLanguage } from '../core/study/studyLanguage';
import { button, element, t, toggle } from './dom';

export interface ToolbarContext {
  preferences: PanelPreferences;
  /** Languages the article has, in the order shown first, then hidden ones. */
  languages: ReadonlyArray<{ language: string; label: string }>;
  /** Languages in their current order (shown ones), for the arrows. */
  order: readonly string[];
  change: (patch: Partial<PanelPreferences>) => void;
  revealNext: (all: boolean) => void;
  addToStudyList: () => void;
  /** The editor's font size, when a size follows it. */
  baseFontSize: number;
  /** The language study mode shows for this article, chosen or automatic, and its name. */
  study: StudyLanguage & { label: string };
}

/** A labelled group of controls; the label is shown unless its first control says the same. */
function group(label: string, ...controls: HTMLElement[]): HTMLElement {
  const node = element('div', 'group');
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', label);
  if (controls[0]?.textContent !== label) {
    node.append(element('span', 'group-label', label));
  }
  node.append(...controls);
  return node;
}

function select<T extends string>(label: string, value: T, options: ReadonlyArray<readonly [T, string]>, onChange: (value: T) => void): HTMLElement {
  const wrapper = element('label', 'select');
  const control = element('select');
  for (const [optionValue, optionLabel] of options) {
    const option = element('option', undefined, optionLabel);
    option.value = optionValue;
    option.selected = optionValue === value;
    control.append(option);
  }
  control.addEventListener('change', () => onChange(control.value as T));
  wrapper.append(element('span', 'group-label', label), control);
  return wrapper;
}

function sizeButtons(script: string, current: number, base: number, apply: (size: number) => void): HTMLElement[] {
  const size = current || base;
  const step = (delta: number) => () => apply(Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, size + delta)));
  const smaller = button('A−', t('smaller', script), step(-1), size > MIN_FONT_SIZE);
  const larger = button('A+', t('larger', script), step(1), size < MAX_FONT_SIZE);
  // The name starts with what the button shows, so speech input ("click A+") finds it.
  smaller.setAttribute('aria-label', `A− ${t('smaller', script)}`);
  larger.setAttribute('aria-label', `A+ ${t('larger', script)}`);
  return [element('span', 'script-name', script), smaller, larger];
}

export const OPTIONS_ID = 'reading-options';

/** The header's button that shows or folds the reading options. */
export function optionsToggle(open: boolean, change: (patch: Partial<PanelPreferences>) => void): HTMLButtonElement {
  const node = button(`${open ? '▾' : '▸'} ${t('readingOptions')}`, t('readingOptions'), () => change({ readingOptions: !open }));
  node.className = 'options-toggle';
  node.setAttribute('aria-expanded', String(open));
  node.setAttribute('aria-controls', OPTIONS_ID);
  return node;
}

export function toolbar(context: ToolbarContext): HTMLElement {
  const { preferences, change } = context;
  const bar = element('div', 'toolbar');
  bar.id = OPTIONS_ID;
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('readingOptions'));

  const layout = group(
    t('layout'),
    toggle(t('stacked'), t('stacked'), () => change({ layout: 'stacked' }), preferences.layout === 'stacked'),
    toggle(t('sideBySide'), t('sideBySide'), () => change({ layout: 'sideBySide' }), preferences.layout === 'sideBySide'),
  );

  const languageControls: HTMLElement[] = [];
  for (const { language, label } of context.languages) {
    const hidden = preferences.hiddenLanguages.includes(language);
    const chip = element('span', 'language-chip');
    chip.append(toggle(label, t('showLanguage', label), () => change({
      hiddenLanguages: hidden ? preferences.hiddenLanguages.filter((other) => other !== language) : [...preferences.hiddenLanguages, language],
    }), !hidden));
    const at = context.order.indexOf(language);
    if (at > 0) {
      const earlier = button('‹', t('moveEarlier', label), () => change({ languageOrder: movedEarlier(context.order, language) }));
      earlier.setAttribute('aria-label', t('moveEarlier', label));
      chip.prepend(earlier);
    }
    languageControls.push(chip);
  }
  if (preferences.languageOrder.length > 0 || preferences.hiddenLanguages.length > 0) {
    languageControls.push(button(t('resetLanguages'), t('resetLanguagesTitle'), () => change({ languageOrder: [], hiddenLanguages: [] })));
  }
  const languages = group(t('languages'), ...languageControls);

  const study = group(
    t('studyMode'),
    toggle(t('studyMode'), t('studyModeTitle'), () => change({ studyMode: !preferences.studyMode }), preferences.studyMode),
    // "Automatic" (empty): a language the digest has in full, named; or one the reader picks.
    select(t('learning'), context.study.chosen ? context.study.language : '', [
      ['', context.study.chosen ? t('studyAutomatic') : t('studyAutomaticNamed', context.study.label)] as const,
      ...context.languages.map(({ language, label }) => [language, label] as const),
    ], (studyLanguage) => change({ studyLanguage })),
    button(t('addToStudy'), t('addToStudyTitle'), () => context.addToStudyList()),
  );
  if (preferences.studyMode) {
    study.append(button(t('revealNext'), t('revealNext'), () => context.revealNext(false)), button(t('revealAll'), t('revealAll'), () => context.revealNext(true)));
    // Word marks belong to learning: outside study mode no word is marked, for a reader who never asked.
    study.append(toggle(t('wordMarks'), t('wordMarksTitle'), () => change({ wordMarks: !preferences.wordMarks }), preferences.wordMarks));
  }

  const fonts: ReadonlyArray<readonly [CjkFont, string]> = [['default', t('fontDefault')], ['sans', t('fontSans')], ['serif', t('fontSerif')], ['kai', t('fontKai')]];
  const text = group(
    t('textSize'),
    ...sizeButtons(t('latinScript'), preferences.fontSize, context.baseFontSize, (fontSize) => change({ fontSize })),
    ...sizeButtons(t('cjkScript'), preferences.cjkFontSize, context.baseFontSize, (cjkFontSize) => change({ cjkFontSize })),
    select(t('cjkFont'), preferences.cjkFont, fonts, (cjkFont) => change({ cjkFont })),
  );

  const aids = group(
    t('pinyin'),
    toggle(t('pinyin'), t('pinyinTitle'), () => change({ pinyin: !preferences.pinyin }), preferences.pinyin),
  );
  bar.append(layout, languages, study, aids, text);
  return bar;
}
