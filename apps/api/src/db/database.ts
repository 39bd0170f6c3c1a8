/**
 * Opens Convergent's database and migrates it: PostgreSQL when a URL is given (team mode, DATABASE_URL),
 * otherwise an embedded PGlite in `.convergent/db` under the working directory, served on 127.0.0.1 so
 * Prisma, pg-boss and workers in other processes use the same PostgreSQL wire protocol either way.
 *
 * One process owns a PGlite data directory at a time (a lock file beside it says which); `close()` must
 * run before exit so PGlite writes a clean shutdown checkpoint (see `onShutdownSignal`). The embedded database is
 * this user's only: its data directory is 0700, its socket asks for a random password that only the URL file
 * (0600, beside the data directory) holds.
 *
 * Timeouts: on PostgreSQL every connection of the pool runs with statement_timeout and
 * idle_in_transaction_session_timeout; on PGlite the socket server enforces the same two bounds itself (see
 * pglite-server.ts), since PGlite has one session for everybody and no timers.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { migrate, type MigrateResult } from './migrate.ts';
import { servePglite, type PgliteServer } from './pglite-server.ts';
import { createSqlRead, type SqlRead } from './sql-read.ts';

export { PrismaClient };

export interface OpenDatabaseOptions {
  /** PostgreSQL URL. When absent and no `dataDir` is given, DATABASE_URL is used if set. */
  url?: string;
  /** PGlite data directory (default `.convergent/db` under the working directory). */
  dataDir?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Prisma's connection pool size (default 8). */
  poolSize?: number;
  /** Longest statement (PostgreSQL) or wait for the embedded database's session (PGlite); default 60 s. */
  statementTimeoutMs?: number;
  /** Longest a connection may sit idle inside a transaction before it is cut; default 30 s. */
  idleInTransactionTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface Database {
  prisma: PrismaClient;
  /** URL other clients (pg-boss, workers in other processes) connect with. */
  connectionString: string;
  kind: 'postgres' | 'pglite';
  /** Postgres schema Prisma uses (from `?schema=` in the URL; default public). */
  schema: string;
  migrations: MigrateResult;
  /** Prisma's pg pool, also used directly by the API's hot read paths (see sql-read.ts). */
  pool: pg.Pool;
  /** SELECTs on `pool` without Prisma's interpreter (prepared statements on PostgreSQL). */
  read: SqlRead;
  /** A new pg client on the same database (caller must `end()` it). */
  connect(): Promise<pg.Client>;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.convergent/db';
export const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

/** Splits `?schema=` (Prisma's convention) off a URL; pg does not understand it. */
export function parseDatabaseUrl(url: string): { url: string; schema: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL (${url.replace(/\/\/[^@]*@/, '//***@')}); expected postgresql://user@host:5432/db`);
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new Error(`database URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema };
}

async function newClient(url: string, schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (schema !== 'public') {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
    await client.query(`SET search_path TO "${schema.replace(/"/g, '""')}"`);
  }
  return client;
}

function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      let alive = false;
      if (pid === process.pid) {
        alive = true; // this process already has it open
      } else if (Number.isInteger(pid) && pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (e) {
          alive = (e as NodeJS.ErrnoException).code === 'EPERM';
        }
      }
      if (alive) {
        throw new Error(
          `the embedded database ${dataDir} is in use by process ${pid}; stop it, or connect workers to that process's database URL, or set DATABASE_URL`,
        );
      }
      rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`could not lock ${dataDir}; remove ${lockPath} if no Convergent process is running`);
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const log = options.log ?? (() => {});
  const url = options.url ?? (options.dataDir === undefined ? process.env.DATABASE_URL : undefined);
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const idleInTransactionTimeoutMs = options.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS;
  let connectionString: string;
  let schema = 'public';
  let stopEmbedded: (() => Promise<void>) | undefined;
  let kind: Database['kind'];

  if (url) {
    ({ url: connectionString, schema } = parseDatabaseUrl(url));
    kind = 'postgres';
  } else {
    const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    const unlock = lockDataDir(dataDir);
    let db: PGlite | undefined;
    let server: PgliteServer | undefined;
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      chmodSync(dataDir, 0o700); // also a directory made before it was locked down
      db = await PGlite.create(dataDir);
      server = await servePglite(db, { password: randomBytes(24).toString('base64url'), idleInTransactionTimeoutMs, waitTimeoutMs: statementTimeoutMs });
    } catch (err) {
      await db?.close().catch(() => {});
      unlock();
      throw new Error(`could not open the embedded database in ${dataDir}: ${(err as Error).message}`);
    }
    const [pgl, srv] = [db, server];
    connectionString = srv.connectionString;
    kind = 'pglite';
    // Lets `convergent worker` on this machine find the running embedded database.
    const urlFile = `${dataDir}.url`;
    rmSync(urlFile, { force: true }); // a file left by a crash may have other permissions
    writeFileSync(urlFile, `${connectionString}\n`, { mode: 0o600 });
    stopEmbedded = async () => {
      rmSync(urlFile, { force: true });
      await srv.stop();
      await pgl.close();
      unlock();
    };
  }

  const cleanupOnFailure = async (): Promise<void> => {
    await stopEmbedded?.().catch(() => {});
  };

  let migrations: MigrateResult = { applied: [], edited: [] };
  if (options.migrate !== false) {
    let client: pg.Client | undefined;
    try {
      client = await newClient(connectionString, schema);
      migrations = await migrate(client, { log });
    } catch (err) {
      await client?.end().catch(() => {});
      await cleanupOnFailure();
      const message = (err as Error).message;
      throw new Error(kind === 'postgres' ? `database ${redact(connectionString)}: ${message}` : message);
    }
    await client.end();
  }

  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 8,
    // Sent with each connection's startup; PGlite gets its bounds from the socket server instead.
    ...(kind === 'postgres' ? { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: idleInTransactionTimeoutMs } : {}),
  });
  // An idle client's error (server restart, database dropped, admin kill) only discards that client; without a
  // listener node-postgres re-emits it as an uncaught exception and the process dies.
  pool.on('error', (err) => log(`database connection lost (${err.message}); the pool reconnects on next use`));
  const adapter = new PrismaPg(pool, schema === 'public' ? undefined : { schema });
  const prisma = new PrismaClient({ adapter });
  let closed = false;
  return {
    prisma,
    connectionString: schema === 'public' ? connectionString : withSchema(connectionString, schema),
    kind,
    schema,
    migrations,
    pool,
    read: createSqlRead(pool, { prepared: kind === 'postgres' }),
    connect: () => newClient(connectionString, schema),
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {}); // ours, not Prisma's: also used by `read`
      await stopEmbedded?.();
    },
  };
}

/**
 * The URL of the embedded database a Convergent process on this machine is serving from `dataDir`
 * (default `.convergent/db`), or null when none is running.
 */
export function embeddedDatabaseUrl(dataDir: string = DEFAULT_DATA_DIR): string | null {
  const file = `${path.resolve(dataDir)}.url`;
  if (!existsSync(file)) return null;
  const url = readFileSync(file, 'utf8').trim();
  return url || null;
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
