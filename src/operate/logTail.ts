// The text of a logs document: only the last lines of a long run, and a first line that says so (no vscode: unit-tested).

const LOG_TAIL_LINES = 20_000;

export class LogTail {
  private lines: string[] = [];
  private dropped = 0;

  constructor(private readonly capacity = LOG_TAIL_LINES) {}

  push(lines: readonly string[]): void {
    for (const line of lines) this.lines.push(line);
    const excess = this.lines.length - this.capacity;
    // Trimming in chunks keeps a steady stream of lines from copying the array on each push.
    if (excess > 0 && (excess >= this.capacity / 10 || this.lines.length > this.capacity * 1.1)) this.trim();
  }

  text(): string {
    this.trim();
    const note =
      this.dropped > 0
        ? [
            `… ${this.dropped.toLocaleString('en-US')} older lines were dropped: this document keeps the last ${this.capacity.toLocaleString('en-US')}.`,
          ]
        : [];
    return [...note, ...this.lines].join('\n');
  }

  /** Lines held now, the note not included. */
  get length(): number {
    return Math.min(this.lines.length, this.capacity);
  }

  private trim(): void {
    const excess = this.lines.length - this.capacity;
    if (excess <= 0) return;
    this.lines = this.lines.slice(excess);
    this.dropped += excess;
  }
}
