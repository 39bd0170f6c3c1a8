import type { JobKind } from '../generated/prisma/enums.ts';

/**
 * Weighted progress of a spec experiment from its jobs (plan 2 %, training 80 %, recording 5 %, alignment 13 %),
 * so the bar never jumps back when a later step's jobs appear. Null when the experiment has no plan (EXPERIMENT) job.
 */
export function pipelineProgress(jobs: Array<{ kind: JobKind; fraction: number; status: string }>): number | null {
  const shares: Array<[JobKind, number]> = [
    ['EXPERIMENT', 0.02],
    ['TRAIN', 0.8],
    ['RECORD', 0.05],
    ['ALIGN', 0.13],
  ];
  if (!jobs.some((j) => j.kind === 'EXPERIMENT')) return null;
  let total = 0;
  let later = false;
  for (let i = shares.length - 1; i >= 0; i--) {
    const [kind, share] = shares[i]!;
    const js = jobs.filter((j) => j.kind === kind);
    const f = js.length ? js.reduce((s, j) => s + (j.status === 'COMPLETED' ? 1 : j.fraction), 0) / js.length : later ? 1 : 0;
    if (js.length) later = true;
    total += share * f;
  }
  return Math.min(1, total);
}
