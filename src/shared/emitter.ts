/** The listeners of one plain event (no VS Code API), called in the order they subscribed. */
export class Emitter {
  private readonly listeners = new Set<() => void>();

  readonly event = (listener: () => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
