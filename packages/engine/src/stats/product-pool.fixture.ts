/** Child process of product-pool.test.ts: uses the product workers and returns without closing the pool. */
import { selectBackend } from '../backend/select-backend.ts';
import { MomentAccumulator } from './moments.ts';
import { startProductPool } from './product-pool.ts';

await selectBackend({ force: 'wasm' });
await startProductPool(1);
const w = 700;
const rows = 4096;
const x = new Float32Array(rows * w);
for (let i = 0; i < x.length; i++) x[i] = ((i * 7919) % 1000) / 1000;
const acc = new MomentAccumulator(w, { threads: 2, chunkRows: 1024 });
acc.update(x, rows);
acc.finalize();
console.log(`worker chunks ${acc.workerChunks}`);
