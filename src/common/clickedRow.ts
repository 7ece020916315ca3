import type * as vscode from 'vscode';

/** How long a click waits for VS Code to know its row again while the rows are being redrawn. */
const WAIT_MS = 3_000;

/**
 * The row a click on a tree row is about, for a row command that carries no
 * arguments.
 *
 * Why no arguments: VS Code keeps a row's command with arguments in a table
 * of the extension host, sends the workbench only an id for it, and drops it
 * when that row is refreshed. A click between the refresh and the
 * workbench's redraw of the row then runs an id that is gone, and the user
 * gets "Actual command not found, wanted to execute digestReader.showArticle
 * /5413" (a 1,030-article digest with "Hide read" on is refreshed on every
 * marking). A command without arguments goes by its name; the click selected
 * its row first (the selection reaches the extension host before the
 * command), so the view's selection names the row. While a refresh is under
 * way the extension host may not know that row for a moment: then this waits
 * until VS Code has fetched rows again.
 */
export class ClickedRow<Node> {
  private waiting: (() => void)[] = [];

  constructor(private readonly view: () => vscode.TreeView<Node>) {}

  /** Call from `getChildren`: rows VS Code did not know a moment ago may be known now. */
  fetched(): void {
    if (this.waiting.length > 0) {
      const waiting = this.waiting;
      this.waiting = [];
      // The extension host registers the rows once getChildren and getTreeItem returned.
      setTimeout(() => waiting.forEach((resume) => resume()), 0);
    }
  }

  /** The clicked row: the one selected row, once the extension host knows it; undefined if none comes. */
  async get(): Promise<Node | undefined> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const selection = this.view().selection;
      if (selection.length === 1) {
        return selection[0];
      }
      const left = deadline - Date.now();
      if (selection.length > 1 || left <= 0) {
        return undefined;
      }
      await new Promise<void>((resume) => {
        this.waiting.push(resume);
        setTimeout(resume, left);
      });
    }
  }
}
