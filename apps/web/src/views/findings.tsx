'use client';
/** The paper's findings for one experiment (Experiment.findings: computed by the engine from the stored rows). */
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useQuery } from 'urql';
import { FindingsPageDocument, type FindingsPageQuery } from '@convergent/schema/generated/operations.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { intervalText, num, pValue, VERDICT_LABEL, verdictClass } from '../lib/findings-view.ts';

type Finding = FindingsPageQuery['experiment']['findings']['findings'][number];

const wrap = { overflowWrap: 'anywhere' as const, minWidth: 0 };

function FindingSection({ f }: { f: Finding }) {
  const headingId = `finding-${f.id}`;
  return (
    <section className="panel" aria-labelledby={headingId} style={{ margin: '12px 0', ...wrap }} data-testid={`finding-${f.id}`}>
      <h2 id={headingId} style={{ marginTop: 0 }}>
        {f.title} <span className={verdictClass(f.verdict)}>{VERDICT_LABEL[f.verdict]}</span>
      </h2>
      <p className="muted">
        <code>{f.id}</code> · {f.claim}
      </p>
      <dl style={{ margin: 0 }}>
        <dt>Statistic</dt>
        <dd>
          {f.statisticName}
          {f.statisticLayer ? ` (${f.statisticLayer})` : ''} = <b>{num(f.statistic)}</b>
        </dd>
        <dt>95% interval</dt>
        <dd>{intervalText(f.interval, f.intervalReason)}</dd>
        <dt>Held against</dt>
        <dd>{f.chanceName ? `${f.chanceName} = ${num(f.chance)}` : 'nothing (no chance applies)'}</dd>
        <dt>p-value</dt>
        <dd>{f.pValue === null || f.pValue === undefined ? 'no test applies' : `${pValue(f.pValue)} (${f.test ?? ''})`}</dd>
        <dt>Verdict</dt>
        <dd>
          <b>{VERDICT_LABEL[f.verdict]}</b>: {f.reason}
        </dd>
      </dl>
      <details>
        <summary>Decision rule</summary>
        <p>{f.rule}</p>
      </details>
      {f.rows.length > 0 ? (
        <>
          <h3>Per layer</h3>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {f.rows.map((r, i) => (
              <li key={`${r.layer}/${r.figure ?? ''}/${i}`} style={{ borderTop: '1px solid var(--line)', padding: '6px 0', ...wrap }}>
                <b>
                  {r.layer}
                  {r.figure ? ` · ${r.figure}` : ''}
                </b>{' '}
                <span className={verdictClass(r.verdict)}>{VERDICT_LABEL[r.verdict]}</span>
                <div>
                  value {num(r.value)} · {intervalText(r.interval, r.intervalReason)} · chance {num(r.chance)} · p {pValue(r.pValue)} · n {r.n}
                </div>
                <div className="muted">{r.reason}</div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function FindingsPage() {
  const { id } = useParams<{ id: string }>();
  const [result] = useQuery({ query: FindingsPageDocument, variables: { id } });
  const exp = result.data?.experiment;
  if (result.error && !exp) return <ErrorBox error={result.error} title={`Could not load the findings of experiment ${id}`} />;
  if (!exp) return <Loading what="findings" />;
  const f = exp.findings;
  return (
    <div style={wrap}>
      <div className="crumbs">
        <Link href="/">Experiments</Link> / <Link href={`/experiments/${exp.id}`}>{exp.name}</Link> /
      </div>
      <h1>Findings</h1>
      <p className="muted">
        {f.trainedNetworks} trained networks, {f.untrainedNetworks} untrained twins; layers {f.layers.join(', ') || '—'}. Every verdict is computed from the numbers next to it; intervals
        are 95% bootstrap intervals that resample networks. A unit counts as matched well at r ≥ {num(f.reliableR)}.
      </p>
      {result.error ? <ErrorBox error={result.error} /> : null}
      {f.findings.map((x) => (
        <FindingSection key={x.id} f={x} />
      ))}
    </div>
  );
}
