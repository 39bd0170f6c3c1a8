/**
 * `convergent stitch DIR --a NET --b NET`: the functional check of an alignment on a result directory. Network B's
 * layer-l activations are replaced by a map from network A's (max-matching permutation, sparse prediction at one
 * penalty, least squares; stitch/stitch-maps.ts), B's upper layers classify held-out validation images, and the
 * accuracy is printed next to B's own and to chance: the same stitching from the untrained twin of A's architecture
 * (when the result directory holds one) and the majority-class rate.
 *
 * The maps are fitted on the experiment's probe set, re-recorded from the saved weights (the dataset and split
 * come from the manifest's spec), so the command needs the dataset the experiment used.
 */
import path from 'node:path';
import { writeFileAtomic } from '../io/npy.ts';
import type { NetworkRecord, ResultManifest } from '../experiment/manifest.ts';
import { CliError, type CliIO, type Command, parseArgs } from './command.ts';

const USAGE = `Usage: convergent stitch DIR --a NET --b NET [options]

Stitch network A into network B at every layer both recorded (or --layers): B's upper layers run on a map
from A's activations (a 1x1 convolution on conv layers), on held-out validation images never used for training
or for fitting the maps. Maps: permutation (max-weight matching of correlations, each matched unit re-scaled to
B's mean and std), sparse (lasso weights at --penalty), linear (least squares). Chance: the same from the
untrained twin of A's architecture, when DIR holds one, and the majority-class rate.

Options:
  --a NET            network id in DIR whose activations are mapped (see DIR/manifest.json networks[].id)
  --b NET            network id whose upper layers receive them
  --layers LIST      comma list of layers (default: every layer both networks recorded)
  --penalty P        L1 penalty of the sparse map, >= 0 (default: the experiment's stitch.penalty, else its
                     smallest sparse-prediction penalty)
  --images N         held-out validation images to score (default: the experiment's stitch.images, else 1000)
  --json FILE        also write the results as one JSON object
  --quiet            no progress on stderr

Output: one row per layer and map. Exit 0 on success, 1 for a bad result directory or data, 2 for bad options.
`;

export interface StitchCliReport {
  dir: string;
  a: string;
  b: string;
  chanceFrom: string | null;
  penalty: number;
  images: number;
  majorityRate: number;
  layers: Array<{
    layer: string;
    ownAccuracy: number;
    maps: Array<{ kind: string; accuracy: number; penalty?: number; nonzero: number }>;
    chance: Array<{ kind: string; accuracy: number; penalty?: number; nonzero: number }> | null;
  }>;
}

function network(manifest: ResultManifest, id: string, flag: string): NetworkRecord {
  const n = manifest.networks.find((x) => x.id === id);
  if (!n) throw new CliError(`${flag} ${id} is not a network of this result; choose one of ${manifest.networks.map((x) => x.id).join(', ')}`, 2);
  return n;
}

export async function stitchResult(
  dir: string,
  options: { a: string; b: string; layers?: string[]; penalty?: number; images?: number; onProgress?: (message: string) => void },
): Promise<StitchCliReport> {
  const [{ validateResultDirectory }, { loadExperimentData }, { selectBackend }, { loadModel }, { recordFamily }, { pairStatistics }, { stitchMaps }, { stitchPair }] =
    await Promise.all([
      import('../experiment/manifest.ts'),
      import('../experiment/experiment-data.ts'),
      import('../backend/select-backend.ts'),
      import('../train/weights-io.ts'),
      import('../record/record-family.ts'),
      import('../stats/moments.ts'),
      import('../stitch/stitch-maps.ts'),
      import('../stitch/stitch-pair.ts'),
    ]);
  let manifest: ResultManifest;
  try {
    manifest = await validateResultDirectory(dir);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const a = network(manifest, options.a, '--a');
  const b = network(manifest, options.b, '--b');
  if (b.role !== 'trained') throw new CliError(`--b ${b.id} is an untrained network; stitch into a trained one (its upper layers must classify)`, 2);
  const shared = a.layers.map((l) => l.name).filter((l) => b.layers.some((x) => x.name === l));
  const layers = options.layers ?? shared;
  for (const l of layers) if (!shared.includes(l)) throw new CliError(`--layers: ${a.id} and ${b.id} do not both record layer "${l}" (both record: ${shared.join(', ') || 'none'})`, 2);
  if (layers.length === 0) throw new CliError(`${a.id} and ${b.id} share no recorded layer`, 1);
  const spec = manifest.experiment;
  const penalty = options.penalty ?? spec.stitch?.penalty ?? Math.min(...spec.penalties);
  const twin = manifest.networks.find((n) => n.role === 'untrained' && n.architecture === a.architecture && n.id !== a.id);

  await selectBackend();
  options.onProgress?.(`loading ${typeof spec.dataset === 'string' ? spec.dataset : 'the dataset'}`);
  const data = await loadExperimentData(spec);
  if (data.probe.count !== manifest.dataset.probe) {
    throw new CliError(`the dataset gives ${data.probe.count} probe images, the result recorded ${manifest.dataset.probe}; stitch with the dataset the experiment used`);
  }
  const images = Math.min(options.images ?? spec.stitch?.images ?? 1000, data.validation.count);
  const nets = [a, b, ...(twin ? [twin] : [])];
  const loaded = await Promise.all(nets.map(async (n) => ({ id: n.id, spec: n.spec, model: await loadModel(path.join(dir, 'networks', n.id)) })));
  try {
    options.onProgress?.(`recording ${nets.map((n) => n.id).join(', ')} on ${data.probe.count} probe images`);
    const recs = await recordFamily(loaded, data.probe, { layers, sampleRows: 0, seed: spec.split.seed });
    const report: StitchCliReport = { dir, a: a.id, b: b.id, chanceFrom: twin?.id ?? null, penalty, images, majorityRate: 0, layers: [] };
    for (const rec of recs) {
      const member = (id: string) => rec.members.find((m) => m.networkId === id)!;
      const score = async (from: string) => {
        const maps = stitchMaps(pairStatistics(rec.moments, member(from).group, member(b.id).group), { penalty });
        const fromNet = loaded.find((x) => x.id === from)!;
        const toNet = loaded.find((x) => x.id === b.id)!;
        return stitchPair(fromNet, toNet, rec.name, maps, data.validation, { count: images });
      };
      options.onProgress?.(`stitching ${a.id} → ${b.id} at ${rec.name}`);
      const r = await score(a.id);
      const chance = twin ? await score(twin.id) : undefined;
      report.majorityRate = r.majorityRate;
      report.images = r.images;
      report.layers.push({ layer: rec.name, ownAccuracy: r.ownAccuracy, maps: r.maps, chance: chance ? chance.maps : null });
    }
    return report;
  } finally {
    for (const m of loaded) m.model.dispose();
  }
}

function formatReport(r: StitchCliReport): string {
  const pct = (v: number | undefined) => (v === undefined ? '—' : `${(100 * v).toFixed(1)}%`);
  const header = ['layer', 'map', `${r.a} → ${r.b}`, `chance (${r.chanceFrom ?? 'no untrained twin'})`, `${r.b} own`];
  const rows: string[][] = [];
  for (const l of r.layers) {
    for (const m of l.maps) {
      const label = m.kind === 'sparse' ? `sparse (α ${m.penalty}, ${m.nonzero.toFixed(1)} weights/unit)` : m.kind;
      rows.push([l.layer, label, pct(m.accuracy), pct(l.chance?.find((c) => c.kind === m.kind)?.accuracy), pct(l.ownAccuracy)]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const fmt = (x: string[]) => x.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [
    `held-out accuracy on ${r.images} validation images (majority class ${pct(r.majorityRate)})`,
    '',
    fmt(header),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...rows.map(fmt),
    '',
  ].join('\n');
}

export const stitchCommand: Command = {
  name: 'stitch',
  summary: 'stitch network A into network B at each layer and report held-out accuracy (functional check)',
  usage: USAGE,
  async run(args: string[], io: CliIO) {
    const { positionals, options } = parseArgs(args, { a: 'string', b: 'string', layers: 'string', penalty: 'string', images: 'string', json: 'string', quiet: 'boolean' }, 'stitch');
    if (positionals.length !== 1) throw new CliError(`give exactly one result directory (got ${positionals.length}); see convergent stitch --help`, 2);
    if (typeof options.a !== 'string' || typeof options.b !== 'string') throw new CliError('--a NET and --b NET are required: the network mapped from and the one stitched into', 2);
    let penalty: number | undefined;
    if (typeof options.penalty === 'string') {
      penalty = Number(options.penalty);
      if (!Number.isFinite(penalty) || penalty < 0) throw new CliError(`--penalty ${options.penalty} must be a number >= 0`, 2);
    }
    let images: number | undefined;
    if (typeof options.images === 'string') {
      images = Number(options.images);
      if (!Number.isInteger(images) || images < 1) throw new CliError(`--images ${options.images} must be a positive integer`, 2);
    }
    const layers = typeof options.layers === 'string' ? options.layers.split(',').map((l) => l.trim()).filter(Boolean) : undefined;
    const report = await stitchResult(positionals[0]!, {
      a: options.a,
      b: options.b,
      ...(layers ? { layers } : {}),
      ...(penalty !== undefined ? { penalty } : {}),
      ...(images !== undefined ? { images } : {}),
      ...(options.quiet === true ? {} : { onProgress: (m: string) => io.stderr.write(`convergent stitch: ${m}\n`) }),
    });
    if (typeof options.json === 'string') await writeFileAtomic(options.json, [new TextEncoder().encode(`${JSON.stringify(report)}\n`)]);
    io.stdout.write(formatReport(report));
    return 0;
  },
};
