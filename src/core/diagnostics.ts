import type { Diagnostic, Severity } from './model';

/** Repeated complaints about stray lines are capped so a damaged file cannot flood the Problems panel. */
const MAX_STRAY_LINE_REPORTS = 50;

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  private strayLines = 0;
  private firstUnreportedStray = -1;

  add(line: number, severity: Severity, message: string): void {
    this.items.push({ line, severity, message });
  }

  /** A line that belongs to nothing the format knows. */
  stray(line: number, message: string): void {
    this.strayLines++;
    if (this.strayLines <= MAX_STRAY_LINE_REPORTS) {
      this.add(line, 'warning', message);
    } else if (this.firstUnreportedStray < 0) {
      this.firstUnreportedStray = line;
    }
  }

  finish(): Diagnostic[] {
    if (this.firstUnreportedStray >= 0) {
      const more = this.strayLines - MAX_STRAY_LINE_REPORTS;
      this.add(this.firstUnreportedStray, 'warning', `${more} more lines from here on are not part of any article and were skipped.`);
    }
    this.items.sort((a, b) => a.line - b.line);
    return this.items;
  }
}
