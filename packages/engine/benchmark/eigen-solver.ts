/**
 * Eigen-solver benchmark: `npx tsx benchmark/eigen-solver.ts [sizes]` (default 256,512,1024). Times the engine's
 * symmetricEigen (SIMD kernels, recorded rotations) against the previous plain-JS tred2/tql2 (symmetric-eigen-jama.ts)
 * on the same random symmetric matrix, with vectors, best of three runs each by CPU time, and prints the ratio
 * old / new beside `uptime`, plus the largest eigenvalue difference (relative to the spectral radius).
 */
import { spawnSync } from 'node:child_process';
import { parseScriptArgs } from '../src/cli/command.ts';
import { symmetricEigen } from '../src/linalg/symmetric-eigen.ts';
import { symmetricEigenJama } from '../src/linalg/symmetric-eigen-jama.ts';
import { randn } from '../test/measure-data.ts';

const sizes = (parseScriptArgs('eigen-solver', {}, 'npx tsx benchmark/eigen-solver.ts [sizes, default 256,512,1024]').positionals[0] ?? '256,512,1024').split(',').map(Number);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function best(f: () => unknown, runs = 3): number {
  let b = Infinity;
  for (let k = 0; k < runs; k++) {
    const t = cpuMs();
    f();
    b = Math.min(b, cpuMs() - t);
  }
  return b;
}

console.log(`uptime: ${spawnSync('uptime', { encoding: 'utf8' }).stdout.trim()}`);
console.log('n\tnew CPU ms\told CPU ms\told/new\tmax |Δλ| / max |λ|');
for (const n of sizes) {
  const r = randn(n, n, n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r[i * n + j]!;
  symmetricEigen(a, n); // warm-up (JIT, kernel compilation)
  symmetricEigenJama(a, n);
  const tNew = best(() => symmetricEigen(a, n));
  const tOld = best(() => symmetricEigenJama(a, n));
  const x = symmetricEigen(a, n).values;
  const y = symmetricEigenJama(a, n).values;
  const top = Math.max(Math.abs(y[0]!), Math.abs(y[n - 1]!));
  let dv = 0;
  for (let i = 0; i < n; i++) dv = Math.max(dv, Math.abs(x[i]! - y[i]!) / top);
  console.log(`${n}\t${tNew.toFixed(0)}\t${tOld.toFixed(0)}\t${(tOld / tNew).toFixed(2)}\t${dv.toExponential(1)}`);
}
console.log(`uptime: ${spawnSync('uptime', { encoding: 'utf8' }).stdout.trim()}`);
