import { describe, expect, it } from 'vitest';
import { PermanentJobError } from './job-context.ts';
import { userFacingError } from './job-errors.ts';
import { alignActivationsPayload, alignPairPayload, importPayload, jobPayload, trainPayload } from './payloads.ts';

function failure(kind: string, payload: unknown, schema: Parameters<typeof jobPayload>[1]): Error {
  try {
    jobPayload({ kind, payload }, schema);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the payload to be refused');
}

describe('job payloads', () => {
  it('parses a well-formed payload, keeping the fields the job reads and allowing extra ones', () => {
    expect(jobPayload({ kind: 'TRAIN', payload: { experimentId: 'e1', networkId: 'n1', priority: 2 } }, trainPayload)).toEqual({ experimentId: 'e1', networkId: 'n1' });
    const pair = { layer: 'fc1', a: 'lenet-s1', b: 'lenet-s2', kind: 'between', shuffled: 'lenet-s2-shuffled' };
    expect(jobPayload({ kind: 'ALIGN', payload: { experimentId: 'e1', pair } }, alignPairPayload).pair).toEqual(pair);
    expect(jobPayload({ kind: 'IMPORT', payload: { dir: '/data/run', name: null } }, importPayload)).toEqual({ dir: '/data/run', name: null });
  });

  it('fails a malformed payload with one permanent error naming every JSON path', () => {
    const err = failure('ALIGN', { experimentId: '', pair: { layer: 'fc1', a: 3, kind: 'other' } }, alignPairPayload);
    expect(err).toBeInstanceOf(PermanentJobError);
    expect(err.message).toBe(
      'ALIGN job payload is malformed: experimentId must be a non-empty string; pair.a must be a non-empty string; pair.b must be a non-empty string; pair.kind must be one of between, chance (got "other")',
    );
    expect(failure('IMPORT', null, importPayload).message).toBe('IMPORT job payload is malformed: (payload) must be an object');
    const nested = failure('ALIGN', { experimentId: 'e', layout: 'NHWC', methods: null, networks: [{ name: 'a', layers: [{ name: 'fc1' }] }] }, alignActivationsPayload);
    expect(nested.message).toBe('ALIGN job payload is malformed: networks[0].layers[0].path must be a non-empty string');
    // What the Job row shows: the message itself (a user error, not an internal one).
    expect(userFacingError(nested)).toBe(nested.message);
  });
});
