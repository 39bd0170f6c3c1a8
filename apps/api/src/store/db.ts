/** The handles store functions write through: a client, or the transaction a caller already opened. */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export type Tx = Prisma.TransactionClient;

/** A client or a transaction: functions taking a `Db` write in whichever they are given. */
export type Db = PrismaClient | Tx;

/** Options of the store's own transactions (large results insert many rows). */
export function txOptions(timeoutMs: number): { timeout: number; maxWait: number } {
  return { timeout: timeoutMs, maxWait: 60_000 };
}

/** Postgres float8 has no NaN-safe JSON; non-finite figures are stored as null. */
export function finite(x: number | undefined | null): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** A value as JSON for a Json column, non-finite numbers (which JSON cannot hold) as null. */
export function jsonValue(v: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x))) as Prisma.InputJsonValue;
}
