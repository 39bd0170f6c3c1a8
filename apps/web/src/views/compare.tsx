'use client';
/** Page 5: compare networks or experiments against a reference — differences only. */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AlignNetworksDocument, CompareDocument, ComparePickerDocument, type CompareQuery } from '@convergent/schema/generated/operations.ts';
import { LineSeriesChart, seriesColor } from '../components/charts.tsx';
import { Heatmap } from '../components/heatmap.tsx';
import { CsvButton } from '../components/export.tsx';
import { ScrollBox } from '../components/scroll-box.tsx';
import { Empty, ErrorBox, Loading } from '../components/status.tsx';
import { layerRows, parseIdList, symmetricRange, toggleId } from '../lib/compare-rows.ts';
import { formatJsonValue, pivotConfigDiffs } from '../lib/config-diff.ts';
import { fmt, pct, signed } from '../lib/format.ts';
import { useNpy, usePolling, useSearchState } from '../lib/hooks.ts';
import { asMatrix } from '../lib/npy.ts';

type Kind = 'NETWORK' | 'EXPERIMENT';
type Comparison = CompareQuery['compare'];

export function ComparePage() {
  const [params, setParams] = useSearchState();
  const kind: Kind = params.get('kind') === 'EXPERIMENT' ? 'EXPERIMENT' : 'NETWORK';
  const ref = params.get('ref');
  const others = parseIdList(params.get('others'), ref);
  const [picker] = useQuery({ query: ComparePickerDocument });

  const subjects = useMemo(() => {
    const exps = picker.data?.experiments.edges.map((e) => e.node) ?? [];
    if (kind === 'EXPERIMENT') return exps.map((e) => ({ id: e.id, label: `${e.name} (${e.dataset})`, group: 'experiments' }));
    return exps.flatMap((e) => e.architectures.flatMap((g) => g.networks.map((n) => ({ id: n.id, label: `${n.name} (${g.architecture}, seed ${n.seed})`, group: e.name }))));
  }, [picker.data, kind]);
  const groups = [...new Set(subjects.map((s) => s.group))];

  return (
    <div>
      <h1>Compare</h1>
      <p className="muted">Pick a reference and the others; only differences are shown (configuration, accuracy, per-layer alignment).</p>
      {picker.error ? <ErrorBox error={picker.error} title="Could not load experiments to pick from" /> : null}
      <div className="panel">
        <div className="controls">
          <span className="toggle" role="group" aria-label="compare kind">
            {(['NETWORK', 'EXPERIMENT'] as const).map((k) => (
              <button key={k} aria-pressed={kind === k} onClick={() => setParams({ kind: k === 'NETWORK' ? null : k, ref: null, others: null, layer: null })}>
                {k === 'NETWORK' ? 'networks' : 'experiments'}
              </button>
            ))}
          </span>
          <label>
            reference
            <select value={ref ?? ''} onChange={(e) => setParams({ ref: e.target.value || null })} aria-label="reference">
              <option value="">— pick —</option>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {subjects
                    .filter((s) => s.group === g)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
        </div>
        {picker.fetching && !picker.data ? <Loading what="choices" /> : null}
        {picker.data && subjects.length === 0 ? <Empty>Nothing to compare yet.</Empty> : null}
        {subjects.length > 0 ? (
          <div style={{ maxHeight: 160, overflow: 'auto', columns: '280px', fontSize: 13 }} aria-label="others">
            {subjects
              .filter((s) => s.id !== ref)
              .map((s) => (
                <label key={s.id} style={{ display: 'block' }}>
                  <input type="checkbox" checked={others.includes(s.id)} onChange={() => setParams({ others: toggleId(others, s.id).join(',') || null })} />{' '}
                  {kind === 'NETWORK' ? <span className="muted">{s.group} · </span> : null}
                  {s.label}
                </label>
              ))}
          </div>
        ) : null}
      </div>
      {ref && others.length > 0 ? (
        <CompareResult kind={kind} reference={ref} others={others} layer={params.get('layer')} setLayer={(l) => setParams({ layer: l })} />
      ) : (
        <Empty>Pick a reference and at least one other {kind === 'NETWORK' ? 'network' : 'experiment'}.</Empty>
      )}
    </div>
  );
}

function CompareResult({
  kind,
  reference,
  others,
  layer,
  setLayer,
}: {
  kind: Kind;
  reference: string;
  others: string[];
  layer: string | null;
  setLayer: (l: string | null) => void;
}) {
  const [res, reexecute] = useQuery({ query: CompareDocument, variables: { kind, reference, others } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  // While an on-demand alignment job is queued or running, its progress (and then its result) comes by polling.
  const pending = res.data?.compare.entries.some((e) => e.crossAlignment?.job && ['QUEUED', 'RUNNING'].includes(e.crossAlignment.job.status)) ?? false;
  usePolling(refresh, 1000, pending && !res.error);
  if (res.error && !res.data) return <ErrorBox error={res.error} title="Could not compare" />;
  if (!res.data) return <Loading what="comparison" />;
  const c = res.data.compare;
  return (
    <div data-testid="comparison">
      <h2>Accuracy</h2>
      <ScrollBox label="accuracy">
      <table>
        <thead>
          <tr>
            <th>{kind === 'NETWORK' ? 'network' : 'experiment'}</th>
            <th className="num">validation accuracy</th>
            <th className="num">vs reference</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <b>{c.reference.name}</b> <span className="muted">(reference)</span>
            </td>
            <td className="num">{pct(c.reference.accuracy)}</td>
            <td className="num">—</td>
          </tr>
          {c.entries.map((e) => (
            <tr key={e.subject.id}>
              <td>{e.subject.name}</td>
              <td className="num">{pct(e.subject.accuracy)}</td>
              <td className="num">{e.accuracyDelta === null || e.accuracyDelta === undefined ? '—' : `${signed(e.accuracyDelta * 100, 1)} pts`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollBox>
      <ConfigDiff c={c} />
      {c.entries.some((e) => e.crossAlignment) ? <CrossExperimentAlignments c={c} onQueued={refresh} /> : null}
      <LayerAlignment c={c} />
      {kind === 'NETWORK' ? <DifferenceMatrices c={c} layer={layer} setLayer={setLayer} /> : null}
    </div>
  );
}

function ConfigDiff({ c }: { c: Comparison }) {
  const rows = useMemo(() => pivotConfigDiffs(c.entries.map((e) => e.configDiff)), [c]);
  const ref = useRef<HTMLTableElement | null>(null);
  return (
    <section>
      <h2>Configuration differences</h2>
      <p className="muted">
        Every setting that differs: the network&apos;s own (architecture, seed, layers) and, under <code>experiment.</code>, its experiment&apos;s (dataset,
        probe and validation split, training, methods).
      </p>
      {rows.length === 0 ? (
        <Empty>The configurations are identical.</Empty>
      ) : (
        <>
        <div className="controls">
          <CsvButton name="config-diff" tableRef={ref} />
        </div>
        <ScrollBox label="configuration differences">
        <table data-testid="config-diff" ref={ref}>
          <thead>
            <tr>
              <th>path</th>
              <th>{c.reference.name} (reference)</th>
              {c.entries.map((e) => (
                <th key={e.subject.id}>{e.subject.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.path}>
                <td>
                  <code>{r.path}</code>
                </td>
                <td>{formatJsonValue(r.reference)}</td>
                {r.cells.map((cell, i) => (
                  <td key={i} className={cell.differs ? 'diff-cell' : 'muted'}>
                    {cell.differs ? formatJsonValue(cell.value) : 'same'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
        </>
      )}
    </section>
  );
}

function LayerAlignment({ c }: { c: Comparison }) {
  const rows = useMemo(() => layerRows(c.entries), [c]);
  const hasReference = rows.some((r) => r.reference !== null);
  if (rows.length === 0) return <Empty>No per-layer alignment available yet.</Empty>;
  return (
    <section>
      <h2>Per-layer alignment ({c.method === 'HUNGARIAN' ? 'max matching, mean matched correlation' : c.method.toLowerCase()})</h2>
      <p className="muted">
        {c.kind === 'NETWORK'
          ? 'Each line: the reference network aligned with that network.'
          : 'Each line: that experiment’s mean over all its network pairs; dashed: the reference experiment.'}
      </p>
      <div className="panel">
        <LineSeriesChart
          testId="compare-chart"
          data={rows}
          xKey="layer"
          yDomain={[0, 1]}
          series={[
            ...(hasReference ? [{ key: 'reference', label: `${c.reference.name} (reference)`, dashed: true, color: '#57606a' }] : []),
            ...c.entries.map((e, i) => ({ key: `e${i}`, label: e.subject.name, color: seriesColor(i) })),
          ]}
        />
      </div>
      <ScrollBox label="per-layer alignment">
      <table style={{ marginTop: 8 }}>
        <thead>
          <tr>
            <th>layer</th>
            {c.entries.map((e) => (
              <th key={e.subject.id} className="num">
                {e.subject.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.layer)}>
              <td>{r.layer}</td>
              {c.entries.map((e) => {
                const l = e.layers.find((x) => x.layer === r.layer);
                return (
                  <td key={e.subject.id} className="num">
                    {fmt(l?.value)}
                    {l?.delta !== null && l?.delta !== undefined ? <span className="muted"> ({signed(l.delta)})</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollBox>
    </section>
  );
}

/**
 * Networks of another experiment than the reference's: if both experiments probed the same images, a button queues
 * an on-demand alignment (mutation alignNetworks), its job's progress shows here, and once done the alignment
 * appears in the figures below like any other, with links to the pair view; if not, the exact reasons.
 */
function CrossExperimentAlignments({ c, onQueued }: { c: Comparison; onQueued: () => void }) {
  const entries = c.entries.filter((e) => e.crossAlignment);
  return (
    <section>
      <h2>Alignment across experiments</h2>
      <p className="muted">
        Networks of two experiments can be aligned when both experiments probed the same images (same dataset, split seed, validation and probe
        sizes): a job records both networks again on those images and aligns them with the reference experiment&apos;s methods.
      </p>
      {entries.map((e) => (
        <CrossAlignmentPanel key={e.subject.id} c={c} e={e} onQueued={onQueued} />
      ))}
    </section>
  );
}

function CrossAlignmentPanel({ c, e, onQueued }: { c: Comparison; e: Comparison['entries'][number]; onQueued: () => void }) {
  const [state, align] = useMutation(AlignNetworksDocument);
  const x = e.crossAlignment!;
  // The comparison's newest job of the pair, unless the one just queued has not reached it yet.
  const queued = state.data?.alignNetworks.job;
  const job = queued && x.job?.id !== queued.id ? queued : x.job;
  const running = !!job && (job.status === 'QUEUED' || job.status === 'RUNNING');
  const refExp = c.reference.network?.experiment;
  const aligned = e.layers.filter((l) => l.alignment);
  const start = async () => {
    const r = await align({ a: c.reference.id, b: e.subject.id });
    if (!r.error) onQueued();
  };
  return (
    <div className="panel" data-testid="cross-alignment">
      <b>
        {c.reference.name} × {e.subject.name}
      </b>{' '}
      <span className="muted">
        ({refExp?.name ?? '—'} × {e.subject.network?.experiment.name ?? '—'})
      </span>
      {!x.alignable ? (
        <div className="empty" data-testid="align-reasons">
          <strong>These networks cannot be aligned:</strong>
          <ul>
            {x.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div>
          <p className="muted">Layers recorded in both: {x.layers.join(', ')}.</p>
          {running ? (
            <p data-testid="align-job" role="status">
              <progress value={job.fraction} max={1} aria-label="alignment job progress" /> {job.status.toLowerCase()}
              {job.phase ? `: ${job.phase}` : ''}
            </p>
          ) : (
            <button onClick={start} disabled={state.fetching} data-testid="align-button">
              {aligned.length > 0 ? 'Align these networks again' : 'Align these networks'}
            </button>
          )}
          {state.error ? <ErrorBox error={state.error} title="Could not queue the alignment" /> : null}
          {job?.status === 'FAILED' ? <ErrorBox error={job.error ?? 'no reason recorded'} title="The alignment job failed" /> : null}
          {job?.status === 'CANCELLED' ? <p className="muted">The last alignment job was cancelled.</p> : null}
          {aligned.length > 0 && refExp ? (
            <p data-testid="cross-aligned">
              Aligned{job?.status === 'COMPLETED' ? ' (job done)' : ''}: open the pair at{' '}
              {aligned.map((l, i) => (
                <span key={l.layer}>
                  {i > 0 ? ', ' : ''}
                  <Link prefetch={false} data-testid="cross-pair-link" href={`/experiments/${refExp.id}/pair?a=${c.reference.id}&b=${e.subject.id}&layer=${encodeURIComponent(l.layer)}`}>
                    {l.layer} ({fmt(l.value)})
                  </Link>
                </span>
              ))}
              .
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** Why there is no alignment of the reference with this network at a layer, in words. */
function noAlignmentReason(c: Comparison, e: Comparison['entries'][number], layer: string): string {
  const refExp = c.reference.network?.experiment;
  const exp = e.subject.network?.experiment;
  if (refExp && exp && refExp.id !== exp.id) {
    const x = e.crossAlignment;
    if (x && !x.alignable) return `Cannot be aligned: ${x.reasons.join('; ')}.`;
    if (x && !x.layers.includes(layer)) return `Not aligned: ${layer} is not recorded in both networks.`;
    return `Not aligned yet: ${e.subject.name} is in experiment “${exp.name}”, the reference in “${refExp.name}”; use “Align these networks” above to align them on their shared probe images.`;
  }
  if (e.subject.network && !e.subject.network.layers.some((l) => l.name === layer)) return `Not aligned: ${e.subject.name} has no layer “${layer}”.`;
  const status = exp?.status ?? 'unknown';
  if (status === 'FAILED') return `Not aligned: experiment “${exp?.name}” failed before this pair was aligned at ${layer}.`;
  if (status === 'CANCELLED') return `Not aligned: experiment “${exp?.name}” was cancelled before this pair was aligned at ${layer}.`;
  if (status === 'QUEUED' || status === 'RUNNING') return `Not aligned yet: experiment “${exp?.name}” is ${status.toLowerCase()}; the alignment at ${layer} appears when its job finishes.`;
  return `Not available: the experiment stored no max-matching alignment with a difference matrix for this pair at ${layer}.`;
}

function DifferenceMatrices({ c, layer, setLayer }: { c: Comparison; layer: string | null; setLayer: (l: string | null) => void }) {
  const layers = [...new Set(c.entries.flatMap((e) => e.layers.map((l) => l.layer)))];
  const current = layer && layers.includes(layer) ? layer : layers[0];
  // One colour scale for every panel of the comparison: ± the largest |difference| over all loaded matrices.
  const [ranges, setRanges] = useState<Record<string, number>>({});
  const report = useCallback((key: string, hi: number) => setRanges((r) => (r[key] === hi ? r : { ...r, [key]: hi })), []);
  const shown = c.entries.slice(0, 6);
  const keys = shown.map((e) => `${e.subject.id}:${current}`);
  const known = keys.map((k) => ranges[k]).filter((x): x is number => x !== undefined);
  const shared = known.length > 0 ? Math.max(...known) : null;
  if (!current) return null;
  return (
    <section>
      <h2>Difference of alignment matrices vs the reference</h2>
      <p className="muted">
        Within-reference correlation minus the between-network correlation with the other net&apos;s units reordered by the matching: near zero
        where the matched units reproduce the reference&apos;s correlation structure.{' '}
        {shared !== null ? <span data-testid="shared-scale">All panels share one colour scale: ±{shared.toFixed(2)}.</span> : null}
      </p>
      <div className="controls">
        <label>
          layer
          <select value={current} onChange={(e) => setLayer(e.target.value)} aria-label="difference layer">
            {layers.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        {shown.map((e, i) => {
          const l = e.layers.find((x) => x.layer === current);
          return (
            <div key={e.subject.id} className="panel diff-panel" data-testid="difference-panel">
              <b>{e.subject.name}</b>
              {l?.alignment ? (
                <span className="muted">
                  {' '}
                  · <Link prefetch={false} href={`/compare?kind=NETWORK&ref=${c.reference.id}&others=${e.subject.id}&layer=${current}`}>only this one</Link>
                </span>
              ) : null}
              {l?.differenceUrl ? (
                <DifferenceHeatmap url={l.differenceUrl} rangeKey={keys[i]!} report={report} shared={shared} name={`difference ${c.reference.name} vs ${e.subject.name} at ${current}`} />
              ) : (
                <p className="empty" data-testid="no-alignment-reason">
                  {noAlignmentReason(c, e, current)}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function DifferenceHeatmap({ url, rangeKey, report, shared, name }: { url: string; rangeKey: string; report: (key: string, hi: number) => void; shared: number | null; name: string }) {
  const npy = useNpy(url);
  const m = useMemo(() => {
    if (!npy.data) return null;
    try {
      const mat = asMatrix(npy.data);
      return { ...mat, ...symmetricRange(mat.data), error: null };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [npy.data]);
  const own = m && m.error === null && 'hi' in m ? m.hi : null;
  useEffect(() => {
    if (own !== null) report(rangeKey, own);
  }, [own, rangeKey, report]);
  if (npy.error) return <ErrorBox error={npy.error} title="Could not load the difference matrix" />;
  if (!m) return <Loading what="difference matrix" />;
  if (m.error !== null || !('data' in m)) return <ErrorBox error={m.error ?? 'bad matrix'} />;
  const hi = Math.max(shared ?? m.hi, m.hi);
  return <Heatmap data={m.data} rows={m.rows} cols={m.cols} lo={-hi} hi={hi} size={300} label={name} />;
}
