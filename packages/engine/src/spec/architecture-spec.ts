/**
 * The declarative architecture spec: a JSON list of named layers, validated with errors that name the
 * JSON path (`layers[3].filters must be a positive integer`). Recorded layers are taken post-activation
 * (the layer's own output). The last layer must be a dense layer with as many units as classes; it
 * outputs logits (softmax is part of the loss).
 */
import { Checker, joinPath } from './json-checks.ts';
import { DEFAULT_SPEC_LIMITS, fmt, layerParameters, type SpecLimits } from './limits.ts';

export type Activation = 'relu' | 'linear' | 'tanh' | 'sigmoid';
export const ACTIVATIONS: readonly Activation[] = ['relu', 'linear', 'tanh', 'sigmoid'];
export type Padding = 'same' | 'valid';
export const LAYER_TYPES = ['conv', 'maxpool', 'avgpool', 'dense', 'flatten', 'dropout', 'batchnorm', 'relu', 'residual'] as const;
export type LayerType = (typeof LAYER_TYPES)[number];
/** Layer types allowed on a residual block's branch. */
export const RESIDUAL_BRANCH_TYPES = ['conv', 'batchnorm', 'relu', 'dropout'] as const;

interface LayerBase {
  /** Unique within the architecture; layers pair across architectures by name. Default `<type><index>`. */
  name?: string;
  /** Record this layer's output (post-activation) on the probe set. */
  record?: boolean;
}
export interface ConvLayer extends LayerBase {
  type: 'conv';
  filters: number;
  kernel: number;
  stride?: number;
  padding?: Padding;
  activation?: Activation;
}
export interface PoolLayer extends LayerBase {
  type: 'maxpool' | 'avgpool';
  size: number;
  stride?: number;
  padding?: Padding;
}
export interface DenseLayer extends LayerBase {
  type: 'dense';
  units: number;
  activation?: Activation;
}
export interface FlattenLayer extends LayerBase {
  type: 'flatten';
}
export interface DropoutLayer extends LayerBase {
  type: 'dropout';
  rate: number;
}
export interface BatchNormLayer extends LayerBase {
  type: 'batchnorm';
}
export interface ReluLayer extends LayerBase {
  type: 'relu';
}
/**
 * A residual block (He et al. 2016): output = activation(x + branch(x)), where `branch` is a list of conv, batchnorm,
 * relu and dropout layers. When the branch changes the channels or (with strided 'same' convolutions) the spatial
 * size, the skip path gets a 1×1 convolution with the branch's total stride (a projection shortcut), named
 * `<block>-proj`. The block's name is its output (after the add and the activation): record and pair it by that name.
 * Branch layers are named `<block>-<name>` (default `<block>-<type><index>`) and cannot be recorded on their own.
 */
export interface ResidualLayer extends LayerBase {
  type: 'residual';
  layers: Array<ConvLayer | BatchNormLayer | ReluLayer | DropoutLayer>;
  /** Applied after the add (default relu). */
  activation?: Activation;
}
export type LayerSpec = ConvLayer | PoolLayer | DenseLayer | FlattenLayer | DropoutLayer | BatchNormLayer | ReluLayer | ResidualLayer;
/** A layer with its name and record flag resolved (branch layers of a residual block resolved too). */
export type ResolvedLayer = Exclude<LayerSpec, ResidualLayer> & { name: string; record: boolean } | (Omit<ResidualLayer, 'layers'> & { name: string; record: boolean; layers: Array<Exclude<LayerSpec, ResidualLayer | PoolLayer | DenseLayer | FlattenLayer> & { name: string; record: boolean }> });

export interface ArchitectureSpec {
  name: string;
  /** [height, width, channels] of one input image. */
  inputShape: [number, number, number];
  layers: LayerSpec[];
}

/** A validated spec with every default filled in and every layer named. */
export interface ResolvedArchitecture extends ArchitectureSpec {
  layers: ResolvedLayer[];
}

const COMMON = ['type', 'name', 'record'];
const FIELDS: Record<LayerType, string[]> = {
  conv: [...COMMON, 'filters', 'kernel', 'stride', 'padding', 'activation'],
  maxpool: [...COMMON, 'size', 'stride', 'padding'],
  avgpool: [...COMMON, 'size', 'stride', 'padding'],
  dense: [...COMMON, 'units', 'activation'],
  flatten: COMMON,
  dropout: [...COMMON, 'rate'],
  batchnorm: COMMON,
  relu: COMMON,
  residual: [...COMMON, 'layers', 'activation'],
};
const NAME_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Validate a parsed JSON architecture spec; returns it resolved (defaults filled, names assigned) or
 * throws a SpecError listing every problem with its JSON path. `classes` checks the output width.
 */
export function validateArchitectureSpec(value: unknown, options: { classes?: number; path?: string; limits?: SpecLimits } = {}): ResolvedArchitecture {
  const c = new Checker();
  const root = options.path ?? '';
  const resolved = checkArchitecture(c, value, root, options.classes, options.limits);
  c.done(`invalid architecture spec${root ? ` at ${root}` : ''}`);
  return resolved as ResolvedArchitecture;
}

/** Shared by the experiment-spec validator: reports into `c`, returns undefined when invalid. */
export function checkArchitecture(c: Checker, value: unknown, root: string, classes?: number, limits: SpecLimits = DEFAULT_SPEC_LIMITS): ResolvedArchitecture | undefined {
  const before = c.errors.length;
  const obj = c.object(value, root === '' ? '(spec)' : root);
  if (!obj) return undefined;
  c.noUnknownKeys(obj, root, ['name', 'inputShape', 'layers']);
  const name = c.string(obj.name, joinPath(root, 'name'));
  const shapePath = joinPath(root, 'inputShape');
  const shapeArr = c.array(obj.inputShape, shapePath);
  let inputShape: [number, number, number] | undefined;
  if (shapeArr) {
    if (shapeArr.length !== 3) c.fail(shapePath, 'must be [height, width, channels]');
    else {
      const dims = shapeArr.map((d, i) => c.integer(d, joinPath(shapePath, i), { min: 1 }));
      if (dims.every((d) => d !== undefined)) {
        inputShape = dims as [number, number, number];
        const values = inputShape[0] * inputShape[1] * inputShape[2];
        if (values > limits.maxLayerValues) c.fail(shapePath, `has ${fmt(values)} values per image, over the limit of ${fmt(limits.maxLayerValues)}`);
      }
    }
  }
  const layersPath = joinPath(root, 'layers');
  const rawLayers = c.array(obj.layers, layersPath, { nonEmpty: true }) ?? [];
  const layers: ResolvedLayer[] = [];
  const seen = new Map<string, string>();
  rawLayers.forEach((raw, i) => {
    const l = checkLayer(c, raw, joinPath(layersPath, i), i, rawLayers.length, seen, LAYER_TYPES, limits);
    if (l) layers.push(l as ResolvedLayer);
  });
  // Shape walk: catch kernels larger than their input and a wrong output width before TF does.
  if (inputShape && c.errors.length === before) checkShapes(c, inputShape, layers, layersPath, classes, limits, root);
  if (c.errors.length > before || !name || !inputShape) return undefined;
  return { name, inputShape, layers };
}

/**
 * One layer (or a residual block's branch layer, with `prefix` = the block's name): type, known fields, name
 * (default `<type><index>`, prefixed `<block>-` inside a block), and its own fields. `seen` maps every name to the
 * JSON path that took it, across blocks, so names stay unique in the whole model.
 */
function checkLayer(
  c: Checker,
  raw: unknown,
  p: string,
  i: number,
  count: number,
  seen: Map<string, string>,
  types: readonly LayerType[],
  limits: SpecLimits,
  prefix?: string,
): (LayerSpec & { name: string; record: boolean }) | undefined {
  {
    const l = c.object(raw, p);
    if (!l) return undefined;
    const type = c.oneOf(l.type, joinPath(p, 'type'), types);
    if (!type) return undefined;
    c.noUnknownKeys(l, p, FIELDS[type]);
    let layerName = `${type}${i}`;
    if (l.name !== undefined) {
      const n = c.string(l.name, joinPath(p, 'name'));
      if (n !== undefined && !NAME_RE.test(n)) c.fail(joinPath(p, 'name'), 'must start with a letter and use only letters, digits, _ and -');
      if (n !== undefined) layerName = n;
    }
    if (prefix !== undefined) layerName = `${prefix}-${layerName}`;
    const prev = seen.get(layerName);
    if (prev !== undefined) c.fail(joinPath(p, 'name'), `duplicates ${prev}.name "${layerName}"; layer names must be unique`);
    seen.set(layerName, p.replace(/^.*?(layers\[)/, '$1'));
    const record = l.record === undefined ? false : c.boolean(l.record, joinPath(p, 'record')) ?? false;
    if (prefix !== undefined && record) c.fail(joinPath(p, 'record'), `cannot record a layer inside residual block "${prefix}"; record the block itself (its output after the add)`);
    const base = { name: layerName, record };
    switch (type) {
      case 'conv': {
        const filters = c.integer(l.filters, joinPath(p, 'filters'), { min: 1 });
        if (filters !== undefined && filters > limits.maxUnitsPerLayer) c.fail(joinPath(p, 'filters'), `${fmt(filters)} exceeds the limit of ${fmt(limits.maxUnitsPerLayer)} units per layer`);
        const kernel = c.integer(l.kernel, joinPath(p, 'kernel'), { min: 1 });
        const stride = l.stride === undefined ? 1 : c.integer(l.stride, joinPath(p, 'stride'), { min: 1 });
        const padding = l.padding === undefined ? 'same' : c.oneOf(l.padding, joinPath(p, 'padding'), ['same', 'valid'] as const);
        const activation = l.activation === undefined ? 'relu' : c.oneOf(l.activation, joinPath(p, 'activation'), ACTIVATIONS);
        return { ...base, type, filters: filters ?? 1, kernel: kernel ?? 1, stride: stride ?? 1, padding: padding ?? 'same', activation: activation ?? 'relu' };
      }
      case 'maxpool':
      case 'avgpool': {
        const size = c.integer(l.size, joinPath(p, 'size'), { min: 1 });
        const stride = l.stride === undefined ? size : c.integer(l.stride, joinPath(p, 'stride'), { min: 1 });
        const padding = l.padding === undefined ? 'valid' : c.oneOf(l.padding, joinPath(p, 'padding'), ['same', 'valid'] as const);
        return { ...base, type, size: size ?? 1, stride: stride ?? 1, padding: padding ?? 'valid' };
      }
      case 'dense': {
        const units = c.integer(l.units, joinPath(p, 'units'), { min: 1 });
        if (units !== undefined && units > limits.maxUnitsPerLayer) c.fail(joinPath(p, 'units'), `${fmt(units)} exceeds the limit of ${fmt(limits.maxUnitsPerLayer)} units per layer`);
        const isLast = i === count - 1;
        const activation = l.activation === undefined ? (isLast ? 'linear' : 'relu') : c.oneOf(l.activation, joinPath(p, 'activation'), ACTIVATIONS);
        return { ...base, type, units: units ?? 1, activation: activation ?? 'relu' };
      }
      case 'dropout': {
        const rate = c.number(l.rate, joinPath(p, 'rate'), { min: 0, max: 1 });
        if (rate === 1) c.fail(joinPath(p, 'rate'), 'must be < 1');
        return { ...base, type, rate: rate ?? 0 };
      }
      case 'residual': {
        const activation = l.activation === undefined ? 'relu' : c.oneOf(l.activation, joinPath(p, 'activation'), ACTIVATIONS);
        const branchPath = joinPath(p, 'layers');
        const rawBranch = c.array(l.layers, branchPath, { nonEmpty: true }) ?? [];
        const branch: Array<LayerSpec & { name: string; record: boolean }> = [];
        rawBranch.forEach((rb, j) => {
          const inner = checkLayer(c, rb, joinPath(branchPath, j), j, Number.POSITIVE_INFINITY, seen, RESIDUAL_BRANCH_TYPES, limits, layerName);
          if (inner) branch.push(inner);
        });
        return { ...base, type, layers: branch as ResidualLayer['layers'] & Array<{ name: string; record: boolean }>, activation: activation ?? 'relu' };
      }
      default:
        return { ...base, type };
    }
  }
}

/** Output shape of a conv / pool layer on an [h, w, c] input (assumes the window fits). */
function windowShape(l: ConvLayer | PoolLayer, shape: number[]): number[] {
  const k = l.type === 'conv' ? l.kernel : l.size;
  const s = l.stride ?? 1;
  const [h = 0, w = 0, ch = 0] = shape;
  const out = (n: number) => (l.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);
  return [out(h), out(w), l.type === 'conv' ? l.filters : ch];
}

/**
 * A residual block's branch output shape, and whether the skip path needs a projection (1×1 conv with the branch's
 * total stride): `undefined` projection means the shapes cannot be reconciled (a 'valid' convolution that shrinks).
 */
export function residualShapes(l: Extract<LayerSpec, { type: 'residual' }>, input: number[]): { output: number[]; projection: { stride: number } | null | undefined } {
  let shape = input;
  let stride = 1;
  let allSame = true;
  for (const b of l.layers) {
    if (b.type === 'conv') {
      shape = windowShape(b, shape);
      stride *= b.stride ?? 1;
      if ((b.padding ?? 'same') !== 'same' && b.kernel > 1) allSame = false;
    }
  }
  if (shape.every((d, i) => d === input[i])) return { output: shape, projection: null };
  const [h = 0, w = 0] = input;
  const fits = allSame && shape[0] === Math.ceil(h / stride) && shape[1] === Math.ceil(w / stride);
  return { output: shape, projection: fits ? { stride } : undefined };
}

/**
 * Parameters of a residual block on an [h, w, c] input: its branch convolutions and batch norms, plus the strided 1x1
 * projection of the skip path when the shapes differ (what tfjs counts).
 */
export function residualParameters(l: Extract<LayerSpec, { type: 'residual' }>, input: number[]): number {
  let total = 0;
  let inner = input;
  for (const b of l.layers) {
    if (b.type === 'conv') {
      total += layerParameters('conv', inner, b.filters, b.kernel);
      inner = windowShape(b, inner);
    } else if (b.type === 'batchnorm') total += layerParameters('batchnorm', inner, 0);
  }
  const r = residualShapes(l, input);
  if (r.projection) total += layerParameters('conv', input, r.output[2] ?? 0, 1);
  return total;
}

function checkShapes(
  c: Checker,
  input: [number, number, number],
  layers: ResolvedLayer[],
  path: string,
  classes: number | undefined,
  limits: SpecLimits,
  root: string,
): void {
  let shape: number[] = [...input];
  let broken = false;
  let parameters = 0;
  /** Checks a layer's output against the size limits once `shape` holds it; false when the walk must stop. */
  const withinLimits = (l: ResolvedLayer, p: string): boolean => {
    const values = shape.reduce((a, b) => a * b, 1);
    if (values > limits.maxLayerValues) {
      c.fail(p, `(${l.name}) outputs ${fmt(values)} values per image [${shape.join(', ')}], over the limit of ${fmt(limits.maxLayerValues)}`);
      return false;
    }
    const width = shape[shape.length - 1] ?? 0;
    if (l.record && width > limits.maxUnitsPerLayer) c.fail(joinPath(p, 'record'), `(${l.name}) would record ${fmt(width)} units, over the limit of ${fmt(limits.maxUnitsPerLayer)} units per layer; record a narrower layer`);
    return true;
  };
  layers.forEach((l, i) => {
    if (broken) return;
    const p = joinPath(path, i);
    const spatial = shape.length === 3;
    if (l.type === 'residual') {
      if (!spatial) {
        c.fail(p, '(residual) needs a spatial input but follows a flattened layer');
        broken = true;
        return;
      }
      for (const [j, b] of l.layers.entries()) {
        if (b.type === 'conv' && b.padding === 'valid' && (b.kernel > (shape[0] ?? 0) || b.kernel > (shape[1] ?? 0))) {
          c.fail(joinPath(joinPath(p, 'layers'), j), `(${b.name}) window ${b.kernel} is larger than its ${shape[0]}x${shape[1]} input`);
          broken = true;
          return;
        }
      }
      const r = residualShapes(l, shape);
      if (r.projection === undefined) {
        c.fail(p, `(residual ${l.name}) branch output ${r.output.join('x')} cannot be added to its ${shape.join('x')} input; use 'same' padding inside the block (a strided 1x1 projection then matches the shape)`);
        broken = true;
        return;
      }
      parameters += residualParameters(l, shape);
      shape = r.output;
      if (!withinLimits(l, p)) broken = true;
      return;
    }
    if ((l.type === 'conv' || l.type === 'maxpool' || l.type === 'avgpool') && !spatial) {
      c.fail(p, `(${l.type}) needs a spatial input but follows a flattened layer`);
      broken = true;
      return;
    }
    if (l.type === 'conv' || l.type === 'maxpool' || l.type === 'avgpool') {
      const k = l.type === 'conv' ? l.kernel : l.size;
      const s = l.stride ?? 1;
      const [h = 0, w = 0, ch = 0] = shape;
      const out = (n: number) => (l.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);
      if (l.padding === 'valid' && (k > h || k > w)) {
        c.fail(p, `(${l.name}) window ${k} is larger than its ${h}x${w} input`);
        broken = true;
        return;
      }
      parameters += l.type === 'conv' ? layerParameters('conv', shape, l.filters, l.kernel) : 0;
      shape = [out(h), out(w), l.type === 'conv' ? l.filters : ch];
    } else if (l.type === 'flatten') {
      shape = [shape.reduce((a, b) => a * b, 1)];
    } else if (l.type === 'dense') {
      if (spatial) c.fail(p, `(dense ${l.name}) needs a flatten layer before it`);
      parameters += layerParameters('dense', shape, l.units);
      shape = [l.units];
    } else if (l.type === 'batchnorm') {
      parameters += layerParameters('batchnorm', shape, 0);
    }
    if (!withinLimits(l, p)) broken = true;
  });
  if (!broken && parameters > limits.maxParameters) {
    c.fail(root === '' ? '(spec)' : root, `has ${fmt(parameters)} parameters, over the limit of ${fmt(limits.maxParameters)} per network`);
  }
  const last = layers[layers.length - 1];
  if (last && last.type !== 'dense') c.fail(joinPath(path, layers.length - 1), 'must be the dense output layer (one unit per class)');
  else if (last && last.type === 'dense') {
    if (last.activation !== 'linear') c.fail(joinPath(joinPath(path, layers.length - 1), 'activation'), 'of the output layer must be linear (logits; softmax is in the loss)');
    if (classes !== undefined && last.units !== classes) c.fail(joinPath(joinPath(path, layers.length - 1), 'units'), `must equal the dataset's ${classes} classes`);
  }
}

/** Output shape of every top-level layer ([h, w, c] or [units]), for recording; assumes a validated spec. */
export function layerOutputShapes(spec: ResolvedArchitecture): Map<string, number[]> {
  const shapes = new Map<string, number[]>();
  let shape: number[] = [...spec.inputShape];
  for (const l of spec.layers) {
    if (l.type === 'conv' || l.type === 'maxpool' || l.type === 'avgpool') shape = windowShape(l, shape);
    else if (l.type === 'residual') shape = residualShapes(l, shape).output;
    else if (l.type === 'flatten') shape = [shape.reduce((a, b) => a * b, 1)];
    else if (l.type === 'dense') shape = [l.units];
    shapes.set(l.name, shape);
  }
  return shapes;
}
