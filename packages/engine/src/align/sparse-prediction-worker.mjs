// Worker-thread entry of sparsePredictionPathParallel: register tsx (workers start without the parent's loaders)
// so the TypeScript solver loads, then hand over.
import { register } from 'tsx/esm/api';

register();
await import('./sparse-prediction-worker-entry.ts');
