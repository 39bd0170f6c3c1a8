import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { buildModel, forwardMultiplyAdds } from '../spec/build-model.ts';
import { syntheticImages, tinyArchitectureSpec, tinyExperimentData } from '../train/test-fixtures.ts';
import { loadModel } from '../train/weights-io.ts';
import { alignPair } from '../align/align-pair.ts';
import {
  type PairFigures,
  alignPairStep,
  alignPairsOf,
  buildUntrainedStep,
  crossParts,
  layerSummaries,
  layerSummary,
  loadNetwork,
  memberParts,
  pairAlignmentValues,
  pairFigures,
  pairRecordingFromParts,
  planExperiment,
  recordStep,
  trainStep,
  trainTaskFor,
  trainingCosts,
  validateExperimentSpec,
} from './steps.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-steps-'));
  await selectBackend();
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const data = tinyExperimentData(24);
const tinyArch = (name: string, filters: number) => tinyArchitectureSpec(name, filters, 5);
const spec = validateExperimentSpec({
  name: 'steps',
  dataset: 'synthetic',
  split: { seed: 4, validation: 30, probe: 24 },
  architectures: [tinyArch('tiny-a', 4), tinyArch('tiny-b', 3)],
  seeds: [1, 2],
  training: { epochs: 2, batchSize: 16, optimizer: 'sgd', learningRate: 0.1, trainLimit: 100 },
  methods: ['semi', 'max', 'mi', 'cka', 'sparse', 'knn'],
  penalties: [0.05, 0.2],
  mi: { bins: 4, samples: 200 },
  knn: { k: 3 },
});

describe('plan step', () => {
  it('plans trained networks, then their untrained twins, and checks memory only when asked', () => {
    const plan = planExperiment(spec, data);
    expect(plan.layers).toEqual(['conv1', 'fc1']);
    expect(plan.networks.map((n) => `${n.id}:${n.role}`)).toEqual([
      'tiny-a-s1:trained',
      'tiny-a-s2:trained',
      'tiny-b-s1:trained',
      'tiny-b-s2:trained',
      'tiny-a-untrained:untrained',
      'tiny-b-untrained:untrained',
      'tiny-a-untrained-2:untrained',
      'tiny-b-untrained-2:untrained',
    ]);
    expect(() => planExperiment(spec, data, { memory: { concurrency: 2, recordBatch: 100, available: 1000 } })).toThrow(/memory/i);
  });

  it('refuses a method the data cannot support, before anything is trained', () => {
    const few = { ...data, probe: syntheticImages(3, 3) };
    expect(() => planExperiment(spec, few)).toThrow('knn.k 3 needs more probe images than k, but split.probe is 3; lower knn.k below 3 or raise split.probe');
  });

  it('costs each trained network forward multiply-adds × limited training images × epochs, an untrained twin nothing', async () => {
    const plan = planExperiment(spec, data);
    const costs = await trainingCosts(plan, data.train.count);
    const { model } = buildModel(plan.archs[1]!, 0);
    const perSample = forwardMultiplyAdds(model);
    model.dispose();
    expect(costs['tiny-b-s2']).toBe(perSample * 100 * 2);
    expect(costs['tiny-b-untrained-2']).toBe(0);
    expect(Object.keys(costs)).toEqual(plan.networks.map((n) => n.id));
  });
});

describe('train step', () => {
  it('trains one network with the family data order in this thread, and builds an untrained twin that loads back from its bytes', async () => {
    const plan = planExperiment(spec, data);
    const net = plan.networks[0]!;
    const dirs = { outDir: path.join(tmp, 'net'), checkpointDir: path.join(tmp, 'ckpt') };
    const task = trainTaskFor(spec, net, dirs, { inline: { train: data.train, validation: data.validation } });
    expect(task.training.dataOrderSeed).toBe(spec.split.seed);
    const out = await trainStep(task, { inThread: true });
    expect(out.metrics).toHaveLength(2);
    expect(out.backend).toBe((await selectBackend()).name);
    // Run again on the same checkpoint folder: nothing is left to train.
    expect((await trainStep(task, { inThread: true })).resumedFrom).toBe(2);

    const twin = plan.networks.find((n) => n.role === 'untrained')!;
    const twinDir = path.join(tmp, 'twin');
    const built = await buildUntrainedStep(twin, twinDir);
    expect(built).toMatchObject({ id: twin.id, metrics: [], stepMetrics: [], trainSeconds: 0, resumedFrom: 0 });
    const fromBytes = await loadNetwork({
      id: twin.id,
      spec: twin.arch,
      modelJson: await fs.readFile(path.join(twinDir, 'model.json')),
      weightsBin: await fs.readFile(path.join(twinDir, 'weights.bin')),
    });
    const fromDir = await loadModel(twinDir);
    const { model: fresh } = buildModel(twin.arch, twin.seed);
    expect(fromBytes.model.countParams()).toBe(built.parameterCount);
    const weights = (m: typeof fresh) => m.getWeights().map((w) => Array.from(w.dataSync()));
    expect(weights(fromBytes.model)).toEqual(weights(fromDir));
    expect(weights(fromBytes.model)).toEqual(weights(fresh));
    for (const m of [fromBytes.model, fromDir, fresh]) m.dispose();
  });
});

describe('record and align steps', () => {
  it('align a pair rebuilt from stored parts exactly as the whole layer recording does, shuffled-probe null included', async () => {
    const plan = planExperiment(spec, data);
    const models = plan.networks.map((n) => ({ id: n.id, spec: n.arch, model: buildModel(n.arch, n.seed).model }));
    const recordings = await recordStep({ models, probe: data.probe, spec, layers: plan.layers, shuffledOf: plan.networks, batchSize: 10 });
    for (const m of models) m.model.dispose();
    expect(recordings.map((r) => r.name)).toEqual(['conv1', 'fc1']);
    const netById = new Map(plan.networks.map((n) => [n.id, n]));
    const rec = recordings[1]!;
    const pairs = alignPairsOf(rec, netById);
    // 4 trained networks: 6 between pairs, each with a shuffled copy of B; 6 matched chance pairs of twins.
    expect(pairs.filter((p) => p.kind === 'between').map((p) => [p.a, p.b, p.shuffled])).toEqual([
      ['tiny-a-s1', 'tiny-a-s2', 'tiny-a-s2~shuffled'],
      ['tiny-a-s1', 'tiny-b-s1', 'tiny-b-s1~shuffled'],
      ['tiny-a-s1', 'tiny-b-s2', 'tiny-b-s2~shuffled'],
      ['tiny-a-s2', 'tiny-b-s1', 'tiny-b-s1~shuffled'],
      ['tiny-a-s2', 'tiny-b-s2', 'tiny-b-s2~shuffled'],
      ['tiny-b-s1', 'tiny-b-s2', 'tiny-b-s2~shuffled'],
    ]);
    const chance = pairs.filter((p) => p.kind === 'chance');
    expect(chance).toHaveLength(6);
    expect(chance.every((p) => p.shuffled === undefined && p.members.shuffled === undefined && p.mirrors !== undefined)).toBe(true);
    // Seed 2 of A against seed 1 of B: twin 2 of A against twin 1 of B, in recording (member) order.
    expect(chance.find((p) => p.mirrors!.a === 'tiny-a-s2' && p.mirrors!.b === 'tiny-b-s1')).toMatchObject({ a: 'tiny-b-untrained', b: 'tiny-a-untrained-2' });
    for (const p of pairs) expect([rec.members[p.members.a]!.networkId, rec.members[p.members.b]!.networkId]).toEqual([p.a, p.b]);

    const members = new Map(memberParts(rec).map((m) => [m.network, m.bytes]));
    expect([...members.keys()]).toEqual(rec.members.map((m) => m.networkId));
    for (const p of pairs) {
      const whole = await alignPairStep({
        spec,
        recording: rec,
        a: p.members.a,
        b: p.members.b,
        ...(p.members.shuffled !== undefined ? { shuffled: { recording: rec, a: p.members.a, b: p.members.shuffled } } : {}),
      });
      const cross = crossParts(rec, p);
      expect(cross.map((x) => [x.a, x.b])).toEqual(p.shuffled ? [[p.a, p.b], [p.a, p.shuffled]] : [[p.a, p.b]]);
      const pairRec = pairRecordingFromParts(members.get(p.a)!, members.get(p.b)!, cross[0]!.bytes);
      const shuffledRec = p.shuffled ? pairRecordingFromParts(members.get(p.a)!, members.get(p.shuffled)!, cross[1]!.bytes) : undefined;
      const parted = await alignPairStep({ spec, recording: pairRec, a: 0, b: 1, ...(shuffledRec ? { shuffled: { recording: shuffledRec, a: 0, b: 1 } } : {}) });
      expect(parted.figures).toEqual(whole.figures);
      expect(parted.shuffledFigures).toEqual(whole.shuffledFigures);
      expect(whole.figures).toEqual(pairFigures(await alignPair(rec, p.members.a, p.members.b, { methods: spec.methods, penalties: spec.penalties, clusters: spec.clusters, miBins: spec.mi.bins, seed: spec.split.seed, knn: spec.knn })));
      expect(Object.keys(whole.shuffledFigures ?? {}).length > 0).toBe(p.kind === 'between');
    }

    // The manifest entry: arrays as values, the null's finite figures attached.
    const p = pairs[0]!;
    const aligned = await alignPairStep({ spec, recording: rec, a: p.members.a, b: p.members.b, shuffled: { recording: rec, a: p.members.a, b: p.members.shuffled! } });
    const entry = pairAlignmentValues(p, aligned, spec);
    expect(entry).toMatchObject({ layer: 'fc1', a: p.a, b: p.b, kind: 'between', p: 5, q: 5 });
    expect(entry.shuffled!.of).toBe('b');
    expect(Object.values(entry.shuffled!.figures).every(Number.isFinite)).toBe(true);
    expect(entry.correlation).toMatchObject({ shape: [5, 5], dtype: 'float32' });
    expect(Array.from(entry.correlation.data)).toEqual(Array.from(Float32Array.from(aligned.computation.rAB)));
    expect(entry.semi!.matchA).toMatchObject({ shape: [5], dtype: 'int32' });
    expect(entry.sparse!.weights.shape).toEqual([spec.penalties.length, 5, 5]);
  });
});

describe('family step', () => {
  it('summarises many layers from their pairs as layerSummary does layer by layer, in first-seen order', () => {
    const pair = (layer: string, a: string, b: string, kind: 'between' | 'chance', semi: number): PairFigures & { layer: string } => ({ layer, a, b, kind, f: { semi, cka: semi / 2 } });
    const pairs = [pair('fc1', 'x', 'y', 'between', 0.8), pair('conv1', 'x', 'y', 'between', 0.6), pair('fc1', 'x', 'z', 'between', 0.7), pair('fc1', 'u', 'v', 'chance', 0.2), pair('conv1', 'u', 'v', 'chance', 0.1)];
    const options = { architectureOf: (id: string) => id, seed: 3 };
    const summaries = layerSummaries(pairs, options);
    expect(summaries.map((s) => [s.name, s.networks])).toEqual([
      ['fc1', ['x', 'y', 'z', 'u', 'v']],
      ['conv1', ['x', 'y', 'u', 'v']],
    ]);
    const strip = (l: string) => pairs.filter((p) => p.layer === l).map(({ layer: _l, ...f }) => f);
    expect(summaries[0]).toEqual(layerSummary('fc1', ['x', 'y', 'z', 'u', 'v'], strip('fc1'), options));
    expect(summaries[0]!.metrics.semi!.between!.mean).toBeCloseTo(0.75, 12);
    expect(summaries[0]!.metrics.semi!.chance!.n).toBe(1);
  });
});
