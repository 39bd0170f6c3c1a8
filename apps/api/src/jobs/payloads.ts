/**
 * The payloads of our Job rows (pg-boss carries only `{ jobId }`; the row holds the payload), as zod schemas: the
 * types are inferred from them, and a job parses its payload with `jobPayload` when it starts, so a malformed payload
 * (an old row, a hand-edited one) fails the job with one clear error naming the JSON path, never a crash deeper in.
 * Extra fields (e.g. `priority`, read by queue.ts) are allowed.
 */
import { oneOf, problems, z } from '@convergent/engine/contracts';
import { PermanentJobError } from './job-context.ts';
import type { PairStep } from './pipeline/pipeline.ts';

const id = () => z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string', abort: true });
const payload = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'must be an object' });

/** PLAN, RECORD and the other steps of an experiment's pipeline. */
export const stepPayload = payload({ experimentId: id() });
/** TRAIN: one network of the experiment. */
export const trainPayload = payload({ experimentId: id(), networkId: id() });

const pairStep = payload({
  layer: id(),
  a: id(),
  b: id(),
  kind: oneOf(['between', 'chance']),
  /** Chance pairs: the trained pair whose untrained twins a and b are (matched chance). */
  mirrors: payload({ a: id(), b: id() }).optional(),
  /** Between pairs: the member id of b's shuffled-probe copy (the second null), when recorded. */
  shuffled: id().optional(),
});
/** ALIGN (pipeline): one pair of networks at one layer. */
export const alignPairPayload = payload({ experimentId: id(), pair: pairStep });
// Compile-time check: the pipeline's PairStep and the schema agree (each assignable to the other).
const pairConforms: [PairStep extends z.infer<typeof pairStep> ? true : false, z.infer<typeof pairStep> extends PairStep ? true : false] = [true, true];
void pairConforms;

/** ALIGN (on demand, mutation alignNetworks): two networks of two experiments. */
export const alignNetworksPayload = payload({ networks: payload({ a: id(), b: id(), layers: z.array(z.string(), { error: 'must be an array' }) }) });
export type AlignNetworksPayload = z.infer<typeof alignNetworksPayload>;

/** IMPORT: a result directory on the API server's machine. */
export const importPayload = payload({
  dir: id(),
  name: z.string({ error: 'must be a string or null' }).nullable().optional(),
  experimentId: id().optional(),
  placeholder: z.boolean({ error: 'must be true or false' }).optional(),
});

/** ALIGN (importActivations): external activations of several networks. */
export const alignActivationsPayload = payload({
  experimentId: id(),
  layout: oneOf(['NHWC', 'NCHW']),
  /** GraphQL method names (SEMI, HUNGARIAN, MI, MI_SEMI, SPARSE, SPECTRAL, CKA); null = all. */
  methods: z.array(z.string(), { error: 'must be an array or null' }).nullable(),
  networks: z.array(payload({ name: id(), layers: z.array(payload({ name: id(), path: id() }), { error: 'must be an array' }) }), { error: 'must be an array' }),
});
export type AlignActivationsPayload = z.infer<typeof alignActivationsPayload>;

/** The job's payload parsed with `schema`; a PermanentJobError naming every problem when it does not parse. */
export function jobPayload<T extends z.ZodType>(job: { kind: string; payload: unknown }, schema: T): z.output<T> {
  const r = schema.safeParse(job.payload);
  if (!r.success) throw new PermanentJobError(`${job.kind} job payload is malformed: ${problems(r.error.issues, '', '(payload)').join('; ')}`);
  return r.data;
}
