import * as vscode from 'vscode';
import { SeenIndex, triageOf } from '../core';
import type { DigestDocuments } from '../digests';

/** Not synced: it is a cache of the digests opened on this machine. */
const SEEN_KEY = 'digestReader.seenDigests';
const SAVE_DELAY_MS = 2000;

/** Remembers which digests listed which papers ("also in cs.DC 2025-05-31"), from every digest opened. */
export function registerSeenIndex(context: vscode.ExtensionContext, documents: DigestDocuments): SeenIndex {
  const index = SeenIndex.fromStored(context.globalState.get(SEEN_KEY));
  let timer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    documents.onDidChangeDigest(({ digest }) => {
      if (digest.subject === '' || digest.date === '' || (digest.sections?.length ?? 0) > 1) {
        return; // a digest without a header, or several days in one file, names no single digest
      }
      const keys = [...triageOf(digest).keys.values()];
      if (index.record(digest.subject, digest.date, keys)) {
        clearTimeout(timer);
        timer = setTimeout(() => void context.globalState.update(SEEN_KEY, index.toStored()), SAVE_DELAY_MS);
      }
    }),
    { dispose: () => clearTimeout(timer) },
  );
  return index;
}
