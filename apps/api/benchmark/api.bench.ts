// bench:api — seeds 100 networks × 5 layers × 512 units (+ max-matching alignments of each network with its next
// two at every layer: 985 alignments × 512 matches) on PostgreSQL, starts the API in a child process, and drives 50 concurrent
// clients (autocannon) on typical unit and alignment queries with random ids. Prints p50/p99 latency per query and
// the ratio of p99 to the 50 ms target.
//
//   npm run bench:api -w @convergent/api   (BENCH_DURATION=seconds per scenario, default 10;
//                                            BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.ts';
import { seedTeam } from '../test/seed.ts';
import { seedBulk } from './seed-bulk.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const duration = Number(process.env.BENCH_DURATION ?? 10);
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

    child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bench-server.ts')], {
      env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
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

    const unitIds = units.map((u) => u.id);
    const pairs = seeded.pairs;
    const scenarios: { name: string; query: string; vars: () => Record<string, unknown> }[] = [
      {
        name: 'unit page (stats, top images, best match in every other network)',
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

    process.stdout.write(`\n50 concurrent clients, ${duration} s per query, PostgreSQL (API in a child process, NODE_ENV=production)\n`);
    process.stdout.write(`${'query'.padEnd(66)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99/50ms'.padStart(9)} errors\n`);
    for (const s of scenarios) {
      // Warm-up (JIT, connection pool, Postgres caches), then the measured run.
      const make = () =>
        autocannon({
          url: `${apiUrl}/graphql`,
          connections: 50,
          duration,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${team.token}` },
          requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: s.query, variables: s.vars() }) }) }],
        });
      await autocannon({
        url: `${apiUrl}/graphql`,
        connections: 10,
        duration: 2,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${team.token}` },
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: s.query, variables: s.vars() }) }) }],
      });
      const r = await make();
      const bad = r.errors + r.timeouts + r.non2xx;
      process.stdout.write(
        `${s.name.padEnd(66)} ${r.requests.average.toFixed(0).padStart(7)} ${r.latency.p50.toFixed(0).padStart(7)} ${r.latency.p99.toFixed(0).padStart(7)} ${(r.latency.p99 / TARGET_P99_MS).toFixed(2).padStart(9)} ${bad}\n`,
      );
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
