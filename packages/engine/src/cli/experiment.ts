/**
 * `convergent experiment run spec.json --out DIR`: train the family, record, align every pair at every
 * recorded layer, write the result directory, and print the per-layer convergence table (mean matched
 * correlation, semi and max, next to its chance level from untrained networks).
 */
import { NEWER_MEASURE_FIGURES } from '../align/methods.ts';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveDatasetPaths } from '../experiment/experiment-spec.ts';
import { runExperiment, type ExperimentProgress } from '../experiment/run-experiment.ts';
import type { ResultManifest, SummaryStat } from '../experiment/manifest.ts';
import type { LayerStatistic } from '../experiment/layer-statistics.ts';
import { CliError, type CliIO, type Command, parseArgs } from './command.ts';

const USAGE = `Usage: convergent experiment run SPEC.json --out DIR [--concurrency N] [--include-dead] [--quiet]

Train every architecture × seed of the experiment spec, record the recorded layers on the probe set, align
every pair of networks at every layer with every method (plus matched chance: the same pair design on untrained
twins of the same two architectures, and a shuffled-probe null per trained pair), and write a self-describing
result directory to DIR (written to DIR.partial, renamed when complete; rerunning after a crash resumes training
from checkpoints). The summary gives means over live units (n live / n total), a 95% interval that resamples
networks, the matched chance, the permutation test's p-value, and says so in words when a figure is at or below
its chance.

Options:
  --out DIR          result directory to create (must not exist)
  --concurrency N    networks trained at once in worker threads (default: CPU cores)
  --include-dead     summary over every unit (dead units, std 0 on the probe set, count r = 0); the result
                     directory always holds both
  --quiet            no progress on stderr
Environment: CONVERGENT_BACKEND=tensorflow|wasm|cpu forces a compute backend.
Example spec: packages/engine/examples/fashion-4seeds.json
`;

function fmtTime(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}

/** Per-network progress bars: redrawn in place on a terminal, a line every few seconds otherwise. */
class FamilyBars {
  private readonly lines = new Map<string, string>();
  private drawn = 0;
  private lastPlain = new Map<string, number>();
  private phaseLine = '';
  constructor(private readonly io: CliIO, private readonly enabled: boolean) {}

  update(e: ExperimentProgress): void {
    if (!this.enabled) return;
    const tty = this.io.stderr.isTTY === true;
    if (e.phase === 'train') {
      const p = e.progress;
      const frac = (p.epoch - 1 + p.batch / p.batches) / p.epochs;
      const width = 20;
      const fill = Math.round(frac * width);
      const bar = `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}]`;
      const line = `${e.network.padEnd(22)} ${bar} epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(3)} ${p.samplesPerSecond.toFixed(0)} samples/s ETA ${fmtTime(p.etaSeconds)}`;
      this.lines.set(e.network, line);
      if (tty) this.redraw();
      else {
        const now = performance.now();
        if (p.phase === 'epoch' || now - (this.lastPlain.get(e.network) ?? 0) > 5000) {
          this.lastPlain.set(e.network, now);
          this.io.stderr.write(`${line}\n`);
        }
      }
    } else if (e.phase === 'trained') {
      const m = e.metrics;
      const line = `${e.network.padEnd(22)} done${m ? `: validation accuracy ${(100 * m.validationAccuracy).toFixed(1)}%, train loss ${m.trainLoss.toFixed(3)}` : ' (from checkpoint)'}`;
      this.lines.set(e.network, line);
      if (tty) this.redraw();
      else this.io.stderr.write(`${line}\n`);
    } else {
      const text =
        e.phase === 'record' ? `recording probe set: ${e.done}/${e.total} images`
        : e.phase === 'align' ? `aligning layer ${e.layer}: ${e.done}/${e.total} pairs`
        : e.phase === 'stitch' ? `stitching layer ${e.layer}: ${e.done}/${e.total} pairs`
        : e.message;
      if (tty) {
        this.phaseLine = text;
        this.redraw();
      } else if (e.phase !== 'record' || e.done === e.total) {
        if ((e.phase !== 'align' && e.phase !== 'stitch') || e.done === e.total) this.io.stderr.write(`${text}\n`);
      }
    }
  }

  private redraw(): void {
    const rows = [...this.lines.values(), ...(this.phaseLine ? [this.phaseLine] : [])];
    let s = this.drawn > 0 ? `\u001b[${this.drawn}A` : '';
    for (const r of rows) s += `\r${r}\u001b[K\n`;
    this.io.stderr.write(s);
    this.drawn = rows.length;
  }
}

function cell(s: SummaryStat | null | undefined): string {
  if (!s) return '—';
  return s.n > 1 ? `${s.mean.toFixed(3)} ± ${s.std.toFixed(3)}` : s.mean.toFixed(3);
}

const ci = (st: LayerStatistic | undefined): string => {
  if (!st) return '—';
  if (!st.ci) return 'no interval';
  return `[${st.ci.low.toFixed(3)}, ${st.ci.high.toFixed(3)}]`;
};
const pv = (st: LayerStatistic | undefined): string => (st?.pValue === null || st?.pValue === undefined ? '—' : st.pValue < 0.001 ? st.pValue.toExponential(1) : st.pValue.toFixed(3));

/** The statistic of a figure at a layer over all trained pairs (manifest format 2). */
function statOf(l: ResultManifest['layers'][number], figure: string): LayerStatistic | undefined {
  return l.statistics?.find((st) => st.figure === figure && st.scope === 'all');
}

/**
 * The per-layer table: live units, then for semi, max and CKA the mean over trained pairs (live units unless
 * `includeDead`), its 95% network-bootstrap interval, the matched chance and the permutation p-value; then, in
 * words, every figure at or below its chance and why intervals are missing.
 */
export function convergenceTable(manifest: ResultManifest, options: { includeDead?: boolean } = {}): string {
  const all = options.includeDead === true;
  const key = (k: 'semi' | 'max' | 'cka') => (all && k !== 'cka' ? `${k}.all` : k);
  const trained = new Set(manifest.networks.filter((n) => n.role === 'trained').map((n) => n.id));
  const header = ['layer', 'pairs', 'live units', 'semi', 'chance', 'max', '95% CI', 'chance', 'p', 'CKA', 'chance'];
  const rows = manifest.layers.map((l) => {
    const m = l.metrics;
    const n = m.semi?.between?.n ?? m.max?.between?.n ?? m.cka?.between?.n ?? 0;
    const layers = manifest.networks.filter((x) => trained.has(x.id)).flatMap((x) => x.layers.filter((y) => y.name === l.name));
    const total = layers.reduce((s, y) => s + y.units, 0);
    const liveUnits = `${total - layers.reduce((s, y) => s + y.deadCount, 0)} / ${total}`;
    const max = statOf(l, key('max'));
    return [l.name, String(n), liveUnits, cell(m[key('semi')]?.between), cell(m[key('semi')]?.chance), cell(m[key('max')]?.between), ci(max), cell(m[key('max')]?.chance), pv(max), cell(m.cka?.between), cell(m.cka?.chance)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [
    all ? 'means over ALL units (dead units count r = 0; --include-dead)' : 'means over live units (dead: std 0 on the probe set); --include-dead counts every unit',
    fmt(header),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...rows.map(fmt),
  ];
  // In words: figures at or below their matched chance, and missing intervals.
  const words: string[] = [];
  const reasons = new Set<string>();
  for (const l of manifest.layers) {
    for (const f of ['semi', 'max', 'cka', 'ckaDebiased', 'miMax', ...NEWER_MEASURE_FIGURES].map((k) => (all && ['semi', 'max', 'miMax'].includes(k) ? `${k}.all` : k))) {
      const st = statOf(l, f);
      if (st?.atOrBelowChance) words.push(`  ${l.name} ${f}: ${st.verdictReason}`);
      if (st && !st.ci && st.ciReason) reasons.add(st.ciReason);
    }
  }
  if (words.length > 0) out.push('', 'AT OR BELOW CHANCE (trained pairs do not beat the matched untrained pairs):', ...words);
  for (const r of reasons) out.push('', `no interval: ${r}`);
  return out.join('\n');
}

/**
 * The newer measures per layer (SVCCA, PWCCA, Procrustes distance, mutual kNN: trained pairs vs chance pairs), and
 * consensus and stitching when the run computed them; empty when none was asked for.
 */
export function newerMeasuresTable(manifest: ResultManifest): string {
  const out: string[] = [];
  const keys = NEWER_MEASURE_FIGURES.filter((k) => manifest.layers.some((l) => l.metrics[k]));
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
  };
  if (keys.length > 0) {
    const label: Record<string, string> = { svcca: 'SVCCA', pwcca: 'PWCCA', procrustes: 'Procrustes dist.', knn: 'mutual kNN' };
    out.push(table(['layer', ...keys.flatMap((k) => [`${label[k]} (between)`, `${label[k]} (chance)`])], manifest.layers.map((l) => [l.name, ...keys.flatMap((k) => [cell(l.metrics[k]?.between), cell(l.metrics[k]?.chance)])])));
  }
  if (manifest.consensus && manifest.consensus.length > 0) {
    out.push(
      table(
        ['layer', 'networks', 'consensus units (trained)', 'fraction', 'mean found in', 'consensus units (chance)', 'fraction (chance)', 'mean found in (chance)'],
        manifest.consensus.map((c) => [
          c.layer,
          String(c.trained.networks.length),
          `${c.trained.count} / ${c.trained.liveUnits}`,
          c.trained.fraction.toFixed(3),
          c.trained.meanFound.toFixed(2),
          c.chance ? `${c.chance.count} / ${c.chance.liveUnits}` : '—',
          c.chance ? c.chance.fraction.toFixed(3) : '—',
          c.chance ? c.chance.meanFound.toFixed(2) : '—',
        ]),
      ),
    );
  }
  if (manifest.stitching && manifest.stitching.length > 0) {
    const kinds = ['permutation', 'sparse', 'linear'];
    out.push(
      table(
        ['layer', 'images', 'own accuracy', ...kinds.flatMap((k) => [`${k} (between)`, `${k} (chance)`]), 'majority class'],
        manifest.stitching.map((st) => [st.layer, String(st.images), cell(st.summary.own?.between), ...kinds.flatMap((k) => [cell(st.summary[k]?.between), cell(st.summary[k]?.chance)]), st.majorityRate.toFixed(3)]),
      ),
    );
  }
  return out.join('\n\n');
}

export const experimentRunCommand: Command = {
  name: 'experiment run',
  summary: 'train a family of networks, record and align them, write a result directory',
  usage: USAGE,
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { out: 'string', concurrency: 'string', quiet: 'boolean', 'include-dead': 'boolean' }, 'experiment run');
    if (positionals.length !== 1) throw new CliError(`give exactly one spec file (got ${positionals.length}); see convergent experiment run --help`, 2);
    const out = options.out;
    if (typeof out !== 'string') throw new CliError('--out DIR is required: the result directory to create', 2);
    let concurrency: number | undefined;
    if (options.concurrency !== undefined) {
      concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new CliError(`--concurrency must be a positive integer, got ${options.concurrency}`, 2);
    }
    const file = positionals[0]!;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      throw new CliError(`cannot read spec file ${file}; check the path`);
    }
    let spec: unknown;
    try {
      spec = JSON.parse(text);
    } catch (err) {
      throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
    }
    if (spec !== null && typeof spec === 'object' && 'dataset' in spec) spec = resolveDatasetPaths(spec as { dataset: unknown }, path.dirname(path.resolve(file)), path.resolve);
    const bars = new FamilyBars(io, options.quiet !== true);
    const controller = new AbortController();
    const onSigint = () => controller.abort(Object.assign(new Error('interrupted; rerun the same command to resume from the last finished epoch'), { name: 'AbortError' }));
    process.once('SIGINT', onSigint);
    try {
      const { manifest, dir } = await runExperiment(spec, {
        out,
        onProgress: (e) => bars.update(e),
        signal: controller.signal,
        ...(concurrency !== undefined ? { concurrency } : {}),
      });
      const t = manifest.timings;
      const accs = manifest.networks
        .filter((n) => n.role === 'trained')
        .map((n) => `${n.id} ${(100 * (n.metrics[n.metrics.length - 1]?.validationAccuracy ?? Number.NaN)).toFixed(1)}%`);
      io.stdout.write(`validation accuracy: ${accs.join(', ')}\n\n`);
      io.stdout.write(`${convergenceTable(manifest, { includeDead: options['include-dead'] === true })}\n`);
      const newer = newerMeasuresTable(manifest);
      if (newer) io.stdout.write(`\n${newer}\n`);
      io.stdout.write(
        `\n${manifest.networks.filter((n) => n.role === 'trained').length} networks on ${manifest.backend.name}; ` +
          `train ${t.trainSeconds.toFixed(1)} s, record ${t.recordSeconds.toFixed(1)} s, align ${t.alignSeconds.toFixed(1)} s, total ${t.totalSeconds.toFixed(1)} s\n` +
          `result: ${dir}\n`,
      );
      return 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
