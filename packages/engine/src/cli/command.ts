/**
 * What a `convergent` subcommand is, and the small option parser they share.
 *
 * A subcommand is a `Command` object registered in main.ts. Its `run` returns the exit code; for a user error it
 * throws `CliError` (or any Error): main prints ONE line `convergent <name>: <message>` and exits non-zero, never a
 * stack trace (set CONVERGENT_DEBUG=1 to see one).
 */

/** Where a command writes (process streams by default; tests pass collectors). */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface Command {
  /** One or more words, e.g. `align` or `experiment run`. */
  name: string;
  /** One line for `convergent --help`. */
  summary: string;
  /** Full text for `convergent <name> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A user error: printed as one line; `exitCode` 2 for bad usage (options), 1 for bad input data. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export type OptionKind = 'string' | 'boolean';

export interface ParsedArgs {
  positionals: string[];
  /** Option values by name without dashes; a boolean flag is `true` when given. Later occurrences win. */
  options: Record<string, string | true>;
}

/**
 * Parse `--name value`, `--name=value` and boolean `--flag`. A string option takes the next argument as its value
 * unless that starts with `--`, so `--penalties -1` reaches the validator instead of "unknown option".
 * `--` ends the options. Unknown options and missing values throw `CliError` (exit code 2).
 */
export function parseArgs(args: readonly string[], spec: Record<string, OptionKind>, command: string): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const hint = `see convergent ${command} --help`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.replace(/^--?/, '').slice(0, eq < 0 ? undefined : eq - (arg.startsWith('--') ? 2 : 1));
    const kind = spec[name];
    if (kind === undefined) throw new CliError(`unknown option ${arg.slice(0, eq < 0 ? undefined : eq)}; ${hint}`, 2);
    if (kind === 'boolean') {
      if (eq >= 0) throw new CliError(`option --${name} takes no value; ${hint}`, 2);
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (args[i + 1]?.startsWith('--') !== true) {
      // The next argument is the value, unless it is itself an option (a value like -0.1 is still taken).
      value = args[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new CliError(`option --${name} needs a value; ${hint}`, 2);
    options[name] = value;
  }
  return { positionals, options };
}
