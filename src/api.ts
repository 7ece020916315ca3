import type { ArticleTarget } from './common/articleTarget';
import type { DigestDocuments } from './digests';
import type { ArticlesTree } from './tree';

/**
 * What `activate` returns: read-only access to the digests the extension
 * has parsed, to the Articles view's data and to the article the panel
 * shows, for other extensions and for the integration tests (which look at
 * what the views would render).
 */
export interface DigestReaderApi {
  readonly documents: Pick<DigestDocuments, 'get' | 'active'>;
  readonly articlesTree: Pick<ArticlesTree, 'getChildren' | 'getTreeItem' | 'getParent' | 'view'>;
  /** The article in the article panel, if one is open. */
  panelArticle(): ArticleTarget | undefined;
}
