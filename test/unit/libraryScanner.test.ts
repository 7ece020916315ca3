/** The Library's scan without VS Code (src/core/library/scanner.ts), over files in memory. */
import * as assert from 'node:assert/strict';
import { LibraryScanner, Slicer, type FileStamp, type ScanHost } from '../../src/core/library';
import { generateDigest } from '../support/generate';

interface MemoryFile {
  text: string;
  mtime: number;
}

function memoryHost(files: Map<string, MemoryFile>, log: string[]): ScanHost<string> {
  return {
    list: () => Promise.resolve([...files].map(([key, file]): FileStamp<string> => ({ file: key, key, size: file.text.length, mtime: file.mtime }))),
    readHead: (key, bytes) => {
      log.push(`head ${key}`);
      return Promise.resolve({ head: new TextEncoder().encode(files.get(key)?.text.slice(0, bytes)) });
    },
    readWhole: (key) => {
      log.push(`whole ${key}`);
      return Promise.resolve(new TextEncoder().encode(files.get(key)?.text));
    },
    fileOf: (key) => key,
  };
}

describe('library: the scan (core, no VS Code)', () => {
  const day = (date: string, seed: number) => generateDigest(3, { seed, abstractWords: 8 }).text.replace('cs.DC @ 2025-06-01', `cs.DC @ ${date}`);
  const workspace = () => new Map<string, MemoryFile>([
    ['file:///w/cs.DC-2025-05-31.txt', { text: day('2025-05-31', 1), mtime: 100 }],
    ['file:///w/cs.DC-2025-06-01.txt', { text: day('2025-06-01', 2), mtime: 200 }],
    ['file:///w/notes.md', { text: '# Notes\n\nNot a digest, however long it is.\n'.repeat(500), mtime: 300 }],
  ]);

  function scanner(files: Map<string, MemoryFile>, log: string[], events: string[] = [], pauses = { count: 0 }) {
    return new LibraryScanner(memoryHost(files, log), {
      read: (key) => events.push(`read ${key}`),
      removed: (key) => events.push(`removed ${key}`),
      changed: () => undefined,
      progress: () => undefined,
      unreadable: (key) => events.push(`unreadable ${key}`),
    }, () => new Slicer(0, () => {
      pauses.count++;
      return Promise.resolve();
    }));
  }

  it('reads newest first, a file\'s head before the rest, and the rest only of digests', async () => {
    const log: string[] = [];
    const library = scanner(workspace(), log);
    const report = await library.scan({ isCancellationRequested: false });
    assert.deepEqual(log, ['head file:///w/notes.md', 'head file:///w/cs.DC-2025-06-01.txt', 'head file:///w/cs.DC-2025-05-31.txt', 'whole file:///w/cs.DC-2025-06-01.txt', 'whole file:///w/cs.DC-2025-05-31.txt']);
    assert.deepEqual(library.digests().map((known) => known.key).sort(), ['file:///w/cs.DC-2025-05-31.txt', 'file:///w/cs.DC-2025-06-01.txt']);
    assert.deepEqual(library.headsOnly(), [], 'every digest read to its end');
    assert.equal(report.read, 3);
    assert.deepEqual(library.reads, { files: 5, bytes: library.reads.bytes, wholeFiles: 2 });
    assert.ok(library.reads.bytes < workspace().get('file:///w/notes.md')!.text.length, 'the notes were read only to their head');
  });

  it('lists every new digest from its head (subject, date, declared count) before it reads any whole, so rows do not move as it reads', async () => {
    const files = workspace();
    files.set('file:///w/cs.LG-2025-06-01.txt', { text: day('2025-06-01', 3).replace('cs.DC @', 'cs.LG @'), mtime: 50 });
    const listedAtFirstWholeRead: string[][] = [];
    const host = memoryHost(files, []);
    const library: LibraryScanner<string> = new LibraryScanner({
      ...host,
      readWhole: (key) => {
        if (listedAtFirstWholeRead.length === 0) {
          listedAtFirstWholeRead.push(library.headsOnly().map((known) => `${known.fromHead?.subject} ${known.fromHead?.date} ${known.fromHead?.articleCount}`).sort());
        }
        return host.readWhole(key);
      },
    }, { read: () => undefined, removed: () => undefined, changed: () => undefined, progress: () => undefined, unreadable: () => undefined });
    await library.scan({ isCancellationRequested: false });
    assert.deepEqual(listedAtFirstWholeRead, [['cs.DC 2025-05-31 3', 'cs.DC 2025-06-01 3', 'cs.LG 2025-06-01 3']]);
    assert.deepEqual(library.digests().map((known) => known.summary?.subject).sort(), ['cs.DC', 'cs.DC', 'cs.LG']);
  });

  it('a scan cancelled between heads and wholes leaves no row "reading…" and stores no digest known from its head alone: the next scan reads them', async () => {
    const files = workspace();
    const token = { isCancellationRequested: false };
    const host = memoryHost(files, []);
    host.readWhole = () => {
      token.isCancellationRequested = true;
      return Promise.reject(new Error('cancelled before this read'));
    };
    const listed: number[] = [];
    const library = new LibraryScanner(host, { read: () => undefined, removed: () => undefined, changed: () => listed.push(library.headsOnly().length), progress: () => undefined, unreadable: () => undefined });
    await library.scan(token);
    assert.ok(listed.includes(2), `both digests were listed from their heads: ${listed.join(', ')}`);
    assert.deepEqual(library.headsOnly(), [], 'no row left saying it is being read');
    assert.deepEqual(library.cacheEntries().map((entry) => entry.uri), ['file:///w/notes.md'], 'only the settled non-digest is stored');
    token.isCancellationRequested = false;
    const healthy = memoryHost(files, []);
    host.readWhole = (key) => healthy.readWhole(key);
    await library.scan(token);
    assert.deepEqual(library.digests().map((known) => known.key).sort(), ['file:///w/cs.DC-2025-05-31.txt', 'file:///w/cs.DC-2025-06-01.txt']);
  });

  it('a digest a burst of the watcher\'s events read while the scan read its head keeps what the burst found: it is not read again', async () => {
    const files = workspace();
    const log: string[] = [];
    const host = memoryHost(files, log);
    const key = 'file:///w/cs.DC-2025-06-01.txt';
    const stamp = { file: key, key, size: files.get(key)!.text.length, mtime: files.get(key)!.mtime };
    let burst = false;
    const library: LibraryScanner<string> = new LibraryScanner({
      ...host,
      readHead: async (file, bytes) => {
        const head = await host.readHead(file, bytes);
        if (file === key && !burst) {
          burst = true;
          await library.update([stamp]); // the file was written again just now: the watcher's burst reads it before this head returns
        }
        return head;
      },
    }, { read: () => undefined, removed: () => undefined, changed: () => undefined, progress: () => undefined, unreadable: () => undefined });
    await library.scan({ isCancellationRequested: false });
    assert.equal(log.filter((entry) => entry === `whole ${key}`).length, 1, log.join('\n'));
    assert.equal(library.get(key)?.summary?.articleCount, 3);
  });

  it('says how far it is while it reads (by the clock: every read yields, so no slice runs long)', async () => {
    const files = new Map<string, MemoryFile>();
    for (let n = 1; n <= 24; n++) {
      const date = `2025-05-${String(n).padStart(2, '0')}`;
      files.set(`file:///w/cs.DC-${date}.txt`, { text: day(date, n), mtime: n });
    }
    const host = memoryHost(files, []);
    const reported: number[] = [];
    const library = new LibraryScanner({
      ...host,
      readWhole: (key) => new Promise((resolve) => setTimeout(() => resolve(host.readWhole(key)), 25)),
    }, { read: () => undefined, removed: () => undefined, changed: () => undefined, progress: (progress) => reported.push(progress?.done ?? -1), unreadable: () => undefined });
    await library.scan({ isCancellationRequested: false });
    const during = reported.filter((done) => done > 0 && done < files.size);
    assert.ok(during.length >= 1, `progress while reading 24 files of 25 ms each: ${reported.join(', ')}`);
    assert.deepEqual(during, [...during].sort((a, b) => a - b), 'it only goes forward');
  });

  it('says how far it is while it reads the heads too: a workspace of notes does not stay at 0 until the heads are read', async () => {
    const files = new Map<string, MemoryFile>();
    for (let n = 1; n <= 24; n++) {
      files.set(`file:///w/note-${n}.md`, { text: `# Note ${n}\n\nNo digest.\n`, mtime: n });
    }
    files.set('file:///w/cs.DC-2025-06-01.txt', { text: day('2025-06-01', 1), mtime: 0 });
    const host = memoryHost(files, []);
    const reported: { done: number; headsRead: number }[] = [];
    let headsRead = 0;
    const library = new LibraryScanner({
      ...host,
      readHead: (key, bytes) => new Promise((resolve) => setTimeout(() => (headsRead++, resolve(host.readHead(key, bytes))), 25)),
    }, { read: () => undefined, removed: () => undefined, changed: () => undefined, progress: (progress) => reported.push({ done: progress?.done ?? -1, headsRead }), unreadable: () => undefined });
    await library.scan({ isCancellationRequested: false });
    const text = reported.map(({ done, headsRead: heads }) => `${done} (${heads} heads read)`).join(', ');
    assert.ok(reported.some(({ done, headsRead: heads }) => done > 0 && heads < files.size), `progress while the 25 heads of 25 ms each are read: ${text}`);
    const counts = reported.map(({ done }) => done).filter((done) => done >= 0);
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b), 'it only goes forward');
  });

  it('a deleted folder forgets every digest under it, and only those (not a folder whose name starts the same)', async () => {
    const files = new Map<string, MemoryFile>([
      ['file:///w/old/cs.DC-2025-05-31.txt', { text: day('2025-05-31', 1), mtime: 100 }],
      ['file:///w/old/june/cs.DC-2025-06-01.txt', { text: day('2025-06-01', 2), mtime: 200 }],
      ['file:///w/older/cs.DC-2025-05-30.txt', { text: day('2025-05-30', 3), mtime: 300 }],
      ['file:///w/cs.DC-2025-06-02.txt', { text: day('2025-06-02', 4), mtime: 400 }],
    ]);
    const events: string[] = [];
    const library = scanner(files, [], events);
    await library.scan({ isCancellationRequested: false });
    events.length = 0;
    library.forgetUnder(new Set(['file:///w/old', 'file:///w/cs.DC-2025-06-02.txt']));
    assert.deepEqual(library.digests().map((known) => known.key), ['file:///w/older/cs.DC-2025-05-30.txt']);
    assert.deepEqual(events.sort(), ['removed file:///w/cs.DC-2025-06-02.txt', 'removed file:///w/old/cs.DC-2025-05-31.txt', 'removed file:///w/old/june/cs.DC-2025-06-01.txt']);
  });

  it('yields to the event loop between files, so no file holds the thread for the whole scan', async () => {
    const pauses = { count: 0 };
    await scanner(workspace(), [], [], pauses).scan({ isCancellationRequested: false });
    assert.ok(pauses.count >= 3, `${pauses.count} pauses for 3 files`);
  });

  it('a warm start from its stored entries reads nothing unchanged, and what changed once', async () => {
    const files = workspace();
    const first = scanner(files, []);
    await first.scan({ isCancellationRequested: false });
    const stored = first.cacheEntries();
    files.set('file:///w/cs.DC-2025-05-31.txt', { text: day('2025-05-31', 3), mtime: 400 });
    const log: string[] = [];
    const events: string[] = [];
    const warm = scanner(files, log, events);
    await warm.restore(stored);
    assert.equal(warm.digests().length, 2, 'listed from the stored index before any read');
    await warm.scan({ isCancellationRequested: false });
    assert.deepEqual(log, ['head file:///w/cs.DC-2025-05-31.txt', 'whole file:///w/cs.DC-2025-05-31.txt']);
    assert.deepEqual(events, ['read file:///w/cs.DC-2025-05-31.txt']);
  });

  it('a digest whose read fails (a network blip) is not taken for a non-digest: the host is told, and the next scan reads it', async () => {
    const files = workspace();
    const events: string[] = [];
    const host = memoryHost(files, []);
    let failures = 1;
    const library = new LibraryScanner({
      ...host,
      readWhole: (key) => (key.endsWith('05-31.txt') && failures-- > 0 ? Promise.reject(new Error('ECONNRESET')) : host.readWhole(key)),
    }, { read: (key) => events.push(`read ${key}`), removed: () => undefined, changed: () => undefined, progress: () => undefined, unreadable: (key) => events.push(`unreadable ${key}`) });
    await library.scan({ isCancellationRequested: false });
    assert.deepEqual(library.digests().map((known) => known.key), ['file:///w/cs.DC-2025-06-01.txt']);
    assert.deepEqual(events, ['read file:///w/cs.DC-2025-06-01.txt', 'unreadable file:///w/cs.DC-2025-05-31.txt']);
    assert.equal(library.cacheEntries().some((entry) => entry.uri.endsWith('05-31.txt')), false, 'nothing stored of it');
    await library.scan({ isCancellationRequested: false });
    assert.deepEqual(library.digests().map((known) => known.key).sort(), ['file:///w/cs.DC-2025-05-31.txt', 'file:///w/cs.DC-2025-06-01.txt']);
  });

  it('forgets a file that is gone, and says so', async () => {
    const files = workspace();
    const events: string[] = [];
    const library = scanner(files, [], events);
    await library.scan({ isCancellationRequested: false });
    files.delete('file:///w/cs.DC-2025-06-01.txt');
    await library.scan({ isCancellationRequested: false });
    assert.ok(events.includes('removed file:///w/cs.DC-2025-06-01.txt'));
    assert.deepEqual(library.digests().map((known) => known.key), ['file:///w/cs.DC-2025-05-31.txt']);
  });

  it('stops when cancelled, keeping what it read', async () => {
    const token = { isCancellationRequested: false };
    const library = new LibraryScanner(memoryHost(workspace(), []), {
      read: () => (token.isCancellationRequested = true),
      removed: () => undefined,
      unreadable: () => undefined,
      changed: () => undefined,
      progress: () => undefined,
    });
    const report = await library.scan(token);
    assert.equal(report.cancelled, true);
    assert.equal(library.digests().length, 1);
  });
});
