/**
 * Inline errors for the "new experiment" JSON editor: syntax errors located by line/column, and the
 * API's BAD_USER_INPUT errors split into one entry per problem ("<json path> <message>").
 */

export interface SpecProblem {
  /** JSON path the problem refers to, when known (e.g. 'training.epochs'). */
  path: string | null;
  message: string;
}

/**
 * Find where JSON text stops being valid (browsers word JSON.parse errors differently and some give no
 * position), with a small recursive-descent scan. Returns null for valid JSON.
 */
export function locateJsonError(text: string): { pos: number; message: string } | null {
  let i = 0;
  const fail = (message: string): never => {
    throw { pos: i, message };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(text[i])}`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character inside a string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0].length === 0) fail(`unexpected ${describe(text[i])}`);
    i += m![0].length;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a "quoted" key, found ${describe(text[i])}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after the key, found ${describe(text[i])}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${describe(text[i])}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${describe(text[i])}`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
    return null;
  } catch (e) {
    return e as { pos: number; message: string };
  }
}

function describe(c: string | undefined): string {
  return c === undefined ? 'end of text' : `'${c}'`;
}

/** Parse the editor text; on a syntax error, report where it is (1-based line and column). */
export function parseSpecText(text: string): { value: unknown; error: null } | { value: null; error: SpecProblem } {
  try {
    return { value: JSON.parse(text) as unknown, error: null };
  } catch (e) {
    const where = locateJsonError(text);
    if (!where) return { value: null, error: { path: null, message: `JSON syntax error: ${e instanceof Error ? e.message : String(e)}` } };
    const before = text.slice(0, where.pos);
    const line = before.split('\n').length;
    const column = where.pos - before.lastIndexOf('\n');
    return { value: null, error: { path: null, message: `JSON syntax error at line ${line}, column ${column}: ${where.message}` } };
  }
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

/** Engine problems read "<json path> <message>" (json-checks.ts); the root path is empty. */
function splitProblem(s: string): SpecProblem {
  const t = s.trim();
  const m = /^([A-Za-z_$][\w$-]*(?:\.[\w$-]+|\[\d+\])*)\s+(.+)$/.exec(t);
  if (m && !/^(must|is|has|should|needs|expected)$/.test(m[1]!)) return { path: m[1]!, message: m[2]! };
  return { path: null, message: t };
}

/**
 * Problems from BAD_USER_INPUT errors: `extensions.errors` / `extensions.problems` (string[] or
 * {path, message}[]) when the API provides them, else the message split on '; ' after its first ': '.
 */
export function specProblems(errors: readonly GraphQLErrorLike[]): SpecProblem[] {
  const out: SpecProblem[] = [];
  for (const e of errors) {
    const list = (e.extensions?.errors ?? e.extensions?.problems) as unknown;
    if (Array.isArray(list) && list.length > 0) {
      for (const item of list) {
        if (typeof item === 'string') out.push(splitProblem(item));
        else if (item && typeof item === 'object' && 'message' in item) {
          const p = item as { path?: unknown; message: unknown };
          out.push({ path: typeof p.path === 'string' ? p.path : Array.isArray(p.path) ? p.path.join('.') : null, message: String(p.message) });
        }
      }
      continue;
    }
    const colon = e.message.indexOf(': ');
    const body = colon >= 0 ? e.message.slice(colon + 2) : e.message;
    const parts = body.split('; ').filter((s) => s.trim().length > 0);
    if (parts.length === 0) out.push({ path: null, message: e.message });
    else for (const p of parts) out.push(splitProblem(p));
  }
  return out;
}
