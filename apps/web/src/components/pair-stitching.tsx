'use client';
/**
 * The pair page's stitching (issue 16): for every layer the experiment stitched, B's held-out accuracy on A's
 * activations through each map (and the reverse direction), against the receiving network's own accuracy, the same
 * maps from an untrained twin of the sender's architecture (matched chance) and the majority-class rate. The page's
 * current layer is marked.
 */
import { useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { PairStitchingDocument } from '@convergent/schema/generated/operations.ts';
import { CsvButton } from './export.tsx';
import { ScrollBox } from './scroll-box.tsx';
import { Empty, ErrorBox, Loading } from './status.tsx';
import { emptyReason, pairStitchRows } from '../lib/consensus-stitching.ts';
import { fmt } from '../lib/format.ts';

interface NetLike {
  id: string;
  name: string;
  architecture: string;
}

/** Each untrained twin's three maps, "perm / sparse / least squares", twins separated by ';'. */
const chanceText = (c: { permutation: number | null; sparse: number | null; linear: number | null }[]) =>
  c.length === 0 ? 'unavailable' : c.map((x) => `${fmt(x.permutation)} / ${fmt(x.sparse)} / ${fmt(x.linear)}`).join('; ');

export function PairStitching({ experimentId, a, b, layer }: { experimentId: string; a: NetLike; b: NetLike; layer: string }) {
  const [res] = useQuery({ query: PairStitchingDocument, variables: { id: experimentId } });
  const exp = res.data?.experiment;
  const rows = useMemo(() => (exp ? pairStitchRows(exp.stitching, a, b, exp.layerNames) : []), [exp, a, b]);
  const tableRef = useRef<HTMLTableElement | null>(null);
  return (
    <section aria-labelledby="pair-stitching-title" data-testid="pair-stitching">
      <h2 id="pair-stitching-title">Stitching</h2>
      {res.error && !exp ? <ErrorBox error={res.error} title="Could not load stitching" /> : null}
      {!exp && !res.error ? <Loading what="stitching" /> : null}
      {exp && exp.stitching.length === 0 ? <Empty>{emptyReason(exp.spec, 'stitch', exp.status)}</Empty> : null}
      {exp && exp.stitching.length > 0 && rows.length === 0 ? (
        <Empty>
          No stitching stored for {a.name} and {b.name}: the experiment stitched layers {exp.stitching.map((s) => s.layer).join(', ')} between trained networks, and this pair is not among them
          {a.id === b.id ? ' (A and B are the same network)' : ''}.
        </Empty>
      ) : null}
      {rows.length > 0 ? (
        <>
          <p className="muted">
            Held-out accuracy of the receiving network with its layer replaced by a map from the sending network&apos;s activations (higher is better); chance:
            the same map from an untrained twin of the sender&apos;s architecture, and always guessing the majority class.
          </p>
          <div className="controls">
            <CsvButton name={`stitching-${a.name}-${b.name}`} tableRef={tableRef} />
          </div>
          <ScrollBox label="stitching of this pair">
            <table data-testid="pair-stitching-table" ref={tableRef}>
              <caption className="muted">
                stitched accuracy of {a.name} and {b.name} per layer and direction
              </caption>
              <thead>
                <tr>
                  <th>layer</th>
                  <th>direction</th>
                  <th className="num">receiver&apos;s own</th>
                  <th className="num">permutation</th>
                  <th className="num">sparse map</th>
                  <th className="num">least-squares map</th>
                  <th className="num">untrained twin: permutation / sparse / least squares</th>
                  <th className="num">majority class</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.layer}-${r.direction}`} data-testid="pair-stitching-row" aria-current={r.layer === layer ? 'true' : undefined} className={r.layer === layer ? 'current' : undefined}>
                    <td>
                      {r.layer}
                      {r.layer === layer ? ' (this layer)' : ''}
                    </td>
                    <td>
                      {r.direction}: {r.from} → {r.to}
                    </td>
                    <td className="num">{fmt(r.own)}</td>
                    <td className="num">{fmt(r.permutation)}</td>
                    <td className="num">{fmt(r.sparse)}</td>
                    <td className="num">{fmt(r.linear)}</td>
                    <td className="num">
                      {chanceText(r.chance)}
                    </td>
                    <td className="num">{fmt(r.majority)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      ) : null}
    </section>
  );
}
