// Child process of api.bench.ts: serves the API on DATABASE_URL at a free port and prints the URL on stdout, so
// the load generator and the server do not share an event loop. API_WORKERS=N (default 1) runs N API processes
// (node:cluster) sharing the port and one file-signing key; "cpu" on stdin answers the CPU time of all of them.
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../src/db/database.ts';
import { startApiServer } from '../src/http/server.ts';

const workers = Math.max(1, Number(process.env.API_WORKERS ?? 1));
const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

async function serve(port: number, fileKey: string | undefined) {
  const db = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: Number(process.env.BENCH_POOL ?? 10), migrate: cluster.isPrimary });
  const api = await startApiServer({ database: db, port, fileKey, log: (m) => process.stderr.write(`${m}\n`) });
  const stop = async () => {
    await api.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  return api;
}

// "cpu" on stdin -> CPU time so far (user + system, microseconds) of the API process(es), for CPU per request.
function answerCpu(total: () => Promise<number>) {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (line: string) => {
    if (line.trim() === 'cpu') void total().then((us) => process.stdout.write(`CPU ${us}\n`));
  });
}

if (workers === 1) {
  const api = await serve(0, undefined);
  process.stdout.write(`READY ${api.url}\n`);
  answerCpu(async () => cpuNow());
} else if (cluster.isPrimary) {
  const key = randomBytes(32).toString('base64url');
  // listen(0) in cluster workers: the primary picks one free port for all of them.
  const forked = Array.from({ length: workers }, () => cluster.fork({ API_FILE_KEY: key }));
  const urls = await Promise.all(forked.map((w) => new Promise<string>((resolve) => w.on('message', (m: { ready?: string }) => m.ready && resolve(m.ready)))));
  process.stdout.write(`READY ${urls[0]}\n`);
  let seq = 0;
  answerCpu(async () => {
    const id = ++seq;
    const each = await Promise.all(
      forked.map(
        (w) =>
          new Promise<number>((resolve) => {
            const on = (m: { cpu?: number; id?: number }) => {
              if (m.id === id && m.cpu !== undefined) {
                w.off('message', on);
                resolve(m.cpu);
              }
            };
            w.on('message', on);
            w.send({ cpu: true, id });
          }),
      ),
    );
    return each.reduce((a, b) => a + b, cpuNow());
  });
  const stop = () => {
    for (const w of forked) w.kill('SIGTERM');
    let left = forked.length;
    for (const w of forked) w.once('exit', () => --left === 0 && process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const api = await serve(0, process.env.API_FILE_KEY);
  process.on('message', (m: { cpu?: boolean; id?: number }) => {
    if (m.cpu) process.send!({ cpu: cpuNow(), id: m.id });
  });
  process.send!({ ready: api.url });
}
