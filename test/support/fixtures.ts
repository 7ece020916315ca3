import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, wherever the compiled test runs from (out/test/…). */
export const projectRoot = path.resolve(__dirname, '..', '..', '..');

/** The real digest (103 articles): the project's own sample, a copy of ../shared/fixtures/cs.DC-2025-06-01.txt. */
export const fixturePath = path.join(projectRoot, 'sample', 'cs.DC-2025-06-01.txt');

export function readFixture(): string {
  return fs.readFileSync(fixturePath, 'utf8');
}

/** Test digests kept with the tests (hostile text, Markdown variants). */
export function testDigestPath(name: string): string {
  return path.join(projectRoot, 'test', 'digests', name);
}

export function readTestDigest(name: string): string {
  return fs.readFileSync(testDigestPath(name), 'utf8');
}
