/** A job for worker-pool.test.ts that loads nothing (no tfjs): its worker starts in well under a second. */
import type { JobContext } from './worker-pool.ts';

/** `n` values i·0.5 in a Float64Array moved (not copied) to the parent, with the time the job started. */
export function halves(n: number, ctx: JobContext<never>): { values: Float64Array; startedAt: number } {
  const startedAt = Date.now();
  const values = Float64Array.from({ length: n }, (_, i) => i * 0.5);
  ctx.transfer(values.buffer);
  return { values, startedAt };
}
