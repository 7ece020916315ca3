/**
 * Titles kept small: a segment's titles are cut into tokens (words, single
 * Han characters, other characters, runs of white space), each distinct
 * token is stored once, and a title is its tokens' numbers as varints, a
 * number's lowest bit saying "a space follows". An English title of 80
 * bytes takes ~12. Decoding copies the tokens' bytes and decodes once.
 */
import { ByteWriter } from './postingCodec';

const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+|\s+|[^]/gu;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function writeVarint(out: ByteWriter, value: number): void {
  while (value >= 0x80) {
    out.byte((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.byte(value);
}

/** A varint at `at`, and where the next thing starts. Damaged bytes end after five bytes. */
export function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[at++] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      break;
    }
    scale *= 128;
  }
  return { value, next: at };
}

/** Writes titles as token numbers into `out`, collecting the distinct tokens. */
export class TitleWriter {
  private readonly ids = new Map<string, number>();
  /** The tokens' UTF-8, one after the other, and where each ends. */
  readonly tokens = new ByteWriter();
  readonly ends: number[] = [];

  /** A text: its number of tokens plus one (0: absent), then each token's number and space bit. */
  write(out: ByteWriter, text: string | undefined): void {
    if (text === undefined) {
      writeVarint(out, 0);
      return;
    }
    const tokens = text.match(TOKEN) ?? [];
    const codes: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const space = tokens[i + 1] === ' ' && i + 1 < tokens.length;
      codes.push(this.idOf(tokens[i]) * 2 + (space ? 1 : 0));
      if (space) {
        i++;
      }
    }
    writeVarint(out, codes.length + 1);
    for (const code of codes) {
      writeVarint(out, code);
    }
  }

  private idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ends.length;
      this.ids.set(token, id);
      for (const byte of encoder.encode(token)) {
        this.tokens.byte(byte);
      }
      this.ends.push(this.tokens.length);
    }
    return id;
  }
}

let scratch = new Uint8Array(1024);

/**
 * Reads one text written by TitleWriter at `at` (undefined: absent), and
 * where the next starts. Token numbers past `ends` are skipped (damage).
 */
export function readTitle(bytes: Uint8Array, at: number, tokens: Uint8Array, ends: Uint32Array): { text: string | undefined; next: number } {
  const head = readVarint(bytes, at);
  if (head.value === 0) {
    return { text: undefined, next: head.next };
  }
  let pos = head.next;
  let length = 0;
  for (let i = 0; i < head.value - 1 && i < 4096; i++) {
    const code = readVarint(bytes, pos);
    pos = code.next;
    const id = Math.floor(code.value / 2);
    if (id >= ends.length) {
      continue;
    }
    const start = id === 0 ? 0 : ends[id - 1];
    const size = ends[id] - start + 1;
    if (length + size > scratch.length) {
      const grown = new Uint8Array(Math.max(scratch.length * 2, length + size));
      grown.set(scratch.subarray(0, length));
      scratch = grown;
    }
    scratch.set(tokens.subarray(start, ends[id]), length);
    length += size - 1;
    if (code.value % 2 === 1) {
      scratch[length++] = 0x20;
    }
  }
  return { text: decoder.decode(scratch.subarray(0, length)), next: pos };
}
