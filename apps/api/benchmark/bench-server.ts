// Child process of api.bench.ts: serves the API on DATABASE_URL at a free port and prints the URL on stdout, so
// the load generator and the server do not share an event loop.
import { openDatabase } from '../src/db/database.ts';
import { startApiServer } from '../src/http/server.ts';

const db = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: Number(process.env.BENCH_POOL ?? 10) });
const api = await startApiServer({ database: db, port: 0, log: (m) => process.stderr.write(m + '\n') });
process.stdout.write(`READY ${api.url}\n`);
// "cpu" on stdin -> the process's CPU time so far (user + system, microseconds), for CPU per request.
process.stdin.setEncoding('utf8');
process.stdin.on('data', (line: string) => {
  if (line.trim() === 'cpu') {
    const u = process.cpuUsage();
    process.stdout.write(`CPU ${u.user + u.system}\n`);
  }
});
const stop = async () => {
  await api.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
