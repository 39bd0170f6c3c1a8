/**
 * The declarative architecture spec: a JSON list of named layers, validated with errors that name the
 * JSON path (`layers[3].filters must be a positive integer`). Recorded layers are taken post-activation
 * (the layer's own output). The last layer must be a dense layer with as many units as classes; it
 * outputs logits (softmax is part of the loss).
 *
 * Validation runs in three passes: the zod schemas below check the shape of every field (the types are inferred
 * from them); `layerNameRules` checks what spans layers (unique names, residual prefixes, no recording inside a
 * block) on whatever layers are readable, so every problem is listed at once; once both pass, the spec is resolved
 * (defaults, names) and `checkShapes` walks the layer shapes against the dataset and the limits.
 */
import { Checker, SpecError, joinPath } from './json-checks.ts';
import { DEFAULT_SPEC_LIMITS, fmt, layerParameters, type SpecLimits } from './limits.ts';
import { array, boolean, integer, number, object, oneOf, parse, string, z } from './schema-kit.ts';

export const ACTIVATIONS = ['relu', 'linear', 'tanh', 'sigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const PADDINGS = ['same', 'valid'] as const;
export type Padding = (typeof PADDINGS)[number];
export const LAYER_TYPES = ['conv', 'maxpool', 'avgpool', 'dense', 'flatten', 'dropout', 'batchnorm', 'relu', 'residual'] as const;
export type LayerType = (typeof LAYER_TYPES)[number];
/** Layer types allowed on a residual block's branch. */
export const RESIDUAL_BRANCH_TYPES = ['conv', 'batchnorm', 'relu', 'dropout'] as const;

const NAME_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** A discriminated union on `type` whose bad type reads `<path>.type must be one of … (got "x")`. */
function layerUnion<const O extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(types: readonly string[], options: O) {
  return z.discriminatedUnion('type', options, {
    error: (iss) => (iss.code === 'invalid_union' ? `must be one of ${types.join(', ')} (got ${JSON.stringify((iss.input as { type?: unknown } | undefined)?.type)})` : 'must be an object'),
  });
}

/**
 * The schemas of one set of limits (units per layer and values per image are bounds of the fields themselves).
 * Field order is the order problems are reported in, and the `known:` list of an unknown-field error.
 */
function buildSchemas(limits: SpecLimits) {
  const common = {
    /** Unique within the architecture; layers pair across architectures by name. Default `<type><index>`. */
    name: string().regex(NAME_RE, { error: 'must start with a letter and use only letters, digits, _ and -' }).optional(),
    /** Record this layer's output (post-activation) on the probe set. */
    record: boolean().optional(),
  };
  const positive = () => integer({ min: 1 });
  const width = () => positive().max(limits.maxUnitsPerLayer, { error: (iss) => `${fmt(Number(iss.input))} exceeds the limit of ${fmt(limits.maxUnitsPerLayer)} units per layer` });
  const conv = object({
    type: z.literal('conv'),
    ...common,
    filters: width(),
    kernel: positive(),
    stride: positive().optional(),
    padding: oneOf(PADDINGS).optional(),
    activation: oneOf(ACTIVATIONS).optional(),
  });
  const pool = object({ type: z.enum(['maxpool', 'avgpool']), ...common, size: positive(), stride: positive().optional(), padding: oneOf(PADDINGS).optional() });
  const dense = object({ type: z.literal('dense'), ...common, units: width(), activation: oneOf(ACTIVATIONS).optional() });
  const flatten = object({ type: z.literal('flatten'), ...common });
  const dropout = object({ type: z.literal('dropout'), ...common, rate: number({ min: 0, max: 1 }).refine((r) => r < 1, { error: 'must be < 1', abort: true }) });
  const batchnorm = object({ type: z.literal('batchnorm'), ...common });
  const relu = object({ type: z.literal('relu'), ...common });
  /**
   * A residual block (He et al. 2016): output = activation(x + branch(x)), where `branch` is a list of conv,
   * batchnorm, relu and dropout layers. When the branch changes the channels or (with strided 'same' convolutions)
   * the spatial size, the skip path gets a 1×1 convolution with the branch's total stride (a projection shortcut),
   * named `<block>-proj`. The block's name is its output (after the add and the activation): record and pair it by
   * that name. Branch layers are named `<block>-<name>` (default `<block>-<type><index>`) and cannot be recorded on
   * their own. `activation` is applied after the add (default relu).
   */
  const residual = object({
    type: z.literal('residual'),
    ...common,
    layers: array(layerUnion(RESIDUAL_BRANCH_TYPES, [conv, batchnorm, relu, dropout]), { nonEmpty: true }),
    activation: oneOf(ACTIVATIONS).optional(),
  });
  const layer = layerUnion(LAYER_TYPES, [conv, pool, dense, flatten, dropout, batchnorm, relu, residual]);
  const dim = positive();
  const architecture = object({
    name: string(),
    /** [height, width, channels] of one input image. */
    inputShape: z
      .tuple([dim, dim, dim], { error: (iss) => (iss.code === 'invalid_type' ? 'must be an array' : 'must be [height, width, channels]') })
      .refine(([h, w, c]) => h * w * c <= limits.maxLayerValues, {
        error: (iss) => {
          const [h = 0, w = 0, c = 0] = iss.input as number[];
          return `has ${fmt(h * w * c)} values per image, over the limit of ${fmt(limits.maxLayerValues)}`;
        },
      }),
    layers: array(layer, { nonEmpty: true }),
  });
  return { conv, pool, dense, flatten, dropout, batchnorm, relu, residual, layer, architecture };
}

type Schemas = ReturnType<typeof buildSchemas>;
const schemaCache = new WeakMap<SpecLimits, Schemas>();

/** The architecture schemas checking against `limits` (built once per limits object). */
export function architectureSchemas(limits: SpecLimits = DEFAULT_SPEC_LIMITS): Schemas {
  let s = schemaCache.get(limits);
  if (!s) {
    s = buildSchemas(limits);
    schemaCache.set(limits, s);
  }
  return s;
}

export type ConvLayer = z.infer<Schemas['conv']>;
export type PoolLayer = z.infer<Schemas['pool']>;
export type DenseLayer = z.infer<Schemas['dense']>;
export type FlattenLayer = z.infer<Schemas['flatten']>;
export type DropoutLayer = z.infer<Schemas['dropout']>;
export type BatchNormLayer = z.infer<Schemas['batchnorm']>;
export type ReluLayer = z.infer<Schemas['relu']>;
export type ResidualLayer = z.infer<Schemas['residual']>;
export type LayerSpec = z.infer<Schemas['layer']>;
export type ArchitectureSpec = z.infer<Schemas['architecture']>;

/** A layer with its name and record flag resolved (branch layers of a residual block resolved too). */
export type ResolvedLayer = Exclude<LayerSpec, ResidualLayer> & { name: string; record: boolean } | (Omit<ResidualLayer, 'layers'> & { name: string; record: boolean; layers: Array<Exclude<LayerSpec, ResidualLayer | PoolLayer | DenseLayer | FlattenLayer> & { name: string; record: boolean }> });

/** A validated spec with every default filled in and every layer named. */
export interface ResolvedArchitecture extends ArchitectureSpec {
  layers: ResolvedLayer[];
}

/**
 * Validate a parsed JSON architecture spec; returns it resolved (defaults filled, names assigned) or
 * throws a SpecError listing every problem with its JSON path. `classes` checks the output width.
 */
export function validateArchitectureSpec(value: unknown, options: { classes?: number; path?: string; limits?: SpecLimits } = {}): ResolvedArchitecture {
  const root = options.path ?? '';
  const { errors, resolved } = checkArchitecture(value, root, { classes: options.classes, limits: options.limits });
  if (!resolved) throw new SpecError(`invalid architecture spec${root ? ` at ${root}` : ''}`, errors);
  return resolved;
}

/**
 * Every check of one architecture at JSON path `root`: its problems, and the resolved spec when there are none.
 * `shape: false` leaves out the field-shape problems (the experiment-spec schema reports those itself).
 */
export function checkArchitecture(
  value: unknown,
  root: string,
  options: { classes?: number | undefined; limits?: SpecLimits | undefined; shape?: boolean } = {},
): { errors: string[]; resolved?: ResolvedArchitecture } {
  const limits = options.limits ?? DEFAULT_SPEC_LIMITS;
  const parsed = parse(architectureSchemas(limits).architecture, value, root, root === '' ? '(spec)' : root);
  const errors = options.shape === false ? [] : [...parsed.errors];
  const layers = typeof value === 'object' && value !== null ? (value as { layers?: unknown }).layers : undefined;
  const ruleErrors = layerNameRules(layers, joinPath(root, 'layers'), LAYER_TYPES, new Map());
  errors.push(...ruleErrors);
  if (!parsed.data || ruleErrors.length > 0) return { errors };
  const resolved = resolveArchitecture(parsed.data);
  // Shape walk: catch kernels larger than their input and a wrong output width before TF does.
  const c = new Checker();
  checkShapes(c, resolved.inputShape, resolved.layers, joinPath(root, 'layers'), options.classes, limits, root);
  errors.push(...c.errors);
  return c.errors.length > 0 ? { errors } : { errors, resolved };
}

/** A layer's name: its own (prefixed `<block>-` inside a residual block) or `<type><index>`. */
function layerName(l: { type: string; name?: unknown }, index: number, prefix: string | undefined): string {
  const own = typeof l.name === 'string' && l.name !== '' ? l.name : `${l.type}${index}`;
  return prefix === undefined ? own : `${prefix}-${own}`;
}

/**
 * Rules across layers, on whichever layers have a readable type (the schema reports the rest): names are unique in
 * the whole model, residual blocks included (`seen` maps each name to the JSON path that took it), and a layer inside
 * a residual block is not recorded on its own.
 */
function layerNameRules(layers: unknown, path: string, types: readonly string[], seen: Map<string, string>, prefix?: string): string[] {
  const errors: string[] = [];
  if (!Array.isArray(layers)) return errors;
  layers.forEach((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null) return;
    const l = raw as { type?: unknown; name?: unknown; record?: unknown; layers?: unknown };
    if (typeof l.type !== 'string' || !types.includes(l.type)) return;
    const p = joinPath(path, i);
    const name = layerName({ type: l.type, name: l.name }, i, prefix);
    const prev = seen.get(name);
    if (prev !== undefined) errors.push(`${joinPath(p, 'name')} duplicates ${prev}.name "${name}"; layer names must be unique`);
    seen.set(name, p.replace(/^.*?(layers\[)/, '$1'));
    if (prefix !== undefined && l.record === true) errors.push(`${joinPath(p, 'record')} cannot record a layer inside residual block "${prefix}"; record the block itself (its output after the add)`);
    if (l.type === 'residual') errors.push(...layerNameRules(l.layers, joinPath(p, 'layers'), RESIDUAL_BRANCH_TYPES, seen, name));
  });
  return errors;
}

/** Fill the defaults of a shape-checked spec: names, record flags, strides, paddings and activations. */
function resolveArchitecture(spec: ArchitectureSpec): ResolvedArchitecture {
  const count = spec.layers.length;
  const layers = spec.layers.map((l, i): ResolvedLayer => {
    const base = { name: layerName(l, i, undefined), record: l.record ?? false };
    switch (l.type) {
      case 'residual': {
        const branch = l.layers.map((b, j) => resolveLayer(b, j, false, base.name));
        return { ...l, ...base, layers: branch as Extract<ResolvedLayer, { type: 'residual' }>['layers'], activation: l.activation ?? 'relu' };
      }
      default:
        return resolveLayer(l, i, i === count - 1, undefined);
    }
  });
  return { name: spec.name, inputShape: spec.inputShape, layers };
}

function resolveLayer(l: Exclude<LayerSpec, ResidualLayer>, i: number, isLast: boolean, prefix: string | undefined): Exclude<ResolvedLayer, { type: 'residual' }> {
  const base = { name: layerName(l, i, prefix), record: l.record ?? false };
  switch (l.type) {
    case 'conv':
      return { ...l, ...base, stride: l.stride ?? 1, padding: l.padding ?? 'same', activation: l.activation ?? 'relu' };
    case 'maxpool':
    case 'avgpool':
      return { ...l, ...base, stride: l.stride ?? l.size, padding: l.padding ?? 'valid' };
    case 'dense':
      return { ...l, ...base, activation: l.activation ?? (isLast ? 'linear' : 'relu') };
    default:
      return { ...l, ...base };
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
