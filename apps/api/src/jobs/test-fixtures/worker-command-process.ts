/** Test helper process: `convergent worker` with the given arguments (as the engine CLI would run it). */
import { workerCommand } from '../worker-command.ts';

process.exitCode = await workerCommand(process.argv.slice(2));
