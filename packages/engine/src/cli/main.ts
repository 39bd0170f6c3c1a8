/**
 * `convergent` command-line entry. Subcommands live in their own files in this folder and are registered in
 * COMMANDS below (one line each); `main` returns the exit code and never throws for user errors.
 */
import { CliError, type CliIO, type Command } from './command.ts';

/** A registered subcommand: its module loads on use, so `--help` and quick errors do not pay for tfjs. */
export interface RegisteredCommand {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Registered subcommands, in the order `convergent --help` lists them. Add a subcommand with one line here. */
const COMMANDS: RegisteredCommand[] = [
  { name: 'align', summary: 'align the units of two networks from saved activations (.npy/.npz)', load: async () => (await import('./align.ts')).alignCommand },
  { name: 'stitch', summary: 'stitch network A into network B at each layer and report held-out accuracy (functional check)', load: async () => (await import('./stitch.ts')).stitchCommand },
  { name: 'experiment run', summary: 'train a family of networks, record and align them, write a result directory', load: async () => (await import('./experiment.ts')).experimentRunCommand },
  { name: 'report', summary: "compute the paper's findings from a result directory: findings.json, report.md, report.html", load: async () => (await import('./report.ts')).reportCommand },
  { name: 'worker', summary: 'run queued jobs (train, record, align, import) from the team database', load: async () => (await import('./worker.ts')).workerCommand },
  { name: 'team', summary: 'create teams, set their import roots, print a dashboard sign-in link', load: async () => (await import('./team.ts')).loadTeamCommand() },
  { name: 'token', summary: "create, list and revoke a team's tokens (and dashboard sessions)", load: async () => (await import('./team.ts')).loadTokenCommand() },
];

/** The registry (for tests and tooling). */
export function registeredCommands(): readonly RegisteredCommand[] {
  return COMMANDS;
}

const PROCESS_IO: CliIO = { stdout: process.stdout, stderr: process.stderr };

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
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
function findCommand(argv: string[]): { command: RegisteredCommand; rest: string[] } | undefined {
  const sorted = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
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

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout).write(overview());
    return first === undefined ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const partial = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name);
    io.stderr.write(
      partial.length > 0
        ? `convergent ${first}: missing subcommand; one of: ${partial.join(', ')}\n`
        : `convergent: unknown command '${first}'; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see convergent --help)\n`,
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
    return await command.run(rest, io);
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    if (process.env.CONVERGENT_DEBUG) io.stderr.write(`${error.stack ?? error.message}\n`);
    io.stderr.write(`convergent ${entry.name}: ${oneLine(error.message)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
