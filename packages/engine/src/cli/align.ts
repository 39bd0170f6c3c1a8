/**
 * `convergent align A.npy B.npy`: align the units of two networks from their saved activations.
 *
 * Both files are streamed batch by batch, side by side, into ONE MomentAccumulator over the joint vector [a; b]
 * (groups A and B, so debiased CKA has its extras) and, when MI is asked for, a seeded reservoir of joint rows (the
 * same rows of A and B, kept paired). The methods then run on those statistics; nothing holds all samples.
 */
import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_MI_BINS, DEFAULT_MI_SAMPLE_ROWS } from '../align/mutual-information.ts';
import { openActivationSource, type ActivationSource } from '../io/activation-source.ts';
import { writeFileAtomic } from '../io/npy.ts';
import type { CkaMoments, JointMoments, PairStatistics } from '../stats/moments.ts';
import type { CrossStatistics } from '../stats/cross-moments.ts';
import { RowReservoir } from '../stats/row-sample.ts';
import { ImageMeans } from '../stats/image-means.ts';
import { requireCcaSamples } from '../align/cca.ts';
import { DEFAULT_KNN_K, KNN_METRICS, type KnnMetric } from '../align/knn-metric.ts';
import { ckaSumsSuffice, crossBlockSuffices, runAlignMethod } from './align-methods.ts';
import { METHOD_NAMES, PAPER_METHOD_NAMES, type AlignOptions, type AlignReport, type MethodName } from './align-types.ts';
import { formatSummary } from './align-report.ts';
import { CliError, parseArgs, type CliIO, type Command } from './command.ts';
import { Progress } from './progress.ts';
import { availableMemory } from '../experiment/memory-estimate.ts';
import { checkAlignMemory, estimateAlignMemory } from './align-memory.ts';

export const DEFAULT_PENALTIES = [0.001, 0.003, 0.01, 0.03, 0.1];
export const DEFAULT_MI_ROWS = DEFAULT_MI_SAMPLE_ROWS;
export type { AlignOptions, AlignReport } from './align-types.ts';

const USAGE = `Usage: convergent align A.npy B.npy [options]

Align the units of two networks from activations saved with numpy (same probe samples, same order).
Arrays: 2-D [samples, units], or 4-D conv maps [images, H, W, C] (nhwc, default) or [images, C, H, W]
(nchw); a conv unit is a channel and its samples are images x H x W positions. Any float/int/bool dtype,
C or Fortran order, .npy format 1-3. A or B may be a .npz archive: pick the array with --key NAME
(or --key-a / --key-b); an archive holding one array needs no key.

Options:
  --method LIST       paper (default: semi, hungarian, mi, sparse, spectral, cka), all (adds svcca,
                      pwcca, procrustes, knn) or a comma list of those names
  --layout L          nhwc (default) or nchw, for 4-D arrays
  --key NAME          array name inside .npz inputs (--key-a NAME, --key-b NAME for one side)
  --penalties LIST    sparse prediction L1 penalties, comma list of numbers >= 0
                      (default ${DEFAULT_PENALTIES.join(',')})
  --clusters K        spectral clusters, 2 <= K <= units of A + B (default: round(sqrt(units A + B)), at least 2)
  --affinity A        spectral affinity: abs (|r|, default) or positive (max(r, 0))
  --mi-rows N         rows sampled (seeded reservoir) for mutual information (default ${DEFAULT_MI_ROWS})
  --bins B            percentile bins of non-zero values per unit for MI, 1..15 (default ${DEFAULT_MI_BINS}),
                      plus one bin for exact zeros
  --k K               mutual kNN: nearest images per image, 1 <= K < images (default ${DEFAULT_KNN_K}); a conv
                      map's image is its channels averaged over positions
  --knn-metric M      mutual kNN distance: euclidean (default) or cosine (platonic-rep's unit rows)
  --seed S            seed of the MI row sample and of k-means (default 0)
  --batch-rows N      rows per streamed batch (default: about 4M values per batch)
  --workers N         worker threads that each read and accumulate their own share of rows (default 1: the
                      products of one pass already use every core through the moment worker pool)
  --include-dead      summary means over every unit (a dead unit, std 0 on the samples, counts r = 0);
                      default: live units only, stated as n live / n total; dead units' matches are -1
  --json FILE         also write every result as one JSON object (schema: packages/engine/README.md, "CLI")
  --quiet             no progress on stderr
  -h, --help          this help

Output: a summary table on stdout; progress on stderr for steps over a second. Exit 0 on success, 1 for bad
input data, 2 for bad options.
`;

const OPTION_SPEC = {
  method: 'string',
  layout: 'string',
  key: 'string',
  'key-a': 'string',
  'key-b': 'string',
  penalties: 'string',
  clusters: 'string',
  affinity: 'string',
  'mi-rows': 'string',
  bins: 'string',
  seed: 'string',
  'batch-rows': 'string',
  workers: 'string',
  json: 'string',
  quiet: 'boolean',
  'include-dead': 'boolean',
  k: 'string',
  'knn-metric': 'string',
} as const;

function usageError(message: string): CliError {
  return new CliError(`${message}; see convergent align --help`, 2);
}

function parseInteger(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw usageError(`--${name} ${text} is not an integer`);
  if (value < min) throw usageError(`--${name} ${text} must be at least ${min}`);
  if (value > max) throw usageError(`--${name} ${text} must be at most ${max}`);
  return value;
}

/** Parse and validate `align` arguments (file checks come later). */
export function parseAlignArgs(args: readonly string[]): AlignOptions {
  const { positionals, options } = parseArgs(args, OPTION_SPEC, 'align');
  if (positionals.length !== 2) {
    throw usageError(`expected two activation files A and B, got ${positionals.length === 0 ? 'none' : positionals.map((p) => `'${p}'`).join(' ')}`);
  }
  const str = (name: keyof typeof OPTION_SPEC) => {
    const v = options[name];
    return typeof v === 'string' ? v : undefined;
  };

  const methodText = str('method') ?? 'paper';
  const methods = new Set<MethodName>();
  for (const raw of methodText.split(',')) {
    const m = raw.trim().toLowerCase();
    if (m === 'all') METHOD_NAMES.forEach((x) => methods.add(x));
    else if (m === 'paper') PAPER_METHOD_NAMES.forEach((x) => methods.add(x));
    else if ((METHOD_NAMES as readonly string[]).includes(m)) methods.add(m as MethodName);
    else throw usageError(`unknown method '${raw}'; use all, paper or a comma list of ${METHOD_NAMES.join(', ')}`);
  }

  const layout = str('layout') ?? 'nhwc';
  if (layout !== 'nhwc' && layout !== 'nchw') throw usageError(`unknown layout '${layout}'; use nhwc or nchw`);

  let penalties = DEFAULT_PENALTIES;
  const penaltyText = str('penalties');
  if (penaltyText !== undefined) {
    penalties = penaltyText.split(',').map((t) => {
      const v = Number(t.trim());
      if (t.trim() === '' || !Number.isFinite(v)) throw usageError(`--penalties: '${t}' is not a number`);
      if (v < 0) throw usageError(`--penalties: ${t.trim()} is negative; L1 penalties must be >= 0`);
      return v;
    });
  }

  const knnMetric = str('knn-metric') ?? 'euclidean';
  if (!(KNN_METRICS as readonly string[]).includes(knnMetric)) throw usageError(`unknown --knn-metric '${knnMetric}'; use ${KNN_METRICS.join(' or ')}`);
  const affinity = str('affinity') ?? 'abs';
  if (affinity !== 'abs' && affinity !== 'positive') throw usageError(`unknown affinity '${affinity}'; use abs or positive`);

  const clustersText = str('clusters');
  const binsText = str('bins');
  const batchText = str('batch-rows');
  const workersText = str('workers');
  const keyA = str('key-a') ?? str('key');
  const keyB = str('key-b') ?? str('key');
  const json = str('json');
  return {
    a: positionals[0]!,
    b: positionals[1]!,
    methods: METHOD_NAMES.filter((m) => methods.has(m)),
    layout,
    ...(keyA !== undefined ? { keyA } : {}),
    ...(keyB !== undefined ? { keyB } : {}),
    penalties,
    ...(clustersText !== undefined ? { clusters: parseInteger('clusters', clustersText, 2) } : {}),
    affinity,
    miRows: parseInteger('mi-rows', str('mi-rows') ?? String(DEFAULT_MI_ROWS), 2),
    ...(binsText !== undefined ? { bins: parseInteger('bins', binsText, 1, 15) } : {}),
    seed: parseInteger('seed', str('seed') ?? '0', 0),
    ...(batchText !== undefined ? { batchRows: parseInteger('batch-rows', batchText, 1) } : {}),
    ...(workersText !== undefined ? { workers: parseInteger('workers', workersText, 1, 64) } : {}),
    ...(json !== undefined ? { json } : {}),
    quiet: options.quiet === true,
    includeDead: options['include-dead'] === true,
    k: parseInteger('k', str('k') ?? String(DEFAULT_KNN_K), 1),
    knnMetric: knnMetric as KnnMetric,
  };
}

function describeSource(s: ActivationSource): string {
  const shape = `(${s.shape.join(', ')})`;
  return s.kind === 'dense' ? `${shape} dense` : `${shape} conv ${s.layout}`;
}

/** Mean of values[i] over live i (finite values only); NaN when none. */
function liveMean(values: ArrayLike<number | null>, dead: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (dead[i] === 1 || v === null || v === undefined || !Number.isFinite(v)) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Live-unit figures of a report, and −1 for every match of a dead unit or to a dead unit (issue 11). */
export function applyLiveUnits(report: AlignReport, deadA: Uint8Array, deadB: Uint8Array): void {
  const count = (d: Uint8Array) => d.length - d.reduce((s, x) => s + (x === 1 ? 1 : 0), 0);
  const hide = (match: number[], from: Uint8Array, to: Uint8Array) => match.map((j, i) => (from[i] === 1 || (j >= 0 && to[j] === 1) ? -1 : j));
  const live: AlignReport['live'] = { a: count(deadA), b: count(deadB) };
  if (report.semi) {
    const s = report.semi;
    const mutual = s.match.map((j, i) => (j >= 0 && s.reverseMatch[j] === i ? 1 : 0));
    live.semi = { meanCorr: liveMean(s.corr, deadA), reverseMeanCorr: liveMean(s.reverseCorr, deadB), oneToOneFraction: liveMean(mutual, deadA) };
    s.match = hide(s.match, deadA, deadB);
    s.reverseMatch = hide(s.reverseMatch, deadB, deadA);
  }
  if (report.hungarian) {
    live.hungarian = { meanCorr: liveMean(report.hungarian.corr, deadA) };
    report.hungarian.match = hide(report.hungarian.match, deadA, deadB);
  }
  if (report.mi) {
    const m = report.mi;
    live.mi = { meanMI: liveMean(m.mi, deadA), semiMeanMI: liveMean(m.semi.mi, deadA) };
    m.match = hide(m.match, deadA, deadB);
    m.semi.match = hide(m.semi.match, deadA, deadB);
    m.semi.reverseMatch = hide(m.semi.reverseMatch, deadB, deadA);
  }
  report.live = live;
}

function deadList(dead: Uint8Array): number[] {
  const out: number[] = [];
  dead.forEach((d, i) => {
    if (d) out.push(i);
  });
  return out;
}

/**
 * Run an alignment of two activation files (the work behind `convergent align`). Throws one-line errors for bad
 * input; the caller prints them.
 */
export async function alignFiles(options: AlignOptions, progress: Progress): Promise<AlignReport> {
  const A = await openActivationSource(options.a, { layout: options.layout, ...(options.keyA !== undefined ? { key: options.keyA } : {}) });
  let B: ActivationSource | undefined;
  try {
    B = await openActivationSource(options.b, { layout: options.layout, ...(options.keyB !== undefined ? { key: options.keyB } : {}) });
    if (A.samples !== B.samples) {
      throw new CliError(
        `sample counts differ: ${A.label} has ${A.samples} samples ${describeSource(A)}, ${B.label} has ${B.samples} ${describeSource(B)}; both must hold the same probe samples in the same order`,
      );
    }
    if (A.samples < 2) {
      throw new CliError(`${A.label} and ${B.label} hold ${A.samples} sample${A.samples === 1 ? '' : 's'}; correlations need at least 2`);
    }
    const p = A.units;
    const q = B.units;
    // ---- newer measures (issue 16): refuse what the data cannot support before the pass.
    for (const m of ['svcca', 'pwcca'] as const) {
      if (!options.methods.includes(m)) continue;
      try {
        requireCcaSamples(m.toUpperCase(), A.samples, p, q);
      } catch (err) {
        throw new CliError(`${(err as Error).message.replace('record more probe images (or positions), or compare a layer with fewer units', 'align more samples, or leave svcca/pwcca out of --method')}`);
      }
    }
    if (options.methods.includes('knn')) {
      if (A.images !== B.images) throw new CliError(`mutual kNN compares images: ${A.label} holds ${A.images} images, ${B.label} ${B.images}; both must hold the same probe images`);
      const k = options.k ?? DEFAULT_KNN_K;
      if (k >= A.images) throw new CliError(`--k ${k} needs more than ${k} images, but ${A.label} holds ${A.images}; lower --k below ${A.images}`, 2);
    }
    if (options.clusters !== undefined && options.methods.includes('spectral') && options.clusters > p + q) {
      throw new CliError(`--clusters ${options.clusters} is more than the ${p + q} units of A and B together (${p} + ${q})`, 2);
    }
    const width = p + q;
    const N = A.samples;
    const batchRows = Math.min(N, options.batchRows ?? Math.max(256, Math.min(65_536, Math.floor(4_194_304 / width))));
    const workers = Math.max(1, Math.min(options.workers ?? 1, Math.floor(N / 2)));
    // Before anything is allocated: does the pass fit this machine (two 2 M-unit layers grew to 6 GB and then
    // failed with "Invalid typed array length")?
    try {
      checkAlignMemory(
        estimateAlignMemory({ p, q, samples: N, images: A.images, methods: options.methods, miRows: options.miRows, batchRows, workers }),
        options.availableMemory ?? availableMemory(),
        { p, q },
      );
    } catch (err) {
      throw new CliError(`${A.label} and ${B.label}: ${(err as Error).message}`);
    }
    // tfjs loads only now, so bad options and bad files are reported without waiting for it.
    const [{ selectBackend }, { pairStatistics }, { streamJointMoments, streamCrossMoments, streamCkaMoments }] = await Promise.all([
      import('../backend/select-backend.ts'),
      import('../stats/moments.ts'),
      import('./align-stream.ts'),
    ]);
    const backend = await selectBackend();
    const reservoir = options.methods.includes('mi') ? new RowReservoir(width, Math.min(options.miRows, N), options.seed) : undefined;
    const images = options.methods.includes('knn') ? new ImageMeans(width, A.samples / A.images, A.images) : undefined;
    // Matching alone (semi, hungarian; MI and kNN read their own rows) needs only the cross block AᵀB and per-unit
    // moments: half the products of the joint Gram at p = q, and p·q sums instead of (p + q)² (issue 12).
    const crossOnly = crossBlockSuffices(options.methods);
    const streamArgs = [
      A,
      B,
      {
        a: { path: options.a, layout: options.layout, ...(options.keyA !== undefined ? { key: options.keyA } : {}) },
        b: { path: options.b, layout: options.layout, ...(options.keyB !== undefined ? { key: options.keyB } : {}) },
        // About 4M values per batch: big enough for efficient products, small enough to stream.
        batchRows,
        workers,
        reservoir,
        images,
      },
      progress,
    ] as const;
    let joint: JointMoments | undefined;
    let pair: PairStatistics | CrossStatistics | CkaMoments;
    if (crossOnly) pair = await streamCrossMoments(...streamArgs);
    // CKA alone: the same joint sums read as three Frobenius norms, without the joint covariance / correlation and
    // the six pair blocks the other methods read (issue 12: about 1.6 GB less at 4,096 + 4,096 units).
    else if (ckaSumsSuffice(options.methods)) pair = await streamCkaMoments(...streamArgs);
    else {
      joint = await streamJointMoments(...streamArgs);
      pair = pairStatistics(joint, { offset: 0, count: p }, { offset: p, count: q });
    }
    const report: AlignReport = {
      samples: A.samples,
      unitsA: p,
      unitsB: q,
      deadA: deadList(pair.deadA),
      deadB: deadList(pair.deadB),
      live: { a: p, b: q },
      backend: backend.name,
      products: backend.products,
      inputs: {
        a: { path: A.label, shape: [...A.shape], layout: A.kind === 'dense' ? 'dense' : A.layout! },
        b: { path: B.label, shape: [...B.shape], layout: B.kind === 'dense' ? 'dense' : B.layout! },
      },
    };
    for (const method of options.methods) {
      const result = await progress.step(method, () => runAlignMethod(method, { pair, joint, reservoir, images, options }));
      Object.assign(report, result);
    }
    applyLiveUnits(report, pair.deadA, pair.deadB);
    return report;
  } finally {
    await A.close();
    await B?.close();
  }
}

async function runAlign(args: string[], io: CliIO): Promise<number> {
  const options = parseAlignArgs(args);
  if (options.json !== undefined) {
    // Fail before the expensive part if the result cannot be written.
    const dir = dirname(resolve(options.json));
    try {
      await access(dir, constants.W_OK);
    } catch {
      throw new CliError(`cannot write --json ${options.json}: directory ${dir} does not exist or is not writable`, 2);
    }
  }
  const progress = new Progress(io, 'convergent align', !options.quiet);
  // Ctrl-C: exit through process.exit so exit hooks remove inflated .npz temporaries (no JSON is written).
  const onSignal = (signal: NodeJS.Signals) => {
    io.stderr.write(`\nconvergent align: interrupted (${signal}); nothing written\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let report: AlignReport;
  try {
    report = await alignFiles(options, progress);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (options.json !== undefined) {
    await writeFileAtomic(options.json, [new TextEncoder().encode(`${JSON.stringify(report)}\n`)]);
  }
  io.stdout.write(formatSummary(report, options));
  return 0;
}

export const alignCommand: Command = {
  name: 'align',
  summary: 'align the units of two networks from saved activations (.npy/.npz)',
  usage: USAGE,
  run: runAlign,
};
