// What users read when a job fails: their own input's problem as written, database and internal errors reduced to
// what happened and what to do, never a stack, a code excerpt or a path into the installation.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SpecError } from '@convergent/engine/contracts';
import { PermanentJobError } from './job-context.ts';
import { userFacingError } from './job-errors.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('userFacingError', () => {
  it('keeps the messages written for the user', () => {
    expect(userFacingError(new PermanentJobError('layer fc of network a has 20,000 units, over the limit of 16,384 units per layer'))).toBe(
      'layer fc of network a has 20,000 units, over the limit of 16,384 units per layer',
    );
    expect(userFacingError(new SpecError('invalid experiment spec', ['training.epochs must be a positive integer ≤ 10000']))).toBe(
      'invalid experiment spec: training.epochs must be a positive integer ≤ 10000',
    );
  });

  it("reduces a raw Prisma error (code excerpt, server paths) to what happened, with its code", () => {
    const raw = Object.assign(
      new Error(
        `\nInvalid \`tx.network.upsert()\` invocation in\n${here}/pipeline/plan-job.ts:40:24\n\n  37   for (const n of plan.networks) {\n→ 40     await tx.network.upsert(\nTransaction API error: Transaction already closed: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5012 ms passed since the start of the transaction.`,
      ),
      { name: 'PrismaClientKnownRequestError', code: 'P2028' },
    );
    const msg = userFacingError(raw, 'the experiment job');
    expect(msg).toBe('storing the results of the experiment job took too long for its database transaction (P2028); retry it');
    const other = Object.assign(new Error('Unique constraint failed on the fields: (`name`)'), { name: 'PrismaClientKnownRequestError', code: 'P2002' });
    expect(userFacingError(other, 'the train job')).toBe('the database refused a write of the train job (P2002); retry it, and report it if it happens again');
  });

  it('hides internal errors and paths into the installation', () => {
    const internal = new TypeError("Cannot read properties of undefined (reading 'layers')");
    expect(userFacingError(internal, 'the record job')).toBe("internal error in the record job (TypeError; details in the worker's log); retry it, and report it if it happens again");
    const withPath = new Error(`could not read ${path.resolve(here, '../../../../node_modules/x/y.js')}\nsecond line`);
    const msg = userFacingError(withPath);
    expect(msg).not.toContain('\n');
    expect(msg).not.toContain(path.resolve(here, '../../../..'));
    expect(msg).toMatch(/^could not read …\/node_modules\/x\/y\.js$/);
  });
});
