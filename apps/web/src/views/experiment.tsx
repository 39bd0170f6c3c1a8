'use client';
/**
 * Page 2: experiment overview — networks by architecture (per-epoch validation accuracy and per-step training curves,
 * which grow while the page polls a running experiment), per-layer convergence across all pairs, consensus and
 * stitching per layer.
 */
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ExperimentOverviewDocument, type ExperimentOverviewQuery } from '@convergent/schema/generated/operations.ts';
import { LineSeriesChart, seriesColor } from '../components/charts.tsx';
import { CsvButton } from '../components/export.tsx';
import { MethodConvergence } from '../components/method-convergence.tsx';
import { ConsensusStitching } from '../components/consensus-stitching.tsx';
import { Empty, ErrorBox, Loading, ProgressBar, StatusBadge } from '../components/status.tsx';
import { ExperimentActions } from '../components/experiment-actions.tsx';
import { RunsTable } from '../components/runs-table.tsx';
import { NotFound, isNotFound } from '../components/not-found.tsx';
import { dateTime, duration } from '../lib/format.ts';
import { samplesTick, stepCurveRows, stepCurvesCsv, stepCurvesEmptyReason } from '../lib/step-curves.ts';
import { usePolling, useSearchState } from '../lib/hooks.ts';
import { Stat } from '../components/stat.tsx';

type Experiment = ExperimentOverviewQuery['experiment'];
type Net = Experiment['architectures'][number]['networks'][number];

export function ExperimentPage() {
  const { id } = useParams<{ id: string }>();
  const [result, reexecute] = useQuery({ query: ExperimentOverviewDocument, variables: { id } });
  const exp = result.data?.experiment;
  const live = exp?.status === 'RUNNING' || exp?.status === 'QUEUED';
  usePolling(() => reexecute({ requestPolicy: 'network-only' }), 4000, live && !result.error);

  if (result.error && !exp && isNotFound(result.error)) return <NotFound what="experiment" id={id} />;
  if (result.error && !exp) return <ErrorBox error={result.error} title={`Could not load experiment ${id}`} />;
  if (!exp) return <Loading what="experiment" />;
  return (
    <div>
      <div className="crumbs">
        <Link href="/">Experiments</Link> /
      </div>
      <h1>
        {exp.name} <StatusBadge status={exp.status} />
      </h1>
      {result.error ? <ErrorBox error={result.error} /> : null}
      <ExperimentActions
        id={exp.id}
        name={exp.name}
        networkCount={exp.networkCount}
        jobs={exp.allJobs.edges.map((e) => e.node)}
        onChanged={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {exp.status === 'FAILED' ? <FailedJobs exp={exp} /> : null}
      {exp.legacyStreams ? (
        <p className="muted" data-testid="legacy-streams">
          Legacy random streams: these networks were made with the old seeding, under which architectures sharing a seed shared their initial weights; re-run the experiment to compare independent networks.
        </p>
      ) : null}
      <div className="stats">
        <Stat label="dataset" value={exp.dataset} />
        <Stat label="networks" value={exp.networkCount} />
        <Stat label="architectures" value={exp.architectures.length} />
        <Stat label="recorded layers" value={exp.layerNames.join(', ') || '—'} />
        <Stat label="probe images" value={exp.probeImageCount > 0 ? exp.probeImageCount.toLocaleString('en') : '—'} />
        <Stat label="created" value={dateTime(exp.createdAt)} />
        <div className="stat">
          <Link href={`/experiments/${exp.id}/findings`}>Findings</Link>
          <span>the paper&apos;s claims, checked</span>
        </div>
        <div className="stat">
          <Link href={`/experiments/${exp.id}/consensus`}>Consensus units</Link>
          <span>side by side across networks</span>
        </div>
        {exp.phase ? <Stat label="phase" value={exp.phase} /> : null}
        {exp.progress !== null && exp.progress !== undefined && exp.status !== 'COMPLETED' ? (
          <div className="stat">
            <ProgressBar fraction={exp.progress} />
            <span>progress</span>
          </div>
        ) : null}
      </div>
      {exp.jobs.edges.length > 0 ? (
        <div className="panel" data-testid="running-jobs">
          <b>Running now</b>
          {exp.jobs.edges.map(({ node: j }) => (
            <div key={j.id}>
              <ProgressBar fraction={j.fraction} /> {j.kind.toLowerCase()} {j.network?.name ?? ''} {j.phase ?? ''}
              {j.etaSeconds ? <span className="muted"> · {duration(j.etaSeconds)} left</span> : null}
            </div>
          ))}
        </div>
      ) : null}
      <MethodConvergence experimentId={exp.id} layerOrder={exp.layerNames} version={`${exp.status}|${exp.updatedAt}|${exp.progress ?? ''}`} />
      <ConsensusStitching experimentId={exp.id} status={exp.status} layerOrder={exp.layerNames} version={`${exp.status}|${exp.updatedAt}|${exp.progress ?? ''}`} />
      <PairPicker exp={exp} />
      <RunsTable
        experimentId={exp.id}
        layer={exp.layerNames[0]}
        runs={exp.architectures.flatMap((g) => g.networks)}
      />
      <Networks exp={exp} />
    </div>
  );
}

function NetworkSelect({ side, value, options, onChange }: { side: 'A' | 'B'; value: string; options: { id: string; label: string }[]; onChange: (id: string) => void }) {
  return (
    <label>
      {side}
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={`network ${side}`}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function PairPicker({ exp }: { exp: Experiment }) {
  const [params, setParams] = useSearchState();
  const nets = exp.architectures.flatMap((g) => g.networks.map((n) => ({ ...n, architecture: g.architecture })));
  const a = params.get('a') ?? nets[0]?.id ?? '';
  const b = params.get('b') ?? nets.find((n) => n.id !== a)?.id ?? '';
  const layer = params.get('layer') ?? exp.layerNames[0] ?? '';
  if (nets.length < 2 || !layer) return null;
  const options = nets.map((n) => ({ id: n.id, label: `${n.name} (${n.architecture}, seed ${n.seed})` }));
  return (
    <section>
      <h2>Compare two networks</h2>
      <div className="controls panel">
        <NetworkSelect side="A" value={a} options={options} onChange={(id) => setParams({ a: id })} />
        <NetworkSelect side="B" value={b} options={options} onChange={(id) => setParams({ b: id })} />
        <label>
          layer
          <select value={layer} onChange={(e) => setParams({ layer: e.target.value })} aria-label="layer">
            {exp.layerNames.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        {a === b ? (
          <span className="field-error">pick two different networks</span>
        ) : (
          <Link data-testid="open-pair" href={`/experiments/${exp.id}/pair?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&layer=${encodeURIComponent(layer)}`}>
            Open pair view →
          </Link>
        )}
        <Link href={`/compare?kind=NETWORK&ref=${encodeURIComponent(a)}&others=${encodeURIComponent(nets.filter((n) => n.id !== a).map((n) => n.id).slice(0, 8).join(','))}`}>
          Compare A against the others →
        </Link>
      </div>
    </section>
  );
}

function FailedJobs({ exp }: { exp: Experiment }) {
  const failed = exp.allJobs.edges.map((e) => e.node).filter((j) => j.status === 'FAILED');
  return (
    <div className="error-box" role="alert" data-testid="failed">
      <strong>This experiment failed</strong>
      <ul>
        {exp.error ? <li>{exp.error}</li> : null}
        {failed.map((j) => (
          <li key={j.id}>
            {j.kind.toLowerCase()} job{j.network ? ` of ${j.network.name}` : ''}: {j.error ?? 'no reason recorded'}
          </li>
        ))}
        {!exp.error && failed.length === 0 ? <li>no reason recorded</li> : null}
      </ul>
      <p>Retry the failed jobs above once the cause is fixed, or clone the experiment into the form and change its settings.</p>
    </div>
  );
}

function Networks({ exp }: { exp: Experiment }) {
  if (exp.architectures.length === 0) return <Empty>This experiment has no networks yet.</Empty>;
  return (
    <section aria-labelledby="curves-title">
      <h2 id="curves-title">Training curves by architecture</h2>
      <div className="row">
        {exp.architectures.map((g) => (
          <div key={g.architecture} className="grow panel" data-testid="arch-group">
            <h3>
              {g.architecture} <span className="muted">· {g.networks.length} networks · seeds {g.seeds.join(', ')}</span>
            </h3>
            <AccuracyCurves nets={g.networks} name={`accuracy-${g.architecture}`} />
            <StepCurves architecture={g.architecture} nets={g.networks} />
          </div>
        ))}
      </div>
    </section>
  );
}

/** Validation accuracy per epoch, one line per network (at most 12 drawn, to stay legible). */
function AccuracyCurves({ nets, name }: { nets: readonly Net[]; name: string }) {
  const shown = useMemo(() => nets.slice(0, 12), [nets]);
  const data = useMemo(() => {
    const epochs = new Map<number, Record<string, number>>();
    for (const n of shown) {
      for (const m of n.metrics) {
        if (m.valAccuracy === null || m.valAccuracy === undefined) continue;
        const row = epochs.get(m.epoch) ?? { epoch: m.epoch };
        row[n.id] = m.valAccuracy;
        epochs.set(m.epoch, row);
      }
    }
    return [...epochs.values()].sort((x, y) => x.epoch! - y.epoch!);
  }, [shown]);
  if (data.length === 0) return <Empty>No training metrics yet.</Empty>;
  return (
    <LineSeriesChart
      testId="accuracy-chart"
      exportName={name}
      yLabel="val accuracy"
      height={200}
      data={data}
      xKey="epoch"
      xLabel="epoch"
      yDomain={[0, 1]}
      series={shown.map((n, i) => ({ key: n.id, label: `seed ${n.seed}`, color: seriesColor(i) }))}
    />
  );
}

/** Per-step training loss and batch accuracy against samples seen, one line per network (at most 12 drawn). */
function StepCurves({ architecture, nets }: { architecture: string; nets: readonly Net[] }) {
  const shown = useMemo(() => nets.slice(0, 12), [nets]);
  const loss = useMemo(() => stepCurveRows(shown, 'loss'), [shown]);
  const accuracy = useMemo(() => stepCurveRows(shown, 'accuracy'), [shown]);
  const empty = stepCurvesEmptyReason(nets);
  const titleId = `step-curves-${architecture.replace(/[^\w-]+/g, '_')}`;
  const series = shown.map((n, i) => ({ key: n.id, label: `seed ${n.seed}`, color: seriesColor(i) }));
  return (
    <div data-testid="step-curves" aria-labelledby={titleId} role="group">
      <h4 id={titleId}>
        Per-step training curves <span className="muted">· each point the mean over a bucket of steps</span>
      </h4>
      {empty !== null ? (
        <div data-testid="step-curves-empty">
          <Empty>{empty}</Empty>
        </div>
      ) : (
        <>
          <LineSeriesChart
            testId="step-loss-chart"
            exportName={`step-loss-${architecture}`}
            ariaLabel={`training loss against training samples seen, ${architecture}, one line per seed`}
            xLabel="training samples seen"
            yLabel="training loss"
            height={240}
            data={loss}
            xKey="samples"
            numericX
            linear
            xTickFormatter={samplesTick}
            dots={loss.length <= 30}
            yDomain={[0, 'auto']}
            series={series}
          />
          <LineSeriesChart
            testId="step-accuracy-chart"
            exportName={`step-accuracy-${architecture}`}
            ariaLabel={`batch accuracy while training against training samples seen, ${architecture}, one line per seed`}
            xLabel="training samples seen"
            yLabel="batch accuracy"
            height={240}
            data={accuracy}
            xKey="samples"
            numericX
            linear
            xTickFormatter={samplesTick}
            dots={accuracy.length <= 30}
            yDomain={[0, 1]}
            series={series}
          />
          <div className="export-bar">
            <CsvButton name={`step-curves-${architecture}`} rows={() => stepCurvesCsv(architecture, nets)} />
          </div>
        </>
      )}
    </div>
  );
}
