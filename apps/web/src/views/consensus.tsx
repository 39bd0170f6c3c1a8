'use client';
/**
 * Consensus view (/experiments/<id>/consensus?layer=<name>&page=<n>): for one layer, the consensus units of the
 * reference network side by side with their matched unit in every other trained network (each with its top images,
 * linked to its unit page), how many networks each unit is found in, and the distribution of that count over the
 * reference's live units against untrained twins (matched chance). Layer and page live in the URL.
 */
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ConsensusUnitDocument, ConsensusViewDocument, type ConsensusViewQuery } from '@convergent/schema/generated/operations.ts';
import { GroupedBarChart, seriesColor } from '../components/charts.tsx';
import { CsvButton } from '../components/export.tsx';
import { NotFound, isNotFound } from '../components/not-found.tsx';
import { ScrollBox } from '../components/scroll-box.tsx';
import { Empty, ErrorBox, Loading } from '../components/status.tsx';
import { TopImages } from '../components/top-images.tsx';
import { CONSENSUS_NO_CHANCE, checkFigure, consensusUnitRows, emptyReason, foundBins, inLayerOrder, pageOf, pText, specMethods, VERDICT_WORDS } from '../lib/consensus-stitching.ts';
import { fmt } from '../lib/format.ts';
import { useSearchState } from '../lib/hooks.ts';
import { Stat } from '../components/stat.tsx';

type Layer = ConsensusViewQuery['experiment']['consensus'][number];
type Net = Layer['trained']['networks'][number];

const PAGE_SIZE = 8;
const CHANCE_COLOR = '#57606a';

export function ConsensusPage() {
  const { id } = useParams<{ id: string }>();
  const [params, setParams] = useSearchState();
  const wanted = params.get('layer');
  // All layers' summaries come with the first answer; the chosen layer's unit table is the same query with `layer`.
  const [result] = useQuery({ query: ConsensusViewDocument, variables: { id, layer: wanted } });
  const exp = result.data?.experiment;
  if (result.error && !exp && isNotFound(result.error)) return <NotFound what="experiment" id={id} />;
  if (result.error && !exp) return <ErrorBox error={result.error} title={`Could not load consensus of experiment ${id}`} />;
  if (!exp) return <Loading what="consensus" />;
  const layer = inLayerOrder(exp.consensus, exp.layerNames)[0];
  const layerName = wanted ?? layer?.layer ?? exp.layerNames[0] ?? '';
  return (
    <div>
      <div className="crumbs">
        <Link href="/">Experiments</Link> / <Link href={`/experiments/${exp.id}`}>{exp.name}</Link> /
      </div>
      <h1>
        Consensus units <span className="muted">· {layerName}</span>
      </h1>
      {result.error ? <ErrorBox error={result.error} /> : null}
      <div className="controls panel">
        <label>
          layer
          <select aria-label="layer" value={layerName} onChange={(e) => setParams({ layer: e.target.value, page: null })}>
            {exp.layerNames.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
      </div>
      {layer ? (
        <ConsensusLayer experimentId={exp.id} layer={layer} page={Number(params.get('page') ?? '1')} setPage={(p) => setParams({ page: p === 1 ? null : String(p) })} />
      ) : (
        <Empty>
          {wanted && !exp.layerNames.includes(wanted)
            ? `This experiment has no recorded layer ${wanted}; pick one of ${exp.layerNames.join(', ')}.`
            : specMethods(exp.spec)?.includes('consensus') === false
              ? emptyReason(exp.spec, 'consensus', 'COMPLETED')
              : `No consensus stored for layer ${layerName}. ${emptyReason(exp.spec, 'consensus', 'COMPLETED')}`}
        </Empty>
      )}
    </div>
  );
}

function ConsensusLayer({ experimentId, layer, page, setPage }: { experimentId: string; layer: Layer; page: number; setPage: (p: number) => void }) {
  const fam = layer.trained;
  const nets = fam.networks;
  const refIndex = Math.max(0, nets.findIndex((n) => n.id === fam.reference.id));
  const { rows, dropped } = useMemo(() => consensusUnitRows(fam, refIndex), [fam, refIndex]);
  const bins = useMemo(() => foundBins(fam, layer.chance), [fam, layer.chance]);
  const shown = pageOf(rows, page, PAGE_SIZE);
  // Reference first, then the others in the family's order.
  const order = [refIndex, ...nets.map((_, i) => i).filter((i) => i !== refIndex)];
  const chance = layer.chance ? (layer.chanceFraction ?? layer.chance.fraction) : null;
  const stat = checkFigure(fam.fraction, layer.statistic);
  const foundCsv = () => ({ header: ['reference unit', 'networks found in', 'of networks', 'dead'], rows: fam.found.map((f, u) => [u, f, nets.length, f === 0 ? 'yes' : 'no']) });
  return (
    <>
      <div className="stats" data-testid="consensus-stats">
        <Stat label="networks (trained)" value={nets.length} />
        <Stat label="reference" value={fam.reference.name} />
        <Stat label="live units of the reference" value={fam.liveUnits} />
        <Stat label="consensus units" value={fam.count} />
        <Stat label="consensus fraction" value={fmt(fam.fraction)} />
        <Stat label="95% interval (Wilson, units as independent)" value={stat.low !== null && stat.high !== null ? `[${fmt(stat.low)}, ${fmt(stat.high)}]` : 'none'} />
        <Stat label="matched chance (untrained twins)" value={chance === null ? 'unavailable' : fmt(chance)} />
        <Stat label="p (Fisher, vs chance)" value={pText(stat.pValue)} />
        <Stat label="mean networks found in" value={fmt(fam.meanFound, 2)} />
      </div>
      {stat.served ? (
        <p className="muted" data-testid="consensus-verdict">
          <b>{VERDICT_WORDS[stat.verdict] ?? stat.verdict}</b>: {stat.verdictReason}.
        </p>
      ) : null}
      {chance === null ? (
        <p className="muted" data-testid="consensus-no-chance">
          {CONSENSUS_NO_CHANCE}.
        </p>
      ) : null}
      <section aria-labelledby="found-title">
        <h2 id="found-title">Networks each unit is found in</h2>
        <p className="muted">
          Live units of the reference by the number of networks (itself included) that agree on it cycle-consistently; consensus units are the last bar.
          Dead units are left out. Grey: the same count on the untrained twins{chance === null ? ' (unavailable here)' : ''}.
        </p>
        <div className="panel">
          <GroupedBarChart
            testId="found-chart"
            height={240}
            exportName={`consensus-found-${experimentId}-${layer.layer}`}
            data={bins as unknown as Record<string, unknown>[]}
            xKey="networks"
            xLabel="networks the unit is found in"
            yLabel="reference units"
            series={[
              { key: 'trained', label: 'trained networks', color: seriesColor(0) },
              ...(chance === null ? [] : [{ key: 'chance', label: 'matched chance (untrained twins)', color: CHANCE_COLOR }]),
            ]}
          />
        </div>
        <div className="controls">
          <CsvButton name={`consensus-found-${experimentId}-${layer.layer}`} rows={foundCsv} />
          <span className="muted">per reference unit: networks it is found in</span>
        </div>
      </section>
      <section aria-labelledby="units-title">
        <h2 id="units-title">Consensus units side by side</h2>
        {rows.length === 0 ? (
          <Empty>No unit of {fam.reference.name} is matched consistently in every other network at this layer.</Empty>
        ) : (
          <>
            <p className="muted">
              {rows.length} consensus unit{rows.length === 1 ? '' : 's'}: each row is one unit of the reference and its matched unit in every other network,
              with their top probe images (best first). Found in {nets.length} of {nets.length} networks each.
              {dropped > 0 ? ` ${dropped} stored group${dropped === 1 ? ' was' : 's were'} left out: the reference unit is dead or not found in every network.` : ''}
            </p>
            <Pager page={shown.page} pages={shown.pages} setPage={setPage} />
            <ScrollBox label="consensus units">
              <table data-testid="consensus-units" className="consensus-units">
                <caption className="muted">
                  consensus units {(shown.page - 1) * PAGE_SIZE + 1}–{(shown.page - 1) * PAGE_SIZE + shown.rows.length} of {rows.length}
                </caption>
                <thead>
                  <tr>
                    <th className="num">found in</th>
                    {order.map((i) => (
                      <th key={nets[i]!.id}>
                        {nets[i]!.name}
                        {i === refIndex ? ' (reference)' : ''}
                        <br />
                        <span className="muted">
                          {nets[i]!.architecture}, seed {nets[i]!.seed}
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.rows.map((r) => (
                    <tr key={r.reference} data-testid="consensus-unit-row">
                      <td className="num" data-testid="found-count">
                        {r.found} / {nets.length}
                      </td>
                      {order.map((i) => (
                        <td key={nets[i]!.id}>
                          <UnitCell net={nets[i]!} layer={layer.layer} index={r.indices[i]!} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            <Pager page={shown.page} pages={shown.pages} setPage={setPage} />
          </>
        )}
      </section>
    </>
  );
}

/** One network's unit of a consensus row: its index (linked to the unit page) and top images; a dead unit says so. */
function UnitCell({ net, layer, index }: { net: Net; layer: string; index: number }) {
  const [res] = useQuery({ query: ConsensusUnitDocument, variables: { network: net.id, layer, index } });
  const l = res.data?.network.layer;
  if (res.error && !res.data) return <span className="field-error">unit {index}: {res.error.message}</span>;
  if (!res.data) return <span className="muted">unit {index} …</span>;
  if (!l?.unit) return <span className="muted">unit {index} is not stored</span>;
  const unit = l.unit;
  return (
    <div data-testid="consensus-unit">
      <Link prefetch={false} href={`/units/${unit.id}`}>
        unit {unit.index}
      </Link>
      {unit.dead ? (
        <span className="field-error" data-testid="consensus-dead">
          {' '}
          dead here: not a consensus unit
        </span>
      ) : (
        <TopImages images={unit.topImages} shape={l.shape} max={5} size={44} />
      )}
    </div>
  );
}

function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (p: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="controls" aria-label="consensus unit pages">
      <button type="button" className="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
        ← previous
      </button>
      <span>
        page {page} of {pages}
      </span>
      <button type="button" className="small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
        next →
      </button>
    </nav>
  );
}
