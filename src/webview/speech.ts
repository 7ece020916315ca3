/**
 * Read aloud with the Web Speech API, in the language of the column. VS Code's
 * webviews on Linux usually have no voices at all (Chromium finds none
 * without speech-dispatcher): then the button says so, plainly, instead of
 * doing nothing.
 */
import { button, element, t } from './dom';
import { currentRow } from './rowFocus';

/** Voices load late in Chromium: wait for them a moment, once. */
let voicesReady: Promise<SpeechSynthesisVoice[]> | undefined;

function voices(): Promise<SpeechSynthesisVoice[]> {
  voicesReady ??= new Promise((resolve) => {
    const now = speechSynthesis.getVoices();
    if (now.length > 0) {
      resolve(now);
      return;
    }
    const done = (): void => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1000);
  });
  return voicesReady;
}

/** The best voice for a language: the same code first (`zh`), then any regional one (`zh-CN`). */
function voiceFor(all: SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | undefined {
  const base = language.toLowerCase().split('-')[0];
  return all.find((voice) => voice.lang.toLowerCase() === language.toLowerCase()) ?? all.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === base);
}

/** Where the panel says why it cannot speak; set by main. */
let say: (text: string) => void = () => undefined;

export function onSpeechNotice(sink: (text: string) => void): void {
  say = sink;
}

/** The text to read in `language`: the sentence of the row the reader is at, else the title. */
function textToRead(language: string): string | undefined {
  const row = currentRow();
  const selector = row === undefined ? `.unit[data-unit="title"][data-lang="${language}"]` : `.sentence[data-row="${row}"][data-lang="${language}"]`;
  const unit = document.querySelector(selector) ?? document.querySelector(`.unit[data-unit="title"][data-lang="${language}"]`);
  // Ruby readings are not part of what is read.
  const copy = unit?.cloneNode(true) as HTMLElement | undefined;
  copy?.querySelectorAll('rt').forEach((rt) => rt.remove());
  return copy?.textContent?.trim() || undefined;
}

async function readAloud(language: string, label: string): Promise<void> {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') {
    say(t('noSpeech'));
    return;
  }
  const voice = voiceFor(await voices(), language);
  if (!voice) {
    say(t('noVoice', label));
    return;
  }
  const text = textToRead(language);
  if (!text) {
    return;
  }
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  speechSynthesis.speak(utterance);
}

export function readAloudButton(language: string, label: string): HTMLButtonElement {
  const node = button('▶', t('readAloudTitle', label), () => void readAloud(language, label));
  node.className = 'read-aloud';
  node.setAttribute('aria-label', t('readAloud', label));
  return node;
}

/** The line under the toolbar where such notices show (also announced). */
export function noticeLine(): HTMLElement {
  const line = element('p', 'notice');
  line.hidden = true;
  return line;
}
