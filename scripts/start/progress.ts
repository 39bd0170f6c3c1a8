/**
 * Terminal progress bars for the jobs of `npm start`. On a TTY the block is redrawn in place; otherwise a line is
 * printed only when a job's status or phase changes, so logs stay readable in CI and when piped.
 */
export interface JobLine {
  id: string;
  label: string;
  status: string;
  phase: string | null;
  fraction: number;
  etaSeconds: number | null;
  error: string | null;
}

const ACTIVE = new Set(['QUEUED', 'RUNNING', 'RETRY']);

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `ETA ${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `ETA ${s}s`;
}

export function renderBar(fraction: number, width = 24): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(f * 100).toFixed(0).padStart(3)}%`;
}

export function renderJob(job: JobLine): string {
  const status = job.status.toLowerCase().padEnd(9);
  const detail = job.error ? `error: ${job.error}` : [job.phase ?? '', formatEta(job.etaSeconds)].filter(Boolean).join('  ');
  return `${job.label.padEnd(28).slice(0, 28)} ${status} ${renderBar(job.fraction)}  ${detail}`;
}

/**
 * The terminal block: one bar per running job, then one line counting the queued ones by step (an experiment
 * queues a job per network and per aligned pair, too many to draw a bar each).
 */
export function boardLines(jobs: JobLine[]): string[] {
  const running = jobs.filter((j) => ACTIVE.has(j.status) && j.status !== 'QUEUED').reverse();
  const queued = new Map<string, number>();
  for (const j of jobs) if (j.status === 'QUEUED') queued.set(j.label.split(' ')[0]!, (queued.get(j.label.split(' ')[0]!) ?? 0) + 1);
  const lines = running.map(renderJob);
  if (queued.size) lines.push(`queued: ${[...queued].map(([step, n]) => `${n} ${step}`).join(', ')}`);
  return lines.length ? lines : [`no running jobs (${jobs.length} recent)`];
}

export class ProgressBoard {
  private timer: NodeJS.Timeout | undefined;
  private drawn = 0;
  private readonly last = new Map<string, string>();
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly poll: () => Promise<JobLine[]>,
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    const tick = async () => {
      try {
        const jobs = await this.poll();
        if (this.stopped) return;
        this.draw(jobs);
        this.failures = 0;
      } catch (err) {
        if (this.stopped) return; // the API is shutting down
        // The API may be restarting its worker; report once, keep polling.
        if (this.failures++ === 0) this.out.write(`progress: ${(err as Error).message}\n`);
      }
      // A poll in flight when stop() ran must not schedule another (it would keep the process alive).
      if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
  }

  /** Print a line above the job block (which is redrawn on the next poll). */
  log(line: string): void {
    if (this.out.isTTY && this.drawn) this.out.write(`\x1b[${this.drawn}F\x1b[J`);
    this.drawn = 0;
    this.out.write(`${line}\n`);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private draw(jobs: JobLine[]): void {
    if (this.out.isTTY) {
      if (this.drawn) this.out.write(`\x1b[${this.drawn}F\x1b[J`);
      const lines = boardLines(jobs);
      this.out.write(`${lines.join('\n')}\n`);
      this.drawn = lines.length;
      return;
    }
    for (const job of jobs) {
      const key = `${job.status}|${job.phase ?? ''}`;
      if (this.last.get(job.id) !== key) {
        this.last.set(job.id, key);
        this.out.write(`${renderJob(job)}\n`);
      }
    }
  }
}
