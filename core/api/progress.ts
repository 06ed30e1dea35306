import type { ProgressEvent } from './contract.js';

/**
 * Turns byte or item counts into throttled ProgressEvents with an ETA. Throttled because a
 * first pass produces millions of increments and each event crosses a process boundary.
 */
export class ProgressReporter {
  private done_ = 0;
  private lastEmit = 0;
  private readonly started = Date.now();

  constructor(
    private readonly phase: string,
    private readonly total: number,
    private readonly emit: (p: ProgressEvent) => void,
    private readonly intervalMs = 100,
  ) {
    emit({ phase, fraction: 0 });
  }

  advance(n: number): void {
    this.done_ += n;
    const now = Date.now();
    if (now - this.lastEmit < this.intervalMs) return;
    this.lastEmit = now;
    this.emit(this.snapshot(now));
  }

  set(doneSoFar: number): void {
    this.advance(doneSoFar - this.done_);
  }

  done(): void {
    this.emit({ phase: this.phase, fraction: 1, etaMs: 0 });
  }

  private snapshot(now: number): ProgressEvent {
    const fraction = this.total > 0 ? Math.min(1, this.done_ / this.total) : 0;
    const elapsed = now - this.started;
    const p: ProgressEvent = { phase: this.phase, fraction };
    // An ETA from the first few percent is noise; wait until it means something.
    if (fraction > 0.02 && elapsed > 200) p.etaMs = Math.round((elapsed / fraction) * (1 - fraction));
    return p;
  }
}
