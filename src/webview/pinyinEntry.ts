/**
 * pinyin-pro, bundled apart (dist/webview/pinyin.js, about 300 KB) so the
 * panel loads it only when the reader turns pinyin on.
 */
import { pinyin } from 'pinyin-pro';

(globalThis as { digestReaderPinyin?: (word: string) => string[] }).digestReaderPinyin = (word) => pinyin(word, { type: 'array', toneType: 'symbol' });
