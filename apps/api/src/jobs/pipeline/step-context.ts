/**
 * What every pipeline step starts from: its experiment (which must still exist), the validated spec, the data
 * (the test hook's or the spec's dataset), and the plan the engine derives from them. Spec problems are
 * permanent failures (retrying cannot fix them).
 */
import type { ExperimentData } from '@convergent/engine/experiment/experiment-data';
import type { ResolvedExperimentSpec } from '@convergent/engine/experiment/experiment-spec';
import type { PlannedNetwork } from '@convergent/engine/experiment/run-experiment';
import type { ResolvedArchitecture } from '@convergent/engine/spec/architecture-spec';
import type { Experiment } from '../../generated/prisma/client.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';

export interface StepBasics {
  exp: Experiment;
  spec: ResolvedExperimentSpec;
}

export interface StepPlan extends StepBasics {
  data: ExperimentData;
  archs: ResolvedArchitecture[];
  layers: string[];
  networks: PlannedNetwork[];
}

function permanentIfSpec(err: unknown): never {
  const message = (err as Error).message;
  if ((err as Error).name === 'SpecError' || /invalid experiment spec/.test(message)) throw new PermanentJobError(message);
  throw err;
}

/** The experiment and its validated spec. */
export async function stepBasics(ctx: JobContext, experimentId: string): Promise<StepBasics> {
  const exp = await ctx.prisma.experiment.findUnique({ where: { id: experimentId } });
  if (!exp) throw new PermanentJobError(`experiment ${experimentId} no longer exists`);
  const { validateExperimentSpec } = await import('@convergent/engine/experiment/experiment-spec');
  try {
    return { exp, spec: validateExperimentSpec(exp.spec, ctx.specLimits) };
  } catch (err) {
    permanentIfSpec(err);
  }
}

/** Load the experiment's data (the test hook's, else the spec's dataset). */
export async function stepData(ctx: JobContext, spec: ResolvedExperimentSpec): Promise<ExperimentData> {
  if (ctx.loadData) return (await ctx.loadData(spec)) as ExperimentData;
  const { loadExperimentData } = await import('@convergent/engine/experiment/experiment-data');
  return loadExperimentData(spec);
}

/** Basics plus data and the engine's plan (architectures resolved for the data, recorded layers, networks). */
export async function stepPlan(ctx: JobContext, experimentId: string): Promise<StepPlan> {
  const basics = await stepBasics(ctx, experimentId);
  const data = await stepData(ctx, basics.spec);
  const [engine, { checkPlanLimits }, { DEFAULT_SPEC_LIMITS }, { checkMethods }] = await Promise.all([
    import('@convergent/engine/experiment/run-experiment'),
    import('@convergent/engine/experiment/plan-limits'),
    import('@convergent/engine/spec/limits'),
    import('@convergent/engine/experiment/method-checks'),
  ]);
  try {
    const archs = engine.resolveArchitectures(basics.spec, data.train.shape, data.train.classes, ctx.specLimits);
    const layers = engine.recordedLayers(basics.spec, archs);
    // Limits that need the data (image passes, pairs to align, presets' parameters), before anything is planned.
    checkPlanLimits(basics.spec, archs, layers, data.train.count, ctx.specLimits ?? DEFAULT_SPEC_LIMITS);
    const networks = engine.planNetworks(basics.spec, archs);
    // Methods that cannot run on these networks and data (CCA with fewer samples than 2 (p + q), kNN with k ≥ probe
    // images, stitching an unrecorded layer): the plan step fails at once, naming the numbers and the fix.
    checkMethods(basics.spec, networks, layers, data.probe.count);
    return { ...basics, data, archs, layers, networks };
  } catch (err) {
    permanentIfSpec(err);
  }
}
