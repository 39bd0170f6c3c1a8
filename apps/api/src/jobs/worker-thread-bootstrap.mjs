// Entry of the embedded worker thread (worker-thread.ts): threads start without the parent's loaders (tsx is
// registered programmatically by `npm start` and vitest), so register it, then hand over.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread-main.ts');
