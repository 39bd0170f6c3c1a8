// bench:api — seeds 100 networks × 5 layers × 512 units (+ max-matching alignments of each network with its next
// two at every layer: 985 alignments × 512 matches) on PostgreSQL, starts the API in a child process, and drives 50
// concurrent clients on typical unit, alignment and unit-list queries with random ids. Prints p50/p99 latency per
// query and load, the ratio of p99 to the 50 ms target, and the API's CPU time per request.
//
// Loads (see open-loop.ts for the open-loop models):
//   1 client, sequential           closed loop (autocannon): the service time of one request
//   50 clients x R req/s, Poisson  open loop, each client with independent exponential gaps (a team's dashboards;
//                                  the p99 <= 50 ms target is about this row)
//   50 clients x R req/s, lockstep open loop, all 50 clients fire at the same instants (a burst of 50 every 1/R s;
//                                  what autocannon's overallRate does): worst case
//   50 clients, saturating         closed loop (autocannon), 50 connections back to back: throughput, and
//                                  latency = queueing behind it
// Open-loop latency runs from the scheduled send time (no coordinated omission).
//
//   npm run bench:api -w @convergent/api   (BENCH_DURATION=seconds per load, default 10; BENCH_RATE=R, default 1;
//                                            BENCH_WORKERS=API processes, default 1;
//                                            BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
//                                            BENCH_ONLY=<scenario name prefix>; BENCH_CPU_PROFILE=<dir> profiles the API)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.ts';
import { seedTeam } from '../test/seed.ts';
import { seedBulk } from './seed-bulk.ts';
import { openLoop, percentile } from './open-loop.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const duration = Number(process.env.BENCH_DURATION ?? 10);
const ratePerClient = Number(process.env.BENCH_RATE ?? 1);
const workers = Number(process.env.BENCH_WORKERS ?? 1);
const TARGET_P99_MS = 50;
const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const dbName = `convergent_bench_${randomBytes(4).toString('hex')}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function rand<T>(list: T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

async function main(): Promise<void> {
  await admin(`CREATE DATABASE "${dbName}"`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  let child: ReturnType<typeof spawn> | null = null;
  try {
    const db = await openDatabase({ url: url.toString() });
    const t0 = performance.now();
    const team = await seedTeam(db.prisma, 'bench');
    const layerNames = ['conv1', 'conv2', 'conv3', 'fc1', 'fc2'];
    const seeded = await seedBulk(db.prisma, team.teamId, { networks: 100, layers: layerNames, units: 512, neighbors: 2 });
    const units = await db.prisma.unit.findMany({ select: { id: true } });
    const matches = await db.prisma.unitMatch.count();
    process.stdout.write(
      `seeded ${seeded.networkIds.length} networks x ${layerNames.length} layers, ${units.length} units, ${seeded.pairs.length} alignments, ${matches} matches in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    await db.close();

    const profile = process.env.BENCH_CPU_PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
    child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(here, 'bench-server.ts')], {
      env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: 'production', API_WORKERS: String(workers) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const apiUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`API server exited (${code}) before it was ready`)));
    });

    const cpuReplies: ((us: number) => void)[] = [];
    let cpuBuf = '';
    child.stdout!.on('data', (d: Buffer) => {
      cpuBuf += d.toString();
      let m: RegExpExecArray | null;
      while ((m = /CPU (\d+)\n/.exec(cpuBuf))) {
        cpuBuf = cpuBuf.slice(m.index + m[0].length);
        cpuReplies.shift()?.(Number(m[1]));
      }
    });
    const serverCpuUs = () =>
      new Promise<number>((resolve) => {
        cpuReplies.push(resolve);
        child!.stdin!.write('cpu\n');
      });
    const unitIds = units.map((u) => u.id);
    const pairs = seeded.pairs;
    const scenarios: { name: string; query: string; vars: () => Record<string, unknown> }[] = [
      {
        name: 'unit page (stats, top images, best match in each network)',
        query: `query Unit($id: ID!) { unit(id: $id) { id index mean std dead topImages { imageIndex activation url } topImagesSpriteUrl
          layer { name network { name architecture seed } }
          bestMatches(method: HUNGARIAN) { network { id name seed } unit { id index } correlation } } }`,
        vars: () => ({ id: String(rand(unitIds)) }),
      },
      {
        name: 'alignment (summary + 50 best matches with units)',
        query: `query Pair($a: ID!, $b: ID!, $layer: String!) { alignment(networkA: $a, networkB: $b, layer: $layer, method: HUNGARIAN) {
          id summary { meanCorr unitsA unitsB } betweenUrl matchUrl
          matches(first: 50, order: SCORE_DESC) { totalCount edges { node { score unitA { id index mean } unitB { id index mean } } } } } }`,
        vars: () => {
          const p = rand(pairs);
          return Math.random() < 0.5 ? { a: p.a, b: p.b, layer: p.layer } : { a: p.b, b: p.a, layer: p.layer };
        },
      },
      {
        name: 'layer units page (100 units with stats)',
        query: `query Units($id: ID!) { network(id: $id) { layer(name: "conv2") { unitCount units(first: 100) { edges { node { id index mean std dead } } } } } }`,
        vars: () => ({ id: rand(seeded.networkIds) }),
      },
    ];

    const headers = { 'content-type': 'application/json', authorization: `Bearer ${team.token}` };
    const closed = (s: (typeof scenarios)[number], connections: number, seconds: number) =>
      autocannon({
        url: `${apiUrl}/graphql`,
        connections,
        duration: seconds,
        headers,
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: s.query, variables: s.vars() }) }) }],
      });
    type Figures = { rate: number; p50: number; p99: number; total: number; errors: number };
    const runClosed = async (s: (typeof scenarios)[number], connections: number): Promise<Figures> => {
      const r = await closed(s, connections, duration);
      return { rate: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, errors: r.errors + r.timeouts + r.non2xx };
    };
    const runOpen = async (s: (typeof scenarios)[number], arrival: 'poisson' | 'lockstep'): Promise<Figures> => {
      const r = await openLoop({
        url: `${apiUrl}/graphql`,
        headers,
        clients: 50,
        rate: ratePerClient,
        seconds: duration,
        arrival,
        body: () => JSON.stringify({ query: s.query, variables: s.vars() }),
      });
      return { rate: r.latencies.length / duration, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99), total: r.latencies.length, errors: r.errors };
    };
    const rateLabel = `50 clients x ${ratePerClient} req/s`;
    const loads: [string, (s: (typeof scenarios)[number]) => Promise<Figures>][] = [
      ['1 client, sequential', (s) => runClosed(s, 1)],
      [`${rateLabel}, Poisson`, (s) => runOpen(s, 'poisson')],
      [`${rateLabel}, lockstep`, (s) => runOpen(s, 'lockstep')],
      ['50 clients, saturating', (s) => runClosed(s, 50)],
    ];
    process.stdout.write(
      `\n${duration} s per load, PostgreSQL, ${workers} API process${workers > 1 ? 'es' : ''} (NODE_ENV=production), ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
    );
    process.stdout.write(`${'query'.padEnd(58)} ${'load'.padEnd(32)} ${'req/s'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99/50ms'.padStart(9)} ${'API CPU ms/req'.padStart(14)} errors\n`);
    const only = process.env.BENCH_ONLY;
    for (const s of scenarios.filter((x) => !only || x.name.startsWith(only))) {
      await closed(s, 10, 2); // warm-up: JIT, connection pool, Postgres caches
      for (const [label, load] of loads) {
        const cpu0 = await serverCpuUs();
        const r = await load(s);
        const cpuMs = (await serverCpuUs()) - cpu0;
        const perReq = r.total > 0 ? cpuMs / 1000 / r.total : NaN;
        process.stdout.write(
          `${s.name.padEnd(58)} ${label.padEnd(32)} ${r.rate.toFixed(0).padStart(6)} ${r.p50.toFixed(0).padStart(7)} ${r.p99.toFixed(0).padStart(7)} ${(r.p99 / TARGET_P99_MS).toFixed(2).padStart(9)} ${perReq.toFixed(1).padStart(14)} ${r.errors}\n`,
        );
      }
    }
    // One response checked for content, so the figures are not those of fast errors.
    const check = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${team.token}` },
      body: JSON.stringify({ query: scenarios[0]!.query, variables: { id: String(unitIds[0]) } }),
    });
    const body = (await check.json()) as { data?: { unit?: { bestMatches?: unknown[] } }; errors?: unknown };
    if (!body.data?.unit?.bestMatches?.length) throw new Error(`unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:api failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
