'use client';
/**
 * The "new experiment" form: pickers for every common setting, and the spec JSON as an advanced tab. Both edit one
 * value (lib/spec-form.ts). Validated live by the API's own checks (the `validateSpec` query runs what
 * createExperiment runs, with the server's limits), so what the form accepts is what the API accepts.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateExperimentDocument, ExperimentSpecDocument, SpecOptionsDocument, ValidateSpecDocument } from '@convergent/schema/generated/operations.ts';
import { ErrorBox } from './status.tsx';
import { SPEC_PRESETS } from '../lib/presets.ts';
import { parseSpecText, specProblems, type SpecProblem } from '../lib/spec-errors.ts';
import {
  architectureView,
  cloneSpec,
  getPath,
  numberFromInput,
  problemsFor,
  seedsFromInput,
  seedsView,
  setPath,
  toggleArchitecture,
  toggleMethod,
  type SeedsMode,
  type Spec,
} from '../lib/spec-form.ts';

/** Wait this long after the last keystroke before asking the API to validate. */
const VALIDATE_DEBOUNCE_MS = 250;

export function ExperimentForm({ preset, cloneOf, onPreset, tab, onTab }: { preset: string | null; cloneOf: string | null; onPreset: (id: string) => void; tab: string | null; onTab: (tab: 'form' | 'json') => void }) {
  const router = useRouter();
  const initial = SPEC_PRESETS.find((p) => p.id === preset) ?? SPEC_PRESETS[0]!;
  const [text, setText] = useState(() => JSON.stringify(initial.spec, null, 2));
  const [source, setSource] = useState(cloneOf ? 'clone' : initial.id);
  const [submitProblems, setSubmitProblems] = useState<SpecProblem[]>([]);
  const [other, setOther] = useState<Parameters<typeof ErrorBox>[0]['error'] | null>(null);
  const [state, create] = useMutation(CreateExperimentDocument);
  const [options] = useQuery({ query: SpecOptionsDocument });
  const [cloned] = useQuery({ query: ExperimentSpecDocument, variables: { id: cloneOf ?? '' }, pause: !cloneOf });
  useEffect(() => {
    const e = cloned.data?.experiment;
    if (e) setText(JSON.stringify(cloneSpec(e.spec, e.name), null, 2));
  }, [cloned.data]);

  const parsed = useMemo(() => parseSpecText(text), [text]);
  const spec: Spec | null = parsed.error || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value) ? null : (parsed.value as Spec);
  const name = typeof spec?.name === 'string' && spec.name.trim() ? spec.name.trim() : '';

  // Live validation: the same checks as createExperiment, debounced.
  const [pending, setPending] = useState<{ name: string; spec: unknown } | null>(null);
  useEffect(() => {
    if (!spec) return setPending(null);
    const t = window.setTimeout(() => setPending({ name: name || ' ', spec }), VALIDATE_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [spec, name]);
  const [validation] = useQuery({ query: ValidateSpecDocument, variables: pending ?? { name: '', spec: {} }, pause: !pending });
  const v = pending ? validation.data?.validateSpec : undefined;
  const stale = validation.fetching || (spec !== null && pending?.spec !== spec);
  const problems = v?.problems ?? [];

  const edit = (path: string, value: unknown) => {
    if (!spec) return;
    setText(JSON.stringify(setPath(spec, path, value), null, 2));
  };

  const choose = (id: string) => {
    const p = SPEC_PRESETS.find((x) => x.id === id);
    if (!p) return;
    onPreset(id);
    setSource(id);
    setText(JSON.stringify(p.spec, null, 2));
    setSubmitProblems([]);
    setOther(null);
  };

  const submit = async () => {
    setSubmitProblems([]);
    setOther(null);
    if (!spec) return;
    const res = await create({ input: { name: name || 'experiment', spec } });
    if (res.error) {
      const bad = res.error.graphQLErrors.filter((e) => e.extensions?.code === 'BAD_USER_INPUT');
      if (bad.length > 0) setSubmitProblems(specProblems(bad));
      if (bad.length < res.error.graphQLErrors.length || res.error.networkError) setOther(res.error);
      return;
    }
    const id = res.data?.createExperiment.experiment.id;
    if (id) router.push(`/experiments/${id}`);
  };

  const showJson = tab === 'json';
  return (
    <section className="panel" style={{ margin: '12px 0' }} data-testid="new-experiment" aria-labelledby="new-experiment-title">
      <h2 id="new-experiment-title" style={{ marginTop: 0 }}>
        New experiment
      </h2>
      <div className="controls">
        <label>
          Start from
          <select value={source} onChange={(e) => choose(e.target.value)}>
            {cloneOf ? <option value="clone">a copy of {cloned.data?.experiment.name ?? cloneOf}</option> : null}
            {SPEC_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <div className="toggle" role="group" aria-label="editor">
          <button type="button" aria-pressed={!showJson} onClick={() => onTab('form')}>
            Form
          </button>
          <button type="button" aria-pressed={showJson} onClick={() => onTab('json')}>
            JSON (advanced)
          </button>
        </div>
      </div>
      {cloned.error ? <ErrorBox error={cloned.error} title="Could not load the experiment to copy" /> : null}
      {showJson || !spec ? (
        <>
          {!showJson ? <p className="field-error">The JSON is not valid, so the form cannot show it; fix it here first.</p> : null}
          <textarea className="json" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-label="experiment spec (JSON)" />
          {parsed.error ? <div className="field-error">{parsed.error.message}</div> : null}
        </>
      ) : (
        <SpecFields spec={spec} edit={edit} problems={problems} options={options.data?.specOptions} />
      )}
      <Validation spec={spec} stale={stale} ok={v?.ok} problems={problems} networkCount={v?.networkCount} methods={v?.methods} error={validation.error} />
      {submitProblems.length > 0 ? (
        <div className="error-box" role="alert" data-testid="spec-errors">
          <strong>The API rejected the spec</strong>
          <ul>
            {submitProblems.map((p, i) => (
              <li key={i}>
                {p.path ? <code>{p.path}</code> : null} {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {other ? <ErrorBox error={other} title="Could not create the experiment" /> : null}
      <div className="controls">
        <button className="primary" disabled={state.fetching || !spec || v?.ok === false} onClick={() => void submit()}>
          {state.fetching ? 'Creating…' : 'Create and queue jobs'}
        </button>
      </div>
    </section>
  );
}

function Validation({ spec, stale, ok, problems, networkCount, methods, error }: { spec: Spec | null; stale: boolean; ok: boolean | undefined; problems: readonly string[]; networkCount: number | null | undefined; methods: readonly string[] | null | undefined; error: Parameters<typeof ErrorBox>[0]['error'] | undefined }) {
  if (!spec) return null;
  if (error) return <ErrorBox error={error} title="Could not validate the spec" />;
  if (ok === undefined) return <p className="muted" aria-live="polite">Checking the spec…</p>;
  return (
    <div aria-live="polite" data-testid="spec-validation" data-ok={ok ? 'true' : 'false'} data-stale={stale ? 'true' : 'false'}>
      {ok ? (
        <p className="ok-text">
          ✓ Valid{stale ? ' (re-checking…)' : ''}: trains {networkCount} network{networkCount === 1 ? '' : 's'} (plus an untrained twin per architecture when chance is on), aligns with {methods?.join(', ')}.
        </p>
      ) : (
        <div className="error-box" data-testid="spec-problems">
          <strong>
            {problems.length} problem{problems.length === 1 ? '' : 's'} (checked by the API, as on submit){stale ? ' · re-checking…' : ''}
          </strong>
          <ul>
            {specProblems([{ message: '', extensions: { errors: [...problems] } }]).map((p, i) => (
              <li key={i}>
                {p.path ? <code>{p.path}</code> : null} {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

interface Options {
  datasets: readonly string[];
  architectures: readonly string[];
  methods: readonly string[];
  defaultMethods: readonly string[];
  optimizers: readonly string[];
}

function Field({ label, path, problems, children, wide }: { label: string; path: string; problems: readonly string[]; children: (id: string, invalid: boolean) => ReactNode; wide?: boolean }) {
  const mine = problemsFor(problems, path);
  const id = `spec-${path.replace(/\W/g, '-')}`;
  return (
    <div className={`field${wide ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, mine.length > 0)}
      {mine.map((p, i) => (
        <div key={i} className="field-error" id={`${id}-error`}>
          {p}
        </div>
      ))}
    </div>
  );
}

function NumberInput({ id, invalid, value, onChange, step }: { id: string; invalid: boolean; value: unknown; onChange: (v: unknown) => void; step?: string }) {
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      value={value === undefined || value === null ? '' : String(value)}
      aria-invalid={invalid}
      aria-describedby={invalid ? `${id}-error` : undefined}
      data-step={step}
      onChange={(e) => onChange(numberFromInput(e.target.value))}
    />
  );
}

function SpecFields({ spec, edit, problems, options }: { spec: Spec; edit: (path: string, value: unknown) => void; problems: readonly string[]; options: Options | undefined }) {
  const seeds = seedsView(spec.seeds);
  const [seedsMode, setSeedsMode] = useState<SeedsMode>(seeds.mode);
  const [seedsText, setSeedsText] = useState(seeds.text);
  // Follow outside changes (preset, JSON tab) unless the text typed here already means the same seeds. The typed text
  // is read through a ref: the effect runs when the spec's seeds change, never because a half-typed list changed.
  const typed = useRef({ seedsMode, seedsText });
  typed.current = { seedsMode, seedsText };
  useEffect(() => {
    const now = seedsFromInput(typed.current.seedsMode, typed.current.seedsText);
    if (JSON.stringify(now) !== JSON.stringify(spec.seeds)) {
      const view = seedsView(spec.seeds);
      setSeedsMode(view.mode);
      setSeedsText(view.text);
    }
  }, [spec.seeds]);
  const archs = architectureView(spec.architectures);
  const dataset = spec.dataset;
  const presetNames = options?.architectures ?? archs.presets;
  const methods = Array.isArray(spec.methods) ? (spec.methods as unknown[]) : null;
  const byArch = getPath(spec, 'seedsByArchitecture');
  return (
    <div className="spec-form" data-testid="spec-form">
      <Field label="Name" path="name" problems={problems} wide>
        {(id, invalid) => <input id={id} type="text" value={typeof spec.name === 'string' ? spec.name : ''} aria-invalid={invalid} onChange={(e) => edit('name', e.target.value)} />}
      </Field>
      <Field label="Dataset" path="dataset" problems={problems}>
        {(id, invalid) =>
          typeof dataset === 'string' || dataset === undefined ? (
            <select id={id} value={typeof dataset === 'string' ? dataset : ''} aria-invalid={invalid} onChange={(e) => edit('dataset', e.target.value)}>
              {typeof dataset === 'string' && options && !options.datasets.includes(dataset) ? <option value={dataset}>{dataset} (unknown)</option> : null}
              {dataset === undefined ? <option value="">choose…</option> : null}
              {(options?.datasets ?? []).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          ) : (
            <span id={id} className="muted">
              your files (edit in the JSON tab)
            </span>
          )
        }
      </Field>
      <Field label="Probe images" path="split.probe" problems={problems}>
        {(id, invalid) => <NumberInput id={id} invalid={invalid} value={getPath(spec, 'split.probe')} onChange={(v) => edit('split.probe', v)} />}
      </Field>
      <Field label="Validation images" path="split.validation" problems={problems}>
        {(id, invalid) => <NumberInput id={id} invalid={invalid} value={getPath(spec, 'split.validation')} onChange={(v) => edit('split.validation', v)} />}
      </Field>
      <Field label="Split seed" path="split.seed" problems={problems}>
        {(id, invalid) => <NumberInput id={id} invalid={invalid} value={getPath(spec, 'split.seed')} onChange={(v) => edit('split.seed', v)} />}
      </Field>
      <fieldset className="field field-wide">
        <legend>Architectures (presets: width variants -x0.5/-x2, depth variant lenet-deep, residual rescnn, mlp)</legend>
        <div className="checks">
          {presetNames.map((a) => (
            <label key={a}>
              <input type="checkbox" checked={archs.presets.includes(a)} onChange={(e) => edit('architectures', toggleArchitecture(spec.architectures, a, e.target.checked))} /> {a}
            </label>
          ))}
        </div>
        {archs.inline.length > 0 ? <div className="muted">Inline architectures kept: {archs.inline.join(', ')} (edit in the JSON tab).</div> : null}
        {problemsFor(problems, 'architectures').map((p, i) => (
          <div key={i} className="field-error">
            {p}
          </div>
        ))}
      </fieldset>
      <Field label="Seeds" path="seeds" problems={problems}>
        {(id, invalid) => (
          <span className="inline-inputs">
            <select
              aria-label="seeds given as"
              value={seedsMode}
              onChange={(e) => {
                const mode = e.target.value as SeedsMode;
                const view = seedsView(spec.seeds);
                const text = mode === 'count' ? (Array.isArray(spec.seeds) ? String(spec.seeds.length) : '') : view.mode === 'list' ? view.text : (spec.seeds as number[]).join(', ');
                setSeedsMode(mode);
                setSeedsText(text);
                edit('seeds', seedsFromInput(mode, text));
              }}
            >
              <option value="count">count (1…N)</option>
              <option value="list">list</option>
            </select>
            <input
              id={id}
              type="text"
              value={seedsText}
              aria-invalid={invalid}
              placeholder={seedsMode === 'count' ? '4' : '1, 2, 3'}
              onChange={(e) => {
                setSeedsText(e.target.value);
                edit('seeds', seedsFromInput(seedsMode, e.target.value));
              }}
            />
          </span>
        )}
      </Field>
      {byArch && typeof byArch === 'object' && Object.keys(byArch).length > 0 ? (
        <div className="field">
          <span className="label">Seeds per architecture</span>
          <span className="muted">
            {Object.entries(byArch as Record<string, unknown>)
              .map(([a, s]) => `${a}: ${JSON.stringify(s)}`)
              .join('; ')}{' '}
            (JSON tab)
          </span>
        </div>
      ) : null}
      <Field label="Epochs" path="training.epochs" problems={problems}>
        {(id, invalid) => <NumberInput id={id} invalid={invalid} value={getPath(spec, 'training.epochs')} onChange={(v) => edit('training.epochs', v)} />}
      </Field>
      <Field label="Batch size" path="training.batchSize" problems={problems}>
        {(id, invalid) => <NumberInput id={id} invalid={invalid} value={getPath(spec, 'training.batchSize')} onChange={(v) => edit('training.batchSize', v)} />}
      </Field>
      <Field label="Learning rate" path="training.learningRate" problems={problems}>
        {(id, invalid) => <NumberInput id={id} invalid={invalid} value={getPath(spec, 'training.learningRate')} onChange={(v) => edit('training.learningRate', v)} />}
      </Field>
      <Field label="Optimizer" path="training.optimizer" problems={problems}>
        {(id, invalid) => (
          <select id={id} value={String(getPath(spec, 'training.optimizer') ?? '')} aria-invalid={invalid} onChange={(e) => edit('training.optimizer', e.target.value)}>
            {(options?.optimizers ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Train limit (images; empty = all)" path="training.trainLimit" problems={problems}>
        {(id, invalid) => <NumberInput id={id} invalid={invalid} value={getPath(spec, 'training.trainLimit')} onChange={(v) => edit('training.trainLimit', v)} />}
      </Field>
      <fieldset className="field field-wide">
        <legend>Methods {methods === null ? '(default: the paper’s six)' : ''}</legend>
        <div className="checks">
          {(options?.methods ?? []).map((m) => {
            const on = methods === null ? (options?.defaultMethods ?? []).includes(m) : methods.includes(m) || methods.includes('all');
            return (
              <label key={m}>
                <input type="checkbox" checked={on} onChange={(e) => edit('methods', toggleMethod(spec.methods, options?.defaultMethods ?? [], options?.methods ?? [], m, e.target.checked))} /> {m}
              </label>
            );
          })}
        </div>
        {problemsFor(problems, 'methods').map((p, i) => (
          <div key={i} className="field-error">
            {p}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
