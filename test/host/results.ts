import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../support/fixtures';

/** Each test layer leaves its counts here; scripts/test.mjs adds them up. */
export const resultsDir = path.join(projectRoot, 'test-results');

export function writeLayerResult(layer: string, passed: number, failed: number): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${layer}.json`), JSON.stringify({ passed, failed }));
}
