// Server-wide secret keys kept in the database (table ServerKey): the same in every API process on one
// database, and unchanged across restarts. Created on first use with 32 random bytes.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** The key that signs file URLs. */
export const FILE_LINK_KEY = 'file-links';

export async function serverKey(prisma: PrismaClient, name: string): Promise<Buffer> {
  const found = await prisma.serverKey.findUnique({ where: { name }, select: { key: true } });
  if (found) return Buffer.from(found.key);
  try {
    const created = await prisma.serverKey.create({ data: { name, key: new Uint8Array(randomBytes(32)) }, select: { key: true } });
    return Buffer.from(created.key);
  } catch (err) {
    // Another process created it first (primary key): use theirs.
    const again = await prisma.serverKey.findUnique({ where: { name }, select: { key: true } });
    if (again) return Buffer.from(again.key);
    throw err;
  }
}
