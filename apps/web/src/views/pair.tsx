'use client';
/** Page 3: network A vs network B at a layer. */
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { PairCellDocument, PairViewDocument, type PairViewQuery } from '@convergent/schema/generated/operations.ts';
import { HistogramChart, LineSeriesChart, seriesColor } from '../components/charts.tsx';
import { Heatmap } from '../components/heatmap.tsx';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/status.tsx';
import { NotFound, isNotFound } from '../components/not-found.tsx';
import { PairStitching } from '../components/pair-stitching.tsx';
import { TopImages } from '../components/top-images.tsx';
import { fmt, pct } from '../lib/format.ts';
import { deadUnits, identityOrder, orderedView, withoutUnits, type HeatmapView } from '../lib/heatmap-order.ts';
import { useNpy, useSearchState } from '../lib/hooks.ts';
import { asMatrix } from '../lib/npy.ts';
import { bestCorrelationHistogram, orderFromMatch } from '../lib/pair-matrices.ts';
import { Stat } from '../components/stat.tsx';

type Alignment = NonNullable<PairViewQuery['max']>;
type MatchRow = Alignment['best']['edges'][number]['node'];

const VIEWS: { id: HeatmapView; label: string }[] = [
  { id: 'between', label: 'between A and B' },
  { id: 'withinA', label: 'within A' },
  { id: 'withinB', label: 'within B' },
];

export function PairPage() {
  const { id: experimentId } = useParams<{ id: string }>();
  const [params, setParams] = useSearchState();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const layer = params.get('layer') ?? '';
  if (!a || !b || !layer) {
    return (
      <ErrorBox
        error={`This pair URL is missing ${[!a && 'a', !b && 'b', !layer && 'layer'].filter(Boolean).join(', ')}: open a pair from the experiment page.`}
        title="Incomplete pair URL"
      />
    );
  }
  return <PairContent experimentId={experimentId} a={a} b={b} layer={layer} params={params} setParams={setParams} />;
}

function PairContent({
  experimentId,
  a,
  b,
  layer,
  params,
  setParams,
}: {
  experimentId: string;
  a: string;
  b: string;
  layer: string;
  params: URLSearchParams;
  setParams: (p: Record<string, string | null>) => void;
}) {
  const [result] = useQuery({ query: PairViewDocument, variables: { a, b, layer, examples: 6 } });
  if (result.error && !result.data && isNotFound(result.error)) {
    return <NotFound what="network" id={result.error.graphQLErrors.map((e) => /\b(\S+)$/.exec(e.message)?.[1] ?? '').filter(Boolean).join(', ') || `${a} or ${b}`} />;
  }
  if (result.error && !result.data) return <ErrorBox error={result.error} title="Could not load this pair" />;
  if (!result.data) return <Loading what="pair" />;
  const { networkA, networkB, max, semi, sparse, spectral } = result.data;
  const exp = networkA.experiment;
  if (!exp.layerNames.includes(layer)) {
    return (
      <NotFound what="layer" id={layer}>
        <p>
          {networkA.name} ({exp.name}) records the layers {exp.layerNames.map((l, i) => (
            <span key={l}>
              {i > 0 ? ', ' : ''}
              <Link prefetch={false} href={`/experiments/${exp.id}/pair?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&layer=${encodeURIComponent(l)}`}>{l}</Link>
            </span>
          ))}
          .
        </p>
      </NotFound>
    );
  }
  const why = unalignedReason({ a, b, layer, networkA, networkB, aligned: !!max });
  const nets = exp.architectures.flatMap((g) => g.networks.map((n) => ({ ...n, architecture: g.architecture })));
  const crossB = networkB.experiment.id !== exp.id;
  // B of another experiment (an on-demand alignment): it stays selectable, named with its experiment.
  const netsB = crossB ? [...nets, { id: networkB.id, name: `${networkB.name} of ${networkB.experiment.name}`, seed: networkB.seed, architecture: networkB.architecture }] : nets;
  return (
    <div>
      <div className="crumbs">
        <Link href="/">Experiments</Link> / <Link href={`/experiments/${exp.id}`}>{exp.name}</Link> /
      </div>
      <h1>
        {networkA.name} <span className="muted">vs</span> {networkB.name} <span className="muted">at</span> {layer}
      </h1>
      {exp.id !== experimentId ? <div className="field-error">Network A belongs to experiment {exp.name}, not the one in this URL.</div> : null}
      {result.error ? <ErrorBox error={result.error} /> : null}
      <div className="controls panel">
        <label>
          A
          <select value={a} onChange={(e) => setParams({ a: e.target.value, cellA: null, cellB: null })} aria-label="network A">
            {nets.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.architecture}, seed {n.seed})
              </option>
            ))}
          </select>
        </label>
        <label>
          B
          <select value={b} onChange={(e) => setParams({ b: e.target.value, cellA: null, cellB: null })} aria-label="network B">
            {netsB.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.architecture}, seed {n.seed})
              </option>
            ))}
          </select>
        </label>
        <label>
          layer
          <select value={layer} onChange={(e) => setParams({ layer: e.target.value, cellA: null, cellB: null })} aria-label="layer">
            {exp.layerNames.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <span className="muted">
          {networkA.architecture} seed {networkA.seed} · {networkB.architecture} seed {networkB.seed}
        </span>
      </div>
      {crossB && max ? (
        <p className="muted" data-testid="cross-experiment-pair">
          Aligned on demand across experiments: {networkB.name} is in experiment “{networkB.experiment.name}”; both were recorded again on the
          probe images the two experiments share, with the methods of “{exp.name}”.
        </p>
      ) : null}
      {exp.status === 'FAILED' ? (
        <ErrorBox error={exp.error ?? 'no reason recorded'} title={`Experiment “${exp.name}” failed`} />
      ) : null}
      {why ? (
        <div className="empty" data-testid="not-aligned">
          <strong>No alignment to show: </strong>
          {why}
        </div>
      ) : !max ? (
        <Empty>
          {exp.status === 'FAILED'
            ? `The experiment failed before ${networkA.name} and ${networkB.name} were aligned at ${layer}; see the error above.`
            : exp.status === 'CANCELLED'
              ? `The experiment was cancelled before ${networkA.name} and ${networkB.name} were aligned at ${layer}; retry it from the experiment page.`
              : `The max-matching alignment of ${networkA.name} and ${networkB.name} at ${layer} has not been computed yet (experiment ${exp.status.toLowerCase()}). It appears here when the alignment job finishes.`}
        </Empty>
      ) : (
        <>
          <div className="stats">
            <Stat label="mean matched corr (max)" value={fmt(max.summary.meanCorr)} />
            <Stat label="mean matched corr (semi)" value={fmt(semi?.summary.meanCorr)} />
            <Stat label="one-to-one fraction (semi)" value={pct(semi?.summary.oneToOneFraction)} />
            <Stat label="units A × B" value={`${max.summary.unitsA} × ${max.summary.unitsB}`} />
            <Stat label="probe images" value={(max.summary.samples ?? exp.probeImageCount).toLocaleString('en')} />
            <Stat label="dead units A / B" value={`${networkA.layer?.deadCount ?? '—'} / ${networkB.layer?.deadCount ?? '—'}`} />
            <div className="stat">
              <StatusBadge status={max.status} />
              <span>alignment</span>
            </div>
          </div>
          <Matrices
            alignment={max}
            view={(params.get('view') as HeatmapView | null) ?? 'between'}
            ordered={params.get('order') !== 'index'}
            showDead={params.get('dead') === 'show'}
            deadCounts={{ a: networkA.layer?.deadCount, b: networkB.layer?.deadCount }}
            setParams={setParams}
          />
          <JumpToUnits unitsA={max.summary.unitsA} unitsB={max.summary.unitsB} setParams={setParams} />
          {params.get('cellA') !== null && params.get('cellB') !== null ? (
            <SelectedCell a={a} b={b} layer={layer} unitA={Number(params.get('cellA'))} unitB={Number(params.get('cellB'))} />
          ) : null}
          <h2>Best and worst matched units</h2>
          <div className="row">
            <MatchList title="Best matched" rows={max.best.edges.map((e) => e.node)} testId="best-matches" />
            <MatchList title="Worst matched (dead units left out)" rows={max.worst.edges.map((e) => e.node)} testId="worst-matches" />
          </div>
        </>
      )}
      <div className="row">
        <div className="grow">
          <h2>Sparse prediction</h2>
          <SparseCurves alignment={sparse} />
        </div>
        <div className="grow">
          <h2>Spectral clusters</h2>
          <Clusters alignment={spectral} />
        </div>
      </div>
      <PairStitching experimentId={exp.id} a={networkA} b={networkB} layer={layer} />
    </div>
  );
}

function Matrices({
  alignment,
  view,
  ordered,
  showDead,
  deadCounts,
  setParams,
}: {
  alignment: Alignment;
  view: HeatmapView;
  ordered: boolean;
  showDead: boolean;
  deadCounts: { a: number | null | undefined; b: number | null | undefined };
  setParams: (p: Record<string, string | null>) => void;
}) {
  const between = useNpy(alignment.betweenUrl);
  const match = useNpy(alignment.matchUrl);
  const withinA = useNpy(view === 'withinA' ? alignment.withinAUrl : null);
  const withinB = useNpy(view === 'withinB' ? alignment.withinBUrl : null);
  const nA = alignment.summary.unitsA;
  const nB = alignment.summary.unitsB;

  const shaped = useMemo(() => {
    if (!between.data) return null;
    try {
      const m = asMatrix(between.data);
      if (m.rows !== nA || m.cols !== nB) throw new Error(`between matrix is ${m.rows} × ${m.cols}, the alignment says ${nA} × ${nB}`);
      const full = ordered && match.data ? orderFromMatch(match.data.data, m.data, nA, nB) : identityOrder(nA, nB);
      const dead = deadUnits(m.data, nA, nB);
      const order = showDead ? full : withoutUnits(full, new Set(dead.a), new Set(dead.b));
      const hist = bestCorrelationHistogram(m.data, nA, nB);
      return { between: m.data, order, dead, hist, error: null };
    } catch (e) {
      return { between: null, order: null, dead: null, hist: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [between.data, match.data, nA, nB, ordered, showDead]);

  const drawn = useMemo(() => {
    if (!shaped?.between || !shaped.order) return null;
    try {
      return {
        ...orderedView(view, shaped.order, {
          between: shaped.between,
          withinA: withinA.data ? asMatrix(withinA.data).data : undefined,
          withinB: withinB.data ? asMatrix(withinB.data).data : undefined,
        }, { nA, nB }),
        error: null,
      };
    } catch (e) {
      return { data: null, rows: 0, cols: 0, error: e instanceof Error ? e.message : String(e) };
    }
  }, [shaped, view, withinA.data, withinB.data, nA, nB]);

  const viewUrl = view === 'between' ? alignment.betweenUrl : view === 'withinA' ? alignment.withinAUrl : alignment.withinBUrl;
  // With reordering on, wait for the matching so the first picture already has matched pairs on the diagonal.
  const pending = between.loading || (ordered && match.loading) || (view === 'withinA' && withinA.loading) || (view === 'withinB' && withinB.loading);
  const loadError = between.error ?? match.error ?? (view === 'withinA' ? withinA.error : view === 'withinB' ? withinB.error : null);
  const order = shaped?.order;
  const label = (axis: 'A' | 'B', k: number) => {
    if (!order) return String(k);
    const unit = axis === 'A' ? order.rows[k] : order.cols[k];
    return `${axis}#${unit}`;
  };
  const rowAxis: 'A' | 'B' = view === 'withinB' ? 'B' : 'A';
  const colAxis: 'A' | 'B' = view === 'withinA' ? 'A' : 'B';

  return (
    <div className="row">
      <div className="panel" style={{ flex: '0 0 auto' }}>
        <div className="controls">
          <span className="toggle" role="group" aria-label="matrix">
            {VIEWS.map((v) => (
              <button key={v.id} aria-pressed={view === v.id} onClick={() => setParams({ view: v.id === 'between' ? null : v.id })}>
                {v.label}
              </button>
            ))}
          </span>
          <label>
            <input type="checkbox" checked={ordered} onChange={(e) => setParams({ order: e.target.checked ? null : 'index' })} /> reorder by max matching
          </label>
        </div>
        {shaped?.dead && shaped.dead.a.length + shaped.dead.b.length > 0 ? (
          <p className="muted" data-testid="dead-units">
            {shaped.dead.a.length} dead unit{shaped.dead.a.length === 1 ? '' : 's'} of A and {shaped.dead.b.length} of B (zero variance over the probe
            set, so no correlation is defined; the API counts {deadCounts.a ?? '—'} / {deadCounts.b ?? '—'}){' '}
            {showDead ? 'shown as grey rows and columns' : 'hidden'}.{' '}
            <button type="button" className="small" onClick={() => setParams({ dead: showDead ? null : 'show' })} aria-pressed={showDead}>
              {showDead ? 'hide dead units' : 'show dead units'}
            </button>
          </p>
        ) : null}
        {!viewUrl ? (
          <Empty>This matrix was not stored for the alignment.</Empty>
        ) : loadError ? (
          <ErrorBox error={loadError} title="Could not load the correlation matrix" />
        ) : shaped?.error || drawn?.error ? (
          <ErrorBox error={(shaped?.error ?? drawn?.error)!} title="Could not shape the correlation matrix" />
        ) : pending || !drawn?.data ? (
          <Loading what="correlation matrix" />
        ) : (
          <Heatmap
            data={drawn.data}
            rows={drawn.rows}
            cols={drawn.cols}
            title={`${VIEWS.find((v) => v.id === view)!.label} · ${
              !ordered ? 'unit order' : view === 'between' ? 'matched pairs on the diagonal, best first' : 'units in the order of the matching (as in the between view)'
            }`}
            rowLabel={(k) => label(rowAxis, k)}
            colLabel={(l) => label(colAxis, l)}
            onCellClick={
              view === 'between' && order
                ? (k, l) => setParams({ cellA: String(order.rows[k]), cellB: String(order.cols[l]) })
                : undefined
            }
          />
        )}
      </div>
      <div className="grow panel">
        <h2>Each unit&apos;s best correlation in the other network</h2>
        <p className="muted">Units on the right are learned by both networks; units on the left have no counterpart.</p>
        {shaped?.hist ? (
          <HistogramChart
            testId="best-corr-histogram"
            rows={shaped.hist.rows}
            xLabel="best correlation"
            series={[
              { key: 'unitsA', label: 'units of A', color: seriesColor(0) },
              { key: 'unitsB', label: 'units of B', color: seriesColor(1) },
            ]}
          />
        ) : alignment.scoreHistogram.length > 0 ? (
          <HistogramChart
            testId="best-corr-histogram"
            rows={alignment.scoreHistogram.map((h) => ({ bin: ((h.lower + h.upper) / 2).toFixed(2), unitsA: h.count }))}
            xLabel="matched score"
            series={[{ key: 'unitsA', label: 'units of A (server histogram)' }]}
          />
        ) : (
          <Empty>No histogram available.</Empty>
        )}
      </div>
    </div>
  );
}

/** Open two units by index (the "selected cell" panel shows them with links to their pages). */
function JumpToUnits({ unitsA, unitsB, setParams }: { unitsA: number; unitsB: number; setParams: (p: Record<string, string | null>) => void }) {
  const [ua, setUa] = useState('');
  const [ub, setUb] = useState('');
  const valid = (t: string, n: number) => /^\d+$/.test(t.trim()) && Number(t) < n;
  const ok = valid(ua, unitsA) && valid(ub, unitsB);
  return (
    <form
      className="controls"
      role="search"
      aria-label="jump to units"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) setParams({ cellA: String(Number(ua)), cellB: String(Number(ub)) });
      }}
    >
      <label>
        unit of A
        <input type="text" inputMode="numeric" size={5} value={ua} onChange={(e) => setUa(e.target.value)} placeholder={`0–${unitsA - 1}`} />
      </label>
      <label>
        unit of B
        <input type="text" inputMode="numeric" size={5} value={ub} onChange={(e) => setUb(e.target.value)} placeholder={`0–${unitsB - 1}`} />
      </label>
      <button type="submit" disabled={!ok}>
        Show the two units
      </button>
      {(ua && !valid(ua, unitsA)) || (ub && !valid(ub, unitsB)) ? <span className="field-error">A has units 0–{unitsA - 1}, B has 0–{unitsB - 1}</span> : null}
    </form>
  );
}

function SelectedCell({ a, b, layer, unitA, unitB }: { a: string; b: string; layer: string; unitA: number; unitB: number }) {
  const [res] = useQuery({ query: PairCellDocument, variables: { a, b, layer, unitA, unitB } });
  if (res.error) return <ErrorBox error={res.error} title="Could not load the selected units" />;
  if (!res.data) return <Loading what="selected units" />;
  const ua = res.data.networkA.layer?.unit;
  const ub = res.data.networkB.layer?.unit;
  return (
    <div className="panel" style={{ marginTop: 12 }} data-testid="selected-cell">
      <b>Selected cell</b>
      <div className="match-row">
        <UnitLink unit={ua} side="A" />
        <div>{ua ? <TopImages images={ua.topImages} shape={ua.layer.shape} max={6} /> : <span className="muted">unit {unitA} not found</span>}</div>
        <UnitLink unit={ub} side="B" />
        <div>{ub ? <TopImages images={ub.topImages} shape={ub.layer.shape} max={6} /> : <span className="muted">unit {unitB} not found</span>}</div>
      </div>
    </div>
  );
}

function UnitLink({ unit, side }: { unit: { id: string; index: number } | null | undefined; side: 'A' | 'B' }) {
  if (!unit) return <span className="muted">unmatched</span>;
  return (
    <Link prefetch={false} href={`/units/${unit.id}`} data-testid="unit-link">
      {side} unit {unit.index}
    </Link>
  );
}

function MatchList({ title, rows, testId }: { title: string; rows: MatchRow[]; testId: string }) {
  return (
    <div className="grow panel" data-testid={testId}>
      <h3>{title}</h3>
      {rows.length === 0 ? <Empty>No matches stored.</Empty> : null}
      {rows.map((r) => (
        <div key={r.unitA.id} className="match-row compact">
          <UnitLink unit={r.unitA} side="A" />
          <TopImages images={r.unitA.topImages} shape={r.unitA.layer.shape} max={4} size={44} />
          <div className="num" title="matched correlation">
            <b>{fmt(r.correlation ?? r.score)}</b>
            <div>
              <UnitLink unit={r.unitB} side="B" />
            </div>
          </div>
          {r.unitB ? <TopImages images={r.unitB.topImages} shape={r.unitB.layer.shape} max={4} size={44} /> : <span className="muted">unmatched</span>}
        </div>
      ))}
    </div>
  );
}

function SparseCurves({ alignment }: { alignment: PairViewQuery['sparse'] }) {
  if (!alignment) return <Empty>No sparse-prediction alignment for this pair and layer.</Empty>;
  const path = [...alignment.summary.lossPath].sort((x, y) => x.penalty - y.penalty);
  if (path.length === 0) return <Empty>The sparse-prediction path is empty ({alignment.status.toLowerCase()}).</Empty>;
  const data = path.map((p) => ({ penalty: p.penalty, loss: p.meanLoss, heldOut: p.meanLossHeldOut ?? null, nonzero: p.meanNonzero }));
  const held = alignment.summary.heldOut;
  const hasHeld = data.some((d) => d.heldOut !== null);
  return (
    <div className="panel" data-testid="sparse-curves">
      <p className="muted">
        Predicting each live unit of B from A&apos;s units with an L1 penalty: the fraction of variance unexplained (FVU, lower is better) rises and
        non-zero weights fall as the penalty grows.{' '}
        {hasHeld && held
          ? `Held out: the same fits scored on ${held.images} probe images left out of fitting (fitted on ${held.fitImages}); a gap between the two curves is overfitting.`
          : 'No held-out FVU stored for this pair (results from before the held-out split): only the in-sample curve.'}
      </p>
      <LineSeriesChart
        testId="sparse-fvu"
        exportName="sparse-fvu"
        height={220}
        data={data}
        xKey="penalty"
        xLabel="L1 penalty"
        yLabel="FVU"
        series={[
          { key: 'loss', label: 'FVU in sample (fitted images)', color: seriesColor(0) },
          { key: 'heldOut', label: 'FVU held out (unseen images)', color: seriesColor(2), dashed: true },
        ]}
      />
      <LineSeriesChart height={180} exportName="sparse-nonzero" data={data} xKey="penalty" xLabel="L1 penalty" yLabel="non-zeros" series={[{ key: 'nonzero', label: 'non-zeros per target', color: seriesColor(1) }]} />
    </div>
  );
}

/** Units listed per cluster side; large layers have clusters of hundreds of units. */
const CHIP_LIMIT = 60;

function Clusters({ alignment }: { alignment: PairViewQuery['spectral'] }) {
  if (!alignment) return <Empty>No spectral clustering for this pair and layer.</Empty>;
  const clusters = alignment.summary.clusters;
  if (clusters.length === 0) return <Empty>No clusters stored ({alignment.status.toLowerCase()}).</Empty>;
  return (
    <div className="panel" data-testid="clusters">
      <p data-testid="cluster-mixing">
        <b>cluster mixing {fmt(alignment.summary.clusterMixing)}</b>
        {alignment.summary.shuffledNull !== null && alignment.summary.shuffledNull !== undefined ? (
          <span> · shuffled-probe null {fmt(alignment.summary.shuffledNull)}</span>
        ) : null}
        {alignment.summary.nLiveA !== null && alignment.summary.nLiveA !== undefined ? (
          <span className="muted">
            {' '}
            · over {alignment.summary.nLiveA} + {alignment.summary.nLiveB ?? '?'} live units
          </span>
        ) : null}
      </p>
      <p className="muted">
        Cluster mixing is 1 − AMI between cluster labels and network identity: about 1 when every cluster holds both networks in proportion, 0 when
        clusters separate the networks (it can pass 1). {clusters.length} clusters (blue: A, red: B); {pct(alignment.summary.mixedClusterFraction)} contain
        units of both networks, a share that saturates for trained and chance pairs alike.
        {alignment.summary.clusterMixing === null || alignment.summary.clusterMixing === undefined ? ' No cluster mixing stored for this pair (results from before it existed).' : ''}
      </p>
      <div style={{ maxHeight: 420, overflow: 'auto' }}>
        {clusters.map((c) => (
          <div key={c.index} className={`cluster${c.mixed ? ' mixed' : ''}`}>
            <div>
              <b>cluster {c.index}</b>{' '}
              <span className="muted">
                {c.size} units · {c.countA} from A, {c.countB} from B{c.mixed ? ' · mixed' : ''}
              </span>
            </div>
            <div className="chips">
              {c.unitsA.slice(0, CHIP_LIMIT).map((u) => (
                <Link key={u.id} prefetch={false} className="chip" href={`/units/${u.id}`}>
                  A{u.index}
                </Link>
              ))}
              {c.unitsB.slice(0, CHIP_LIMIT).map((u) => (
                <Link key={u.id} prefetch={false} className="chip b" href={`/units/${u.id}`}>
                  B{u.index}
                </Link>
              ))}
              {c.unitsA.length > CHIP_LIMIT || c.unitsB.length > CHIP_LIMIT ? (
                <span className="muted">
                  … and {Math.max(0, c.unitsA.length - CHIP_LIMIT) + Math.max(0, c.unitsB.length - CHIP_LIMIT)} more
                </span>
              ) : null}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

/** Why two networks cannot have an alignment at this layer, in words; null when they could. */
export function unalignedReason({
  a,
  b,
  layer,
  networkA,
  networkB,
  aligned,
}: {
  a: string;
  b: string;
  layer: string;
  /** A stored alignment of the pair exists (across experiments: an on-demand one). */
  aligned: boolean;
  networkA: { name: string; layer?: { id: string } | null; experiment: { id: string; name: string } };
  networkB: { name: string; layer?: { id: string } | null; experiment: { id: string; name: string; dataset: string; probeImageCount: number } };
}): string | null {
  if (a === b) return `A and B are the same network (${networkA.name}): a network matches itself perfectly, so there is nothing to align. Pick another network for B.`;
  if (networkA.experiment.id !== networkB.experiment.id && !aligned) {
    return `${networkA.name} is in experiment “${networkA.experiment.name}” and ${networkB.name} in “${networkB.experiment.name}”, and they have not been aligned at ${layer}. Each experiment aligns its own networks; networks of two experiments that probed the same images can be aligned on demand from the Compare page (“Align these networks”), which also says why when they cannot.`;
  }
  if (!networkA.layer) return `${networkA.name} has no recorded layer “${layer}”.`;
  if (!networkB.layer) return `${networkB.name} has no recorded layer “${layer}”, so it cannot be aligned with ${networkA.name} there.`;
  return null;
}
