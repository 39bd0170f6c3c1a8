/**
 * How soon an experiment's alignments become visible: creates an experiment from a spec (default the `npm start`
 * demo) in a fresh embedded PGlite database, runs it with the API's embedded worker (its default settings), and
 * prints the seconds from queued to the first stored alignment and to all alignments stored (experiment COMPLETED),
 * with the process's CPU time (worker threads included) and the load average.
 *
 *   npx tsx benchmark/pipeline.bench.ts [spec.json]        (run it under `flock /tmp/cv-bench.lock` on shared machines)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScriptArgs } from '@convergent/engine/cli';
import { openDatabase } from '../src/db/database.ts';
import { createJobServices } from '../src/jobs/services.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const specFile = parseScriptArgs('pipeline.bench', {}, 'npx tsx benchmark/pipeline.bench.ts [spec.json]').positionals[0] ?? path.join(here, '../../../packages/engine/examples/demo.json');
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Record<string, unknown>;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'cv-pipeline-bench-'));
const database = await openDatabase({ dataDir: path.join(scratch, 'db'), log: () => {} });
const services = createJobServices(database, { workDir: path.join(scratch, 'work'), log: () => {} });
const prisma = database.prisma;
const team = await prisma.team.create({ data: { name: 'bench' } });
const exp = await prisma.experiment.create({
  data: { teamId: team.id, name: String(spec.name ?? 'bench'), dataset: String(spec.dataset), probe: {}, spec: spec as never, specHash: 'bench', source: 'SPEC' },
});
const load0 = os.loadavg();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await services.queueExperiment(exp.id);
const worker = await services.startEmbeddedWorker();
let first: number | null = null;
let status = 'QUEUED';
let alignments = 0;
while (status !== 'COMPLETED' && status !== 'FAILED' && status !== 'CANCELLED') {
  await new Promise((r) => setTimeout(r, 250));
  alignments = await prisma.alignment.count({ where: { experimentId: exp.id, status: 'COMPLETED' } });
  if (alignments > 0 && first === null) first = (performance.now() - t0) / 1000;
  status = (await prisma.experiment.findUniqueOrThrow({ where: { id: exp.id }, select: { status: true } })).status;
}
const all = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const error = (await prisma.experiment.findUniqueOrThrow({ where: { id: exp.id } })).error;
// Where the time went: per step, when its first job started and its last one finished (seconds after queueing),
// and the summed seconds its jobs ran.
const queuedAt = (await prisma.job.findFirstOrThrow({ where: { experimentId: exp.id }, orderBy: { createdAt: 'asc' } })).createdAt.getTime();
const steps: Record<string, { jobs: number; firstStart: number; lastFinish: number; jobSeconds: number }> = {};
for (const j of await prisma.job.findMany({ where: { experimentId: exp.id } })) {
  const s = (steps[j.kind] ??= { jobs: 0, firstStart: Infinity, lastFinish: 0, jobSeconds: 0 });
  const start = (j.startedAt?.getTime() ?? queuedAt) - queuedAt;
  const end = (j.finishedAt?.getTime() ?? queuedAt) - queuedAt;
  s.jobs++;
  s.firstStart = Math.min(s.firstStart, start / 1000);
  s.lastFinish = Math.max(s.lastFinish, end / 1000);
  s.jobSeconds += (end - start) / 1000;
}
for (const s of Object.values(steps)) for (const k of ['firstStart', 'lastFinish', 'jobSeconds'] as const) s[k] = Number(s[k].toFixed(1));
await worker.stop();
await services.close();
await database.close();
rmSync(scratch, { recursive: true, force: true });
console.log(
  JSON.stringify({
    spec: path.basename(specFile),
    status,
    error,
    alignments,
    firstAlignmentSeconds: first === null ? null : Number(first.toFixed(1)),
    allAlignmentsSeconds: Number(all.toFixed(1)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    steps,
    cores: os.availableParallelism(),
    loadAverageBefore: load0.map((x) => Number(x.toFixed(2))),
    loadAverageAfter: os.loadavg().map((x) => Number(x.toFixed(2))),
  }),
);
