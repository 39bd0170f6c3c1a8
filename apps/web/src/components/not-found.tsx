'use client';
/** The page for an id the API does not know (or that belongs to another team: the API answers both the same way). */
import Link from 'next/link';
import type { CombinedError } from 'urql';

export function isNotFound(error: CombinedError | undefined | null): boolean {
  return !!error && error.graphQLErrors.length > 0 && error.graphQLErrors.every((e) => e.extensions?.code === 'NOT_FOUND');
}

export function NotFound({ what, id, children }: { what: string; id: string; children?: React.ReactNode }) {
  return (
    <div data-testid="not-found">
      <h1>Not found (404)</h1>
      <p>
        There is no {what} <code>{id}</code> in your team. It may have been deleted, the link may be mistyped, or it belongs to another team.
      </p>
      {children}
      <p>
        <Link href="/">Back to the experiments</Link>
      </p>
    </div>
  );
}
