/**
 * What a job's failure says to the user (Job.error, Experiment.error): one line, no stack, no paths of the server's
 * own files, no raw database error. Errors Convergent raises about the input (a spec, a .npy file, a result
 * directory, a limit) keep their message; a database error becomes what happened and what to do, with its code;
 * anything else is an internal error whose details stay in the worker's log.
 */
import { REPO_ROOT } from '../package-root.ts';
import { PermanentJobError } from './job-context.ts';

/** Errors whose message is written for the user. */
const USER_ERRORS = new Set(['PermanentJobError', 'SpecError', 'NpyFormatError', 'ActivationError', 'DatasetError', 'WorkerJobError', 'AbortError']);

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 1000);
}

/** Paths inside the installation (sources, node_modules) are the server's business. */
function withoutServerPaths(text: string): string {
  return text.split(REPO_ROOT).join('…');
}

export function isDatabaseError(err: unknown): boolean {
  const name = (err as Error)?.name ?? '';
  const code = (err as { code?: unknown })?.code;
  return name.startsWith('PrismaClient') || name === 'DriverAdapterError' || (typeof code === 'string' && /^P\d{4}$/.test(code));
}

export function userFacingError(err: unknown, what = 'the job'): string {
  const e = err as Error & { code?: string; cause?: unknown };
  if (isDatabaseError(err)) {
    const code = typeof e.code === 'string' ? ` (${e.code})` : '';
    if (e.code === 'P2028' || /transaction/i.test(e.message ?? '')) return `storing the results of ${what} took too long for its database transaction${code}; retry it`;
    return `the database refused a write of ${what}${code}; retry it, and report it if it happens again`;
  }
  if (err instanceof PermanentJobError || USER_ERRORS.has(e?.name)) return withoutServerPaths(firstLine(e.message ?? String(err)));
  if (e?.name === 'Error' && typeof e.message === 'string' && !/^\s*at /m.test(e.message) && !/[A-Za-z]+Error:/.test(e.message)) {
    // Our own plain errors (file system wrappers, "experiment ... no longer exists", limits) read as sentences.
    return withoutServerPaths(firstLine(e.message));
  }
  return `internal error in ${what} (${e?.name ?? 'error'}; details in the worker's log); retry it, and report it if it happens again`;
}
