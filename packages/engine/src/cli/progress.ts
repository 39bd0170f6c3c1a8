/**
 * Progress on stderr for anything that takes over a second, silent for quick runs.
 *
 * Async work (streaming rows) reports through `rows()`: nothing during the first second, then at most one line per
 * second (rewritten in place on a terminal). Synchronous steps (a matching, an eigen-solve) cannot be interrupted by
 * a timer, so `step()` announces a step only once the run has already taken over a second, and reports a step's
 * duration when the step itself took over a second.
 */
import type { CliIO } from './command.ts';

export class Progress {
  private readonly started: number;
  private lastRowsLine = 0;
  private pendingNewline = false;

  /** `now` (milliseconds) is injectable for tests. */
  constructor(
    private readonly io: CliIO,
    private readonly prefix: string,
    private readonly enabled = true,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  private elapsed(): number {
    return (this.now() - this.started) / 1000;
  }

  private line(text: string, inPlace = false): void {
    if (!this.enabled) return;
    const tty = this.io.stderr.isTTY === true;
    if (tty && inPlace) {
      this.io.stderr.write(`\r${this.prefix}: ${text}\u001b[K`);
      this.pendingNewline = true;
      return;
    }
    if (this.pendingNewline) this.io.stderr.write('\n');
    this.pendingNewline = false;
    this.io.stderr.write(`${this.prefix}: ${text}\n`);
  }

  /** Streaming progress: `done` of `total` rows. */
  rows(done: number, total: number): void {
    const now = this.elapsed();
    if (now < 1 || (now - this.lastRowsLine < 1 && done < total)) return;
    this.lastRowsLine = now;
    const pct = total > 0 ? ((100 * done) / total).toFixed(1) : '100';
    this.line(`streamed ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows (${pct}%, ${now.toFixed(1)} s)`, true);
  }

  /** Run one named step, announcing it when the run is already slow and timing it when it is slow itself. */
  async step<T>(name: string, work: () => T | Promise<T>): Promise<T> {
    if (this.elapsed() > 1) this.line(`computing ${name}...`);
    // Let pending stderr writes flush before a long synchronous computation.
    await new Promise((resolve) => setImmediate(resolve));
    const t0 = this.now();
    const result = await work();
    const seconds = (this.now() - t0) / 1000;
    if (seconds > 1) this.line(`${name} took ${seconds.toFixed(1)} s`);
    return result;
  }

  /** End any in-place line. */
  finish(): void {
    if (this.pendingNewline && this.enabled) this.io.stderr.write('\n');
    this.pendingNewline = false;
  }
}
