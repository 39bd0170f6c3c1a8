/**
 * Stitching a pair at one layer: network A's layer-l activations, mapped by each stitching map (stitch-maps.ts),
 * replace network B's layer-l activations, and B's upper layers (build-model.ts `upperModel`) classify held-out
 * images. Reported per map: accuracy, next to B's own accuracy on the same images and the majority-class rate; the
 * chance level of stitching itself is the same procedure from an untrained network (the experiment runs it).
 */
import * as tf from '@tensorflow/tfjs';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { upperModel } from '../spec/build-model.ts';
import { type ImageSet, batchLabels, batchTensor, rangeIndices, ranges } from '../train/image-set.ts';
import type { AffineMap, StitchMapKind } from './stitch-maps.ts';

export interface StitchNetwork {
  spec: ResolvedArchitecture;
  model: tf.LayersModel;
}

export interface StitchScore {
  kind: StitchMapKind;
  /** Held-out accuracy of B running on A's mapped activations. */
  accuracy: number;
  penalty?: number;
  /** Mean non-zero weights per unit of B. */
  nonzero: number;
}

export interface StitchResult {
  layer: string;
  /** Held-out images scored. */
  images: number;
  /** B's own accuracy on the same images. */
  ownAccuracy: number;
  /** Share of the most frequent class among the images (accuracy of always guessing it). */
  majorityRate: number;
  maps: StitchScore[];
}

/**
 * Score every map on the first `count` images of `images` (held out: not the probe set the maps were fitted on, nor
 * training data). `layer` must be a top-level layer of both networks with matching shapes up to the channel count.
 */
export async function stitchPair(
  a: StitchNetwork,
  b: StitchNetwork,
  layer: string,
  maps: AffineMap[],
  images: ImageSet,
  options: { count?: number; batchSize?: number; signal?: AbortSignal; /** B's own accuracy on these images, when already known (skips its forward pass). */ ownAccuracy?: number } = {},
): Promise<StitchResult> {
  const count = Math.min(options.count ?? images.count, images.count);
  if (count < 1) throw new Error(`stitching at ${layer} needs at least one held-out image`);
  const batchSize = options.batchSize ?? 100;
  // Node 0 is the layer's place in the model's own graph (stitching adds further nodes to shared layers).
  const head = tf.model({ inputs: a.model.inputs, outputs: a.model.getLayer(layer).getOutputAt(0) as tf.SymbolicTensor });
  const upper = upperModel(b.spec, b.model, layer);
  const outA = (head.outputs[0]!.shape.slice(1) as number[]);
  const inB = (upper.inputs[0]!.shape.slice(1) as number[]);
  const p = outA[outA.length - 1]!;
  const q = inB[inB.length - 1]!;
  if (outA.length !== inB.length || outA.slice(0, -1).some((d, i) => d !== inB[i])) {
    throw new Error(`stitching at ${layer}: A's output [${outA.join(', ')}] and B's input [${inB.join(', ')}] differ beyond the unit count`);
  }
  for (const m of maps) if (m.p !== p || m.q !== q) throw new Error(`stitching at ${layer}: a ${m.kind} map is ${m.p} → ${m.q} units, the layers have ${p} → ${q}`);
  const tensors = maps.map((m) => ({ w: tf.tensor2d(Float32Array.from(m.weights), [p, q]), c: tf.tensor1d(Float32Array.from(m.bias)) }));
  const correct = new Array<number>(maps.length).fill(0);
  let own = 0;
  const classCounts = new Map<number, number>();
  try {
    for (const [s, e] of ranges(count, batchSize)) {
      options.signal?.throwIfAborted();
      const idx = rangeIndices(s, e);
      const labels = batchLabels(images, idx);
      for (const l of labels) classCounts.set(l, (classCounts.get(l) ?? 0) + 1);
      const hits = async (logits: tf.Tensor): Promise<number> => {
        const arg = logits.argMax(-1);
        // `await data()`: webgpu in Node cannot read synchronously.
        const pred = (await arg.data()) as Int32Array;
        arg.dispose();
        let h = 0;
        pred.forEach((v, i) => (h += v === labels[i] ? 1 : 0));
        return h;
      };
      const x = batchTensor(images, idx);
      if (options.ownAccuracy === undefined) {
        const ownLogits = b.model.predict(x) as tf.Tensor;
        own += await hits(ownLogits);
        ownLogits.dispose();
      }
      const act = head.predict(x) as tf.Tensor;
      x.dispose();
      for (const [k, t] of tensors.entries()) {
        const logits = tf.tidy(() => upper.predict(act.reshape([-1, p]).matMul(t.w).add(t.c).reshape([e - s, ...inB])) as tf.Tensor);
        correct[k]! += await hits(logits);
        logits.dispose();
      }
      act.dispose();
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    for (const t of tensors) tf.dispose([t.w, t.c]);
  }
  return {
    layer,
    images: count,
    ownAccuracy: options.ownAccuracy ?? own / count,
    majorityRate: Math.max(...classCounts.values()) / count,
    maps: maps.map((m, k) => ({ kind: m.kind, accuracy: correct[k]! / count, nonzero: m.nonzero, ...(m.penalty !== undefined ? { penalty: m.penalty } : {}) })),
  };
}
