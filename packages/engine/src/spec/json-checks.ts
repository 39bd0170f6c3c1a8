/**
 * Small structural checks for JSON input (specs, manifests) whose errors name the JSON path, e.g.
 * `layers[3].filters must be a positive integer`. Validators collect every error, then throw one
 * `SpecError` listing them, so a user fixes a file in one go.
 */

export class SpecError extends Error {
  readonly errors: string[];
  constructor(what: string, errors: string[]) {
    super(`${what}: ${errors.join('; ')}`);
    this.name = 'SpecError';
    this.errors = errors;
  }
}

/** Collects path-qualified errors while walking a JSON value. */
export class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path} ${message}`);
  }

  /** Throw a SpecError if anything failed. */
  done(what: string): void {
    if (this.errors.length > 0) throw new SpecError(what, this.errors);
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, 'must be an object');
    return undefined;
  }

  array(value: unknown, path: string, options: { nonEmpty?: boolean } = {}): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(path, 'must be an array');
      return undefined;
    }
    if (options.nonEmpty && value.length === 0) {
      this.fail(path, 'must not be empty');
      return undefined;
    }
    return value;
  }

  string(value: unknown, path: string, options: { nonEmpty?: boolean } = { nonEmpty: true }): string | undefined {
    if (typeof value !== 'string' || (options.nonEmpty && value.length === 0)) {
      this.fail(path, options.nonEmpty ? 'must be a non-empty string' : 'must be a string');
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(path, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
    return undefined;
  }

  number(value: unknown, path: string, options: { min?: number; max?: number; exclusiveMin?: boolean } = {}): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, 'must be a finite number');
      return undefined;
    }
    const { min, max, exclusiveMin } = options;
    if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
      this.fail(path, `must be ${exclusiveMin ? '>' : '≥'} ${min}`);
      return undefined;
    }
    if (max !== undefined && value > max) {
      this.fail(path, `must be ≤ ${max}`);
      return undefined;
    }
    return value;
  }

  integer(value: unknown, path: string, options: { min?: number; max?: number } = {}): number | undefined {
    const min = options.min ?? Number.MIN_SAFE_INTEGER;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (options.max !== undefined && value > options.max)) {
      const what = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : 'an integer';
      const range = options.max !== undefined ? ` ≤ ${options.max}` : min > 1 ? ` ≥ ${min}` : '';
      this.fail(path, `must be ${what}${range}`);
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') {
      this.fail(path, 'must be true or false');
      return undefined;
    }
    return value;
  }

  /** Report keys not in `known` (typos are the commonest spec error). */
  noUnknownKeys(obj: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.fail(path === '' ? key : `${path}.${key}`, `is not a known field (known: ${known.join(', ')})`);
    }
  }
}

/** Join a parent path and a key: `join('', 'layers')` = `layers`, `join('a', 'b')` = `a.b`. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}
