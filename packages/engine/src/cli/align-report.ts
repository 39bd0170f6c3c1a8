/**
 * The human-readable summary `convergent align` prints on stdout: one block per method, plus a per-unit table of
 * matches when A is small enough to read (the JSON output has everything).
 */
import type { AlignReport } from '../align/align-files.ts';

const PER_UNIT_LIMIT = 32;

const f3 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(3));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Columns before `leftColumns` are left-aligned (labels), the rest right-aligned (numbers). */
function table(rows: string[][], indent = '  ', leftColumns = 1): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map(
    (row) => indent + row.map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd(),
  );
}

/** `options`: `includeDead` (means over every unit) and `json` (where the JSON went), as `convergent align` parsed them. */
export function formatSummary(report: AlignReport, options: { includeDead?: boolean; json?: string }): string {
  const out: string[] = [];
  const { a, b } = report.inputs;
  out.push(`A: ${a.path}  shape (${a.shape.join(', ')})  ${a.layout}  ${report.unitsA} units`);
  out.push(`B: ${b.path}  shape (${b.shape.join(', ')})  ${b.layout}  ${report.unitsB} units`);
  out.push(`samples: ${report.samples}   backend: ${report.backend}   products: ${report.products}`);
  const dead = (d: number[]) => (d.length === 0 ? 'none' : `${d.length} (${d.slice(0, 10).join(', ')}${d.length > 10 ? ', ...' : ''})`);
  out.push(`dead units: A ${dead(report.deadA)}; B ${dead(report.deadB)}`);
  const all = options.includeDead === true;
  const live = report.live;
  out.push(
    all
      ? `means over ALL units, dead ones counting r = 0 (--include-dead): A ${report.unitsA}, B ${report.unitsB}`
      : `means over live units: A ${live.a} / ${report.unitsA}, B ${live.b} / ${report.unitsB} (--include-dead counts every unit)`,
  );
  out.push('');

  const rows: string[][] = [['method', 'result']];
  if (report.semi) {
    const s = all ? report.semi : live.semi!;
    rows.push(['semi', `mean max corr A->B ${f3(s.meanCorr)}, B->A ${f3(s.reverseMeanCorr)}; one-to-one ${pct(s.oneToOneFraction)}`]);
  }
  if (report.max) rows.push(['max', `mean corr of max-weight matching ${f3(all ? report.max.meanCorr : live.max!.meanCorr)}`]);
  if (report.mi) {
    const m = report.mi;
    const [maxMI, semiMI] = all ? [m.meanMI, m.semi.meanMI] : [live.mi!.meanMI, live.mi!.semiMeanMI];
    rows.push(['mi', `mean MI of max-weight matching ${f3(maxMI)} bits, semi ${f3(semiMI)} bits; ${m.rows} sampled rows, ${m.bins} bins`]);
  }
  if (report.cka) rows.push(['cka', `linear ${f3(report.cka.linear)}, debiased ${f3(report.cka.debiased)}`]);
  if (report.spectral) {
    const s = report.spectral;
    const shared = s.counts.filter((c) => c.a > 0 && c.b > 0).length;
    const mixing = s.mixing === null || s.mixing === undefined ? '' : `; mixing ${f3(s.mixing)} (1 − AMI of cluster and net, live units: 1 = mixed in proportion, 0 = separate)`;
    rows.push(['spectral', `${s.clusters} clusters on ${s.affinity === 'abs' ? '|r|' : 'max(r, 0)'}: ${shared} hold both nets (${pct(s.sharedFraction)})${mixing}`]);
  }
  if (report.svcca) rows.push(['svcca', `mean canonical correlation ${f3(report.svcca.mean)} (${report.svcca.keptA} / ${report.svcca.keptB} directions keep 99% of the variance)`]);
  if (report.pwcca) rows.push(['pwcca', `projection-weighted ${f3(report.pwcca.weighted)} (plain mean ${f3(report.pwcca.mean)}, weights from A)`]);
  if (report.procrustes) rows.push(['procrustes', `distance ${f3(report.procrustes.distance)} of 2 (angular ${f3(report.procrustes.angular)} rad)`]);
  if (report.knn) rows.push(['knn', `mutual ${report.knn.k}-NN ${f3(report.knn.score)} over ${report.knn.images} images (${report.knn.metric}; unrelated ≈ ${f3(report.knn.uniform)})`]);
  if (report.sparse) rows.push(['sparse', 'see path below']);
  out.push(...table(rows, '', 2));

  if (report.sparse) {
    out.push('', 'sparse prediction of B from A (FVU = fraction of variance unexplained):');
    out.push(
      ...table([
        ['penalty', 'mean FVU', 'mean non-zero weights'],
        ...report.sparse.path.map((pt) => [String(pt.penalty), pt.meanLoss.toFixed(4), pt.meanNonzero.toFixed(2) + (pt.unconverged ? ` (${pt.unconverged} unconverged)` : '')]),
      ]),
    );
  }

  if (report.spectral) {
    out.push('', 'spectral clusters (units of A / units of B):');
    const counts = report.spectral.counts.map((c, k) => `${k}:${c.a}/${c.b}`);
    for (let i = 0; i < counts.length; i += 10) out.push(`  ${counts.slice(i, i + 10).join('  ')}`);
  }

  const perUnit = report.semi || report.max || report.mi;
  if (perUnit && report.unitsA <= PER_UNIT_LIMIT) {
    out.push('', 'per unit of A: best unit of B');
    const header = ['A'];
    if (report.semi) header.push('semi', 'r');
    if (report.max) header.push('max', 'r');
    if (report.mi) header.push('mi', 'bits');
    const body: string[][] = [header];
    const deadA = new Set(report.deadA);
    for (let i = 0; i < report.unitsA; i++) {
      if (!all && deadA.has(i)) continue; // a dead unit has nothing to match: never listed (or ranked) unless --include-dead
      const row = [String(i)];
      if (report.semi) row.push(report.semi.match[i]! < 0 ? '-' : String(report.semi.match[i]), f3(report.semi.corr[i]));
      if (report.max) row.push(report.max.match[i]! < 0 ? '-' : String(report.max.match[i]), f3(report.max.corr[i]));
      if (report.mi) row.push(report.mi.match[i]! < 0 ? '-' : String(report.mi.match[i]), f3(report.mi.mi[i]));
      body.push(row);
    }
    out.push(...table(body));
  } else if (perUnit) {
    out.push('', `per-unit matches: ${report.unitsA} units of A; write them with --json FILE`);
  }
  if (options.json !== undefined) out.push('', `JSON written to ${options.json}`);
  return `${out.join('\n')}\n`;
}
