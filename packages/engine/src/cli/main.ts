/**
 * `convergent` command-line entry. Subcommands live in their own files in this folder and are registered in
 * ENGINE_COMMANDS below (one line each); `main` returns the exit code and never throws for user errors.
 * The `convergent` binary (apps/cli) adds the commands that need the API package (worker, team, token) to this
 * table and calls `main` with it; the engine itself imports nothing from the apps.
 */
import { closeGpu } from '../backend/gpu-lifetime.ts';
import { CliError, type CliIO, type Command } from './command.ts';

/** A registered subcommand: its module loads on use, so `--help` and quick errors do not pay for tfjs. */
export interface RegisteredCommand {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** The engine's subcommands, in the order `convergent --help` lists them. Add a subcommand with one line here. */
export const ENGINE_COMMANDS: readonly RegisteredCommand[] = [
  { name: 'align', summary: 'align the units of two networks from saved activations (.npy/.npz)', load: async () => (await import('./align.ts')).alignCommand },
  { name: 'stitch', summary: 'stitch network A into network B at each layer and report held-out accuracy (functional check)', load: async () => (await import('./stitch.ts')).stitchCommand },
  { name: 'experiment run', summary: 'train a family of networks, record and align them, write a result directory', load: async () => (await import('./experiment.ts')).experimentRunCommand },
  { name: 'report', summary: "compute the paper's findings from a result directory: findings.json, report.md, report.html", load: async () => (await import('./report.ts')).reportCommand },
];

/** The engine's registry (for tests and tooling). */
export function registeredCommands(): readonly RegisteredCommand[] {
  return ENGINE_COMMANDS;
}

const PROCESS_IO: CliIO = { stdout: process.stdout, stderr: process.stderr };

function overview(commands: readonly RegisteredCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'convergent: do networks trained from different seeds learn the same features?',
    '',
    'Usage: convergent <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `convergent <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** The command whose name words start argv, longest name first (so `experiment run` beats `experiment`). */
function findCommand(commands: readonly RegisteredCommand[], argv: string[]): { command: RegisteredCommand; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

/** Errors carry one-line messages; squeeze any stray newlines so the output stays one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Run one command line against `commands` (default: the engine's; apps/cli passes the full table). */
export async function main(argv: string[], io: CliIO = PROCESS_IO, commands: readonly RegisteredCommand[] = ENGINE_COMMANDS): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout).write(overview(commands));
    return first === undefined ? 2 : 0;
  }
  const found = findCommand(commands, argv);
  if (!found) {
    const partial = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name);
    io.stderr.write(
      partial.length > 0
        ? `convergent ${first}: missing subcommand; one of: ${partial.join(', ')}\n`
        : `convergent: unknown command '${first}'; commands: ${commands.map((c) => c.name).join(', ')} (see convergent --help)\n`,
    );
    return 2;
  }
  const { command: entry, rest } = found;
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
      return 0;
    }
    try {
      return await command.run(rest, io);
    } finally {
      // A command that trained on webgpu ends its GPU device here, while JavaScript runs: left to Node's exit,
      // Dawn's finalizers can abort the process after every file was written (see backend/gpu-lifetime.ts).
      await closeGpu();
    }
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    if (process.env.CONVERGENT_DEBUG) io.stderr.write(`${error.stack ?? error.message}\n`);
    io.stderr.write(`convergent ${entry.name}: ${oneLine(error.message)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
