'use client';
/** Page 1: the team's experiments (live progress by polling) and the "new experiment" form. */
import Link from 'next/link';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ExperimentListDocument } from '@convergent/schema/generated/operations.ts';
import { ExperimentForm } from '../components/experiment-form.tsx';
import { Empty, ErrorBox, Loading, ProgressBar, StatusBadge } from '../components/status.tsx';
import { VirtualTable } from '../components/virtual-table.tsx';
import { dateTime, duration } from '../lib/format.ts';
import { usePolling, useSearchState } from '../lib/hooks.ts';

const POLL_MS = 3000;

export function ExperimentsPage() {
  const [params, setParams] = useSearchState();
  const showForm = params.get('new') === '1';
  const [result, reexecute] = useQuery({ query: ExperimentListDocument, variables: { first: 200 } });
  const experiments = result.data?.experiments.edges.map((e) => e.node) ?? [];
  const jobsByExperiment = useMemo(() => {
    const m = new Map<string, { phase: string | null | undefined; fraction: number; eta: number | null | undefined; kind: string; network: string | undefined }[]>();
    for (const { node: j } of result.data?.jobs.edges ?? []) {
      const id = j.experiment?.id;
      if (!id) continue;
      const list = m.get(id) ?? [];
      list.push({ phase: j.phase, fraction: j.fraction, eta: j.etaSeconds, kind: j.kind, network: j.network?.name });
      m.set(id, list);
    }
    return m;
  }, [result.data]);
  const active = experiments.some((e) => e.status === 'RUNNING' || e.status === 'QUEUED');
  usePolling(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS, active && !result.error);

  return (
    <div>
      <div className="controls" style={{ justifyContent: 'space-between' }}>
        <div>
          <h1>Experiments</h1>
          {result.data ? (
            <div className="muted">
              Team <b>{result.data.viewer.team.name}</b> · {result.data.viewer.credentialKind === 'SESSION' ? 'session' : 'token'} “{result.data.viewer.tokenName}” · {result.data.experiments.totalCount}{' '}
              experiment{result.data.experiments.totalCount === 1 ? '' : 's'}
              {active ? ' · live (refreshing every 3 s)' : ''}
            </div>
          ) : null}
        </div>
        <button className={showForm ? '' : 'primary'} onClick={() => setParams(showForm ? { new: null, clone: null, preset: null, tab: null } : { new: '1' })}>
          {showForm ? 'Close form' : 'New experiment'}
        </button>
      </div>
      {showForm ? (
        <ExperimentForm
          key={params.get('clone') ?? 'new'}
          preset={params.get('preset')}
          cloneOf={params.get('clone')}
          onPreset={(p) => setParams({ preset: p, clone: null })}
          tab={params.get('tab')}
          onTab={(t) => setParams({ tab: t === 'form' ? null : t })}
        />
      ) : null}
      {result.error ? <ErrorBox error={result.error} title="Could not load experiments" /> : null}
      {result.fetching && !result.data ? <Loading what="experiments" /> : null}
      {result.data && experiments.length === 0 ? (
        <Empty>
          No experiments yet. Create one with <b>New experiment</b>, or import a result directory through the API (
          <code>importResult</code>).
        </Empty>
      ) : null}
      {experiments.length > 0 ? (
        <VirtualTable
          testId="experiments-table"
          rows={experiments}
          rowKey={(e) => e.id}
          maxHeight={640}
          columns={[
            { header: 'Name', width: 'minmax(180px, 2fr)', cell: (e) => <Link href={`/experiments/${e.id}`}>{e.name}</Link> },
            { header: 'Status', width: '110px', cell: (e) => <StatusBadge status={e.status} /> },
            { header: 'Dataset', width: '130px', cell: (e) => e.dataset },
            { header: 'Networks', width: '90px', align: 'right', cell: (e) => e.networkCount },
            {
              header: 'Progress',
              width: 'minmax(200px, 2fr)',
              cell: (e) => {
                const jobs = jobsByExperiment.get(e.id) ?? [];
                const now = jobs[0];
                if (e.status === 'FAILED') return <span className="error-text" title={e.error ?? ''}>{e.error ?? 'failed'}</span>;
                return (
                  <span>
                    <ProgressBar fraction={e.progress} />{' '}
                    {!now && e.phase ? <span className="muted">{e.phase}</span> : null}
                    {now ? (
                      <span className="muted">
                        {now.kind.toLowerCase()} {now.network ?? ''} {now.phase ?? ''}
                        {now.eta ? ` · ${duration(now.eta)} left` : ''}
                        {jobs.length > 1 ? ` (+${jobs.length - 1} running)` : ''}
                      </span>
                    ) : null}
                  </span>
                );
              },
            },
            { header: 'Created', width: '180px', cell: (e) => dateTime(e.createdAt) },
          ]}
        />
      ) : null}
    </div>
  );
}
