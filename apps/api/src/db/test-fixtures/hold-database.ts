/**
 * Test helper process: opens the embedded database in argv[2], then inserts one Team per 20 ms,
 * printing "ok <n>" after each commit; closes cleanly on SIGINT. Tests kill it (SIGINT or SIGKILL) and
 * reopen the directory.
 */
import { openDatabase } from '../database.ts';
import { onShutdownSignal } from '../shutdown.ts';

const db = await openDatabase({ dataDir: process.argv[2]! });
let stopping = false;
onShutdownSignal(async () => {
  stopping = true;
  await db.close();
});
process.stdout.write('ready\n');
for (let n = 1; !stopping; n++) {
  await db.prisma.team.create({ data: { name: `team-${process.pid}-${n}` } });
  process.stdout.write(`ok ${n}\n`);
  await new Promise((r) => setTimeout(r, 20));
}
