/**
 * Inside a worker of `sparsePredictionPathParallel`: solve the targets this thread claims from the shared counter
 * and post the block back (its typed arrays transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solveTargetBlock } from './sparse-prediction.ts';
import type { SparseWorkerData } from './sparse-prediction-parallel.ts';

const port = parentPort;
if (!port) throw new Error('sparse-prediction-worker-entry.ts must run inside a worker thread');
const data = workerData as SparseWorkerData;
const counter = new Int32Array(data.counter);
try {
  const block = solveTargetBlock(data.input, data.ascending, () => Atomics.add(counter, 0, data.chunk), data.chunk);
  const transfer = [block.targets, block.losses, block.objectives, block.nonzero, block.unconverged, block.start, block.rowIndex, block.values];
  if (block.heldOutLosses) transfer.push(block.heldOutLosses);
  port.postMessage({ block }, transfer.map((x) => x.buffer as ArrayBuffer));
} catch (err) {
  port.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
