/**
 * What a `convergent` subcommand is, and the one option parser (on node:util `parseArgs`) that every command line of
 * the repository shares: the engine's commands, the API's `worker` / `team` / `token`, and `npm start`.
 *
 * A subcommand is a `Command` object registered in main.ts. Its `run` returns the exit code; for a user error it
 * throws `CliError` (or any Error): main prints ONE line `convergent <name>: <message>` and exits non-zero, never a
 * stack trace (set CONVERGENT_DEBUG=1 to see one).
 */
import { parseArgs as parseArgvTokens } from 'node:util';

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

/** One option: its kind, and whether it may be given more than once (then its value is every value, in order). */
export interface OptionSpec {
  type: OptionKind;
  multiple?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  /**
   * Option values by name without dashes: a boolean flag is `true` when given; a string option its value (later
   * occurrences win), or every value in order when `multiple`.
   */
  options: Record<string, string | true | string[]>;
  /** Every option as given, in order (for options whose meaning depends on order, e.g. `--no-demo` then `--demo`). */
  given: Array<{ name: string; value: string | true }>;
}

/**
 * How a usage error ends: `command` (e.g. `align`) adds `; see convergent align --help`, `help` names any other help
 * (e.g. `npm start -- --help`); neither adds nothing (for callers that print their usage after the error).
 */
export type UsageHint = string | { help?: string };

function hintOf(hint: UsageHint): string {
  if (typeof hint === 'string') return `; see convergent ${hint} --help`;
  return hint.help ? `; see ${hint.help}` : '';
}

/**
 * Parse `--name value`, `--name=value` and boolean `--flag` with node:util's `parseArgs` (its tokens), and check
 * them against `spec`. A string option takes the next argument as its value unless that starts with `--`, so
 * `--penalties -1` reaches the validator instead of "unknown option"; an argument like `-5` is a positional.
 * `--` ends the options. An unknown option, a missing value and a value given to a flag throw `CliError` (exit
 * code 2) with one line naming the option and where the help is.
 */
export function parseArgs(args: readonly string[], spec: Record<string, OptionKind | OptionSpec>, hint: UsageHint): ParsedArgs {
  const specs = new Map(Object.entries(spec).map(([name, s]) => [name, typeof s === 'string' ? { type: s } : s]));
  const see = hintOf(hint);
  const { tokens } = parseArgvTokens({
    args: [...args],
    options: Object.fromEntries([...specs].map(([name, s]) => [name, { type: s.type, multiple: s.multiple === true }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  const given: ParsedArgs['given'] = [];
  const negativeNumbers = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const raw = args[token.index]!;
    // `-5`, `-0.1`: a negative number where a positional stands (node reads it as short options); once per argument.
    if (/^-\d/.test(raw)) {
      if (!negativeNumbers.has(token.index)) positionals.push(raw);
      negativeNumbers.add(token.index);
      continue;
    }
    const s = specs.get(token.name);
    if (s === undefined) throw new CliError(`unknown option ${token.rawName}${see}`, 2);
    if (s.type === 'boolean') {
      if (token.inlineValue === true) throw new CliError(`option --${token.name} takes no value${see}`, 2);
      options[token.name] = true;
      given.push({ name: token.name, value: true });
      continue;
    }
    // node takes any next argument as the value; one that is itself an option (`--x`) means the value is missing.
    const value = token.value;
    if (value === undefined || value === '' || (token.inlineValue === false && value.startsWith('--'))) {
      throw new CliError(`option --${token.name} needs a value${see}`, 2);
    }
    given.push({ name: token.name, value });
    if (s.multiple === true) {
      const previous = options[token.name];
      options[token.name] = [...(Array.isArray(previous) ? previous : []), value];
    } else options[token.name] = value;
  }
  return { positionals, options, given };
}

/**
 * A script's own command line (a benchmark, `db:diff`) through `parseArgs`: `--help` prints `usage` and exits 0; a
 * usage error prints one line `<script>: <message>; see its usage: <usage>` and exits 2. `usage` is the one-line
 * synopsis, e.g. `npm run bench -w @convergent/engine -- [--quick]`.
 */
export function parseScriptArgs(
  script: string,
  spec: Record<string, OptionKind | OptionSpec>,
  usage: string,
  args: readonly string[] = process.argv.slice(2),
  io: CliIO & { exit(code: number): never } = { stdout: process.stdout, stderr: process.stderr, exit: (code) => process.exit(code) },
): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(args, { ...spec, help: 'boolean' }, { help: `its usage: ${usage}` });
  } catch (err) {
    io.stderr.write(`${script}: ${(err as Error).message}\n`);
    return io.exit(2);
  }
  if (parsed.options.help === true) {
    io.stdout.write(`usage: ${usage}\n`);
    return io.exit(0);
  }
  return parsed;
}
