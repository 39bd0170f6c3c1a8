/**
 * report.md and a self-contained report.html (inline CSS and SVG; no scripts, no external assets) from computed
 * `Findings`. Rendering only: every number and verdict comes from compute-findings.ts.
 */
import type { Finding, FindingRow, Findings } from './compute-findings.ts';

const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(3) : v.toExponential(2));
const pv = (p: number | null): string => (p === null ? '—' : p < 1e-3 ? p.toExponential(1) : p.toFixed(3));
const interval = (f: { interval: { low: number; high: number } | null; intervalReason: string | null }): string =>
  f.interval ? `[${num(f.interval.low)}, ${num(f.interval.high)}]` : `none (${f.intervalReason ?? 'no data'})`;
const counts = (r: Record<string, number>) => Object.entries(r).map(([a, n]) => `${n} ${a}`).join(', ') || 'none';
const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(f: Findings): string {
  const out: string[] = [];
  out.push(`# Findings: ${f.source.name}`, '');
  out.push(`Source: ${f.source.kind}${f.source.createdAt ? `, created ${f.source.createdAt}` : ''}. Trained networks: ${counts(f.networks.trained)}; untrained twins: ${counts(f.networks.untrained)}. Layers: ${f.layers.join(', ')}.`, '');
  out.push('Every verdict below is computed from the numbers next to it (rules in each section). Intervals are 95% bootstrap intervals that resample networks.', '');
  out.push('| Finding | Statistic | 95% interval | Chance | p | Verdict |', '|---|---|---|---|---|---|');
  for (const x of f.findings) out.push(`| ${x.id} | ${num(x.statistic.value)} | ${mdCell(interval(x))} | ${num(x.chance?.value)} | ${pv(x.pValue)} | **${x.verdict}** |`);
  out.push('');
  for (const x of f.findings) {
    out.push(`## ${x.id}: ${x.title}`, '');
    out.push(`Claim: ${x.claim}`, '');
    out.push(`- Statistic: ${x.statistic.name}${x.statistic.layer ? ` (${x.statistic.layer})` : ''} = ${num(x.statistic.value)}`);
    out.push(`- 95% interval: ${interval(x)}`);
    out.push(`- Held against: ${x.chance ? `${x.chance.name} = ${num(x.chance.value)}` : 'nothing (no chance applies)'}`);
    out.push(`- p-value: ${x.pValue === null ? 'no test applies' : `${pv(x.pValue)} (${x.test})`}`);
    out.push(`- Verdict: **${x.verdict}** — ${x.reason}`);
    out.push(`- Rule: ${x.rule}`, '');
    if (x.rows.length > 0) {
      out.push('| Layer | Figure | Value | 95% interval | Chance | p | n | Verdict | Reason |', '|---|---|---|---|---|---|---|---|---|');
      for (const r of x.rows) out.push(`| ${r.layer} | ${r.figure ?? ''} | ${num(r.value)} | ${mdCell(interval(r))} | ${num(r.chance)} | ${pv(r.pValue)} | ${r.n} | ${r.verdict} | ${mdCell(r.reason)} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rows as points with interval bars and a chance tick, one line per row; an SVG string (no scripts). */
export function rowsFigure(rows: FindingRow[], title: string): string {
  const drawn = rows.filter((r) => r.value !== null && Number.isFinite(r.value));
  if (drawn.length === 0) return '';
  const vals = drawn.flatMap((r) => [r.value!, r.interval?.low, r.interval?.high, r.chance].filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v)));
  let lo = Math.min(0, ...vals);
  let hi = Math.max(...vals);
  if (!(hi > lo)) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  [lo, hi] = [lo - pad, hi + pad];
  const [left, width, rowH] = [150, 300, 22];
  const h = drawn.length * rowH + 34;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * width;
  const parts: string[] = [];
  parts.push(`<svg viewBox="0 0 ${left + width + 20} ${h}" width="100%" role="img" aria-label="${esc(title)}">`);
  parts.push(`<title>${esc(title)}</title>`);
  const zero = x(0);
  if (zero >= left && zero <= left + width) parts.push(`<line x1="${zero.toFixed(1)}" y1="4" x2="${zero.toFixed(1)}" y2="${h - 24}" stroke="#bbb" stroke-dasharray="3 3"/>`);
  drawn.forEach((r, i) => {
    const y = 14 + i * rowH;
    const label = `${r.layer}${r.figure ? ` ${r.figure}` : ''}`;
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${esc(label.length > 24 ? `${label.slice(0, 23)}…` : label)}</text>`);
    if (r.interval) parts.push(`<line x1="${x(r.interval.low).toFixed(1)}" y1="${y}" x2="${x(r.interval.high).toFixed(1)}" y2="${y}" stroke="#333" stroke-width="2"/>`);
    if (r.chance !== null && Number.isFinite(r.chance)) parts.push(`<line x1="${x(r.chance).toFixed(1)}" y1="${y - 7}" x2="${x(r.chance).toFixed(1)}" y2="${y + 7}" stroke="#c0392b" stroke-width="2"><title>chance ${num(r.chance)}</title></line>`);
    const fill = r.verdict === 'supported' ? '#1e7b34' : r.verdict === 'not supported' ? '#b03a2e' : '#777';
    parts.push(`<circle cx="${x(r.value!).toFixed(1)}" cy="${y}" r="4" fill="${fill}"><title>${esc(`${label}: ${num(r.value)} ${r.verdict}`)}</title></circle>`);
  });
  parts.push(`<text x="${left}" y="${h - 6}" font-size="10">${num(lo)}</text><text x="${left + width}" y="${h - 6}" font-size="10" text-anchor="end">${num(hi)}</text>`);
  parts.push(`<text x="${left + width / 2}" y="${h - 6}" font-size="10" text-anchor="middle">dot: value (green supported, red not, grey inconclusive) · bar: 95% interval · red tick: chance</text>`);
  parts.push('</svg>');
  return parts.join('');
}

function findingHtml(x: Finding): string {
  const rows = x.rows
    .map((r) => `<tr><td>${esc(r.layer)}</td><td>${esc(r.figure ?? '')}</td><td>${num(r.value)}</td><td>${esc(interval(r))}</td><td>${num(r.chance)}</td><td>${pv(r.pValue)}</td><td>${r.n}</td><td>${esc(r.verdict)}</td><td>${esc(r.reason)}</td></tr>`)
    .join('\n');
  return `<section id="${esc(x.id)}">
<h2>${esc(x.id)}: ${esc(x.title)}</h2>
<p>${esc(x.claim)}</p>
<dl>
<dt>Statistic</dt><dd>${esc(x.statistic.name)}${x.statistic.layer ? ` (${esc(x.statistic.layer)})` : ''} = ${num(x.statistic.value)}</dd>
<dt>95% interval</dt><dd>${esc(interval(x))}</dd>
<dt>Held against</dt><dd>${x.chance ? `${esc(x.chance.name)} = ${num(x.chance.value)}` : 'nothing (no chance applies)'}</dd>
<dt>p-value</dt><dd>${x.pValue === null ? 'no test applies' : `${pv(x.pValue)} (${esc(x.test ?? '')})`}</dd>
<dt>Verdict</dt><dd><strong class="v-${x.verdict.replace(' ', '-')}">${esc(x.verdict)}</strong>: ${esc(x.reason)}</dd>
<dt>Rule</dt><dd>${esc(x.rule)}</dd>
</dl>
${x.rows.length > 0 ? `<figure>${rowsFigure(x.rows, `${x.id} per layer`)}</figure>\n<div class="scroll"><table><thead><tr><th>Layer</th><th>Figure</th><th>Value</th><th>95% interval</th><th>Chance</th><th>p</th><th>n</th><th>Verdict</th><th>Reason</th></tr></thead><tbody>\n${rows}\n</tbody></table></div>` : ''}
</section>`;
}

export function renderHtml(f: Findings): string {
  const summary = f.findings
    .map((x) => `<tr><td><a href="#${esc(x.id)}">${esc(x.id)}</a></td><td>${num(x.statistic.value)}</td><td>${esc(interval(x))}</td><td>${num(x.chance?.value)}</td><td>${pv(x.pValue)}</td><td><strong class="v-${x.verdict.replace(' ', '-')}">${esc(x.verdict)}</strong></td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Findings: ${esc(f.source.name)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}dt{font-weight:600}dd{margin:0 0 .4rem 1rem}
.v-supported{color:#1e7b34}.v-not-supported{color:#b03a2e}.v-inconclusive{color:#555}
figure{margin:.5rem 0;max-width:480px}
</style>
</head>
<body>
<main>
<h1>Findings: ${esc(f.source.name)}</h1>
<p>Source: ${esc(f.source.kind)}${f.source.createdAt ? `, created ${esc(f.source.createdAt)}` : ''}. Trained networks: ${esc(counts(f.networks.trained))}; untrained twins: ${esc(counts(f.networks.untrained))}. Layers: ${esc(f.layers.join(', '))}.</p>
<p>Every verdict is computed from the numbers next to it (the rule is in each section). Intervals are 95% bootstrap intervals that resample networks.</p>
<div class="scroll"><table><thead><tr><th>Finding</th><th>Statistic</th><th>95% interval</th><th>Chance</th><th>p</th><th>Verdict</th></tr></thead><tbody>
${summary}
</tbody></table></div>
${f.findings.map(findingHtml).join('\n')}
</main>
</body>
</html>
`;
}
