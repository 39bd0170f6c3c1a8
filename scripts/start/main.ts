/**
 * `npm start` orchestration. Order matters for the "first results within minutes" promise: the database, API and
 * embedded worker come up first and the demo experiment is queued before the dashboard is built, so training runs
 * while Next.js compiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseOptions } from '@convergent/engine/cli';
import { openDatabase, ensureLocalTeam, startApiServer, createSignInCode, signInPath, SIGN_IN_CODE_TTL_MS, type Database, type ApiServer } from '@convergent/api';
import { ProgressBoard, type JobLine } from './progress.ts';

/** A database URL without its password, for the terminal. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Signals this close together are one Ctrl-C delivered twice. */
const SAME_SIGNAL_MS = 1500;
const webDir = path.join(root, 'apps/web');

interface Options {
  apiPort: number;
  webPort: number;
  dataDir: string;
  /** Examples to queue: `demo` on a first start (default); `--demo families` adds the families example. */
  demos: DemoName[];
  /** --demo was given: queue those examples even when other experiments exist (not when one of that name does). */
  explicitDemos?: boolean;
  web: boolean;
}

/** The examples `npm start` can queue (packages/engine/examples/<file>), with the line the banner prints. */
export const DEMOS = {
  demo: { file: 'demo.json', says: '4 seeds of a small net + one wider variant on Fashion-MNIST' },
  families: { file: 'families.json', says: 'plain CNN, residual CNN and MLP × 3 seeds, every measure, consensus and stitching' },
} as const;
type DemoName = keyof typeof DEMOS;

const USAGE = `usage: npm start [-- --port 4000] [--web-port 3000] [--data .convergent] [--no-demo] [--demo demo|families|all] [--no-web]
  Embedded database under --data (PGlite) unless DATABASE_URL points at PostgreSQL (team mode).
  A first start queues the demo example; --demo families queues the families example (plain CNN, residual CNN,
  MLP), --demo all both; an example already stored (same name) is not queued again.`;

/** `npm start`'s options, through the repository's one option parser (engine cli/command.ts, on node:util parseArgs). */
export function parseArgs(argv: string[]): Options {
  if (argv.includes('--help') || argv.includes('-h')) throw new Error(USAGE);
  const o: Options = { apiPort: 4000, webPort: 3000, dataDir: '.convergent', demos: ['demo'], web: true };
  const { positionals, given } = parseOptions(
    argv,
    { port: 'string', 'web-port': 'string', data: 'string', demo: { type: 'string', multiple: true }, 'no-demo': 'boolean', 'no-web': 'boolean' },
    { help: 'npm start -- --help' },
  );
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}; see npm start -- --help`);
  const port = (name: string, v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number (0-65535)`);
    return n;
  };
  let explicit = false;
  // In the order given: `--no-demo` clears the examples so far, each `--demo` adds to those named before it.
  for (const { name, value } of given) {
    const v = String(value);
    if (name === 'port') o.apiPort = port(name, v);
    else if (name === 'web-port') o.webPort = port(name, v);
    else if (name === 'data') o.dataDir = v;
    else if (name === 'no-demo') o.demos = [];
    else if (name === 'no-web') o.web = false;
    else if (name === 'demo') {
      if (v !== 'all' && !(v in DEMOS)) throw new Error(`--demo must be one of ${Object.keys(DEMOS).join(', ')}, all (got ${JSON.stringify(v)})`);
      const names: DemoName[] = v === 'all' ? (Object.keys(DEMOS) as DemoName[]) : [v as DemoName];
      o.demos = explicit ? [...new Set([...o.demos, ...names])] : names;
      explicit = true;
    }
  }
  o.explicitDemos = explicit;
  return o;
}

/** Newest modification time under a folder (skipping build output), to decide whether the dashboard needs a build. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function webBuildIsCurrent(): boolean {
  const buildId = path.join(webDir, '.next/BUILD_ID');
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return newestMtime(webDir) <= built && newestMtime(path.join(root, 'packages/schema/src')) <= built;
}

function run(command: string, args: string[], cwd: string, prefix: string, env: NodeJS.ProcessEnv, say: (line: string) => void): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (stream: NodeJS.ReadableStream | null) =>
    stream?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) say(`${prefix} ${line}`);
    });
  forward(child.stdout);
  forward(child.stderr);
  return child;
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** Resolve once a URL answers (any HTTP status); reject after `timeoutMs`. */
async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the dashboard did not answer at ${url} within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

async function graphql<T>(api: ApiServer, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(api.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`GraphQL answered HTTP ${res.status} without data`);
  return body.data;
}

/**
 * Queue the examples asked for. Without --demo: the demo, on a first start only (no experiments yet). With --demo:
 * each named example unless an experiment of its name is already stored (a restart does not queue it twice).
 */
async function queueDemos(api: ApiServer, token: string, names: DemoName[], explicit: boolean): Promise<Array<{ name: DemoName; id: string }>> {
  if (names.length === 0) return [];
  type Page = { experiments: { totalCount: number; edges: { node: { name: string } }[] } };
  const { experiments } = await graphql<Page>(api, token, '{ experiments(first: 100) { totalCount edges { node { name } } } }');
  if (!explicit && experiments.totalCount > 0) return [];
  const stored = new Set(experiments.edges.map((e) => e.node.name));
  const queued: Array<{ name: DemoName; id: string }> = [];
  for (const name of names) {
    const spec = JSON.parse(readFileSync(path.join(root, 'packages/engine/examples', DEMOS[name].file), 'utf8')) as { name: string };
    if (stored.has(spec.name)) continue;
    const created = await graphql<{ createExperiment: { experiment: { id: string } } }>(
      api,
      token,
      'mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } } }',
      { input: { name: spec.name, spec } },
    );
    queued.push({ name, id: created.createExperiment.experiment.id });
  }
  return queued;
}

const JOBS_QUERY = `{ jobs(first: 50) { edges { node { id kind status phase fraction etaSeconds error network { name } experiment { name } } } } }`;

async function pollJobs(api: ApiServer, token: string): Promise<JobLine[]> {
  type Node = { id: string; kind: string; status: string; phase: string | null; fraction: number; etaSeconds: number | null; error: string | null; network: { name: string } | null; experiment: { name: string } | null };
  const data = await graphql<{ jobs: { edges: { node: Node }[] } }>(api, token, JOBS_QUERY);
  return data.jobs.edges.map(({ node }) => ({
    id: node.id,
    // The EXPERIMENT job only plans the pipeline; calling it "experiment … done" would read as the whole run.
    label: `${node.kind === 'EXPERIMENT' ? 'plan' : node.kind.toLowerCase()} ${node.network?.name ?? node.experiment?.name ?? ''}`.trim(),
    status: node.status,
    phase: node.phase,
    fraction: node.fraction,
    etaSeconds: node.etaSeconds,
    error: node.error,
  }));
}

export async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const started = Date.now();
  const dataDir = path.resolve(options.dataDir);
  let database: Database | undefined;
  let api: ApiServer | undefined;
  let web: ChildProcess | undefined;
  let board: ProgressBoard | undefined;
  let stopping = false;

  const shutdown = async (code: number): Promise<number> => {
    if (stopping) return code;
    stopping = true;
    board?.stop();
    process.stderr.write('\nconvergent: shutting down (a running job resumes on the next start)…\n');
    if (web && web.exitCode === null) {
      web.kill('SIGTERM');
      await Promise.race([waitForExit(web), new Promise((r) => setTimeout(r, 5000))]);
    }
    await api?.close().catch((err: Error) => process.stderr.write(`convergent: API close: ${err.message}\n`));
    await database?.close().catch((err: Error) => process.stderr.write(`convergent: database close: ${err.message}\n`));
    return code;
  };

  const stopped = new Promise<number>((resolve) => {
    let first = 0;
    const onSignal = () => {
      const now = Date.now();
      if (first === 0) {
        first = now;
        void shutdown(0).then(resolve);
        return;
      }
      // One Ctrl-C can arrive twice (the terminal signals npm and this process, and npm forwards it): only a
      // second one pressed later skips the clean shutdown.
      if (now - first < SAME_SIGNAL_MS) return;
      process.stderr.write('convergent: second Ctrl-C: exiting without a clean shutdown (the database recovers on the next start)\n');
      process.exit(130);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });

  try {
    const teamMode = Boolean(process.env.DATABASE_URL);
    process.stderr.write(teamMode ? `convergent: team database ${redact(process.env.DATABASE_URL!)}\n` : `convergent: embedded database in ${path.join(dataDir, 'db')}\n`);
    database = await openDatabase(teamMode ? {} : { dataDir: path.join(dataDir, 'db') });
    if (database.migrations.applied.length) process.stderr.write(`convergent: applied migrations ${database.migrations.applied.join(', ')}\n`);
    // The local team may import from the folder npm start runs in (per-team import roots).
    const local = await ensureLocalTeam(database.prisma, { tokenFile: path.join(dataDir, 'local-token'), importRoots: [process.cwd()] });
    const dashboardOrigin = `http://127.0.0.1:${options.webPort}`;
    api = await startApiServer({ database, port: options.apiPort, embeddedWorker: true, corsOrigins: [dashboardOrigin], log: (m) => process.stderr.write(`api: ${m}\n`) });
    const token = local.token;

    const queued = token ? await queueDemos(api, token, options.demos, options.explicitDemos ?? false) : [];

    const lines = [
      '',
      `  Convergent API is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  GraphQL endpoint ${api.graphqlUrl}`,
      token
        ? `  Team token       in ${path.join(dataDir, 'local-token')} (for scripts: Authorization: Bearer …; never in a URL)`
        : `  Team token       not available: the team exists but its token file is gone; make one with \`convergent token create --name scripts\``,
      ...queued.map((q) => `  Example ${q.name.padEnd(9)} queued (${q.id}): ${DEMOS[q.name].says}`),
      options.web ? '  Dashboard        starting… (its URL follows)' : '  Dashboard        disabled by --no-web',
      '  Ctrl-C stops everything cleanly.',
      '',
    ].filter((l) => l !== '');
    process.stdout.write(`${lines.join('\n')}\n\n`);

    if (token) {
      board = new ProgressBoard(process.stderr, () => pollJobs(api!, token));
      board.start();
    }
    const say = (line: string) => (board ? board.log(line) : process.stderr.write(`${line}\n`));

    if (options.web) {
      if (!webBuildIsCurrent()) {
        say('convergent: building the dashboard (once; a few minutes on 2 cores; training goes on meanwhile)…');
        const build = run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], webDir, 'web-build', { NEXT_TELEMETRY_DISABLED: '1' }, say);
        if ((await waitForExit(build)) !== 0) throw new Error('the dashboard build failed (see web-build lines above); fix it or start with --no-web');
      }
      if (stopping) return await stopped;
      web = run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(options.webPort)], webDir, 'web', {
        CONVERGENT_API_URL: api.url,
        NEXT_TELEMETRY_DISABLED: '1',
      }, say);
      web.on('exit', (code) => {
        if (!stopping) say(`convergent: the dashboard exited (code ${code}); the API keeps running`);
      });
      await waitForHttp(`${dashboardOrigin}/health`, 120_000);
      // A one-time sign-in link (the code rides in the fragment, is exchanged by POST for an HttpOnly session
      // cookie, and is dead after one use or SIGN_IN_CODE_TTL_MS); the team token never goes into a URL.
      const link = await createSignInCode(database.prisma, local.team.id, { role: 'ADMIN', name: 'npm start' });
      say(
        `\n  Dashboard        ${dashboardOrigin}${signInPath(link.code)}  (up after ${((Date.now() - started) / 1000).toFixed(0)} s)` +
          `\n                   one-time sign-in link: works once, for ${SIGN_IN_CODE_TTL_MS / 60_000} minutes; a new one: \`node apps/cli/bin/convergent.mjs team sign-in local --role admin\` or restart\n`,
      );
    }
    return await stopped;
  } catch (err) {
    process.stderr.write(`convergent: ${(err as Error).message}\n`);
    return shutdown(1);
  }
}
