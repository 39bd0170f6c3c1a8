'use client';
/**
 * The overview's consensus and stitching panels (issue 16), per layer:
 * - consensus: the share of the reference network's live units matched cycle-consistently in every other trained
 *   network, with the API's Wilson 95% interval (units counted as independent: optimistic, and said so), against the
 *   same share on untrained twins (matched chance), Fisher's one-sided p and the verdict. Each layer links to the
 *   consensus view (its units side by side).
 * - stitching: held-out accuracy of B on A's activations through each map (permutation, sparse, least squares),
 *   mean over trained pairs with the network-bootstrap 95% interval, against the same map from untrained twins
 *   (permutation test, verdict), B's own accuracy and the majority-class rate.
 * Both refetch when `version` changes (an experiment that finishes while the page is open).
 */
import Link from 'next/link';
import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { ExperimentConsensusStitchingDocument, type ExperimentConsensusStitchingQuery } from '@convergent/schema/generated/operations.ts';
import { GroupedBarChart, seriesColor } from './charts.tsx';
import { CsvButton } from './export.tsx';
import { ScrollBox } from './scroll-box.tsx';
import { Empty, ErrorBox, Loading, Notes } from './status.tsx';
import { fmt } from '../lib/format.ts';
import { commonMajority, consensusRows, consensusWarnings, emptyReason, pText, stitchRows, stitchWarnings, VERDICT_WORDS } from '../lib/consensus-stitching.ts';

/** Matched chance: dark grey (6.4:1 on white), as in the method figure. */
const CHANCE_COLOR = '#57606a';

export function ConsensusStitching({ experimentId, status, layerOrder, version }: { experimentId: string; status: string; layerOrder: readonly string[]; version: string }) {
  const [res, reexecute] = useQuery({ query: ExperimentConsensusStitchingDocument, variables: { id: experimentId } });
  const seenVersion = useRef(version);
  useEffect(() => {
    if (seenVersion.current === version) return;
    seenVersion.current = version;
    reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const exp = res.data?.experiment;
  return (
    <>
      <section aria-labelledby="consensus-title" data-testid="consensus-panel">
        <h2 id="consensus-title">Consensus per layer</h2>
        {res.error && !exp ? <ErrorBox error={res.error} title="Could not load consensus" /> : null}
        {!exp && !res.error ? <Loading what="consensus" /> : null}
        {exp ? <ConsensusPanel experimentId={experimentId} layers={exp.consensus} spec={exp.spec} status={status} layerOrder={layerOrder} /> : null}
      </section>
      <section aria-labelledby="stitching-title" data-testid="stitching-panel">
        <h2 id="stitching-title">Stitching per layer</h2>
        {res.error && !exp ? <ErrorBox error={res.error} title="Could not load stitching" /> : null}
        {!exp && !res.error ? <Loading what="stitching" /> : null}
        {exp ? <StitchingPanel experimentId={experimentId} layers={exp.stitching} spec={exp.spec} status={status} layerOrder={layerOrder} /> : null}
      </section>
    </>
  );
}

type Exp = ExperimentConsensusStitchingQuery['experiment'];

function ConsensusPanel({ experimentId, layers, spec, status, layerOrder }: { experimentId: string; layers: Exp['consensus']; spec: unknown; status: string; layerOrder: readonly string[] }) {
  const rows = useMemo(() => consensusRows(layers, layerOrder), [layers, layerOrder]);
  const notes = useMemo(() => consensusWarnings(rows), [rows]);
  const tableRef = useRef<HTMLTableElement | null>(null);
  if (rows.length === 0) return <Empty>{emptyReason(spec, 'consensus', status)}</Empty>;
  const name = `consensus-${experimentId}`;
  return (
    <>
      <p className="muted" data-testid="consensus-caption">
        Share of the reference network&apos;s live units matched cycle-consistently (max matching) in <b>every</b> other trained network (higher is more
        consensus), against the same share among untrained twins of the same architectures (matched chance). Error bars: Wilson 95% interval over the
        reference&apos;s live units; p: one-sided Fisher exact test against chance. Both count units as independent, which is optimistic.
      </p>
      <div className="panel">
        <GroupedBarChart
          testId="consensus-chart"
          height={300}
          exportName={name}
          data={rows as unknown as Record<string, unknown>[]}
          xKey="layer"
          xLabel="layer"
          yLabel="consensus fraction"
          yDomain={[0, 1]}
          series={[
            { key: 'fraction', label: 'trained networks (95% interval)', errorKey: 'ciOffsets', color: seriesColor(0) },
            { key: 'chance', label: 'matched chance (untrained twins)', color: CHANCE_COLOR },
          ]}
        />
      </div>
      <Notes notes={notes} testId="consensus-warnings" />
      <div className="controls">
        <CsvButton name={name} tableRef={tableRef} />
      </div>
      <ScrollBox label="consensus per layer">
        <table data-testid="consensus-table" ref={tableRef}>
          <caption className="muted">consensus fraction per layer, trained against matched chance</caption>
          <thead>
            <tr>
              <th>layer</th>
              <th className="num">networks</th>
              <th>reference</th>
              <th className="num">live units</th>
              <th className="num">consensus units</th>
              <th className="num">fraction</th>
              <th className="num">95% interval</th>
              <th className="num">matched chance</th>
              <th className="num">trained − chance</th>
              <th className="num">p (vs chance)</th>
              <th>verdict</th>
              <th className="num">mean networks found in (trained / chance)</th>
              <th>units</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.layer} data-testid="consensus-row">
                <td>{r.layer}</td>
                <td className="num">{r.networks}</td>
                <td>{r.reference}</td>
                <td className="num">{r.liveUnits}</td>
                <td className="num">{r.count}</td>
                <td className="num" data-testid="consensus-fraction">
                  {fmt(r.fraction)}
                </td>
                <td className="num" data-testid="consensus-ci" title={r.intervalNote}>
                  {r.low !== null && r.high !== null ? `[${fmt(r.low)}, ${fmt(r.high)}]` : 'none'}
                </td>
                <td className="num" data-testid="consensus-chance">
                  {r.chance === null ? <span title={r.chanceReason ?? ''}>unavailable</span> : `${fmt(r.chance)} (${r.chanceCount} / ${r.chanceLive})`}
                </td>
                <td className="num">{fmt(r.excess)}</td>
                <td className="num" title={r.test ?? ''}>
                  {pText(r.pValue)}
                </td>
                <td data-testid="consensus-verdict" title={r.verdictReason}>
                  {r.served ? (VERDICT_WORDS[r.verdict] ?? r.verdict) : '—'}
                </td>
                <td className="num">
                  {fmt(r.meanFound, 2)} / {fmt(r.chanceMeanFound, 2)}
                </td>
                <td>
                  <Link data-testid="open-consensus" href={`/experiments/${experimentId}/consensus?layer=${encodeURIComponent(r.layer)}`}>
                    view units
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

function StitchingPanel({ experimentId, layers, spec, status, layerOrder }: { experimentId: string; layers: Exp['stitching']; spec: unknown; status: string; layerOrder: readonly string[] }) {
  const rows = useMemo(() => stitchRows(layers, layerOrder), [layers, layerOrder]);
  const notes = useMemo(() => stitchWarnings(rows), [rows]);
  const majority = commonMajority(rows);
  const tableRef = useRef<HTMLTableElement | null>(null);
  if (rows.length === 0) return <Empty>{emptyReason(spec, 'stitch', status)}</Empty>;
  const name = `stitching-${experimentId}`;
  return (
    <>
      <p className="muted" data-testid="stitching-caption">
        Held-out accuracy of network B with its layer replaced by a map from network A&apos;s activations (higher is better), mean over ordered pairs of
        trained networks with its 95% network-bootstrap interval as error bars; against the same map fitted from an untrained twin of A&apos;s
        architecture (matched chance; p from a one-sided permutation test), B&apos;s own accuracy on the same images, and {majority !== null ? `the majority-class rate (dashed line, ${fmt(majority)})` : 'the majority-class rate'}.
      </p>
      <div className="panel">
        <GroupedBarChart
          testId="stitching-chart"
          height={340}
          exportName={name}
          data={rows as unknown as Record<string, unknown>[]}
          xKey="key"
          xLabel="layer · map"
          yLabel="accuracy of B"
          yDomain={[0, 1]}
          chance={majority ?? undefined}
          series={[
            { key: 'stitched', label: 'stitched from trained A (95% interval)', errorKey: 'ciOffsets', color: seriesColor(0) },
            { key: 'untrained', label: 'stitched from untrained twin (matched chance)', color: CHANCE_COLOR },
            { key: 'own', label: 'B’s own accuracy', color: seriesColor(2) },
            ...(majority === null ? [{ key: 'majority', label: 'majority class (chance)', color: seriesColor(3) }] : []),
          ]}
        />
      </div>
      <Notes notes={notes} testId="stitching-warnings" />
      <div className="controls">
        <CsvButton name={name} tableRef={tableRef} />
      </div>
      <ScrollBox label="stitching per layer">
        <table data-testid="stitching-table" ref={tableRef}>
          <caption className="muted">held-out accuracy of B per layer and map, against B&apos;s own and chance</caption>
          <thead>
            <tr>
              <th>layer</th>
              <th>map</th>
              <th className="num">pairs</th>
              <th className="num">stitched (trained A)</th>
              <th className="num">95% interval</th>
              <th className="num">range over pairs</th>
              <th className="num">untrained twin (chance)</th>
              <th className="num">p (vs chance)</th>
              <th>verdict</th>
              <th className="num">B&apos;s own</th>
              <th className="num">majority class</th>
              <th className="num">held-out images</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="stitching-row">
                <td>{r.layer}</td>
                <td>{r.mapLabel}</td>
                <td className="num">{r.pairs}</td>
                <td className="num" data-testid="stitched">
                  {fmt(r.stitched)}
                </td>
                <td className="num" data-testid="stitch-ci" title={r.intervalNote}>
                  {r.low !== null && r.high !== null ? `[${fmt(r.low)}, ${fmt(r.high)}]` : 'none'}
                </td>
                <td className="num">{r.min !== null && r.max !== null ? `[${fmt(r.min)}, ${fmt(r.max)}]` : '—'}</td>
                <td className="num" data-testid="stitch-chance">
                  {r.untrained === null ? <span title="no untrained twin of A's architecture">unavailable</span> : fmt(r.untrained)}
                </td>
                <td className="num" title={r.test ?? ''}>
                  {pText(r.pValue)}
                </td>
                <td data-testid="stitch-verdict" title={r.verdictReason}>
                  {r.served ? (VERDICT_WORDS[r.verdict] ?? r.verdict) : '—'}
                </td>
                <td className="num" data-testid="stitch-own">
                  {fmt(r.own)}
                </td>
                <td className="num">{fmt(r.majority)}</td>
                <td className="num">{r.images}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
