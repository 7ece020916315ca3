import * as vscode from 'vscode';
import { setContext } from '../common/context';
import type { Library, ScanProgress } from './library';
import { LIBRARY_VIEW_ID } from './libraryTree';

/** A scan longer than this also shows a notification, with Cancel. */
const NOTIFY_AFTER_MS = 1_500;

/**
 * Shows each scan's progress in the Library view (its progress bar) and, for
 * a long one, in a cancellable notification; the `digestReader.libraryIndexing`
 * context key lets the view's welcome say it is still looking.
 */
export function showScanProgress(library: Library): vscode.Disposable {
  let running: { end: () => void; ended: Promise<void>; latest: ScanProgress } | undefined;
  const subscription = library.onDidProgress((progress) => {
    if (progress && !running) {
      let end = () => {};
      const ended = new Promise<void>((resolve) => (end = resolve));
      const scan = { end, ended, latest: progress };
      running = scan;
      void setContext('digestReader.libraryIndexing', true);
      void vscode.window.withProgress({ location: { viewId: LIBRARY_VIEW_ID } }, () => ended);
      setTimeout(() => {
        if (running === scan) {
          void notify(library, scan);
        }
      }, NOTIFY_AFTER_MS);
    } else if (progress && running) {
      running.latest = progress;
    } else if (!progress && running) {
      running.end();
      running = undefined;
      void setContext('digestReader.libraryIndexing', false);
    }
  });
  return subscription;
}

function notify(library: Library, scan: { ended: Promise<void>; latest: ScanProgress }): Thenable<void> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing digests'), cancellable: true }, async (progress, token) => {
    token.onCancellationRequested(() => library.cancelScan());
    let reported = 0;
    const timer = setInterval(() => {
      const { done, total } = scan.latest;
      const percent = total > 0 ? (done / total) * 100 : 0;
      progress.report({ message: vscode.l10n.t('{0} of {1} files', done, total), increment: percent - reported });
      reported = percent;
    }, 200);
    try {
      await scan.ended;
    } finally {
      clearInterval(timer);
    }
  });
}
