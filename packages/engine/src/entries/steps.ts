/**
 * `@convergent/engine/steps`: the experiment's steps (experiment/steps.ts: plan, train one network, record, align one
 * pair × layer, the family checks) for whatever sequences them, and `runExperiment`, the one-process sequencer that
 * writes a result directory. The API's job pipeline is the other sequencer.
 */
export * from '../experiment/steps.ts';
export * from '../experiment/run-experiment.ts';
