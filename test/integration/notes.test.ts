/**
 * Issue 17: a good neighbour. In a workspace that has nothing to do with
 * digests (the runner's second workspace: 120 Markdown notes and a todo.txt),
 * the extension activates on Markdown and plain text, and must not read the
 * workspace: only the document opened is looked at. The Library reads files
 * only once it is asked for (its view shown), and then only their heads
 * (in a virtual workspace, where a look costs a whole read: none of them).
 * The runner runs it there alone, and never in the main workspace (protocol.ts grepFor).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NOTES_SUITE } from './protocol';
import { api, stays, waitFor, workspaceUri } from './helpers';

const NOTES = 120;
const HEAD_BYTES = 4096;

{
  describe(NOTES_SUITE, () => {
    const note = (i: number) => vscode.Uri.joinPath(workspaceUri, `topic-${i % 6}`, `note-${i}.md`);

    it('activating on Markdown and plain text, opening notes and showing the Digests sidebar read no file: the Library is not started', async () => {
      for (const uri of [note(0), note(7), vscode.Uri.joinPath(workspaceUri, 'todo.txt')]) {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      }
      const reader = await api();
      assert.ok(vscode.extensions.getExtension('digest-reader.digest-reader')?.isActive, 'the extension is active');
      await vscode.commands.executeCommand('workbench.view.extension.digestReader'); // the Articles view; the Library view stays collapsed
      await stays('the Library neither started nor read a file', () => !reader.library.started && reader.library.reads.files === 0, 3000);
      assert.equal(reader.documents.active, undefined, 'no note was taken for a digest');
      assert.deepEqual(reader.library.entries(), []);
    });

    it('showing the Library view scans, reading each note only as far as its head (in a virtual workspace: none), and finds no digest', async () => {
      const reader = await api();
      await vscode.commands.executeCommand('digestReader.library.focus');
      await waitFor('the Library to scan', () => reader.library.started && reader.library.lastScan && !reader.library.indexing, 30_000);
      const { reads } = reader.library;
      const bytes = NOTES * (await vscode.workspace.fs.readFile(note(0))).byteLength;
      assert.equal(reads.wholeFiles, 0, 'no note read whole');
      if (reader.library.limitedToDigestNames) {
        // VS Code for the Web: a look would be a whole read, and no note is named like a digest.
        assert.equal(reads.files, 0);
        assert.match(String(reader.libraryTree.view.message), /virtual workspace.*named like digests/);
      } else {
        assert.equal(reads.files, NOTES + 1, 'every note and todo.txt looked at once');
        assert.ok(reads.bytes <= (NOTES + 1) * HEAD_BYTES && reads.bytes < bytes / 2, `${reads.bytes} bytes read of about ${bytes}`);
        assert.equal(reader.libraryTree.view.message, undefined);
      }
      assert.deepEqual(reader.libraryTree.getChildren(), []);
    });
  });
}
