import * as vscode from 'vscode';

/**
 * One JSON file in the workspace storage (`context.storageUri`), read once at
 * start and written a moment after the last change (changes come in bursts:
 * a scan, a build). Without storage (no folder open) nothing is kept. Writes
 * go one after another; a failed one is said in the output channel.
 */
export class StorageFile {
  /** Where it is kept; undefined with no workspace storage. */
  readonly uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => string | Promise<string>) | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly storageUri: vscode.Uri | undefined,
    fileName: string,
    private readonly saveDelayMs: number,
    /** What the file holds, for the output channel ("the Library's index"). */
    private readonly what: string,
    private readonly output?: vscode.OutputChannel,
  ) {
    this.uri = storageUri && vscode.Uri.joinPath(storageUri, fileName);
  }

  /** The stored text; undefined when there is none (never saved, no storage, unreadable). */
  async read(): Promise<string | undefined> {
    if (!this.uri) {
      return undefined;
    }
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri));
    } catch {
      return undefined;
    }
  }

  /** Writes what `text` returns (or resolves to: made in slices) a moment from now; a later call replaces an earlier one. */
  saveSoon(text: () => string | Promise<string>): void {
    this.pending = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.saveDelayMs);
  }

  /** Writes a pending change now (deactivation, tests). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const text = this.pending;
    this.pending = undefined;
    if (text && this.uri && this.storageUri) {
      const target = this.uri;
      const folder = this.storageUri;
      this.saving = this.saving
        .then(async () => {
          await vscode.workspace.fs.createDirectory(folder);
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(await text()));
        })
        .then(undefined, (error: unknown) => this.output?.appendLine(`[${new Date().toISOString()}] Could not save ${this.what}: ${String(error)}`));
    }
    return this.saving;
  }
}
