/** The folder the UI journeys open: copies of the digests, so nothing the tests do can touch the originals. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixturePath, testDigestPath } from '../support/fixtures';

/** The real digest, as named in the UI workspace. */
export const FIXTURE = 'cs.DC-2025-06-01.txt';
/** A plain-text file that is no digest. */
export const NOTES = 'notes.txt';

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
  return folder;
}
