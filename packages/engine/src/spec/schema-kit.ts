/**
 * zod building blocks for Convergent's JSON inputs (architecture and experiment specs, result manifests, job
 * payloads) whose errors read as before: `<json path> <message>`, e.g. `layers[3].filters must be a positive
 * integer` or `training.dataOrder must be one of shared, per-network (got "random")`. The schemas are the one source
 * of the TypeScript types (`z.infer`); `problems` turns zod issues into those lines.
 *
 * Every helper gives one message per field (its checks stop at the first failure), so a wrong value is named once.
 */
import * as z from 'zod';
import { joinPath } from './json-checks.ts';

export { z };

/** The message for an integer out of bounds, as the hand-written validators worded it. */
function integerMessage(min: number, max: number | undefined): string {
  const what = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : 'an integer';
  const range = max !== undefined ? ` ≤ ${max}` : min > 1 ? ` ≥ ${min}` : '';
  return `must be ${what}${range}`;
}

/** An integer in [min, max]: `must be a positive integer ≤ 10000` for anything else (strings, 2.5, NaN, 0). */
export function integer(options: { min?: number; max?: number } = {}) {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const error = integerMessage(min, options.max);
  const s = z.number({ error }).int({ error, abort: true }).min(min, { error, abort: true });
  return options.max === undefined ? s : s.max(options.max, { error, abort: true });
}

/** A finite number, optionally bounded: `must be a finite number`, `must be ≥ 0`, `must be > 0`, `must be ≤ 1`. */
export function number(options: { min?: number; max?: number; exclusiveMin?: boolean } = {}) {
  let s = z.number({ error: 'must be a finite number' });
  const { min, max, exclusiveMin } = options;
  if (min !== undefined) s = exclusiveMin ? s.gt(min, { error: `must be > ${min}`, abort: true }) : s.gte(min, { error: `must be ≥ ${min}`, abort: true });
  if (max !== undefined) s = s.lte(max, { error: `must be ≤ ${max}`, abort: true });
  return s;
}

/** A string, non-empty unless `nonEmpty: false`. */
export function string(options: { nonEmpty?: boolean } = {}) {
  if (options.nonEmpty === false) return z.string({ error: 'must be a string' });
  return z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string', abort: true });
}

/** One of a list of words: `must be one of a, b, c (got "d")`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => `must be one of ${values.join(', ')} (got ${JSON.stringify(iss.input)})` });
}

export function boolean() {
  return z.boolean({ error: 'must be true or false' });
}

/** An array (`must be an array`), `must not be empty` when `nonEmpty`. */
export function array<T extends z.ZodType>(item: T, options: { nonEmpty?: boolean } = {}) {
  const s = z.array(item, { error: 'must be an array' });
  return options.nonEmpty ? s.min(1, { error: 'must not be empty', abort: true }) : s;
}

/**
 * An object with exactly these fields: `must be an object`, and for each unknown key (typos are the commonest spec
 * error) `<path>.<key> is not a known field (known: …)`.
 */
export function object<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `is not a known field (known: ${known})` : 'must be an object') });
}

/** A JSON object of any keys (`must be an object`), each value checked by `value`. */
export function record<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value, { error: 'must be an object' });
}

type Issue = z.core.$ZodIssue;

function startsWith(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return prefix.every((k, i) => path[i] === k);
}

/**
 * zod reports an object's unknown keys after its fields; the hand-written validators reported them first (a typo
 * often explains the "missing" field that follows). Move each unknown-keys issue before its object's other issues.
 */
function unknownKeysFirst(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const at = issue.code === 'unrecognized_keys' ? out.findIndex((o) => startsWith(o.path, issue.path)) : -1;
    if (at >= 0) out.splice(at, 0, issue);
    else out.push(issue);
  }
  return out;
}

/**
 * The branch of a failed union that the value was meant for: branches whose type did not match at the union's own
 * path are out; of the rest, the one with fewest problems, unless two tie (then the union's own message says what is
 * allowed).
 */
function unionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const candidates = branches.filter((b) => !b.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  if (candidates.length === 0) return undefined;
  const fewest = Math.min(...candidates.map((b) => b.length));
  const best = candidates.filter((b) => b.length === fewest);
  return best.length === 1 ? best[0] : undefined;
}

/**
 * zod issues as `<json path> <message>` lines, paths relative to `root` (`''` or e.g. `architectures[2]`); an issue
 * at the root itself reads `rootLabel` (e.g. `(experiment spec) must be an object`).
 */
export function problems(issues: readonly Issue[], root = '', rootLabel = '(root)'): string[] {
  const out: string[] = [];
  const pathOf = (p: readonly PropertyKey[]) => p.reduce<string>((acc, k) => joinPath(acc, typeof k === 'number' ? k : String(k)), root);
  for (const issue of unknownKeysFirst(issues)) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(`${pathOf([...issue.path, key])} ${issue.message}`);
      continue;
    }
    if (issue.code === 'invalid_union') {
      const branch = unionBranch(issue.errors);
      if (branch) {
        const at = pathOf(issue.path);
        out.push(...problems(branch, at, at === '' ? rootLabel : at));
        continue;
      }
    }
    const at = pathOf(issue.path);
    out.push(`${at === '' ? rootLabel : at} ${issue.message}`);
  }
  return out;
}

/** Parse with `schema`; the problems (see `problems`) when it fails. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, root = '', rootLabel = '(root)'): { data: z.output<T>; errors: [] } | { data: undefined; errors: string[] } {
  const r = schema.safeParse(value);
  return r.success ? { data: r.data, errors: [] } : { data: undefined, errors: problems(r.error.issues, root, rootLabel) };
}
