/**
 * What every pipeline step starts from: its experiment (which must still exist), the validated spec, the data
 * (the test hook's or the spec's dataset), and the plan the engine derives from them. Spec problems are
 * permanent failures (retrying cannot fix them).
 */
import type { ExperimentData, ExperimentPlan, ResolvedExperimentSpec } from '@convergent/engine/steps';
import type { Experiment } from '../../generated/prisma/client.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';

export interface StepBasics {
  exp: Experiment;
  spec: ResolvedExperimentSpec;
}

export interface StepPlan extends StepBasics, Omit<ExperimentPlan, 'spec'> {
  data: ExperimentData;
}

/**
 * The engine's step functions, loaded when a step runs: every import of the engine from the pipeline goes through
 * this one lazy import of its public `steps` entry, which keeps tfjs (and the engine) out of the API's start-up: the
 * job modules load with the API's index (worker.ts, job-control.ts) on the thread that answers HTTP.
 */
export const engineSteps = () => import('@convergent/engine/steps');

function permanentIfSpec(err: unknown): never {
  const message = (err as Error).message;
  if ((err as Error).name === 'SpecError' || /invalid experiment spec/.test(message)) throw new PermanentJobError(message);
  throw err;
}

/** The experiment and its validated spec. */
export async function stepBasics(ctx: JobContext, experimentId: string): Promise<StepBasics> {
  const exp = await ctx.prisma.experiment.findUnique({ where: { id: experimentId } });
  if (!exp) throw new PermanentJobError(`experiment ${experimentId} no longer exists`);
  const { validateExperimentSpec } = await engineSteps();
  try {
    return { exp, spec: validateExperimentSpec(exp.spec, ctx.specLimits) };
  } catch (err) {
    permanentIfSpec(err);
  }
}

/** Load the experiment's data (the test hook's, else the spec's dataset). */
export async function stepData(ctx: JobContext, spec: ResolvedExperimentSpec): Promise<ExperimentData> {
  if (ctx.loadData) return (await ctx.loadData(spec)) as ExperimentData;
  const { loadExperimentData } = await engineSteps();
  return loadExperimentData(spec);
}

/** Basics plus data and the engine's plan (architectures resolved for the data, recorded layers, networks). */
export async function stepPlan(ctx: JobContext, experimentId: string): Promise<StepPlan> {
  const basics = await stepBasics(ctx, experimentId);
  const data = await stepData(ctx, basics.spec);
  const { planExperiment } = await engineSteps();
  try {
    // The engine's plan step: limits that need the data (image passes, pairs to align, presets' parameters) and
    // methods that cannot run on these networks and data fail here, before anything is planned.
    const { archs, layers, networks } = planExperiment(basics.spec, data, ctx.specLimits ? { limits: ctx.specLimits } : {});
    return { ...basics, data, archs, layers, networks };
  } catch (err) {
    permanentIfSpec(err);
  }
}
