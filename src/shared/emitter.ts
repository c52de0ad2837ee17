/**
 * The listeners of one plain event (no VS Code API), called in the order they subscribed. A listener that throws
 * keeps neither the others nor the caller of fire() from going on; its first failure is logged.
 */
export class Emitter {
  private readonly listeners = new Set<() => void>();
  private readonly failed = new WeakSet<() => void>();

  /** `what`: the source of the event, as the log names it ("the services list"). */
  constructor(
    private readonly what = 'an event',
    private readonly log?: { warn(message: string): void },
  ) {}

  readonly event = (listener: () => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (e) {
        if (this.failed.has(listener)) continue;
        this.failed.add(listener);
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        this.log?.warn(`A view of ${this.what} failed on an update; the others go on (its next failures are not logged): ${error}`);
      }
    }
  }
}
