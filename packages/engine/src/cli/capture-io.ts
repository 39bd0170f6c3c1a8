import type { CliIO } from './command.ts';

/** A `CliIO` that keeps what a command writes, for tests of commands: `out()` and `err()` read it back. */
export function captureIo(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: (t: string) => ((err += t), true) } },
    out: () => out,
    err: () => err,
  };
}
