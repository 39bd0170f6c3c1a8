'use client';
/** Page 1: the team's experiments (live progress by polling) and the "new experiment" form. */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateExperimentDocument, ExperimentListDocument } from '@convergent/schema/generated/operations.ts';
import { Empty, ErrorBox, Loading, ProgressBar, StatusBadge } from '../components/status.tsx';
import { VirtualTable } from '../components/virtual-table.tsx';
import { dateTime, duration } from '../lib/format.ts';
import { usePolling, useSearchState } from '../lib/hooks.ts';
import { SPEC_PRESETS } from '../lib/presets.ts';
import { parseSpecText, specProblems, type SpecProblem } from '../lib/spec-errors.ts';

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
        <button className={showForm ? '' : 'primary'} onClick={() => setParams({ new: showForm ? null : '1' })}>
          {showForm ? 'Close form' : 'New experiment'}
        </button>
      </div>
      {showForm ? <NewExperimentForm preset={params.get('preset')} onPreset={(p) => setParams({ preset: p })} /> : null}
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

function NewExperimentForm({ preset, onPreset }: { preset: string | null; onPreset: (id: string) => void }) {
  const router = useRouter();
  const initial = SPEC_PRESETS.find((p) => p.id === preset) ?? SPEC_PRESETS[0]!;
  const [text, setText] = useState(() => JSON.stringify(initial.spec, null, 2));
  const [problems, setProblems] = useState<SpecProblem[]>([]);
  const [other, setOther] = useState<Parameters<typeof ErrorBox>[0]['error'] | null>(null);
  const [state, create] = useMutation(CreateExperimentDocument);
  const syntax = useMemo(() => parseSpecText(text).error, [text]);

  const choose = (id: string) => {
    const p = SPEC_PRESETS.find((x) => x.id === id);
    if (!p) return;
    onPreset(id);
    setText(JSON.stringify(p.spec, null, 2));
    setProblems([]);
    setOther(null);
  };

  const submit = async () => {
    setProblems([]);
    setOther(null);
    const parsed = parseSpecText(text);
    if (parsed.error) {
      setProblems([parsed.error]);
      return;
    }
    const specName = (parsed.value as { name?: unknown } | null)?.name;
    const res = await create({ input: { name: typeof specName === 'string' && specName.trim() ? specName.trim() : 'experiment', spec: parsed.value } });
    if (res.error) {
      const bad = res.error.graphQLErrors.filter((e) => e.extensions?.code === 'BAD_USER_INPUT');
      if (bad.length > 0) setProblems(specProblems(bad));
      if (bad.length < res.error.graphQLErrors.length || res.error.networkError) setOther(res.error);
      return;
    }
    const id = res.data?.createExperiment.experiment.id;
    if (id) router.push(`/experiments/${id}`);
  };

  return (
    <div className="panel" style={{ margin: '12px 0' }} data-testid="new-experiment">
      <div className="controls">
        <label>
          Preset
          <select value={preset ?? initial.id} onChange={(e) => choose(e.target.value)}>
            {SPEC_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">The experiment takes the spec&apos;s &quot;name&quot;.</span>
      </div>
      <textarea className="json" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-label="experiment spec (JSON)" />
      {syntax ? <div className="field-error">{syntax.message}</div> : null}
      {problems.length > 0 ? (
        <div className="error-box" role="alert" data-testid="spec-errors">
          <strong>The API rejected the spec</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.path ? <code>{p.path}</code> : null} {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {other ? <ErrorBox error={other} title="Could not create the experiment" /> : null}
      <div className="controls">
        <button className="primary" disabled={state.fetching || syntax !== null} onClick={() => void submit()}>
          {state.fetching ? 'Creating…' : 'Create and queue jobs'}
        </button>
        <span className="muted">Validated by the engine on the server; problems appear above, by JSON path.</span>
      </div>
    </div>
  );
}
