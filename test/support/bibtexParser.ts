/**
 * @retorquere/bibtex-parser for the unit tests. Its CommonJS build cannot be
 * required on Node 20 (a dependency of it exports ESM only), so it is
 * imported as ESM; TypeScript would compile `import()` into `require()` here.
 */
// The package's types by path: this project's `moduleResolution: node` does not read `exports`.
import type * as BibtexParser from '@retorquere/bibtex-parser/dist/types/index';

// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export type { Entry, Library } from '@retorquere/bibtex-parser/dist/types/index';

export async function loadBibtexParser(): Promise<typeof BibtexParser> {
  return (await importEsm('@retorquere/bibtex-parser')) as typeof BibtexParser;
}
