/**
 * Build a tf.LayersModel from a validated architecture spec, deterministically. Every random stream derives from
 * the network's identity (random/streams.ts, stream version 2): each kernel initialiser is seeded by
 * `init/<layer>/kernel` and each dropout mask by `dropout/<layer>/<step>` under the network key (a hash of the
 * resolved architecture and the seed), through a `DropoutClock` the trainer advances, so training is reproducible
 * and resumable, and two networks share a stream only if they are the same network.
 */
import * as tf from '@tensorflow/tfjs';
import { networkKey, streamSeed } from '../random/streams.ts';
import { type ResolvedArchitecture, type ResolvedLayer, residualShapes } from './architecture-spec.ts';

/**
 * Mix integers into a 31-bit seed (splitmix-style), so nearby seeds give unrelated streams. Used for family-level
 * choices that are not a network's streams (untrained twins' seeds, recording samples); a network's own streams
 * come from `streamSeed` (random/streams.ts).
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9 | 0;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h ^ Math.floor(p / 4294967296), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 1) % 2147483647;
}

/** Shared mutable step counter: dropout masks depend on it, so the trainer sets it per batch. */
export interface DropoutClock {
  step: number;
}

interface SeededDropoutArgs {
  rate: number;
  /** The seed of the mask at a training step. */
  seedAt: (step: number) => number;
  clock: DropoutClock;
  name: string;
}

/**
 * Dropout whose mask is seeded per step (`dropout/<layer>/<step>` of the network's streams). tfjs's own Dropout
 * reuses one seed for every call (the same mask each batch). Serialises as a plain `Dropout`, so saved models load
 * anywhere.
 */
class SeededDropout extends tf.layers.Layer {
  static className = 'Dropout';
  private readonly rate: number;
  private readonly seedAt: (step: number) => number;
  private readonly clock: DropoutClock;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seedAt = args.seedAt;
    this.clock = args.clock;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (kwargs.training !== true || this.rate === 0) return tf.clone(x);
    const seed = this.seedAt(this.clock.step);
    return tf.tidy(() => tf.dropout(x, this.rate, undefined, seed));
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate };
  }
}

export interface BuiltModel {
  model: tf.LayersModel;
  /** Outputs every recorded layer (post-activation), in `recorded` order. */
  activationModel: tf.LayersModel;
  recorded: string[];
  clock: DropoutClock;
  /** The network key (16 hex digits) its random streams derive from (random/streams.ts). */
  key: string;
}

/**
 * Build the model for `spec` with weights initialised from the streams of (spec, `seed`): the same network twice →
 * identical weights; another architecture or another seed → unrelated streams.
 * `record` overrides which layers the activation model outputs (default: those marked `record`).
 */
export function buildModel(spec: ResolvedArchitecture, seed: number, options: { record?: string[] } = {}): BuiltModel {
  const clock: DropoutClock = { step: 0 };
  const input = tf.input({ shape: spec.inputShape, name: 'input' });
  let x: tf.SymbolicTensor = input;
  const outputs = new Map<string, tf.SymbolicTensor>();
  const key = networkKey(spec, seed);
  const streams: LayerStreams = {
    init: (layer, what) => streamSeed(key, 'init', layer, what),
    dropout: (layer) => (step) => streamSeed(key, 'dropout', layer, step),
  };
  spec.layers.forEach((l) => {
    if (l.type === 'residual') {
      // Branch layers have names of their own; the projection is the layer `<block>-proj`.
      x = applyResidual(l, x, (_name, make) => make(), (b) => makeLayer(b, streams, clock), streams.init(`${l.name}-proj`, 'kernel'));
    } else {
      x = makeLayer(l, streams, clock).apply(x) as tf.SymbolicTensor;
    }
    outputs.set(l.name, x);
  });
  const model = tf.model({ inputs: input, outputs: x, name: spec.name.replace(/[^A-Za-z0-9_]/g, '_') });
  const recorded = options.record ?? spec.layers.filter((l) => l.record).map((l) => l.name);
  for (const name of recorded) {
    if (!outputs.has(name)) {
      throw new Error(`recorded layer "${name}" does not exist in architecture "${spec.name}" (layers: ${spec.layers.map((l) => l.name).join(', ')})`);
    }
  }
  const activationModel = tf.model({ inputs: input, outputs: recorded.map((n) => outputs.get(n)!) });
  return { model, activationModel, recorded, clock, key };
}

/** Seeds of a network's streams: a layer's initialiser (`what` = `kernel`) and a dropout layer's mask per step. */
interface LayerStreams {
  init: (layer: string, what: string) => number;
  dropout: (layer: string) => (step: number) => number;
}

type PlainLayer = Exclude<ResolvedLayer, { type: 'residual' }> | Extract<ResolvedLayer, { type: 'residual' }>['layers'][number];

/** The tfjs layer of one (non-residual) spec layer, its random streams from `streams`. */
function makeLayer(l: PlainLayer, streams: LayerStreams, clock: DropoutClock): tf.layers.Layer {
  switch (l.type) {
    case 'conv':
      return tf.layers.conv2d({
        name: l.name,
        filters: l.filters,
        kernelSize: l.kernel,
        strides: l.stride ?? 1,
        padding: l.padding ?? 'same',
        activation: l.activation ?? 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: streams.init(l.name, 'kernel') }),
        biasInitializer: 'zeros',
      });
    case 'maxpool':
    case 'avgpool': {
      const args = { name: l.name, poolSize: l.size, strides: l.stride ?? l.size, padding: l.padding ?? 'valid' };
      return l.type === 'maxpool' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case 'dense':
      return tf.layers.dense({
        name: l.name,
        units: l.units,
        activation: l.activation ?? 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: streams.init(l.name, 'kernel') }),
        biasInitializer: 'zeros',
      });
    case 'flatten':
      return tf.layers.flatten({ name: l.name });
    case 'dropout':
      return new SeededDropout({ name: l.name, rate: l.rate, seedAt: streams.dropout(l.name), clock });
    case 'batchnorm':
      return tf.layers.batchNormalization({ name: l.name, axis: -1 });
    case 'relu':
      return tf.layers.reLU({ name: l.name });
  }
}

/**
 * A residual block on `x`: the branch, the skip (identity, or a 1×1 projection `<block>-proj` with the branch's
 * stride when the shapes differ), `<block>-add`, and the activation named after the block. `get(name, make)` returns
 * the layer of that name (building: `make()`; reusing a trained model: its layer), `branch(b, j)` builds branch
 * layer j.
 */
function applyResidual(
  l: Extract<ResolvedLayer, { type: 'residual' }>,
  x: tf.SymbolicTensor,
  get: (name: string, make: () => tf.layers.Layer) => tf.layers.Layer,
  branch: (b: PlainLayer, j: number) => tf.layers.Layer,
  projectionSeed: number,
): tf.SymbolicTensor {
  const inputShape = x.shape.slice(1) as number[];
  let y = x;
  l.layers.forEach((b, j) => {
    y = get(b.name, () => branch(b, j)).apply(y) as tf.SymbolicTensor;
  });
  const { output, projection } = residualShapes(l, inputShape);
  let skip = x;
  if (projection) {
    const proj = get(`${l.name}-proj`, () =>
      tf.layers.conv2d({
        name: `${l.name}-proj`,
        filters: output[2]!,
        kernelSize: 1,
        strides: projection.stride,
        padding: 'same',
        activation: 'linear',
        kernelInitializer: tf.initializers.glorotUniform({ seed: projectionSeed }),
        biasInitializer: 'zeros',
      }),
    );
    skip = proj.apply(x) as tf.SymbolicTensor;
  }
  const sum = get(`${l.name}-add`, () => tf.layers.add({ name: `${l.name}-add` })).apply([y, skip]) as tf.SymbolicTensor;
  return get(l.name, () => tf.layers.activation({ name: l.name, activation: l.activation ?? 'relu' })).apply(sum) as tf.SymbolicTensor;
}

/**
 * The part of a built (or loaded) model above `layerName`, as a model of its own: input = that layer's output shape,
 * output = the logits, sharing the model's weights. Used to run network B's upper layers on stitched activations.
 * `layerName` must be a top-level layer of `spec` (a residual block's output, never a layer inside one).
 */
export function upperModel(spec: ResolvedArchitecture, model: tf.LayersModel, layerName: string): tf.LayersModel {
  const at = spec.layers.findIndex((l) => l.name === layerName);
  if (at < 0) throw new Error(`layer "${layerName}" is not a top-level layer of architecture "${spec.name}" (layers: ${spec.layers.map((l) => l.name).join(', ')})`);
  const shape = (model.getLayer(layerName).getOutputAt(0) as tf.SymbolicTensor).shape.slice(1) as number[];
  const input = tf.input({ shape, name: `${safeLayerName(layerName)}_in` });
  let x: tf.SymbolicTensor = input;
  const get = (name: string): tf.layers.Layer => model.getLayer(name);
  for (const l of spec.layers.slice(at + 1)) {
    x = l.type === 'residual' ? applyResidual(l, x, (name) => get(name), (b) => get(b.name), 0) : (get(l.name).apply(x) as tf.SymbolicTensor);
  }
  return tf.model({ inputs: input, outputs: x });
}

function safeLayerName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Number of trainable + non-trainable parameters. */
export function parameterCount(model: tf.LayersModel): number {
  return model.weights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}

/**
 * Multiply-adds of one forward pass per sample: each layer's kernel size times its output positions (a conv
 * kernel [kh, kw, cin, cout] runs at every output pixel, a dense kernel once). Training costs about three times
 * this per sample; job queues use it to start the most expensive networks first.
 */
export function forwardMultiplyAdds(model: tf.LayersModel): number {
  let total = 0;
  for (const layer of model.layers) {
    const kernel = layer.weights.find((w) => /kernel/.test(w.originalName ?? w.name));
    if (!kernel) continue;
    const out = layer.outputShape as Array<number | null>;
    const positions = out.length === 4 ? (out[1] ?? 1) * (out[2] ?? 1) : 1;
    total += kernel.shape.reduce<number>((a, b) => a * (b ?? 1), 1) * positions;
  }
  return total;
}

/**
 * Receptive field of a layer's units in input pixels: the patch for output position (y, x) starts at
 * (y·stride + offset) and spans `size` (offset is negative where 'same' padding reaches outside).
 */
export function receptiveField(spec: ResolvedArchitecture, layerName: string): { size: number; stride: number; offset: number } {
  let size = 1;
  let stride = 1;
  let offset = 0;
  let flat = false;
  for (const l of spec.layers) {
    if (l.type === 'flatten') flat = true;
    if (flat && l.name === layerName) return { size: Math.max(spec.inputShape[0], spec.inputShape[1]), stride: 1, offset: 0 };
    // A residual block's output sees through its branch (the larger field; the skip path's is contained in it).
    for (const w of l.type === 'residual' ? l.layers : [l]) {
      if (w.type === 'conv' || w.type === 'maxpool' || w.type === 'avgpool') {
        const k = w.type === 'conv' ? w.kernel : w.size;
        const s = w.stride ?? 1;
        // 'same' pads (k-1)/2 before (TF puts the extra pixel after).
        const pad = (w.padding ?? (w.type === 'conv' ? 'same' : 'valid')) === 'same' ? Math.floor((k - 1) / 2) : 0;
        offset -= pad * stride;
        size += (k - 1) * stride;
        stride *= s;
      }
    }
    if (l.name === layerName) return { size, stride, offset };
  }
  throw new Error(`layer "${layerName}" is not in architecture "${spec.name}"`);
}
