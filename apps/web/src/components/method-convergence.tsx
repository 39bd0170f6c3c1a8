'use client';
/**
 * The overview's convergence figure with a method switcher: per layer, the chosen method's figure over live units
 * (or all units, toggled) with its 95% network-bootstrap interval as error bars, its matched chance (untrained twins
 * of the same two architectures) and the shuffled-probe null as labelled marks, live-unit counts, the permutation
 * test's p-value and verdict, and in words where a trained figure is at or below chance or has no interval.
 * The method and the toggle live in the URL (each change a history entry).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { ExperimentMethodConvergenceDocument, type ExperimentMethodConvergenceQuery } from '@convergent/schema/generated/operations.ts';
import { GroupedBarChart, LineSeriesChart, seriesColor } from './charts.tsx';
import { CsvButton } from './export.tsx';
import { ScrollBox } from './scroll-box.tsx';
import { Empty, ErrorBox, Loading, Notes } from './status.tsx';
import { fmt } from '../lib/format.ts';
import { useSearchState } from '../lib/hooks.ts';
import { OPTIONS, methodOption, toFigure, warnings, type FigureRow, type MethodOption } from '../lib/overview-methods.ts';

type Row = ExperimentMethodConvergenceQuery['experiment']['convergence'][number];

/** Matched chance: dark grey, 6.4:1 against white. Shuffled null: purple, 5.3:1. */
const CHANCE_COLOR = '#57606a';
const SHUFFLED_COLOR = '#8250df';

const VERDICT_WORDS: Record<string, string> = { ABOVE_CHANCE: 'above chance', AT_OR_BELOW_CHANCE: 'at or below chance', INCONCLUSIVE: 'inconclusive' };
const fmtP = (p: number | null | undefined) => (p === null || p === undefined ? '—' : p < 1e-3 ? p.toExponential(1) : p.toFixed(3));

/** The figure row of a layer; results without stored statistics fall back to the plain mean over pairs (no interval). */
function figureOf(r: Row, option: MethodOption): FigureRow {
  const f = toFigure(r.layer, r, option);
  if (f.mean !== null || option.variant !== 'DEFAULT' || option.flipped) return f;
  const mean = r.all.mean ?? null;
  return { ...f, mean, chance: f.chance ?? r.chance?.value ?? null, ciReason: mean === null ? null : (r.ciReason ?? 'no interval stored') };
}

/**
 * `version` changes whenever the experiment may have new results (its status or update time): the figures are then
 * fetched again, so an experiment that finishes while the page is open shows them without a reload.
 */
export function MethodConvergence({ experimentId, layerOrder, version }: { experimentId: string; layerOrder: readonly string[]; version: string }) {
  const [params, setParams] = useSearchState();
  const option = methodOption(params.get('method'));
  const includeDead = params.get('dead') === '1';
  const [res, reexecute] = useQuery({
    query: ExperimentMethodConvergenceDocument,
    variables: { id: experimentId, method: option.method, includeDead, variant: option.variant },
  });
  const seenVersion = useRef(version);
  useEffect(() => {
    if (seenVersion.current === version) return;
    seenVersion.current = version;
    reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const tableRef = useRef<HTMLTableElement | null>(null);
  const rows = useMemo(() => {
    const conv = res.data?.experiment.convergence ?? [];
    const order = (l: string) => (layerOrder.includes(l) ? layerOrder.indexOf(l) : layerOrder.length);
    return [...conv].sort((a, b) => order(a.layer) - order(b.layer));
  }, [res.data, layerOrder]);
  const figures = useMemo(() => rows.map((r) => figureOf(r, option)), [rows, option]);
  const split = useMemo(
    () =>
      rows.map((r) => {
        const same = r.scopes.find((s) => s.scope === 'SAME_ARCHITECTURE');
        const cross = r.scopes.find((s) => s.scope === 'CROSS_ARCHITECTURE');
        const fs = same ? toFigure(r.layer, same, option) : null;
        const fc = cross ? toFigure(r.layer, cross, option) : null;
        // Results stored before the statistics: the plain means over pairs (the method's headline), no intervals.
        const legacy = r.scopes.length === 0 && option.variant === 'DEFAULT' && !option.flipped;
        return {
          layer: r.layer,
          same: fs?.mean ?? (legacy ? (r.sameArchitecture.mean ?? null) : null),
          sameCi: fs?.ciOffsets ?? null,
          cross: fc?.mean ?? (legacy ? (r.crossArchitecture.mean ?? null) : null),
          crossCi: fc?.ciOffsets ?? null,
        };
      }),
    [rows, option],
  );
  const notes = useMemo(() => warnings(rows, option), [rows, option]);
  const hasSplit = split.some((s) => s.same !== null || s.cross !== null);
  const drawn = figures.some((f) => f.mean !== null);
  const better = option.direction === 'lower' ? 'lower is better' : 'higher is better';
  const countsDead = rows.some((r) => r.includesDead);

  return (
    <section aria-labelledby="convergence-title">
      <h2 id="convergence-title">Convergence per layer</h2>
      <div className="controls" role="group" aria-label="convergence figure">
        <label>
          method
          <select aria-label="method" data-testid="method-switcher" value={option.id} onChange={(e) => setParams({ method: e.target.value === 'max' ? null : e.target.value })}>
            {OPTIONS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" data-testid="include-dead" checked={includeDead} onChange={(e) => setParams({ dead: e.target.checked ? '1' : null })} /> count dead units
        </label>
      </div>
      <p className="muted" data-testid="method-caption">
        <b>{option.label}</b> ({better}){option.note ? `: ${option.note}` : ''}. Over {countsDead ? 'all units, dead ones counted' : 'live units'}; error bars: 95%
        interval from resampling networks; dashed grey: matched chance (untrained twins of the same two architectures); dotted purple: the same trained pairs
        with one network&apos;s probe images shuffled.
      </p>
      {res.error && !res.data ? <ErrorBox error={res.error} title="Could not load the convergence figures" /> : null}
      {!res.data && !res.error ? <Loading what="convergence figures" /> : null}
      {res.data && !drawn ? <Empty>No {option.label} figures for this experiment yet{rows[0]?.ciReason ? ` (${rows[0].ciReason})` : ''}.</Empty> : null}
      {res.data && drawn ? (
        <>
          {countsDead && !includeDead ? <p className="muted">These results were stored without live-unit figures: dead units are counted.</p> : null}
          <div className="row">
            <div className="grow panel">
              <h3>All pairs</h3>
              <LineSeriesChart
                testId="headline-chart"
                height={300}
                exportName={`convergence-${option.id}-${experimentId}`}
                data={figures as unknown as Record<string, unknown>[]}
                xKey="layer"
                xLabel="layer"
                yLabel={option.axis}
                yDomain={option.domain ? [option.domain[0], option.domain[1]] : undefined}
                series={[
                  { key: 'mean', label: `trained (95% CI; ${better})`, errorKey: 'ciOffsets', color: seriesColor(0) },
                  { key: 'chance', label: 'matched chance', dash: '6 4', color: CHANCE_COLOR },
                  { key: 'shuffled', label: 'shuffled-probe null', dash: '2 3', color: SHUFFLED_COLOR },
                ]}
              />
            </div>
            <div className="grow panel">
              <h3>Same vs cross architecture</h3>
              {hasSplit ? (
                <GroupedBarChart
                  testId="split-chart"
                  height={300}
                  exportName={`convergence-split-${option.id}-${experimentId}`}
                  data={split as unknown as Record<string, unknown>[]}
                  xKey="layer"
                  xLabel="layer"
                  yLabel={option.axis}
                  yDomain={option.domain ? [option.domain[0], option.domain[1]] : undefined}
                  series={[
                    { key: 'same', label: 'same architecture', errorKey: 'sameCi', color: seriesColor(2) },
                    { key: 'cross', label: 'cross architecture', errorKey: 'crossCi', color: seriesColor(4) },
                  ]}
                />
              ) : (
                <Empty>No same- or cross-architecture statistics stored.</Empty>
              )}
            </div>
          </div>
          <Notes notes={notes} testId="convergence-warnings" />
          <div className="controls">
            <CsvButton name={`convergence-${option.id}-${experimentId}`} tableRef={tableRef} />
          </div>
          <ScrollBox label="convergence per layer">
            <table style={{ marginTop: 4 }} data-testid="convergence-table" ref={tableRef}>
              <caption className="muted">
                {option.label}, {better}, {countsDead ? 'all units, dead ones counted' : includeDead ? 'live units (no all-units variant stored for this figure)' : 'live units'}
              </caption>
              <thead>
                <tr>
                  <th>layer</th>
                  <th className="num">pairs</th>
                  <th className="num">units (live / total)</th>
                  <th className="num">mean</th>
                  <th className="num">95% interval</th>
                  <th className="num">matched chance</th>
                  <th className="num">shuffled null</th>
                  <th className="num">p (vs chance)</th>
                  <th className="num">permutations</th>
                  <th>verdict</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const f = figures[i]!;
                  return (
                    <tr key={r.layer} data-testid="convergence-row">
                      <td>{r.layer}</td>
                      <td className="num">{r.all.pairCount}</td>
                      <td className="num" data-testid="live-count">
                        {r.nLive} / {r.nTotal}
                      </td>
                      <td className="num">{fmt(f.mean)}</td>
                      <td className="num" data-testid="ci">
                        {f.low !== null && f.high !== null ? `[${fmt(f.low)}, ${fmt(f.high)}]` : <span title={f.ciReason ?? r.ciReason ?? ''}>none</span>}
                      </td>
                      <td className="num" data-testid="chance">
                        {fmt(f.chance)}
                      </td>
                      <td className="num">{fmt(f.shuffled)}</td>
                      <td className="num">{fmtP(r.pValue)}</td>
                      <td className="num">{r.nPermutations ?? '—'}</td>
                      <td data-testid="verdict" title={r.verdictReason}>
                        {VERDICT_WORDS[r.verdict] ?? r.verdict}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        </>
      ) : null}
    </section>
  );
}
