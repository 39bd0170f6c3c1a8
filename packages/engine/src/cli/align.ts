/**
 * `convergent align A.npy B.npy`: align the units of two networks from their saved activations. The options are
 * parsed here; the work is the alignment core's `alignFiles` (align/align-files.ts), which the API's
 * align-activations job runs too, and the summary on stdout is `formatSummary` (align-report.ts).
 */
import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AlignInputError, DEFAULT_MI_ROWS, DEFAULT_PENALTIES, alignFiles, type AlignFilesOptions, type AlignReport } from '../align/align-files.ts';
import { DEFAULT_KNN_K, KNN_METRICS, type KnnMetric } from '../align/knn-metric.ts';
import { PAIR_MEASURES, PAIR_METHODS, PAPER_PAIR_METHODS, type PairMethod, inRegistryOrder, resolveMethodName } from '../align/methods.ts';
import { DEFAULT_MI_BINS } from '../align/mutual-information.ts';
import { writeFileAtomic } from '../io/npy.ts';
import { formatSummary } from './align-report.ts';
import { CliError, parseArgs, type CliIO, type Command } from './command.ts';
import { Progress } from './progress.ts';

export { DEFAULT_MI_ROWS, DEFAULT_PENALTIES } from '../align/align-files.ts';
export type { AlignReport } from '../align/align-files.ts';

/** `convergent align`'s options: the alignment's, plus where the JSON goes and whether progress is shown. */
export interface AlignOptions extends AlignFilesOptions {
  json?: string;
  quiet: boolean;
}

const PAPER = PAPER_PAIR_METHODS.join(', ');
const NEWER = PAIR_METHODS.filter((m) => !PAPER_PAIR_METHODS.includes(m)).join(', ');
/** Older spellings still accepted, from the registry: `hungarian (= max)`. */
const ALIASES = PAIR_MEASURES.flatMap((m) => (m.aliases ?? []).map((a) => `${a} (= ${m.method})`)).join(', ');

const USAGE = `Usage: convergent align A.npy B.npy [options]

Align the units of two networks from activations saved with numpy (same probe samples, same order).
Arrays: 2-D [samples, units], or 4-D conv maps [images, H, W, C] (nhwc, default) or [images, C, H, W]
(nchw); a conv unit is a channel and its samples are images x H x W positions. Any float/int/bool dtype,
C or Fortran order, .npy format 1-3. A or B may be a .npz archive: pick the array with --key NAME
(or --key-a / --key-b); an archive holding one array needs no key.

Options:
  --method LIST       paper (default: ${PAPER}), all (adds ${NEWER})
                      or a comma list of those names; older spellings accepted: ${ALIASES}
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
  const methods = new Set<PairMethod>();
  for (const raw of methodText.split(',')) {
    const m = raw.trim().toLowerCase();
    if (m === 'all') PAIR_METHODS.forEach((x) => methods.add(x));
    else if (m === 'paper') PAPER_PAIR_METHODS.forEach((x) => methods.add(x));
    else {
      const method = resolveMethodName(m);
      if (method === undefined) throw usageError(`unknown method '${raw}'; use all, paper or a comma list of ${PAIR_METHODS.join(', ')}`);
      methods.add(method);
    }
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
    methods: inRegistryOrder(methods),
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
  } catch (err) {
    // The core's input errors become this command's one-line errors: exit 2 when an option must change, else 1.
    if (err instanceof AlignInputError) throw new CliError(err.message, err.usage ? 2 : 1);
    throw err;
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
