/**
 * Step 4, align: one network pair at one recorded layer, every method the spec names (`alignPairStep`, over
 * `alignPair`), with the pair's shuffled-probe null (A against B's shuffled copy, figures only) when it has one.
 * Around it: which pairs a layer aligns (`alignPairsOf`: every two trained networks, and for each the matched pair
 * of untrained twins), the figures a pair gives the layer summary (`pairFigures`, live units), the manifest entry
 * of an aligned pair with its arrays as values (`pairAlignmentValues`), and a pair's recording rebuilt from
 * stored parts (`pairRecordingFromParts`, the inverse of record-step.ts `memberParts` / `crossParts`).
 */
import type { NeighbourLists } from '../align/mutual-knn.ts';
import { type LayerRecording, SHUFFLED_SUFFIX } from '../record/record-family.ts';
import { type CrossPart, type MemberPart, pairRecording, unpackParts } from '../record/pair-recording.ts';
import { type PairComputation, alignPair } from '../align/align-pair.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';
import type { ArrayValue, PairAlignment, WithArrays } from './manifest.ts';
import type { PlannedNetwork } from './plan-step.ts';

/** A pair to align at a layer: member indices, kind, and for a chance pair the trained pair (member indices) it mirrors. */
export type MemberPair = [number, number, 'between' | 'chance', [number, number]?];

/** One pair a layer aligns, by network id: what a sequencer keeps of it between its steps. */
export interface LayerPair {
  layer: string;
  a: string;
  b: string;
  kind: 'between' | 'chance';
  /** Chance pairs: the trained pair whose untrained twins a and b are (matched chance). */
  mirrors?: { a: string; b: string };
  /** Between pairs: the member id of b's shuffled-probe copy (the second null), when recorded. */
  shuffled?: string;
}

/** One pair a layer aligns, by network id and by member index in the layer's recording. */
export interface AlignPairPlan extends LayerPair {
  members: { a: number; b: number; shuffled?: number };
}

/** The pairs a layer aligns, in the order the one-process run aligns and summarises them. */
export function alignPairsOf(rec: LayerRecording, netById: Map<string, Pick<PlannedNetwork, 'role' | 'arch'>>): AlignPairPlan[] {
  return layerPairs(rec, netById).map(([ia, ib, kind, mirror]) => {
    const a = rec.members[ia]!.networkId;
    const b = rec.members[ib]!.networkId;
    const mirrors = mirror ? { a: rec.members[mirror[0]]!.networkId, b: rec.members[mirror[1]]!.networkId } : undefined;
    const is = kind === 'between' ? shuffledMember(rec, b) : -1;
    const shuffled = is >= 0 ? rec.members[is]!.networkId : undefined;
    return { layer: rec.name, a, b, kind, ...(mirrors ? { mirrors } : {}), ...(shuffled ? { shuffled } : {}), members: { a: ia, b: ib, ...(is >= 0 ? { shuffled: is } : {}) } };
  });
}

/** Pairs at a layer: every two trained members (between), and for each of them the mirrored pair of untrained twins (chance). */
export function layerPairs(rec: LayerRecording, netById: Map<string, Pick<PlannedNetwork, 'role' | 'arch'>>): MemberPair[] {
  // Shuffled-null members (record-family.ts) come after the networks and are no pair's own member.
  const real = rec.members.filter((m) => !m.networkId.endsWith(SHUFFLED_SUFFIX));
  return memberPairs(real.map((m) => netById.get(m.networkId)!));
}

/** Member index of network `networkId`'s shuffled-probe copy at a layer, or -1. */
export function shuffledMember(rec: LayerRecording, networkId: string): number {
  return rec.members.findIndex((m) => m.networkId === `${networkId}${SHUFFLED_SUFFIX}`);
}

/**
 * `layerPairs` over a layer's members in recording order, given each member's role and architecture. The k-th
 * trained member of an architecture (in member order) has the k-th untrained member of that architecture as its
 * twin; the chance pair of trained pair (i, j) is (twin i, twin j) — see planNetworks. A trained pair whose twins
 * are missing (a plan made before matched chance, with one twin per architecture) falls back to the pairs of each
 * trained member with the first twin of its architecture, as older results did.
 */
export function memberPairs(members: Array<Pick<PlannedNetwork, 'role' | 'arch'>>): MemberPair[] {
  const pairs: MemberPair[] = [];
  for (let i = 0; i < members.length; i++) {
    if (members[i]!.role !== 'trained') continue;
    for (let j = i + 1; j < members.length; j++) if (members[j]!.role === 'trained') pairs.push([i, j, 'between']);
  }
  const rank = new Map<number, number>();
  const twins = new Map<string, number[]>();
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (m.role === 'trained') {
      rank.set(i, seen.get(m.arch.name) ?? 0);
      seen.set(m.arch.name, (seen.get(m.arch.name) ?? 0) + 1);
    } else {
      const list = twins.get(m.arch.name) ?? [];
      list.push(i);
      twins.set(m.arch.name, list);
    }
  });
  const twinOf = (i: number) => twins.get(members[i]!.arch.name)?.[rank.get(i)!];
  const between = pairs.slice();
  const matched = between.every(([i, j]) => twinOf(i) !== undefined && twinOf(j) !== undefined);
  if (matched) {
    for (const [i, j] of between) {
      const [ti, tj] = [twinOf(i)!, twinOf(j)!];
      pairs.push(ti < tj ? [ti, tj, 'chance', [i, j]] : [tj, ti, 'chance', [i, j]]);
    }
    return pairs;
  }
  for (let i = 0; i < members.length; i++) {
    if (members[i]!.role !== 'trained') continue;
    const j = members.findIndex((m) => m.role === 'untrained' && m.arch.name === members[i]!.arch.name);
    if (j >= 0) pairs.push([i, j, 'chance']);
  }
  return pairs;
}

export interface AlignStepInput {
  spec: Pick<ResolvedExperimentSpec, 'methods' | 'penalties' | 'clusters' | 'mi' | 'split' | 'knn'>;
  /** The recording holding both members (a whole layer's, or a pair's rebuilt from parts). */
  recording: LayerRecording;
  a: number;
  b: number;
  /** The shuffled-probe null: member `a` against member `b` of this recording (B's shuffled copy). */
  shuffled?: { recording: LayerRecording; a: number; b: number };
  /** Neighbour lists by member, reused across a layer's pairs (mutual kNN). */
  knnCache?: Map<string, NeighbourLists>;
}

export interface AlignStepOutput {
  computation: PairComputation;
  /** The pair's figures for the layer summary (pairFigures). */
  figures: Record<string, number>;
  /** The shuffled-probe null's figures, when asked. */
  shuffledFigures?: Record<string, number>;
}

/** Align one pair at one layer with every method of the spec (see the file comment). */
export async function alignPairStep(input: AlignStepInput): Promise<AlignStepOutput> {
  const { spec } = input;
  const pairOptions = {
    methods: spec.methods,
    penalties: spec.penalties,
    clusters: spec.clusters,
    miBins: spec.mi.bins,
    seed: spec.split.seed,
    knn: spec.knn,
    ...(input.knnCache ? { knnCache: input.knnCache } : {}),
  };
  const computation = await alignPair(input.recording, input.a, input.b, pairOptions);
  const s = input.shuffled;
  const shuffledFigures = s ? pairFigures(await alignPair(s.recording, s.a, s.b, pairOptions)) : undefined;
  return { computation, figures: pairFigures(computation), ...(shuffledFigures ? { shuffledFigures } : {}) };
}

/**
 * A pair's two-member recording (A = member 0, B = member 1) from the packed parts record-step.ts stores; `labels`
 * name the parts in errors.
 */
export function pairRecordingFromParts(a: Uint8Array, b: Uint8Array, cross: Uint8Array, labels: [string, string, string] = ['member A', 'member B', 'cross part']): LayerRecording {
  return pairRecording(unpackParts<MemberPart>(a, labels[0]), unpackParts<MemberPart>(b, labels[1]), unpackParts<CrossPart>(cross, labels[2]));
}

/** Figures without non-finite values (JSON has no NaN). */
export function finiteFigures(f: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => Number.isFinite(v)));
}

/** Mean of `values[i]` over the indices with `dead[i] !== 1` and a finite value (NaN when none). */
function liveMean(values: ArrayLike<number>, dead: ArrayLike<number> | undefined): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (dead?.[i] === 1 || !Number.isFinite(values[i]!)) continue;
    sum += values[i]!;
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Live-unit versions of a pair's unit-averaged figures (issue 11): dead units (std 0 on the probe set) left out. */
export function liveFigures(c: PairComputation): {
  live: { a: number; b: number };
  semi?: { meanA: number; meanB: number; oneToOneFraction: number };
  max?: number;
  mi?: { semiMean: number; maxMean: number };
} {
  const count = (d: Uint8Array | undefined, n: number) => n - (d ? d.reduce((s, x) => s + (x === 1 ? 1 : 0), 0) : 0);
  const out: ReturnType<typeof liveFigures> = { live: { a: count(c.deadA, c.p), b: count(c.deadB, c.q) } };
  if (c.semi) {
    const mutual = Array.from(c.semi.match, (j, i) => (j >= 0 && c.semi!.reverseMatch[j] === i ? 1 : 0));
    out.semi = { meanA: liveMean(c.semi.corr, c.deadA), meanB: liveMean(c.semi.reverseCorr, c.deadB), oneToOneFraction: liveMean(mutual, c.deadA) };
  }
  if (c.max) out.max = liveMean(c.max.corr, c.deadA);
  if (c.mi) out.mi = { semiMean: liveMean(c.mi.semi.corr, c.deadA), maxMean: liveMean(c.mi.max.mi, c.deadA) };
  return out;
}

/**
 * Figures a pair contributes to the per-layer summary (see LayerSummary for the keys). Unit-averaged figures are
 * over LIVE units (issue 11); the same over every unit (dead ones counting r = 0, FVU 1) is under `<key>.all`.
 */
export function pairFigures(c: PairComputation): Record<string, number> {
  const f: Record<string, number> = {};
  const live = liveFigures(c);
  if (c.semi) {
    f.semi = (live.semi!.meanA + live.semi!.meanB) / 2;
    f.oneToOne = live.semi!.oneToOneFraction;
    f['semi.all'] = (c.semi.meanCorr + c.semi.reverseMeanCorr) / 2;
    f['oneToOne.all'] = c.semi.oneToOneFraction;
  }
  if (c.max) {
    f.max = live.max!;
    f['max.all'] = c.max.meanCorr;
  }
  if (c.mi) {
    f.miSemi = live.mi!.semiMean;
    f.miMax = live.mi!.maxMean;
    f['miSemi.all'] = c.mi.semi.meanCorr;
    f['miMax.all'] = c.mi.max.meanMI;
  }
  if (c.cka) {
    f.cka = c.cka.linear;
    f.ckaDebiased = c.cka.debiased;
  }
  if (c.sparse) {
    c.sparse.penalties.forEach((a, i) => {
      f[`sparseFvu@${a}`] = c.sparse!.fvuLive[i]!;
      f[`sparseFvu@${a}.all`] = c.sparse!.fvu[i]!;
      const held = c.sparse!.fvuHeldOut?.[i];
      if (held !== undefined) f[`sparseFvuHeldOut@${a}`] = held;
    });
  }
  if (c.spectral) {
    for (const s of c.spectral) {
      f[`spectralShared@${s.k}`] = s.shared / Math.max(1, s.clusters.filter((x) => x.aCount + x.bCount > 0).length);
      if (s.mixing !== null && s.mixing !== undefined) f[`spectralMixing@${s.k}`] = s.mixing;
    }
  }
  // ---- newer measures (issue 16)
  if (c.svcca) f.svcca = c.svcca.mean;
  if (c.pwcca) f.pwcca = c.pwcca.weighted;
  if (c.procrustes) f.procrustes = c.procrustes.distance;
  if (c.knn) f.knn = c.knn.score;
  return f;
}

/**
 * Matches as written: every unit was matched (the matching covers all units), but a dead unit's reported match is
 * −1, and so is a live unit's match to a dead unit (a dead unit has no features to match; its correlation with
 * anything is 0 by definition).
 */
export function reportedMatches(match: Int32Array, deadFrom: Uint8Array | undefined, deadTo: Uint8Array | undefined): Int32Array {
  const out = Int32Array.from(match);
  for (let i = 0; i < out.length; i++) if (deadFrom?.[i] === 1 || (out[i]! >= 0 && deadTo?.[out[i]!] === 1)) out[i] = -1;
  return out;
}

/** One aligned pair's manifest entry with its arrays as values. */
export type PairAlignmentValues = WithArrays<PairAlignment>;

const float32 = (data: Float32Array, shape: number[]): ArrayValue => ({ data, shape, dtype: 'float32' });
const int32 = (data: Int32Array, shape: number[]): ArrayValue => ({ data, shape, dtype: 'int32' });

/**
 * The manifest entry of an aligned pair, its arrays as values: float32 R_AB [p, q], the reported matches (int32,
 * `reportedMatches`), the MI matrix [p, q] and the sparse weights [penalties, p, q]; its shuffled-probe null's
 * figures attached.
 */
export function pairAlignmentValues(pair: Pick<LayerPair, 'layer' | 'a' | 'b' | 'kind' | 'mirrors'>, aligned: AlignStepOutput, spec: Pick<ResolvedExperimentSpec, 'mi'>): PairAlignmentValues {
  const { layer, a, b, kind, mirrors } = pair;
  const c = aligned.computation;
  const { p, q } = c;
  const live = liveFigures(c);
  const out: PairAlignmentValues = { layer, a, b, kind, ...(mirrors ? { mirrors } : {}), p, q, live: live.live, correlation: float32(Float32Array.from(c.rAB), [p, q]) };
  if (c.semi) {
    out.semi = {
      meanA: c.semi.meanCorr,
      meanB: c.semi.reverseMeanCorr,
      oneToOneFraction: c.semi.oneToOneFraction,
      meanALive: live.semi!.meanA,
      meanBLive: live.semi!.meanB,
      oneToOneFractionLive: live.semi!.oneToOneFraction,
      matchA: int32(reportedMatches(c.semi.match, c.deadA, c.deadB), [p]),
      matchB: int32(reportedMatches(c.semi.reverseMatch, c.deadB, c.deadA), [q]),
    };
  }
  if (c.max) out.max = { mean: c.max.meanCorr, meanLive: live.max!, match: int32(reportedMatches(c.max.match, c.deadA, c.deadB), [p]) };
  if (c.mi) {
    out.mi = {
      bins: spec.mi.bins,
      samples: c.mi.rows,
      matrix: float32(Float32Array.from(c.mi.matrix), [p, q]),
      semiMean: c.mi.semi.meanCorr,
      maxMean: c.mi.max.meanMI,
      semiMeanLive: live.mi!.semiMean,
      maxMeanLive: live.mi!.maxMean,
      matchA: int32(reportedMatches(c.mi.semi.match, c.deadA, c.deadB), [p]),
      matchMax: int32(reportedMatches(c.mi.max.match, c.deadA, c.deadB), [p]),
    };
  }
  if (c.cka) out.cka = { linear: c.cka.linear, debiased: c.cka.debiased };
  if (c.sparse) {
    out.sparse = {
      penalties: c.sparse.penalties,
      fvu: c.sparse.fvu,
      fvuLive: c.sparse.fvuLive,
      ...(c.sparse.fvuHeldOut ? { fvuHeldOut: c.sparse.fvuHeldOut, heldOut: c.sparse.heldOut! } : {}),
      nonzero: c.sparse.nonzero,
      weights: float32(c.sparse.weights, [c.sparse.penalties.length, p, q]),
    };
  }
  if (c.spectral) out.spectral = c.spectral;
  // ---- newer measures (issue 16)
  if (c.svcca) out.svcca = { mean: c.svcca.mean, keptA: c.svcca.keptA, keptB: c.svcca.keptB, explainedA: c.svcca.explainedA, explainedB: c.svcca.explainedB };
  if (c.pwcca) out.pwcca = { weighted: c.pwcca.weighted, mean: c.pwcca.mean, rankA: c.pwcca.rankA, rankB: c.pwcca.rankB };
  if (c.procrustes) out.procrustes = { distance: c.procrustes.distance, angular: c.procrustes.angular };
  if (c.knn) out.knn = { score: c.knn.score, k: c.knn.k, metric: c.knn.metric, images: c.knn.images, uniform: c.knn.uniform };
  if (aligned.shuffledFigures) out.shuffled = { of: 'b', figures: finiteFigures(aligned.shuffledFigures) };
  return out;
}
