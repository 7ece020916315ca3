/** The folder the UI journeys open: copies of the digests, so nothing the tests do can touch the originals. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixturePath, testDigestPath } from '../support/fixtures';

/** The real digest, as named in the UI workspace. */
export const FIXTURE = 'cs.DC-2025-06-01.txt';
/** A plain-text file that is no digest. */
export const NOTES = 'notes.txt';

/** The Library's extra days: a subfolder of cs.LG digests. */
export const LIBRARY_FOLDER = 'library';
export const LIBRARY_DAYS: [string, number][] = [['2025-05-30', 2], ['2025-05-31', 3]];

/** A small plain-text digest (ids 2506.1xxxx, never in the sample, so never read before). */
export function smallDigest(subject: string, date: string, count: number): string {
  const id = (i: number) => `2506.1${date.slice(8)}${String(i).padStart(2, '0')}v1`;
  const lines = [`${subject} @ ${date}: ${String(count).padStart(3, '0')}`, '-'];
  for (let i = 0; i < count; i++) {
    lines.push(`${String(i).padStart(2, '0')} 05-29${i === 0 ? ' (4)' : ''} Title ${i} Titel ${i} 标题 ${id(i)}${i === count - 1 ? '' : ' -'}`);
  }
  for (let i = 0; i < count; i++) {
    lines.push(`Article ${i}`, `Title@2025-05-29 (4): Title ${i}`, `Title: Title ${i} | Titel ${i} | 标题 ${id(i)} |`, 'Authors (1): A. Author', 'An abstract.', 'nan');
  }
  return lines.join('\n') + '\n';
}

/** The test digests copied into the UI workspace. */
const TEST_DIGESTS = ['hostile.txt', 'hostile-icons.txt', 'cs.PL-2025-06-01.md', 'german-abstracts.txt', 'german-news-2025-06-01.md'];

/** A workspace of copies, so nothing the tests do can touch the originals. */
export function makeWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-workspace-'));
  fs.copyFileSync(fixturePath, path.join(folder, FIXTURE));
  for (const name of TEST_DIGESTS) {
    fs.copyFileSync(testDigestPath(name), path.join(folder, name));
  }
  fs.writeFileSync(path.join(folder, NOTES), 'Notes, not a digest.\nArticle 21 was worth reading.\n');
  // More days of another subject for the Library view (library.ui.ts).
  fs.mkdirSync(path.join(folder, LIBRARY_FOLDER));
  for (const [date, count] of LIBRARY_DAYS) {
    fs.writeFileSync(path.join(folder, LIBRARY_FOLDER, `cs.LG-${date}.txt`), smallDigest('cs.LG', date, count));
  }
  return folder;
}
