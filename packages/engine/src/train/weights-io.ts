/**
 * Save and load tfjs LayersModels as `model.json` + `weights.bin` in a folder (the format
 * `tf.loadLayersModel('file://…')` / tfjs-node read). Pure-JS tfjs has no file:// handler, so this is a
 * small custom IOHandler. Files are written to a temp name and renamed (a crash never leaves half a file).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeFileAtomic } from '../io/atomic-write.ts';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

function concatBuffers(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  if (!Array.isArray(data)) return new Uint8Array(data);
  const total = data.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out;
}


/** An IOHandler that writes `dir/model.json` and `dir/weights.bin`. */
export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return {
    save: async (artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> => {
      await fs.mkdir(dir, { recursive: true });
      const weights = artifacts.weightData ? concatBuffers(artifacts.weightData as ArrayBuffer | ArrayBuffer[]) : new Uint8Array(0);
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
      };
      await writeFileAtomic(path.join(dir, WEIGHTS_BIN), weights);
      await writeFileAtomic(path.join(dir, MODEL_JSON), JSON.stringify(modelJson));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: weights.byteLength,
        },
      };
    },
  };
}

interface ModelJson {
  modelTopology: object;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
  trainingConfig?: tf.io.TrainingConfig;
}

/** Model artifacts from a parsed `model.json` and its weight files' bytes, in the manifest's order. */
function modelArtifacts(json: ModelJson, parts: Uint8Array[]): tf.io.ModelArtifacts {
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  const all = concatBuffers(parts.map((p) => p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength) as ArrayBuffer));
  return {
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer,
    ...(json.trainingConfig ? { trainingConfig: json.trainingConfig } : {}),
  };
}

/** An IOHandler that reads a folder written by `fileSaveHandler` (or any single-shard tfjs model). */
export function fileLoadHandler(dir: string): tf.io.IOHandler {
  return {
    load: async (): Promise<tf.io.ModelArtifacts> => {
      const jsonPath = path.join(dir, MODEL_JSON);
      let json: ModelJson;
      try {
        json = JSON.parse(await fs.readFile(jsonPath, 'utf8'));
      } catch (err) {
        throw new Error(`cannot read model ${jsonPath}: ${(err as Error).message}`);
      }
      const parts: Uint8Array[] = [];
      for (const group of json.weightsManifest) for (const p of group.paths) parts.push(new Uint8Array(await fs.readFile(path.join(dir, p))));
      return modelArtifacts(json, parts);
    },
  };
}

/**
 * Load a model from the bytes of its `model.json` and its one weight file (`weights.bin`, as `saveModel` writes
 * it): the same model `loadModel` reads from a folder holding these two files.
 */
export async function loadModelFromBytes(modelJson: Uint8Array, weightsBin: Uint8Array, what = 'model'): Promise<tf.LayersModel> {
  let json: ModelJson;
  try {
    json = JSON.parse(Buffer.from(modelJson.buffer, modelJson.byteOffset, modelJson.byteLength).toString('utf8'));
  } catch (err) {
    throw new Error(`cannot read ${what}'s model.json: ${(err as Error).message}`);
  }
  const files = json.weightsManifest.flatMap((group) => group.paths);
  if (files.length !== 1) throw new Error(`${what}'s model.json names ${files.length} weight files; only one (${WEIGHTS_BIN}) is stored`);
  return tf.loadLayersModel({ load: async () => modelArtifacts(json, [weightsBin]) });
}

/** Save `model` into `dir` (model.json + weights.bin). */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(fileSaveHandler(dir));
}

/** Load a LayersModel saved by `saveModel`. */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileLoadHandler(dir));
}

/** Load only the weight tensors of a saved model, in the model's weight order (for resuming). */
export async function loadWeightsInto(model: tf.LayersModel, dir: string): Promise<void> {
  const artifacts = await fileLoadHandler(dir).load!();
  const named = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  const values = artifacts.weightSpecs!.map((s) => named[s.name]!);
  if (values.length !== model.weights.length) {
    tf.dispose(values);
    throw new Error(`checkpoint in ${dir} has ${values.length} weights but the model has ${model.weights.length}; was the spec changed?`);
  }
  model.setWeights(values);
  tf.dispose(values);
}
