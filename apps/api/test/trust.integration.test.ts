// Issue 11 over HTTP on a real imported result: live units by default and includeDead both ways, matched chance,
// the stored statistics (interval, p-value, verdict) with the < 3 networks case, held-out FVU and cluster mixing.
import { describe, expect, it } from 'vitest';
import { tinyArch, tinySpec } from '../src/import/test-fixtures/tiny-experiment.ts';
import { ok } from './helpers.ts';
import { importedResultsApi } from './imported-results.ts';

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

const spec = (seeds: number[]) =>
  tinySpec({ name: `trust-${seeds.length}`, architectures: [tinyArch('tiny-a', 4, 40)], seeds, methods: ['semi', 'max', 'cka', 'sparse', 'spectral'], clusters: [4], chance: true });

describe('trust statistics over GraphQL (PGlite)', () => {
  // three seeds of one architecture with a wide fc1 (40 ReLU units on 20 probe images: some never fire), and two
  // seeds: too few networks for an interval
  const fx = importedResultsApi({ label: 'trust', specs: { three: spec([1, 2, 3]), two: spec([1, 2]) } });

  const CONV = `query($id: ID!, $dead: Boolean) { experiment(id: $id) { convergence(method: HUNGARIAN, includeDead: $dead) {
    layer includesDead nLive nTotal all { pairCount mean } figure mean ci { low high level resamples } ciReason pValue nPermutations
    matchedChance { mean pairs source } shuffledNull { mean pairs pValue } atOrBelowChance verdict verdictReason
    scopes { scope figure pairs mean } } } }`;

  it('states n live / n total, and means over live units unless includeDead', async () => {
    const fcStats = fx.manifests.three!.networks.filter((n) => n.role === 'trained').map((n) => n.layers.find((l) => l.name === 'fc1')!);
    const dead = fcStats.reduce((s, l) => s + l.deadCount, 0);
    expect(dead).toBeGreaterThan(0); // the fixture must have dead units for this test to mean anything
    const live = (await ok(fx.api.url, fx.token, CONV, { id: fx.ids.three!, dead: false })).experiment.convergence;
    const all = (await ok(fx.api.url, fx.token, CONV, { id: fx.ids.three!, dead: true })).experiment.convergence;
    const fcLive = live.find((r: any) => r.layer === 'fc1');
    const fcAll = all.find((r: any) => r.layer === 'fc1');
    expect(fcLive.nTotal).toBe(3 * 40);
    expect(fcLive.nLive).toBe(3 * 40 - dead);
    expect(fcAll.nLive).toBe(fcLive.nLive);
    expect(fcLive.includesDead).toBe(false);
    expect(fcAll.includesDead).toBe(true);
    const between = fx.manifests.three!.alignments.filter((a) => a.layer === 'fc1' && a.kind === 'between');
    expect(fcLive.all.pairCount).toBe(3);
    expect(fcLive.all.mean).toBeCloseTo(mean(between.map((a) => a.max!.meanLive!)), 10);
    expect(fcAll.all.mean).toBeCloseTo(mean(between.map((a) => a.max!.mean)), 10);
    // counting dead units as r = 0 lowers the mean
    expect(fcAll.all.mean).toBeLessThan(fcLive.all.mean);
    // the stored statistics follow: figure max vs max.all, each with its interval and matched chance
    expect(fcLive.figure).toBe('max');
    expect(fcAll.figure).toBe('max.all');
    expect(fcLive.mean).toBeCloseTo(fcLive.all.mean, 10);
    expect(fcLive.ci.level).toBe(0.95);
    expect(fcLive.ci.low).toBeLessThanOrEqual(fcLive.mean + 1e-12);
    expect(fcLive.ci.high).toBeGreaterThanOrEqual(fcLive.mean - 1e-12);
    expect(fcLive.ciReason).toBeNull();
    expect(fcLive.matchedChance).toMatchObject({ pairs: 3, source: 'untrained-twins' });
    expect(fcLive.shuffledNull.pairs).toBe(3);
    expect(fcLive.nPermutations).toBe(20); // C(6, 3): exact
    expect(fcLive.atOrBelowChance).toBe(fcLive.mean <= fcLive.matchedChance.mean);
    expect(['ABOVE_CHANCE', 'AT_OR_BELOW_CHANCE', 'INCONCLUSIVE']).toContain(fcLive.verdict);
    if (fcLive.atOrBelowChance) expect(fcLive.verdictReason).toMatch(/^at or below chance/);
    expect(fcLive.scopes.map((s: any) => s.scope)).toEqual(['ALL', 'SAME_ARCHITECTURE']);
  });

  it('serves the other stored figures of a method through variant: debiased CKA, in-sample and held-out FVU', async () => {
    const Q = `query($id: ID!, $m: AlignmentMethod!, $v: ConvergenceVariant) { experiment(id: $id) { convergence(method: $m, variant: $v) {
      layer figure mean ci { low high } ciReason matchedChance { mean } } } }`;
    const stat = (layer: string, figure: string) => fx.manifests.three!.layers.find((l) => l.name === layer)!.statistics!.find((st) => st.figure === figure && st.scope === 'all')!;
    const debiased = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.three!, m: 'CKA', v: 'DEBIASED' })).experiment.convergence;
    for (const r of debiased) {
      expect(r.figure).toBe('ckaDebiased');
      expect(r.mean).toBeCloseTo(stat(r.layer, 'ckaDebiased').mean, 12);
    }
    const linear = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.three!, m: 'CKA' })).experiment.convergence;
    for (const r of linear) expect(r.figure).toBe('cka');
    for (const [v, prefix] of [['IN_SAMPLE', 'sparseFvu@'], ['HELD_OUT', 'sparseFvuHeldOut@']] as const) {
      const rows = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.three!, m: 'SPARSE', v })).experiment.convergence;
      for (const r of rows) {
        expect(r.figure.startsWith(prefix)).toBe(true);
        const st = stat(r.layer, r.figure);
        // Served as variance explained: 1 − FVU, interval ends swapped.
        expect(r.mean).toBeCloseTo(1 - st.mean, 12);
        expect(r.ci.low).toBeCloseTo(1 - st.ci!.high, 12);
        expect(r.matchedChance.mean).toBeCloseTo(1 - st.chance!.mean, 12);
      }
    }
    // A variant the method does not have: null figures with the reason, never another method's numbers.
    const wrong = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.three!, m: 'HUNGARIAN', v: 'DEBIASED' })).experiment.convergence;
    for (const r of wrong) {
      expect(r.figure).toBeNull();
      expect(r.mean).toBeNull();
      expect(r.ciReason).toBe('no debiased statistics of HUNGARIAN stored at this layer');
    }
  });

  it('gives no interval with 2 networks, with the reason', async () => {
    const rows = (await ok(fx.api.url, fx.token, CONV, { id: fx.ids.two!, dead: false })).experiment.convergence;
    for (const r of rows) {
      expect(r.ci).toBeNull();
      expect(r.ciReason).toBe('needs at least 3 networks per architecture; have 2 of tiny-a');
      expect(r.verdict).not.toBe('ABOVE_CHANCE'); // 1 trained vs 1 chance pair: p = 1/2 at best
    }
    expect(fx.manifests.two!.layers[0]!.statistics!.length).toBeGreaterThan(0);
  });

  it('dead units are left out of matches (never worst matched) and histograms unless includeDead', async () => {
    const pair = fx.manifests.three!.alignments.find((a) => a.layer === 'fc1' && a.kind === 'between')!;
    const netA = fx.manifests.three!.networks.find((n) => n.id === pair.a)!.layers.find((l) => l.name === 'fc1')!;
    const deadA = netA.unitStats.filter((u) => u.dead).map((u) => u.index);
    const ids = await ok(fx.api.url, fx.token, `query($id: ID!) { experiment(id: $id) { networks(first: 10) { edges { node { id name } } } } }`, { id: fx.ids.three! });
    const byName = new Map(ids.experiment.networks.edges.map((e: any) => [e.node.name, e.node.id]));
    const Q = `query($a: ID!, $b: ID!, $dead: Boolean) { alignment(networkA: $a, networkB: $b, layer: "fc1", method: HUNGARIAN) {
      summary(includeDead: $dead) { meanCorr nLiveA nLiveB includesDead }
      worst: matches(first: 100, order: SCORE_ASC, includeDead: $dead) { totalCount edges { node { unitA { index dead } unitB { index } score } } }
      scoreHistogram(bins: 5, includeDead: $dead) { count }
      layerA { nLive nTotal deadCount } } }`;
    const live = (await ok(fx.api.url, fx.token, Q, { a: byName.get(pair.a), b: byName.get(pair.b), dead: false })).alignment;
    const all = (await ok(fx.api.url, fx.token, Q, { a: byName.get(pair.a), b: byName.get(pair.b), dead: true })).alignment;
    expect(live.layerA).toEqual({ nLive: 40 - deadA.length, nTotal: 40, deadCount: deadA.length });
    expect(live.worst.totalCount).toBe(40 - deadA.length);
    expect(live.worst.edges.every((e: any) => !e.node.unitA.dead)).toBe(true);
    expect(all.worst.totalCount).toBe(40);
    expect(live.scoreHistogram.reduce((s: number, b: any) => s + b.count, 0)).toBe(40 - deadA.length);
    expect(all.scoreHistogram.reduce((s: number, b: any) => s + b.count, 0)).toBe(40);
    // a dead unit's reported match is null (the matching still covered it)
    for (const e of all.worst.edges) if (e.node.unitA.dead) expect(e.node.unitB).toBeNull();
    expect(live.summary).toMatchObject({ nLiveA: 40 - deadA.length, includesDead: false });
    expect(live.summary.meanCorr).toBeCloseTo(pair.max!.meanLive!, 10);
    expect(all.summary.meanCorr).toBeCloseTo(pair.max!.mean, 10);
    expect(all.summary.includesDead).toBe(true);
  });

  it('serves held-out FVU by image, cluster mixing and the shuffled null per pair', async () => {
    const pair = fx.manifests.three!.alignments.find((a) => a.layer === 'fc1' && a.kind === 'between')!;
    const ids = await ok(fx.api.url, fx.token, `query($id: ID!) { experiment(id: $id) { networks(first: 10) { edges { node { id name } } } } }`, { id: fx.ids.three! });
    const byName = new Map(ids.experiment.networks.edges.map((e: any) => [e.node.name, e.node.id]));
    const d = await ok(fx.api.url, fx.token, `query($a: ID!, $b: ID!) {
      sparse: alignment(networkA: $a, networkB: $b, layer: "fc1", method: SPARSE) { summary { lossPath { penalty meanLoss meanLossHeldOut } heldOut { images fitImages seed } shuffledNull } }
      spectral: alignment(networkA: $a, networkB: $b, layer: "fc1", method: SPECTRAL) { summary { clusterMixing mixedClusterFraction shuffledNull } } }`, { a: byName.get(pair.a), b: byName.get(pair.b) });
    expect(d.sparse.summary.heldOut).toEqual({ images: 5, fitImages: 15, seed: pair.sparse!.heldOut!.seed });
    d.sparse.summary.lossPath.forEach((pt: any, k: number) => {
      expect(pt.meanLossHeldOut).toBeCloseTo(pair.sparse!.fvuHeldOut![k]!, 10);
      expect(pt.meanLoss).toBeCloseTo(pair.sparse!.fvuLive![k]!, 10);
    });
    expect(typeof d.sparse.summary.shuffledNull).toBe('number');
    expect(d.spectral.summary.clusterMixing).toBeCloseTo(pair.spectral![0]!.mixing!, 10);
    expect(d.spectral.summary.shuffledNull).toBeCloseTo(pair.shuffled!.figures['spectralMixing@4']!, 10);
  });
});
