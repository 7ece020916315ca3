import type { DigestDocuments } from './digests';
import type { ArticlesTree } from './tree';

/**
 * What `activate` returns: read-only access to the digests the extension
 * has parsed and to the Articles view's data, for other extensions and for
 * the integration tests (which look at what the view would render).
 */
export interface DigestReaderApi {
  readonly documents: Pick<DigestDocuments, 'get' | 'active'>;
  readonly articlesTree: Pick<ArticlesTree, 'getChildren' | 'getTreeItem' | 'getParent' | 'view'>;
}
