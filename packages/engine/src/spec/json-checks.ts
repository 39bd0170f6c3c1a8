/**
 * Errors for JSON input (specs, manifests, job payloads) that name the JSON path, e.g.
 * `layers[3].filters must be a positive integer`. Validators (zod schemas worded by schema-kit.ts, then rules in
 * plain code) collect every problem, then throw one `SpecError` listing them, so a user fixes a file in one go.
 */

export class SpecError extends Error {
  readonly errors: string[];
  constructor(what: string, errors: string[]) {
    super(`${what}: ${errors.join('; ')}`);
    this.name = 'SpecError';
    this.errors = errors;
  }
}

/** Collects path-qualified errors of rules written as plain code (the layer shape walk). */
export class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path} ${message}`);
  }

  /** Throw a SpecError if anything failed. */
  done(what: string): void {
    if (this.errors.length > 0) throw new SpecError(what, this.errors);
  }
}

/** Join a parent path and a key: `join('', 'layers')` = `layers`, `join('a', 'b')` = `a.b`. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}
