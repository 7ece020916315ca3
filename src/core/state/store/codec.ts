/**
 * The stored form of one shard of a schema's records, and its reader.
 *
 *   { "v": 1, "w": "<writer stamp>", "e": <entries>, …fields of a newer version }
 *
 * `w` changes with every write (windows compare it, not the data). Entries:
 * - set schemas: `{ "t": base, "a": { "2505": "items" }, "o": [[key, t, 0|1]] }`:
 *   new-style arXiv ids by month, sorted, as base-36 number deltas; an item is
 *   `[~]delta[±dt]` (`~` a tombstone, `dt` the stamp's difference from the item
 *   before, in base 36, left out when equal); every other key in `o`.
 * - map schemas: `[[key, t, value | null], …]` sorted by key (`null`: tombstone).
 *
 * Reading never throws. What a newer version wrote is never lost: unknown
 * top-level fields, values this version cannot read and month groups it
 * cannot parse are kept and written back as they were. What is damaged in a
 * value of this version or older is reported, and the caller sets it aside.
 */
import type { Entry } from './lww';
import { isPlainKey, type MapSchema, type Schema, type SetSchema } from './schema';

/** The shard format this version writes. A newer version writes a higher number and keeps this layout readable. */
export const SHARD_VERSION = 1;

export interface StoredShard {
  v: number;
  w: string;
  e: unknown;
  [field: string]: unknown;
}

export interface DecodedShard<V> {
  /** In stored order; a key twice (a damaged value) is merged like any two entries. */
  entries: [string, Entry<V>][];
  /** The shard's format version (0 when absent). */
  version: number;
  /** What a newer version wrote that this one keeps without reading: fields, month groups. */
  kept: Kept;
  /** Sentences for the output channel: what was damaged and dropped. Empty when all was read. */
  problems: string[];
  /** The writer stamp, if any. */
  stamp: string | undefined;
}

export interface Kept {
  /** Unknown top-level fields of the shard. */
  fields: Record<string, unknown>;
  /** Month groups of a set shard that this version could not parse (a newer format). */
  groups: Record<string, unknown>;
}

const NEW_STYLE = /^(\d{4})\.(\d{4,5})$/;
const MONTH = /^\d{4}$/;
const ITEM = /^(~?)([0-9a-z]{1,8})(?:([+-])([0-9a-z]{1,8}))?$/;
const MAX_STAMP = 2 ** 40;

/** arXiv's numbers have 5 digits from January 2015 (`1501`) on, 4 before. */
export function arxivNumberWidth(month: string): number {
  return month >= '1501' ? 5 : 4;
}

/** `2505.01234` → [`2505`, 1234]; undefined for any other key (old-style ids, news keys, versions). */
export function splitNewStyleId(key: string): [string, number] | undefined {
  const match = NEW_STYLE.exec(key);
  return match && match[2].length === arxivNumberWidth(match[1]) ? [match[1], Number(match[2])] : undefined;
}

function isStamp(t: unknown): t is number {
  return typeof t === 'number' && Number.isSafeInteger(t) && t >= 0 && t < MAX_STAMP;
}

/** The order of one stamp's values, the same in every replica: tombstone lowest, then by encoding. */
export function rankOf<V>(schema: Schema<V>): (entry: Entry<V>) => string {
  return (entry) => {
    if (entry.unread) {
      return `~${JSON.stringify(entry.raw)}`;
    }
    if (entry.value === undefined) {
      return '';
    }
    return schema.kind === 'set' ? '1' : `~${JSON.stringify(entry.raw ?? schema.encode(entry.value))}`;
  };
}

export function encodeShard<V>(schema: Schema<V>, entries: Iterable<[string, Entry<V>]>, stamp: string, kept?: Kept, version = SHARD_VERSION): StoredShard {
  const list = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const e = schema.kind === 'set' ? encodeSet(list as [string, Entry<true>][], kept?.groups ?? {}) : encodeMap(schema, list);
  return { ...kept?.fields, v: Math.max(version, SHARD_VERSION), w: stamp, e };
}

function encodeMap<V>(schema: MapSchema<V>, list: [string, Entry<V>][]): unknown[] {
  return list.map(([key, entry]) => [key, entry.t, entry.unread || (entry.raw !== undefined && entry.value !== undefined) ? entry.raw : entry.value === undefined ? null : schema.encode(entry.value)]);
}

function encodeSet(list: [string, Entry<true>][], keptGroups: Record<string, unknown>): { t: number; a: Record<string, unknown>; o: unknown[] } {
  const months = new Map<string, [number, Entry<true>][]>();
  const other: unknown[] = [];
  let base = Infinity;
  for (const [key, entry] of list) {
    base = Math.min(base, entry.t);
    const id = splitNewStyleId(key);
    if (id && !(id[0] in keptGroups)) {
      let group = months.get(id[0]);
      if (!group) {
        group = [];
        months.set(id[0], group);
      }
      group.push([id[1], entry]);
    } else {
      other.push([key, entry.t, entry.value === undefined ? 0 : 1]);
    }
  }
  base = Number.isFinite(base) ? base : 0;
  const a: Record<string, unknown> = { ...keptGroups };
  for (const month of [...months.keys()].sort()) {
    const group = months.get(month) ?? [];
    group.sort((x, y) => x[0] - y[0]);
    let previousNumber = 0;
    let previousTime = base;
    a[month] = group.map(([n, entry]) => {
      const dt = entry.t - previousTime;
      const item = `${entry.value === undefined ? '~' : ''}${(n - previousNumber).toString(36)}${dt === 0 ? '' : `${dt > 0 ? '+' : '-'}${Math.abs(dt).toString(36)}`}`;
      previousNumber = n;
      previousTime = entry.t;
      return item;
    }).join(',');
  }
  return { t: base, a, o: other };
}

/** Reads a stored shard. `undefined` (never written) reads as empty. */
export function decodeShard<V>(schema: Schema<V>, stored: unknown): DecodedShard<V> {
  const result: DecodedShard<V> = { entries: [], version: 0, kept: { fields: {}, groups: {} }, problems: [], stamp: undefined };
  if (stored === undefined) {
    return result;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    result.problems.push('It is not a stored shard (an object with "v" and "e"); nothing in it could be read.');
    return result;
  }
  const { v, w, e, ...fields } = stored as Record<string, unknown>;
  result.version = typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : 0;
  result.stamp = typeof w === 'string' ? w : undefined;
  if (result.version === 0) {
    result.problems.push(`Its format version ${JSON.stringify(v)} is not a version number.`);
  }
  const newer = result.version > SHARD_VERSION;
  if (newer) {
    result.kept.fields = fields;
  } else if (Object.keys(fields).length > 0) {
    result.problems.push(`Unknown fields were dropped: ${Object.keys(fields).slice(0, 5).join(', ')}.`);
  }
  const add = (key: string, entry: Entry<V>): void => {
    result.entries.push([key, entry]);
  };
  if (schema.kind === 'set') {
    decodeSet(schema, e, newer, result as DecodedShard<unknown> as DecodedShard<true>, add as (key: string, entry: Entry<true>) => void);
  } else {
    decodeMap(schema, e, result, add);
  }
  return result;
}

function decodeMap<V>(schema: MapSchema<V>, e: unknown, result: DecodedShard<V>, add: (key: string, entry: Entry<V>) => void): void {
  if (!Array.isArray(e)) {
    if (e !== undefined) {
      result.problems.push('Its entries were not a list and were skipped.');
    }
    return;
  }
  let damaged = 0;
  let unreadable = 0;
  for (const item of e) {
    if (!Array.isArray(item) || item.length < 3 || !isPlainKey(item[0]) || !schema.isKey(item[0]) || !isStamp(item[1])) {
      damaged++;
      continue;
    }
    const [key, t, raw] = item as [string, number, unknown];
    if (raw === null) {
      add(key, { t, value: undefined });
      continue;
    }
    let value: V | undefined;
    try {
      value = schema.decode(raw);
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      unreadable++;
      add(key, { t, value: undefined, raw, unread: true });
    } else {
      add(key, { t, value, raw });
    }
  }
  if (damaged > 0) {
    result.problems.push(`${damaged} ${damaged === 1 ? 'entry was' : 'entries were'} damaged (no key or time) and dropped.`);
  }
  if (unreadable > 0 && result.version <= SHARD_VERSION) {
    result.problems.push(`${unreadable} ${unreadable === 1 ? 'value' : 'values'} could not be read; kept as stored.`);
  }
}

function decodeSet(schema: SetSchema, e: unknown, newer: boolean, result: DecodedShard<true>, add: (key: string, entry: Entry<true>) => void): void {
  if (e === undefined) {
    return;
  }
  if (typeof e !== 'object' || e === null || Array.isArray(e)) {
    result.problems.push('Its entries were not an object and were skipped.');
    return;
  }
  const { t: base, a, o } = e as { t?: unknown; a?: unknown; o?: unknown };
  const baseTime = isStamp(base) ? base : 0;
  if (a !== undefined && (!isStamp(base) || typeof a !== 'object' || a === null || Array.isArray(a))) {
    result.problems.push('Its arXiv ids were damaged and skipped.');
  } else if (a) {
    let damagedGroups = 0;
    for (const [month, items] of Object.entries(a)) {
      const entries = MONTH.test(month) && typeof items === 'string' ? decodeItems(month, items, baseTime) : undefined;
      if (entries) {
        for (const item of entries) {
          result.entries.push(item);
        }
      } else if (newer) {
        result.kept.groups[month] = items;
      } else {
        damagedGroups++;
      }
    }
    if (damagedGroups > 0) {
      result.problems.push(`The arXiv ids of ${damagedGroups} ${damagedGroups === 1 ? 'month were' : 'months were'} damaged and skipped.`);
    }
  }
  if (o !== undefined && !Array.isArray(o)) {
    result.problems.push('Its other keys were not a list and were skipped.');
  } else if (o) {
    let damaged = 0;
    for (const item of o) {
      if (Array.isArray(item) && isPlainKey(item[0]) && schema.isKey(item[0]) && isStamp(item[1]) && (item[2] === 0 || item[2] === 1)) {
        add(item[0], { t: item[1], value: item[2] === 1 ? true : undefined });
      } else {
        damaged++;
      }
    }
    if (damaged > 0) {
      result.problems.push(`${damaged} ${damaged === 1 ? 'key was' : 'keys were'} damaged and skipped.`);
    }
  }
}

/** One month's items, or undefined when any is damaged (the month is then skipped whole, or kept for a newer version). */
function decodeItems(month: string, items: string, base: number): [string, Entry<true>][] | undefined {
  if (items === '') {
    return [];
  }
  const width = arxivNumberWidth(month);
  const out: [string, Entry<true>][] = [];
  let n = 0;
  let t = base;
  // Entries are never changed in place: items of one stamp and flag (a run of markings) share one.
  let shared: Entry<true> | undefined;
  for (const item of items.split(',')) {
    const match = ITEM.exec(item);
    if (!match) {
      return undefined;
    }
    n += parseInt(match[2], 36);
    if (match[3]) {
      t += (match[3] === '+' ? 1 : -1) * parseInt(match[4], 36);
    }
    if (n >= 10 ** width || !isStamp(t)) {
      return undefined;
    }
    const value = match[1] === '~' ? undefined : true;
    if (shared?.t !== t || shared.value !== value) {
      shared = { t, value };
    }
    out.push([`${month}.${String(n).padStart(width, '0')}`, shared]);
  }
  return out;
}
