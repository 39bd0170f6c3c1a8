import { describe, expect, it } from 'vitest';
import { CliError, parseArgs, parseScriptArgs } from './command.ts';

const SPEC = { penalties: 'string', quiet: 'boolean', root: { type: 'string', multiple: true } } as const;

function failure(args: string[], hint: Parameters<typeof parseArgs>[2] = 'align'): CliError {
  try {
    parseArgs(args, SPEC, hint);
  } catch (err) {
    return err as CliError;
  }
  throw new Error(`parseArgs(${args.join(' ')}) did not throw`);
}

describe('parseArgs (node:util parseArgs underneath)', () => {
  it('reads --name value, --name=value, flags, repeated options, positionals and --', () => {
    const r = parseArgs(['a.npy', '--penalties', '0.1,0.3', '--quiet', '--root=x', '--root', 'y', 'b.npy', '--', '--not-an-option'], SPEC, 'align');
    expect(r.positionals).toEqual(['a.npy', 'b.npy', '--not-an-option']);
    expect(r.options).toEqual({ penalties: '0.1,0.3', quiet: true, root: ['x', 'y'] });
    expect(r.given).toEqual([
      { name: 'penalties', value: '0.1,0.3' },
      { name: 'quiet', value: true },
      { name: 'root', value: 'x' },
      { name: 'root', value: 'y' },
    ]);
  });

  it('later occurrences of a single-valued option win', () => {
    expect(parseArgs(['--penalties', '1', '--penalties=2'], SPEC, 'align').options.penalties).toBe('2');
  });

  it('takes a value that starts with one dash (a negative number) and keeps -5 as a positional', () => {
    expect(parseArgs(['--penalties', '-0.1'], SPEC, 'align').options.penalties).toBe('-0.1');
    expect(parseArgs(['-5', '--quiet', '-0.25'], SPEC, 'align').positionals).toEqual(['-5', '-0.25']);
  });

  it('names the option and the help in one line, exit code 2', () => {
    const unknown = failure(['a', '--frobnicate=1']);
    expect(unknown).toBeInstanceOf(CliError);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message).toBe('unknown option --frobnicate; see convergent align --help');
    expect(failure(['-q']).message).toBe('unknown option -q; see convergent align --help');
    expect(failure(['--penalties']).message).toBe('option --penalties needs a value; see convergent align --help');
    expect(failure(['--penalties', '--quiet']).message).toBe('option --penalties needs a value; see convergent align --help');
    expect(failure(['--penalties=']).message).toBe('option --penalties needs a value; see convergent align --help');
    expect(failure(['--quiet=yes']).message).toBe('option --quiet takes no value; see convergent align --help');
  });

  it('ends with the help the caller names, or with nothing', () => {
    expect(failure(['--nope'], { help: 'npm start -- --help' }).message).toBe('unknown option --nope; see npm start -- --help');
    expect(failure(['--nope'], {}).message).toBe('unknown option --nope');
  });
});

describe('parseScriptArgs (a script\'s own command line)', () => {
  class Exit extends Error {
    constructor(readonly code: number) {
      super(`exit ${code}`);
    }
  }
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, exit: (code: number): never => { throw new Exit(code); } };
    try {
      return { parsed: parseScriptArgs('bench', { quick: 'boolean', only: 'string' }, 'npm run bench -- [--quick] [--only a,b]', args, io), out, err };
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      return { code: e.code, out, err };
    }
  };

  it('answers the options; --help prints the usage and exits 0; a usage error is one line and exit 2', () => {
    expect(run(['--quick', '--only', 'stats']).parsed?.options).toEqual({ quick: true, only: 'stats' });
    expect(run(['--help'])).toMatchObject({ code: 0, out: ['usage: npm run bench -- [--quick] [--only a,b]\n'], err: [] });
    expect(run(['--wide'])).toMatchObject({ code: 2, out: [], err: ['bench: unknown option --wide; see its usage: npm run bench -- [--quick] [--only a,b]\n'] });
    expect(run(['--only'])).toMatchObject({ code: 2, err: ['bench: option --only needs a value; see its usage: npm run bench -- [--quick] [--only a,b]\n'] });
  });
});
