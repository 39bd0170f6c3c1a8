'use client';
/** Page 4: one unit (stable URL /units/<id>): top images with the activation patch, statistics, best matches elsewhere. */
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { UnitByIndexDocument, UnitPageDocument, type UnitPageQuery } from '@convergent/schema/generated/operations.ts';
import { NotFound, isNotFound } from '../components/not-found.tsx';
import { Empty, ErrorBox, Loading } from '../components/status.tsx';
import { TopImages } from '../components/top-images.tsx';
import { VirtualTable } from '../components/virtual-table.tsx';
import { joinBestMatches } from '../lib/best-matches.ts';
import { fmt } from '../lib/format.ts';
import { Stat } from '../components/stat.tsx';

type Unit = UnitPageQuery['unit'];
type Max = Unit['max'][number];

export function UnitPage() {
  const { id } = useParams<{ id: string }>();
  const [result] = useQuery({ query: UnitPageDocument, variables: { id } });
  const unit = result.data?.unit;
  const rows = useMemo(() => (unit ? joinBestMatches<Max>(unit.max, unit.mi) : []), [unit]);
  if (result.error && !unit && isNotFound(result.error)) return <NotFound what="unit" id={id} />;
  if (result.error && !unit) return <ErrorBox error={result.error} title={`Could not load unit ${id}`} />;
  if (!unit) return <Loading what="unit" />;
  const exp = unit.network.experiment;
  const netName = new Map(unit.max.map((m) => [m.network.id, m.network]));
  return (
    <div>
      <div className="crumbs">
        <Link href="/">Experiments</Link> / <Link href={`/experiments/${exp.id}`}>{exp.name}</Link> / {unit.network.name} / {unit.layer.name} /
      </div>
      <h1>
        Unit {unit.index} <span className="muted">of {unit.network.name} · {unit.layer.name}</span>
      </h1>
      {result.error ? <ErrorBox error={result.error} /> : null}
      <div className="stats">
        <Stat label="mean activation" value={fmt(unit.mean)} />
        <Stat label="std" value={fmt(unit.std)} />
        <Stat label="dead" value={unit.dead ? 'yes (zero variance)' : 'no'} />
        <Stat label="layer" value={`${unit.layer.kind ?? ''} ${unit.layer.shape.length > 0 ? `[${unit.layer.shape.join('×')}]` : ''} · ${unit.layer.unitCount} units`} />
        <Stat label="network" value={`${unit.network.architecture}, seed ${unit.network.seed}`} />
      </div>
      <JumpToUnit layerId={unit.layer.id} units={unit.layer.unitCount} current={unit.index} />
      {unit.dead ? (
        <div className="empty" data-testid="dead-unit" role="status">
          <strong>This unit is dead.</strong> Its activation did not vary over the probe images (std {fmt(unit.std)}), so no image activates it more than
          another: it has no top images, and its correlation with every other unit is undefined. {unit.layer.deadCount} of the layer&apos;s {unit.layer.unitCount}{' '}
          units are dead.
        </div>
      ) : (
        <>
          <h2>Top images</h2>
          <p className="muted">Best first; the yellow box marks the layer cell where the unit&apos;s maximum activation was.</p>
          <div data-testid="unit-top-images">
            <TopImages images={unit.topImages} shape={unit.layer.shape} size={96} />
          </div>
        </>
      )}
      <h2>Best match in every other network</h2>
      {rows.length === 0 ? (
        <Empty>No alignments involving this unit&apos;s layer yet.</Empty>
      ) : (
        <VirtualTable
          testId="best-matches-table"
          rows={rows}
          rowKey={(r) => r.networkId}
          rowHeight={64}
          maxHeight={640}
          columns={[
            {
              header: 'network',
              width: 'minmax(140px, 1.2fr)',
              cell: (r) => {
                const n = r.max?.network ?? netName.get(r.networkId);
                return n ? (
                  <span>
                    {n.name} <span className="muted">({n.architecture}, seed {n.seed})</span>
                  </span>
                ) : (
                  r.networkId
                );
              },
            },
            {
              header: 'matched unit',
              width: '120px',
              cell: (r) => (r.max?.unit ? <Link prefetch={false} href={`/units/${r.max.unit.id}`}>unit {r.max.unit.index}</Link> : <span className="muted">unmatched</span>),
            },
            { header: 'correlation', width: '110px', align: 'right', cell: (r) => fmt(r.max?.correlation) },
            {
              header: 'MI (bits)',
              width: '110px',
              align: 'right',
              cell: (r) => (r.mi ? `${fmt(r.mi.mutualInformation)}${r.mi.unitIndex !== null ? ` (u${r.mi.unitIndex})` : ''}` : '—'),
            },
            {
              header: 'its top images',
              width: 'minmax(200px, 2fr)',
              cell: (r) => (r.max?.unit ? <TopImages images={r.max.unit.topImages} shape={unit.layer.shape} max={5} size={48} /> : null),
            },
            {
              header: 'sparse weights (largest |w|)',
              width: 'minmax(180px, 1.5fr)',
              cell: (r) =>
                r.max && r.max.sparseWeights.length > 0 ? (
                  <span className="chips" title={`penalty ${r.max.sparseWeights[0]!.penalty}`}>
                    {r.max.sparseWeights.slice(0, 6).map((w) => (
                      <Link key={w.unit.id} prefetch={false} className="chip" href={`/units/${w.unit.id}`}>
                        u{w.unit.index}: {w.weight.toFixed(2)}
                      </Link>
                    ))}
                  </span>
                ) : (
                  <span className="muted">—</span>
                ),
            },
          ]}
        />
      )}
    </div>
  );
}

/** Go to another unit of the same layer by index. */
function JumpToUnit({ layerId, units, current }: { layerId: string; units: number; current: number }) {
  const client = useClient();
  const router = useRouter();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="controls"
      role="search"
      aria-label="go to a unit of this layer"
      onSubmit={async (e) => {
        e.preventDefault();
        const index = Number(text);
        if (!/^\d+$/.test(text.trim()) || index >= units) return setError(`this layer has units 0–${units - 1}`);
        const r = await client.query(UnitByIndexDocument, { layerId, index }).toPromise();
        const id = r.data?.layer.unit?.id;
        if (!id) return setError(r.error?.message ?? `unit ${index} is not stored`);
        setError(null);
        router.push(`/units/${id}`);
      }}
    >
      <label>
        go to unit
        <input type="text" inputMode="numeric" size={5} value={text} placeholder={String(current)} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit">Go</button>
      <span className="muted">of {units} in this layer</span>
      {error ? <span className="field-error">{error}</span> : null}
    </form>
  );
}
