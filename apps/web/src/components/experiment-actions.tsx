'use client';
/** Manage an experiment: clone it into the form, cancel its live jobs, retry its failed or cancelled ones, delete it (confirmed). */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { CancelJobDocument, DeleteExperimentDocument, ExperimentJobsDocument, RetryJobDocument } from '@convergent/schema/generated/operations.ts';
import { ErrorBox } from './status.tsx';

interface JobLite {
  id: string;
  status: string;
}

export function ExperimentActions({ id, name, networkCount, jobs, onChanged }: { id: string; name: string; networkCount: number; jobs: readonly JobLite[]; onChanged: () => void }) {
  const router = useRouter();
  const [, cancel] = useMutation(CancelJobDocument);
  const [, retry] = useMutation(RetryJobDocument);
  const [del, remove] = useMutation(DeleteExperimentDocument);
  const [confirming, setConfirming] = useState(false);
  // Opening the confirmation moves focus to its safe choice, so Enter or Space never deletes by accident.
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const live = jobs.filter((j) => j.status === 'QUEUED' || j.status === 'RUNNING');
  const retryable = jobs.filter((j) => j.status === 'FAILED' || j.status === 'CANCELLED');

  const client = useClient();
  /**
   * Act on the jobs that are in `states` now (the page's list may be seconds old: a pipeline adds steps as it goes).
   * A job that finished in between is refused by the API (BAD_USER_INPUT) and skipped; any other error stops.
   */
  const each = async (states: readonly string[], run: (v: { id: string }) => Promise<{ error?: CombinedError | undefined }>) => {
    setBusy(true);
    setError(null);
    const fresh = await client.query(ExperimentJobsDocument, { id }, { requestPolicy: 'network-only' }).toPromise();
    if (fresh.error) setError(fresh.error);
    for (const { node: j } of fresh.data?.experiment.jobs.edges ?? []) {
      if (!states.includes(j.status)) continue;
      const r = await run({ id: j.id });
      if (r.error && !r.error.graphQLErrors.every((e) => e.extensions?.code === 'BAD_USER_INPUT')) {
        setError(r.error);
        break;
      }
    }
    setBusy(false);
    onChanged();
  };

  return (
    <div className="controls" data-testid="experiment-actions">
      <Link className="button" href={`/?new=1&clone=${encodeURIComponent(id)}`}>
        Clone into the form
      </Link>
      {live.length > 0 ? (
        <button type="button" disabled={busy} onClick={() => void each(['QUEUED', 'RUNNING'], cancel)}>
          Cancel {live.length} job{live.length === 1 ? '' : 's'}
        </button>
      ) : null}
      {retryable.length > 0 ? (
        <button type="button" disabled={busy} onClick={() => void each(['FAILED', 'CANCELLED'], retry)}>
          Retry {retryable.length} failed or cancelled job{retryable.length === 1 ? '' : 's'}
        </button>
      ) : null}
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete…
        </button>
      ) : (
        <span className="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
          <span id="confirm-delete-text">
            Delete “{name}” with its {networkCount} network{networkCount === 1 ? '' : 's'}, alignments, jobs and files? This cannot be undone.
          </span>{' '}
          <button
            type="button"
            className="danger"
            disabled={del.fetching}
            onClick={async () => {
              // The answer's type is not Experiment: name it, so urql drops every cached list that holds experiments and the
              // experiments page never shows the deleted one again.
              const r = await remove({ id }, { additionalTypenames: ['Experiment'] });
              if (r.error) setError(r.error);
              else router.push('/');
            }}
          >
            Delete for good
          </button>{' '}
          <button type="button" ref={keepRef} onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </span>
      )}
      {error ? <ErrorBox error={error} title="The action failed" /> : null}
    </div>
  );
}
