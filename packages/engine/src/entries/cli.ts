/**
 * `@convergent/engine/cli`: the engine's commands (`ENGINE_COMMANDS`, `main`) and the one argument parser on
 * `node:util` parseArgs that every command in the repository uses. The `convergent` binary (apps/cli) joins these
 * with the API's commands.
 */
export * from '../cli/main.ts';
export * from '../cli/command.ts';
