/**
 * A tiny experiment (8x8 synthetic images, two small architectures x two seeds, one epoch) that the
 * engine runs in seconds: the result directory the import and job tests work on. The engine's fixtures
 * (`@convergent/engine/testing`), under the names these tests use.
 */
export {
  tinyArchitectureSpec as tinyArch,
  tinyExperimentData as tinyData,
  tinyExperimentSpec as tinySpec,
} from '@convergent/engine/testing';
