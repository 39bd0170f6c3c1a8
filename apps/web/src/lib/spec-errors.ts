/**
 * Inline errors for the "new experiment" JSON editor: syntax errors located by line/column, and the
 * API's BAD_USER_INPUT errors split into one entry per problem ("<json path> <message>").
 */

export interface SpecProblem {
  /** JSON path the problem refers to, when known (e.g. 'training.epochs'). */
  path: string | null;
  message: string;
}

/** Parse the editor text; on a syntax error, report where it is (1-based line and column). */
export function parseSpecText(text: string): { value: unknown; error: null } | { value: null; error: SpecProblem } {
  try {
    return { value: JSON.parse(text) as unknown, error: null };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const column = pos - before.lastIndexOf('\n');
      return { value: null, error: { path: null, message: `JSON syntax error at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}` } };
    }
    return { value: null, error: { path: null, message: `JSON syntax error: ${message}` } };
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
