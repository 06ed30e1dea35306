/**
 * Which browser connections use which open captures. A page closes its capture when it goes away,
 * but that last message can die with the page (a crash, a killed tab, a message still queued when
 * the socket closed). When the last connection that used a capture closes, the capture is closed
 * after a grace period, unless a connection uses it again first: a page that reconnects after a
 * blip keeps its capture. An open capture can hold a scratch index on disk, so none may linger.
 */
export class CaptureLeases {
  private readonly users = new Map<string, Set<object>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly closeCapture: (id: string) => void, private readonly graceMs: number) {}

  /** A connection opened or used a capture. */
  use(conn: object, id: string): void {
    const pending = this.timers.get(id);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(id);
    }
    let set = this.users.get(id);
    if (!set) this.users.set(id, (set = new Set()));
    set.add(conn);
  }

  /** The capture was closed on request: nothing left to watch. */
  forget(id: string): void {
    this.users.delete(id);
    const pending = this.timers.get(id);
    if (pending) clearTimeout(pending);
    this.timers.delete(id);
  }

  /** A connection closed: captures nobody else uses are closed after the grace period. */
  release(conn: object): void {
    for (const [id, set] of this.users) {
      if (!set.delete(conn) || set.size > 0) continue;
      this.users.delete(id);
      const timer = setTimeout(() => {
        this.timers.delete(id);
        this.closeCapture(id);
      }, this.graceMs);
      // A pending close must not keep a stopping server alive.
      timer.unref?.();
      this.timers.set(id, timer);
    }
  }

  /** Captures with a close pending (for tests and diagnostics). */
  get pending(): string[] {
    return [...this.timers.keys()];
  }

  /** Stops every pending close (the server is going away with its engine). */
  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.users.clear();
  }
}
