/**
 * Alignment benchmark: `npm run bench -w @convergent/engine -- [--quick] [--only stats,matching] [--wide]`.
 * `--wide`: the whole-process section's widening study (max matching and cka at 512 and 4,096 units; see there).
 * Runs every `benchmark/sections/*.ts` (in name order) and prints task, our time, the Python peer's time on the
 * same data, and the ratio ours/peer (≤ 1.0 means we are at least as fast).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { selectBackend } from '../src/backend/select-backend.ts';
import { parseScriptArgs } from '../src/cli/command.ts';
import { makeContext, type BenchContext, type BenchRow } from './bench-context.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { options } = parseScriptArgs('bench', { quick: 'boolean', wide: 'boolean', only: 'string' }, 'npm run bench -w @convergent/engine -- [--quick] [--only stats,matching] [--wide]');
const quick = options.quick === true;
const wide = options.wide === true;
const only = typeof options.only === 'string' ? options.only.split(',').filter(Boolean) : [];

function fmt(ms: number | undefined): string {
  return ms === undefined ? '-' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

/** `uptime`'s line (load averages over 1, 5 and 15 minutes), or why it could not run. */
function uptime(): string {
  const r = spawnSync('uptime', { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : `uptime failed (${r.error?.message ?? r.status})`;
}

async function main(): Promise<void> {
  const backend = await selectBackend();
  const tmpDir = mkdtempSync(path.join(tmpdir(), 'convergent-bench-'));
  const ctx: BenchContext = makeContext(tmpDir, quick, wide);
  const rows: BenchRow[] = [];
  console.error(`uptime at the start: ${uptime()}`);
  console.error(`backend: ${backend.name} (${backend.detail})${quick ? ', quick sizes' : ''}`);
  try {
    const sectionDir = path.join(here, 'sections');
    const files = readdirSync(sectionDir).filter((f) => f.endsWith('.ts')).sort();
    for (const file of files) {
      const name = file.replace(/\.ts$/, '');
      if (only.length > 0 && !only.includes(name)) continue;
      const mod = (await import(pathToFileURL(path.join(sectionDir, file)).href)) as {
        bench?: (c: BenchContext) => Promise<BenchRow[]>;
      };
      if (typeof mod.bench !== 'function') continue;
      console.error(`section ${name} ...`);
      try {
        const got = await mod.bench(ctx);
        rows.push(...got);
        // Progress: each section's rows as soon as they are measured (the table follows at the end).
        for (const r of got) console.error(`  ${r.task}: ours ${fmt(r.ours)} ms, peer ${fmt(r.peer)} ms (${r.peerName ?? '-'})${r.oursCpu !== undefined ? `, cpu ${fmt(r.oursCpu)} / ${fmt(r.peerCpu)} ms` : ''}`);
      } catch (err) {
        rows.push({ task: `${name}: FAILED`, ours: NaN, note: (err as Error).message });
      }
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  // Wall-clock ratio, plus the CPU-time ratio where both sides reported it (robust when other work shares the cores).
  const header = ['task', 'ours (ms)', 'peer (ms)', 'peer', 'ratio', 'cpu ours/peer (ms)', 'cpu ratio', 'note'];
  const table = rows.map((r) => [
    r.task,
    fmt(r.ours),
    fmt(r.peer),
    r.peerName ?? '-',
    r.peer ? (r.ours / r.peer).toFixed(2) : '-',
    r.oursCpu !== undefined && r.peerCpu !== undefined ? `${fmt(r.oursCpu)} / ${fmt(r.peerCpu)}` : '-',
    r.oursCpu !== undefined && r.peerCpu ? (r.oursCpu / r.peerCpu).toFixed(2) : '-',
    r.note ?? '',
  ]);
  console.log(`uptime at the end: ${uptime()}`);
  console.log(`load average at the end: ${loadavg().map((v) => v.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const t of table) console.log(`| ${t.join(' | ')} |`);
}

main().catch((err) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});
