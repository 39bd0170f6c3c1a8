/**
 * Whole-process alignment: `convergent align A.npy B.npy --method M` (bin/convergent.mjs in a fresh Node process:
 * start, tsx, reading both files, the statistics pass, the method) against the numpy/scipy/sklearn script a user
 * would run (peers/align_process_peer.py in a fresh python3: start, imports, np.load, corrcoef, the method), on the
 * same 40,000 × 512 float32 pair. Both timed from outside with /usr/bin/time (wall, CPU, max RSS), best of 2.
 * Methods: hungarian (vs scipy linear_sum_assignment on numpy corrcoef), spectral --clusters 32 (vs sklearn
 * SpectralClustering on |corrcoef|), sparse (default penalties; vs sklearn Lasso precompute=True, warm start).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
}

/** Run a command under /usr/bin/time; best wall of `reps` runs. */
function timedProcess(cmd: string, args: string[], reps: number, env: NodeJS.ProcessEnv = process.env): Run {
  let best: Run | undefined;
  for (let i = 0; i < reps; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
    const line = r.stderr.trim().split('\n').reverse().find((l) => l.startsWith('TIME '));
    if (r.status !== 0 || !line) throw new Error(`${path.basename(cmd)} ${args.slice(0, 2).join(' ')} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-2).join(' ')}`);
    const [, e, u, s, m] = line.split(' ').map(Number);
    const run = { wallMs: e! * 1000, cpuMs: (u! + s!) * 1000, rssMb: m! / 1024, stdout: r.stdout };
    if (!best || run.wallMs < best.wallMs) best = run;
  }
  return best!;
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  if (!existsSync('/usr/bin/time')) return [{ task: 'whole-process align: NOT RUN', ours: NaN, note: '/usr/bin/time is missing (apt-get install time)' }];
  const n = ctx.quick ? 4000 : 40_000;
  const p = 512;
  // B: A's units permuted and mixed with noise, so the matching has a planted answer.
  const a = ctx.data(n, p, 11);
  const noise = ctx.data(n, p, 12);
  const b = new Float32Array(n * p);
  for (let s = 0; s < n; s++) for (let j = 0; j < p; j++) b[s * p + j] = a[s * p + ((j * 37 + 5) % p)]! + 0.5 * noise[s * p + j]!;
  const aPath = path.join(ctx.tmpDir, 'process-a.npy');
  const bPath = path.join(ctx.tmpDir, 'process-b.npy');
  await writeNpy(aPath, a, [n, p]);
  await writeNpy(bPath, b, [n, p]);
  const reps = 2;
  const cases: Array<[string, string[], string[], string]> = [
    ['hungarian', ['--method', 'hungarian'], ['hungarian'], 'scipy linear_sum_assignment on numpy corrcoef (whole process)'],
    ['spectral', ['--method', 'spectral', '--clusters', '32'], ['spectral', '32'], 'sklearn SpectralClustering on |corrcoef| (whole process)'],
    ['sparse', ['--method', 'sparse'], ['sparse', '0', DEFAULT_PENALTIES.join(',')], 'sklearn Lasso precompute=True, warm start (whole process)'],
  ];
  const rows: BenchRow[] = [];
  for (const [method, ourArgs, peerArgs, peerName] of cases) {
    const json = path.join(ctx.tmpDir, `process-${method}.json`);
    const ours = timedProcess(process.execPath, [path.join(engineDir, 'bin', 'convergent.mjs'), 'align', aPath, bPath, ...ourArgs, '--quiet', '--json', json], reps);
    const peer = timedProcess(PEER_PYTHON, [path.join(here, '..', 'peers', 'align_process_peer.py'), aPath, bPath, ...peerArgs], reps);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { products?: string; hungarian?: { meanCorr: number } };
    const peerOut = JSON.parse(peer.stdout.trim().split('\n').pop()!) as { meanCorr?: number };
    const agree = method === 'hungarian' ? `; mean matched r ours ${report.hungarian?.meanCorr.toFixed(6)} vs scipy ${peerOut.meanCorr?.toFixed(6)}` : '';
    rows.push({
      task: `align --method ${ourArgs.slice(1).join(' ')} N=${n} p=q=${p}, whole process`,
      ours: ours.wallMs,
      oursCpu: ours.cpuMs,
      peer: peer.wallMs,
      peerCpu: peer.cpuMs,
      peerName,
      note: `max RSS ours ${ours.rssMb.toFixed(0)} MB, peer ${peer.rssMb.toFixed(0)} MB; products: ${report.products ?? '?'}${agree}`,
    });
  }
  return rows;
}
