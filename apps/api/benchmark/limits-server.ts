// Child process of limits.bench.ts: the API with its embedded worker on an embedded database (the default of
// `npm start`), so the probes hit the same thread layout as a user's. Prints READY <url> on stdout.
import { openDatabase } from '../src/db/database.ts';
import { startApiServer } from '../src/http/server.ts';

const db = await openDatabase({ dataDir: process.env.BENCH_DATA_DIR! });
const api = await startApiServer({ database: db, port: 0, embeddedWorker: true, log: (m) => process.stderr.write(`api: ${m}\n`) });
const stop = async () => {
  await api.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdout.write(`READY ${api.url}\n`);
