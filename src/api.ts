import type { LearnerWords } from './words';
import type { DigestDocuments } from './digests';
import type { ExportArticles } from './export';
import type { Library, LibraryTree } from './library';
import type { SearchIndex, SearchRow } from './search';
import type { FilterService } from './filters';
import type { PanelTarget } from './panel';
import type { ForYou, InboxPanel, RankingService } from './ranking';
import type { ReadingStore } from './reading';
import type { StarredTree } from './starred';
import type { Store } from './store';
import type { StudyListStore, StudyNotesStore, StudyTree } from './study';
import type { ArticlesTree, SortChoice } from './tree';

/**
 * What `activate` returns: read-only access to the digests the extension
 * has parsed, to the views' data, the reading state and the article the
 * panel shows, for other extensions and for the integration tests (which
 * look at what the views would render).
 */
export interface DigestReaderApi {
  readonly documents: Pick<DigestDocuments, 'get' | 'active'>;
  readonly articlesTree: Pick<ArticlesTree, 'rows' | 'getTreeItem' | 'getParent' | 'view' | 'resolveTreeItem' | 'selection' | 'fetchedDigest'>;
  /** The ranking: the model in use (`summary`), More like this (`similar`), and "For you" (`enabled` while it is the view's order, `whenScored`, the panel's `panelWhy`). */
  readonly ranking: Pick<RankingService, 'summary' | 'similar' | 'whenIdle' | 'isStarted' | 'loadedFromStore'>;
  readonly forYou: Pick<ForYou, 'enabled' | 'whenScored' | 'note' | 'panelWhy'>;
  /** The Articles view's one sort choice (`digestReader.articles.sort`): `set('forYou' | 'digest', acrossDates?)`, the `active` order. */
  readonly articlesSort: Pick<SortChoice, 'set' | 'active' | 'acrossDates'>;
  /** The inbox, when it is open: the rows it lists now. */
  inbox(): Pick<InboxPanel, 'visibleRows' | 'whenLoaded'> | undefined;
  readonly starredTree: Pick<StarredTree, 'getChildren' | 'getTreeItem' | 'view'>;
  /** Read state and stars; `storage` reads and writes their stored shards (tests write what Settings Sync or a damaged profile would). */
  readonly reading: Pick<ReadingStore, 'state' | 'setRead' | 'flush' | 'clear' | 'reload' | 'storage' | 'ready'>;
  /** The store of everything kept: `flush`, `check` (merge what others stored, now), `notices.lastDamage`. */
  readonly store: Pick<Store, 'flush' | 'check' | 'notices' | 'writer' | 'raw'>;
  /**
   * Every digest of the workspace (for search wiring and tests): entries, events, rescans. Lazy: `whenScanned`
   * starts it if nothing has (`started`); `reads` counts what it read; `limitedToDigestNames` in a virtual workspace.
   */
  readonly library: Pick<Library, 'entries' | 'onDidChange' | 'onDidReadFile' | 'onDidRemoveFile' | 'readText' | 'rescan' | 'whenIdle' | 'whenScanned' | 'started' | 'reads' | 'limitedToDigestNames' | 'lastScan' | 'saveIndexNow' | 'cacheUri' | 'indexing'>;
  readonly libraryTree: Pick<LibraryTree, 'getChildren' | 'getTreeItem' | 'getParent' | 'view'>;
  /** The index behind Search All Digests, where it is stored between sessions, whether it started (nothing is before the first search) and its longest tasks. */
  readonly searchIndex: Pick<SearchIndex, 'search' | 'flush' | 'storedUri' | 'complete' | 'isStarted' | 'clock'>;
  /** The rows Search All Digests shows now (or showed last): label, description, detail, as the user reads them. */
  searchRows(): readonly SearchRow[];
  /** Saved filters: the list, their results on a digest (`whenDone`), the articles of one (`articlesOf`), the store. */
  readonly filters: Pick<FilterService, 'filters' | 'resultsFor' | 'whenDone' | 'articlesOf' | 'store'>;
  /** The article in the article panel, if one is open. */
  panelArticle(): PanelTarget | undefined;
  /** Exports any articles (a filter's, say) to a `.bib` file or a Markdown reading list; asks where unless given `{ target }`. */
  readonly exportArticles: ExportArticles;
  /** Study mode: the study list (`store`, `stored` writes a raw value for tests), its view, and the exercise notes. */
  readonly studyList: {
    readonly store: Pick<StudyListStore, 'entries' | 'get' | 'onDidChange' | 'reload' | 'records' | 'lastDamage' | 'flush'>;
    readonly tree: Pick<StudyTree, 'getChildren' | 'getTreeItem' | 'view'>;
    readonly notes: Pick<StudyNotesStore, 'get' | 'set' | 'onDidChange' | 'reload' | 'records' | 'lastDamage'>;
  };
  /** The learner's known words (kept in the store) and each article's share of new words. */
  readonly learner: LearnerWords;
}
