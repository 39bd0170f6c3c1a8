/**
 * Whole-process alignment: `convergent align A.npy B.npy --method M` (bin/convergent.mjs in a fresh Node process:
 * start, loading the engine's build from dist/, reading both files, the statistics pass, the method) against the
 * numpy/scipy/sklearn script a user would run (peers/align_process_peer.py in a fresh python3: start, imports,
 * np.load, corrcoef, the method), on the same 40,000 × 512 float32 pair. Both timed from outside with /usr/bin/time
 * (wall, CPU, max RSS), three runs per side interleaved (ours, peer, peer, ours, ours, peer: neither side always goes
 * first), reported as the median with the spread (min–max) and the 1-minute load average at each run, so that one
 * noisy run on a shared machine is not the figure.
 * Methods: max matching (`--method max`, vs scipy linear_sum_assignment on numpy corrcoef), spectral --clusters 32
 * (vs sklearn SpectralClustering on |corrcoef|), sparse (default penalties; vs sklearn Lasso precompute=True, warm
 * start).
 *
 * `--wide` (ctx.wide) runs the widening study instead (issue 12): max matching (our cross-only statistics pass) and
 * cka (the full joint Gram; vs numpy's float64 ‖XᵀY‖²/(‖XᵀX‖‖YᵀY‖)) on the 40,000 × 512 pair and on a
 * 20,000 × 4,096 pair (the paper's fc widths), each timed once per side (the wide runs take tens of seconds).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PENALTIES } from '../../src/cli/align.ts';
import { writeNpy } from '../../src/io/npy.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const engineDir = path.resolve(here, '..', '..');
const PEER_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

interface Run {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  stdout: string;
  /** 1-minute load average when the run ended. */
  load: number;
}

/** Run a command once under /usr/bin/time. */
function timedProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const line = r.stderr.trim().split('\n').reverse().find((l) => l.startsWith('TIME '));
  if (r.status !== 0 || !line) throw new Error(`${path.basename(cmd)} ${args.slice(0, 2).join(' ')} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-2).join(' ')}`);
  const [, e, u, s, m] = line.split(' ').map(Number);
  return { wallMs: e! * 1000, cpuMs: (u! + s!) * 1000, rssMb: m! / 1024, stdout: r.stdout, load: loadavg()[0]! };
}

/** Median of a non-empty list (the mean of the middle two for an even count). */
function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
}

/** `median (min–max)` of the runs' wall or CPU times, in whole ms. */
function spread(values: number[]): string {
  const f = (x: number) => x.toFixed(0);
  return values.length === 1 ? f(values[0]!) : `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
}

/** The 1-minute load averages at the end of the runs, `min–max`. */
function loadRange(runs: Run[]): string {
  const loads = runs.map((r) => r.load);
  return `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
}

/**
 * `reps` runs of each side, interleaved: run i starts with ours when i is even and with the peer when i is odd, so a
 * load change during the section does not always hit the same side.
 */
function interleaved(ours: () => Run, peer: () => Run, reps: number): { ours: Run[]; peer: Run[] } {
  const out = { ours: [] as Run[], peer: [] as Run[] };
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      out.ours.push(ours());
      out.peer.push(peer());
    } else {
      out.peer.push(peer());
      out.ours.push(ours());
    }
  }
  return out;
}

interface Case {
  method: string;
  ours: string[];
  peer: string[];
  peerName: string;
}

const MAX: Case = { method: 'max', ours: ['--method', 'max'], peer: ['hungarian'], peerName: 'scipy linear_sum_assignment on numpy corrcoef (whole process)' };
const CKA: Case = { method: 'cka', ours: ['--method', 'cka'], peer: ['cka'], peerName: 'numpy float64 linear CKA (whole process)' };

/**
 * `ctx.data` for p ≤ 512. Wider: one `ctx.data(n, 512, seed)` block (the realistic signal) spread over p columns,
 * column lo + j of block k being column (j + 37k) mod 512 scaled by 1 + k/8, plus uniform noise of width 0.6 from a
 * fast LCG, so the units are distinct but related like one family's. (Generating p / 512 realistic blocks takes
 * minutes of Box–Muller on a loaded machine, and one tfjs product of 20,000 × 4,096 fails inside tfjs with "Set
 * maximum size exceeded".)
 */
function wideData(ctx: BenchContext, n: number, p: number, seed: number): Float32Array {
  if (p <= 512) return ctx.data(n, p, seed);
  const block = ctx.data(n, 512, seed);
  const out = new Float32Array(n * p);
  let state = (seed * 2654435761) >>> 0;
  for (let s = 0; s < n; s++) {
    const row = s * 512;
    for (let c = 0; c < p; c++) {
      const k = c >> 9;
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      out[s * p + c] = block[row + (((c & 511) + 37 * k) & 511)]! * (1 + k / 8) + 0.6 * (state / 4294967296 - 0.5);
    }
  }
  return out;
}

/** Write the planted pair (B: A's units permuted and mixed with noise) of n × p and return the two paths. */
async function writePair(ctx: BenchContext, n: number, p: number): Promise<[string, string]> {
  const a = wideData(ctx, n, p, 11);
  const noise = wideData(ctx, n, p, 12);
  const b = new Float32Array(n * p);
  for (let s = 0; s < n; s++) for (let j = 0; j < p; j++) b[s * p + j] = a[s * p + ((j * 37 + 5) % p)]! + 0.5 * noise[s * p + j]!;
  const aPath = path.join(ctx.tmpDir, `process-a-${n}x${p}.npy`);
  const bPath = path.join(ctx.tmpDir, `process-b-${n}x${p}.npy`);
  await writeNpy(aPath, a, [n, p]);
  await writeNpy(bPath, b, [n, p]);
  return [aPath, bPath];
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  if (!existsSync('/usr/bin/time')) return [{ task: 'whole-process align: NOT RUN', ours: NaN, note: '/usr/bin/time is missing (apt-get install time)' }];
  const n = ctx.quick ? 4000 : 40_000;
  const plans: Array<{ n: number; p: number; reps: number; cases: Case[] }> = ctx.wide
    ? [
        { n: ctx.quick ? 2000 : 20_000, p: ctx.quick ? 1024 : 4096, reps: 1, cases: [MAX, CKA] },
        { n, p: 512, reps: 1, cases: [MAX, CKA] },
      ]
    : [
        {
          n,
          p: 512,
          reps: 3,
          cases: [
            MAX,
            { method: 'spectral', ours: ['--method', 'spectral', '--clusters', '32'], peer: ['spectral', '32'], peerName: 'sklearn SpectralClustering on |corrcoef| (whole process)' },
            { method: 'sparse', ours: ['--method', 'sparse'], peer: ['sparse', '0', DEFAULT_PENALTIES.join(',')], peerName: 'sklearn Lasso precompute=True, warm start (whole process)' },
          ],
        },
      ];
  const rows: BenchRow[] = [];
  for (const plan of plans) {
    const [aPath, bPath] = await writePair(ctx, plan.n, plan.p);
    for (const c of plan.cases) {
      const json = path.join(ctx.tmpDir, `process-${c.method}.json`);
      const runs = interleaved(
        () => timedProcess(process.execPath, [path.join(engineDir, 'bin', 'convergent.mjs'), 'align', aPath, bPath, ...c.ours, '--quiet', '--json', json]),
        () => timedProcess(PEER_PYTHON, [path.join(here, '..', 'peers', 'align_process_peer.py'), aPath, bPath, ...c.peer]),
        plan.reps,
      );
      const wall = (rs: Run[]) => rs.map((r) => r.wallMs);
      const cpu = (rs: Run[]) => rs.map((r) => r.cpuMs);
      const rss = (rs: Run[]) => Math.max(...rs.map((r) => r.rssMb));
      const report = JSON.parse(readFileSync(json, 'utf8')) as { products?: string; max?: { meanCorr: number }; cka?: { linear: number } };
      const peerOut = JSON.parse(runs.peer.at(-1)!.stdout.trim().split('\n').pop()!) as { meanCorr?: number; linear?: number };
      const agree =
        c.method === 'max'
          ? `; mean matched r ours ${report.max?.meanCorr.toFixed(6)} vs scipy ${peerOut.meanCorr?.toFixed(6)}`
          : c.method === 'cka'
            ? `; linear CKA ours ${report.cka?.linear.toFixed(6)} vs numpy ${peerOut.linear?.toFixed(6)}`
            : '';
      const runsNote =
        plan.reps === 1
          ? `load ${runs.ours[0]!.load.toFixed(1)}`
          : `${plan.reps} runs each, median (min–max): wall ours ${spread(wall(runs.ours))}, peer ${spread(wall(runs.peer))} ms; ` +
            `CPU ours ${spread(cpu(runs.ours))}, peer ${spread(cpu(runs.peer))} ms; ` +
            `wall ratio per run ${runs.ours.map((r, i) => (r.wallMs / runs.peer[i]!.wallMs).toFixed(2)).join(' / ')}; ` +
            `load ${loadRange([...runs.ours, ...runs.peer])}`;
      const row: BenchRow = {
        task: `align ${c.ours.join(' ')} N=${plan.n} p=q=${plan.p}, whole process${plan.reps === 1 ? ' (one run)' : ` (median of ${plan.reps})`}`,
        ours: median(wall(runs.ours)),
        oursCpu: median(cpu(runs.ours)),
        peer: median(wall(runs.peer)),
        peerCpu: median(cpu(runs.peer)),
        peerName: c.peerName,
        note: `${runsNote}; max RSS ours ${rss(runs.ours).toFixed(0)} MB, peer ${rss(runs.peer).toFixed(0)} MB; products: ${report.products ?? '?'}${agree}`,
      };
      rows.push(row);
      // As measured (a long study can be cut off): wall, CPU and memory of both sides.
      console.error(`  measured: ${row.task}: ours ${row.ours.toFixed(0)} ms (cpu ${row.oursCpu!.toFixed(0)}), peer ${row.peer!.toFixed(0)} ms (cpu ${row.peerCpu!.toFixed(0)}); ${row.note}`);
    }
  }
  return rows;
}
