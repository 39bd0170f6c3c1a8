// Worker-thread entry of runInWorkers: register tsx (workers start without the parent's loaders, e.g.
// under vitest or the bin) so the TypeScript entry and job modules load, then hand over.
import { register } from 'tsx/esm/api';

register();
await import('./worker-pool-entry.ts');
