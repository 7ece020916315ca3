import * as vscode from 'vscode';

/** A file's first bytes; `whole` when the host had to read all of it anyway (so it is not read twice). */
export interface Head {
  head: Uint8Array;
  whole?: Uint8Array;
}

/** Reads files' heads, on disk only the first bytes where the host can. */
export interface HeadReader {
  read(uri: vscode.Uri, bytes: number): Promise<Head>;
  /** Whether a file here can be read in part: otherwise looking at it costs a whole read. */
  readsHeadOnly(uri: vscode.Uri): boolean;
}

/** What the head reader needs of Node's `fs/promises`, typed here: `src/` imports no Node built-in. */
interface NodeFileHandle {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}
interface NodeFsPromises {
  open(path: string, flags: string): Promise<NodeFileHandle>;
}

/**
 * Node's `fs/promises` in Node's extension host; undefined in the web worker.
 * Loaded through a variable so that neither bundle resolves it: the web
 * bundle must not contain it, and the web worker's `require` knows only `vscode`.
 */
function nodeFs(): NodeFsPromises | undefined {
  const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  const load: ((id: string) => unknown) | undefined = isNode && typeof require === 'function' ? require : undefined;
  try {
    return load?.('fs/promises') as NodeFsPromises | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The head reader for this host: on disk in Node, only the first bytes
 * (a folder of big non-digest `.txt` files costs nothing); otherwise (the
 * web, virtual and remote file systems) `workspace.fs` reads the whole file.
 */
export function headReaderForHost(): HeadReader {
  const fs = nodeFs();
  const readsHeadOnly = (uri: vscode.Uri) => fs !== undefined && uri.scheme === 'file';
  return {
    readsHeadOnly,
    read: async (uri, bytes) => {
      if (fs && readsHeadOnly(uri)) {
        try {
          const handle = await fs.open(uri.fsPath, 'r');
          try {
            const buffer = new Uint8Array(bytes);
            const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
            return { head: buffer.subarray(0, bytesRead) };
          } finally {
            await handle.close();
          }
        } catch {
          // fall through: workspace.fs says what is wrong, or reads it
        }
      }
      const whole = await vscode.workspace.fs.readFile(uri);
      return { head: whole.subarray(0, bytes), whole };
    },
  };
}
