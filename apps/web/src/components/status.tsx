'use client';
import Link from 'next/link';
import type { CombinedError } from 'urql';
import type { ReactNode } from 'react';

/** GraphQL and network errors, with their codes; never swallowed. */
export function ErrorBox({ error, title }: { error: CombinedError | Error | string; title?: string }) {
  let lines: { message: string; code?: string }[];
  if (typeof error === 'string') lines = [{ message: error }];
  else if ('graphQLErrors' in error) {
    lines = error.graphQLErrors.map((e) => {
      const code = e.extensions?.code;
      return typeof code === 'string' ? { message: e.message, code } : { message: e.message };
    });
    if (error.networkError) lines.push({ message: `Network error: ${error.networkError.message}`, code: 'NETWORK' });
    if (lines.length === 0) lines = [{ message: error.message }];
  } else lines = [{ message: error.message }];
  const unauthenticated = lines.some((l) => l.code === 'UNAUTHENTICATED');
  return (
    <div className="error-box" role="alert" data-testid="api-error">
      <strong>{title ?? 'The API returned an error'}</strong>
      <ul>
        {lines.map((l, i) => (
          <li key={i}>
            {l.code ? <code>{l.code}</code> : null} {l.message}
          </li>
        ))}
      </ul>
      {unauthenticated ? (
        <p data-testid="sign-in-hint">
          You are not signed in, or your session has expired or was revoked. <Link href="/sign-in">Sign in</Link> with a one-time link:{' '}
          <code>npm start</code> prints one, <code>convergent team sign-in &lt;team&gt;</code> makes one, or ask a team admin.
        </p>
      ) : null}
    </div>
  );
}

export function Loading({ what }: { what?: string }) {
  return (
    <div className="loading" aria-busy="true">
      Loading{what ? ` ${what}` : ''}…
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** The caveats printed under a figure (dead units, chance not computed, …); nothing when there are none. */
export function Notes({ notes, testId }: { notes: readonly string[]; testId: string }) {
  if (notes.length === 0) return null;
  return (
    <ul className="notes" data-testid={testId}>
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

export function ProgressBar({ fraction, label }: { fraction: number | null | undefined; label?: string }) {
  const f = fraction === null || fraction === undefined || !Number.isFinite(fraction) ? null : Math.max(0, Math.min(1, fraction));
  return (
    <span className="progress" title={label}>
      <span className="progress-track">
        <span className="progress-fill" style={{ width: `${(f ?? 0) * 100}%` }} />
      </span>
      <span className="progress-text">{f === null ? '—' : `${Math.round(f * 100)}%`}</span>
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{status.toLowerCase()}</span>;
}
