/**
 * `convergent report RESULT_DIR --out DIR`: the paper's findings from a result directory (findings/).
 */
import { CliError, type CliIO, type Command, parseArgs } from './command.ts';
import { writeReport } from '../findings/write-report.ts';

const USAGE = `Usage: convergent report RESULT_DIR --out DIR [--seed N]

Computes the paper's findings (reliable-features, subspaces, local-distributed, semi-vs-max, depth-trend,
trained-vs-chance) from a result directory written by \`convergent experiment run\` (format 2) and writes
DIR/findings.json, DIR/report.md and a self-contained DIR/report.html. Each finding carries its statistic,
95% network-bootstrap interval, p-value, the chance it is held against and a computed verdict
(supported / not supported / inconclusive); see the engine README for the rules and the findings.json schema.
DIR must not exist or be empty; nothing is written when the input is bad.

Options:
  --out DIR   output folder (required)
  --seed N    seed of the bootstrap and permutation generators (default 0)
`;

export const reportCommand: Command = {
  name: 'report',
  summary: "compute the paper's findings from a result directory: findings.json, report.md, report.html",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, options } = parseArgs(args, { out: 'string', seed: 'string' }, 'report');
    if (positionals.length !== 1) throw new CliError(`give exactly one result directory (got ${positionals.length}); see convergent report --help`, 2);
    if (typeof options.out !== 'string') throw new CliError('--out DIR is required: the folder to write findings.json, report.md and report.html to', 2);
    const seed = options.seed === undefined ? 0 : Number(options.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new CliError(`--seed ${String(options.seed)} must be an integer >= 0`, 2);
    let findings: Awaited<ReturnType<typeof writeReport>>;
    try {
      findings = await writeReport(positionals[0]!, options.out, { seed });
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    for (const f of findings.findings) io.stdout.write(`${f.id.padEnd(18)} ${f.verdict.padEnd(14)} ${f.reason}\n`);
    io.stdout.write(`wrote ${options.out}/findings.json, report.md, report.html\n`);
    return 0;
  },
};
