/**
 * Step 5, the family-level checks of a layer, over every network at once: consensus and stitching from the
 * layer's joint recording (`familyChecks`, when the spec asks), and the layer summary of its aligned pairs' figures
 * (`layerSummary`: each figure's mean and spread over between pairs and over chance pairs — the chance baselines —
 * with the layer statistics of layer-statistics.ts). `layerSummaries` groups the figures of many layers' pairs, as
 * a job queue collects them one ALIGN step at a time.
 */
import type * as tf from '@tensorflow/tfjs';
import { type LayerRecording, SHUFFLED_SUFFIX } from '../record/record-family.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import type { ImageSet } from '../train/image-set.ts';
import { layerConsensus } from './consensus-layer.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';
import { layerStatistics } from './layer-statistics.ts';
import type { ConsensusRecord, LayerSummary, StitchLayerRecord, SummaryStat } from './manifest.ts';
import { layerStitching } from './stitch-layer.ts';

export function stat(values: number[]): SummaryStat | null {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return null;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, std, min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/** The family-level checks of one layer (either absent when the spec does not ask or nothing was checked). */
export interface FamilyChecks {
  consensus?: ConsensusRecord;
  stitching?: StitchLayerRecord;
}

/**
 * Consensus and stitching at one recorded layer, when the spec's methods ask for them (issue 16): the one function
 * the one-process run and the job pipeline's RECORD step both call. Both see the networks only (not the
 * shuffled-null copies). Stitching runs the networks' models, so it needs them loaded.
 */
export async function familyChecks(
  rec: LayerRecording,
  spec: ResolvedExperimentSpec,
  netById: Map<string, { role: 'trained' | 'untrained'; arch: { name: string } }>,
  models: Array<{ id: string; spec: ResolvedArchitecture; model: tf.LayersModel }>,
  validation: ImageSet,
  layers: string[],
  options: { signal?: AbortSignal; onStitchPair?: (done: number, total: number) => void } = {},
): Promise<FamilyChecks> {
  const out: FamilyChecks = {};
  const plain: LayerRecording = { ...rec, members: rec.members.filter((m) => !m.networkId.endsWith(SHUFFLED_SUFFIX)) };
  if (spec.methods.includes('consensus')) {
    const c = layerConsensus(plain, (id) => ({ role: netById.get(id)!.role, architecture: netById.get(id)!.arch.name }));
    if (c) out.consensus = c;
  }
  if (spec.methods.includes('stitch') && (spec.stitch.layers ?? layers).includes(rec.name)) {
    const byId = new Map(models.map((m) => [m.id, { spec: m.spec, model: m.model, role: netById.get(m.id)!.role }]));
    const r = await layerStitching(plain, byId, validation, {
      penalty: spec.stitch.penalty,
      images: spec.stitch.images,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onStitchPair ? { onPair: options.onStitchPair } : {}),
    });
    const kinds = [...new Set(r.pairs.flatMap((x) => x.maps.map((m) => m.kind)))];
    const summary: StitchLayerRecord['summary'] = Object.fromEntries(
      kinds.map((k) => [
        k,
        {
          between: stat(r.pairs.filter((x) => x.kind === 'between').map((x) => x.maps.find((m) => m.kind === k)!.accuracy)),
          chance: stat(r.pairs.filter((x) => x.kind === 'chance').map((x) => x.maps.find((m) => m.kind === k)!.accuracy)),
        },
      ]),
    );
    summary.own = { between: stat([...new Map(r.pairs.filter((x) => x.kind === 'between').map((x) => [x.b, x.ownAccuracy])).values()]), chance: null };
    if (r.pairs.length > 0) out.stitching = { layer: rec.name, images: r.images, majorityRate: r.majorityRate, pairs: r.pairs, summary };
  }
  return out;
}

/** One pair's figures for the per-layer summary. */
export interface PairFigures {
  a: string;
  b: string;
  kind: 'between' | 'chance';
  /** Chance pairs of the matched design: the trained pair they mirror. */
  mirrors?: { a: string; b: string };
  f: Record<string, number>;
  /** Between pairs: the same figures with B's probe images shuffled (the second null). */
  shuffled?: Record<string, number>;
}

/** Options of the layer statistics: each network's architecture, and the resampling seed (the split seed). */
export interface SummaryOptions {
  architectureOf: (network: string) => string;
  seed?: number;
}

/**
 * The per-layer summary of a layer's pair figures: mean/spread of each figure over between pairs and over chance
 * pairs, and (with `architectureOf`) the statistics of experiment/layer-statistics.ts per figure and scope.
 */
export function layerSummary(name: string, networks: string[], figures: PairFigures[], options?: SummaryOptions): LayerSummary {
  const keys = [...new Set(figures.flatMap((x) => Object.keys(x.f)))];
  const summary: LayerSummary = {
    name,
    networks,
    metrics: Object.fromEntries(
      keys.map((k) => [
        k,
        {
          between: stat(figures.filter((x) => x.kind === 'between').map((x) => x.f[k]!).filter((v) => v !== undefined)),
          chance: stat(figures.filter((x) => x.kind === 'chance').map((x) => x.f[k]!).filter((v) => v !== undefined)),
        },
      ]),
    ),
  };
  if (options) summary.statistics = layerStatistics(figures, { architectureOf: options.architectureOf, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  return summary;
}

/**
 * Summaries of several layers from their pairs' figures (each pair naming its layer), in the order the layers first
 * appear; a layer's networks are those its pairs name, in order of appearance.
 */
export function layerSummaries(pairs: Array<PairFigures & { layer: string }>, options: SummaryOptions): LayerSummary[] {
  const layers: string[] = [];
  for (const p of pairs) if (!layers.includes(p.layer)) layers.push(p.layer);
  return layers.map((layer) => {
    const rs = pairs.filter((p) => p.layer === layer);
    const nets = [...new Set(rs.flatMap((r) => [r.a, r.b]))];
    return layerSummary(
      layer,
      nets,
      rs.map(({ layer: _layer, ...figures }) => figures),
      options,
    );
  });
}
