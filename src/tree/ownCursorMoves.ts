/**
 * Cursor moves our own "show article" made, oldest first, whose events have
 * not come yet: rows clicked in quick succession move the cursor faster than
 * its events come back, and an earlier one's event is still ours (following
 * it would select that earlier row again).
 */
export class OwnCursorMoves {
  private readonly moves: { uri: string; line: number }[] = [];

  /** Our own move is about to put the cursor here. */
  expect(uri: string, line: number): void {
    this.moves.push({ uri, line });
    this.moves.splice(0, this.moves.length - 32); // moves whose events never came (the editor was closed) are forgotten
  }

  /** Whether a cursor event is one of ours; events come in the order of the moves, so it answers every move of ours before it too. */
  isOwn(uri: string, line: number): boolean {
    const own = this.moves.findIndex((move) => move.uri === uri && move.line === line);
    if (own < 0) {
      return false;
    }
    this.moves.splice(0, own + 1);
    return true;
  }
}
