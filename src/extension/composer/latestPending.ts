/**
 * Messages held for a page that is not listening (hidden, or not loaded yet).
 * Only the newest message of each type is kept: a hidden composer that missed a
 * hundred updates needs the last one, not a queue of every one.
 */
export class LatestPending<M extends { type: string }> {
  private readonly held = new Map<string, M>();

  hold(message: M): void {
    // Deleted first, so the order is that of the newest of each type.
    this.held.delete(message.type);
    this.held.set(message.type, message);
  }

  /** The held messages, oldest first, and none held afterwards. */
  take(): M[] {
    const messages = [...this.held.values()];
    this.held.clear();
    return messages;
  }

  get size(): number {
    return this.held.size;
  }
}
