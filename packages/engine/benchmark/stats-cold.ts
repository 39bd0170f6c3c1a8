/**
 * Cold statistics pass for the benchmark (run as a fresh process by `sections/stats.ts`): the first `pairMoments`
 * of a process with the default threads, so the product worker's start-up (module load + wasm compile) is inside
 * the timing. Loading tfjs and reading the data are outside it, as the peer's imports and loading are outside its.
 * Args: a.f32 b.f32 n p q [threads]. Prints JSON {ms, cpuMs} (CPU of all threads of this process).
 */
import { readFileSync } from 'node:fs';
import { selectBackend } from '../src/backend/select-backend.ts';
import { parseScriptArgs } from '../src/cli/command.ts';
import { pairMoments } from '../src/stats/moments.ts';

const [aPath, bPath, ...dims] = parseScriptArgs('stats-cold', {}, 'npx tsx benchmark/stats-cold.ts a.f32 b.f32 n p q [threads]').positionals;
const [n, p, q, threads] = dims.map(Number) as [number, number, number, number | undefined];
await selectBackend();
const read = (file: string) => {
  const bytes = readFileSync(file);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};
const a = read(aPath!);
const b = read(bPath!);
const c0 = process.cpuUsage();
const t0 = performance.now();
pairMoments(a, b, n, p, q, threads === undefined ? {} : { threads });
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000 }));
