// bench:limits — the request-bounding probes of issue 15 against the API with its embedded worker on the embedded
// database (a child process, as `npm start` runs it), each sent while /health is polled every 20 ms. Prints per
// probe: the answer, its time, and /health latency meanwhile (p50 / p99 / max), with the ratio of that max to the
// p99 of /health measured idle in the same run (the peer), and the machine's load. The target: /health within
// 100 ms under every probe.
//
//   npm run bench:limits -w @convergent/api        (BENCH_ONLY=<probe name prefix>)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNpy } from '@convergent/engine/files';
import { openDatabase } from '../src/db/database.ts';
import { seedExperiment, seedTeam } from '../test/seed.ts';
import { percentile } from './open-loop.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const TARGET_MS = 100;

interface HealthStats {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Poll /health every 20 ms while `work` runs. */
async function healthWhile<T>(url: string, work: () => Promise<T>): Promise<{ result: T; seconds: number; health: HealthStats }> {
  const samples: number[] = [];
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/health`);
        await res.text();
      } catch {
        // counted as its time
      }
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  let result: T;
  try {
    result = await work();
  } finally {
    done = true;
  }
  const seconds = (performance.now() - t0) / 1000;
  await sampler;
  const sorted = Float64Array.from(samples).sort();
  return { result, seconds, health: { n: samples.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 } };
}

async function post(url: string, token: string, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}, extra: RequestInit = {}): Promise<string> {
  try {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body, ...extra });
    const text = await res.text();
    let code = '';
    try {
      const j = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
      code = j.errors?.[0]?.extensions?.code ?? (j.errors ? 'error' : 'data');
    } catch {
      code = 'non-JSON';
    }
    return `${res.status} ${code}`;
  } catch (err) {
    return `connection closed (${(err as Error).message})`;
  }
}

function fragmentBomb(levels: number): string {
  const frags = ['fragment F0 on Experiment { name layerNames }'];
  for (let i = 1; i <= levels; i++) frags.push(`fragment F${i} on Experiment { ...F${i - 1} ...F${i - 1} }`);
  return `{ experiment(id: "x") { ...F${levels} } }\n${frags.join('\n')}`;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cv-bench-limits-'));
  const dataDir = path.join(scratch, 'db');
  let child: ReturnType<typeof spawn> | null = null;
  try {
    // ---- data: a team with a few experiments (compare and figures have something to read)
    const db = await openDatabase({ dataDir });
    const team = await seedTeam(db.prisma, 'bench', { importRoots: [scratch] });
    const layers = [
      { name: 'conv1', kind: 'conv' as const, units: { small: 16 } },
      { name: 'fc1', kind: 'dense' as const, units: { small: 32 } },
    ];
    const exps = [];
    for (let i = 0; i < 5; i++) {
      exps.push(await seedExperiment(db.prisma, team.teamId, { name: `e${i}`, networks: [0, 1, 2, 3].map((seed) => ({ arch: 'small', seed })).concat([{ arch: 'small', seed: 0, untrained: true } as never]), layers, methods: ['HUNGARIAN', 'SEMI'] }));
    }
    await db.close();
    // Two 20 × 5,000 activation files (the import probe of the issue).
    for (const name of ['a', 'b']) {
      const x = new Float32Array(20 * 5000);
      for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * (name === 'a' ? 0.37 : 0.41)) + 0.01 * (i % 7);
      await writeNpy(path.join(scratch, `${name}.npy`), x, [20, 5000]);
    }

    child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'limits-server.ts')], {
      env: { ...process.env, BENCH_DATA_DIR: dataDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`API server exited (${code}) before it was ready`)));
    });
    const token = team.token;
    const gql = (query: string, variables: Record<string, unknown> = {}) => post(url, token, JSON.stringify({ query, variables }));
    const json = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    };
    const settle = async (experimentId: string) => {
      for (;;) {
        const r = await json('query($id: ID!) { experiment(id: $id) { status } }', { id: experimentId });
        const s = r.data?.['experiment']?.status as string | undefined;
        if (!s || ['COMPLETED', 'FAILED', 'CANCELLED'].includes(s)) return s ?? 'gone';
        await new Promise((r2) => setTimeout(r2, 100));
      }
    };

    const netIds = exps[0]!.networks.map((n) => n.id);
    const expIds = exps.map((e) => e.experimentId);
    const compare = (kind: 'NETWORK' | 'EXPERIMENT', n: number) => {
      const ids = kind === 'NETWORK' ? netIds : expIds;
      const others = JSON.stringify(Array.from({ length: 50 }, (_, i) => ids[1 + (i % (ids.length - 1))]));
      return `{ ${Array.from({ length: n }, (_, i) => `c${i}: compare(kind: ${kind}, reference: "${ids[0]}", others: ${others}) { entries { accuracyDelta layers { value } } }`).join(' ')} }`;
    };
    const big = 'x'.repeat(10 << 20);
    const probes: Array<{ name: string; run: () => Promise<string> }> = [
      { name: 'fragment bomb, 23 levels (~1 KB)', run: () => gql(fragmentBomb(23)) },
      { name: 'fragment bomb, 300 levels (~14 KB)', run: () => gql(fragmentBomb(300)) },
      { name: '15,000 aliases of experiment { layerNames } (1 MB)', run: () => gql(`{ ${Array.from({ length: 15_000 }, (_, i) => `a${i}: experiment(id: "${expIds[0]}") { layerNames }`).join(' ')} }`) },
      { name: '90 aliases of experiment figures (allowed, batched)', run: () => gql(`{ ${Array.from({ length: 90 }, (_, i) => `a${i}: experiment(id: "${expIds[i % expIds.length]}") { layerNames progress networkCount }`).join(' ')} }`) },
      { name: '60 aliased compare(NETWORK, 50 others)', run: () => gql(compare('NETWORK', 60)) },
      { name: '40 aliased compare(EXPERIMENT, 50 others) (allowed)', run: () => gql(compare('EXPERIMENT', 40)) },
      { name: '10 MB body, Content-Length', run: () => post(url, token, JSON.stringify({ query: '{ viewer { tokenName } }', variables: { pad: big } })) },
      {
        name: '10 MB body, chunked',
        run: () => {
          const chunk = new TextEncoder().encode('x'.repeat(64 << 10));
          let sent = 0;
          const stream = new ReadableStream<Uint8Array>({
            pull(c) {
              if (sent >= 10 << 20) c.close();
              else {
                sent += chunk.length;
                c.enqueue(chunk);
              }
            },
          });
          return post(url, token, stream, {}, { duplex: 'half' } as RequestInit);
        },
      },
      {
        name: 'import two 20 x 5,000 .npy (embedded worker, until done)',
        run: async () => {
          const r = await json(`mutation($a: String!, $b: String!) { importActivations(input: { name: "bench", methods: [HUNGARIAN, CKA], networks: [
            { name: "a", architecture: "m", seed: 0, layers: [{ name: "h", path: $a }] }, { name: "b", architecture: "m", seed: 1, layers: [{ name: "h", path: $b }] }] }) { experiment { id } } }`, { a: path.join(scratch, 'a.npy'), b: path.join(scratch, 'b.npy') });
          const id = r.data?.['importActivations']?.experiment?.id as string | undefined;
          return id ? `experiment ${await settle(id)}` : `refused: ${JSON.stringify(r.errors)}`;
        },
      },
      {
        name: 'plan 150 seeds of lenet on Fashion-MNIST (until planned)',
        run: async () => {
          const spec = { name: 'bench plan', dataset: 'fashion-mnist', split: { seed: 1, validation: 500, probe: 100 }, architectures: ['lenet'], seeds: Array.from({ length: 150 }, (_, i) => i), record: ['fc1'], chance: false, training: { epochs: 1, batchSize: 64, optimizer: 'adam', learningRate: 0.002 } };
          const r = await json('mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } jobs { id } } }', { input: { name: 'bench plan', spec } });
          const id = r.data?.['createExperiment']?.experiment?.id as string | undefined;
          if (!id) return `refused: ${JSON.stringify(r.errors)}`;
          const jobId = r.data!['createExperiment'].jobs[0].id as string;
          for (;;) {
            const j = await json('query($id: ID!) { job(id: $id) { status } }', { id: jobId });
            const s = j.data?.['job']?.status as string;
            if (s === 'COMPLETED' || s === 'FAILED') {
              await json('mutation($id: ID!) { deleteExperiment(id: $id) { deleted } }', { id });
              return `plan ${s}`;
            }
            await new Promise((r2) => setTimeout(r2, 100));
          }
        },
      },
    ];

    const only = process.env.BENCH_ONLY;
    const load0 = os.loadavg();
    const idle = await healthWhile(url, () => new Promise((r) => setTimeout(r, 3000)));
    const peer = Math.max(idle.health.p99, 0.1);
    const rows: string[][] = [['probe', 'answer', 'time s', '/health p50 ms', 'p99 ms', 'max ms', 'n', 'max / idle p99', `max <= ${TARGET_MS} ms`]];
    rows.push(['(idle)', '-', idle.seconds.toFixed(1), idle.health.p50.toFixed(1), idle.health.p99.toFixed(1), idle.health.max.toFixed(1), String(idle.health.n), '1.0', idle.health.max <= TARGET_MS ? 'yes' : 'NO']);
    for (const p of probes) {
      if (only && !p.name.startsWith(only)) continue;
      const { result, seconds, health } = await healthWhile(url, p.run);
      rows.push([p.name, result, seconds.toFixed(2), health.p50.toFixed(1), health.p99.toFixed(1), health.max.toFixed(1), String(health.n), (health.max / peer).toFixed(1), health.max <= TARGET_MS ? 'yes' : 'NO']);
      process.stderr.write(`${p.name}: ${result} in ${seconds.toFixed(2)} s; /health max ${health.max.toFixed(1)} ms\n`);
    }
    const load1 = os.loadavg();
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    process.stdout.write(`\n${rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')}\n`);
    process.stdout.write(
      `\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${load0.map((l) => l.toFixed(2)).join(' ')} before, ${load1.map((l) => l.toFixed(2)).join(' ')} after; node ${process.version}\n`,
    );
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
