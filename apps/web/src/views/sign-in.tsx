'use client';
/**
 * Sign-in with a one-time link, /sign-in#code=cvc_…. The code rides in the fragment, which the browser never sends
 * to any server (no request line, no Referer); this page takes it out of the address bar and its history entry
 * first, exchanges it by POST for a session cookie (HttpOnly, SameSite=Strict, set by the dashboard's server), then
 * replaces itself with the experiments page. A spent or expired link gets the API's explanation.
 */
import { useEffect, useRef, useState } from 'react';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'error'; message: string };

export function SignInPage() {
  const [state, setState] = useState<State>({ kind: 'working' });
  const spent = useRef(new Set<string>());

  useEffect(() => {
    const exchange = () => {
      const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
      if (!code) {
        setState((s) => (s.kind === 'working' ? { kind: 'idle' } : s));
        return;
      }
      window.history.replaceState(null, '', '/sign-in');
      if (spent.current.has(code)) return; // React's development double effects: one exchange per code
      spent.current.add(code);
      setState({ kind: 'working' });
      fetch('/auth/session', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
        .then(async (res) => {
          if (res.ok) {
            window.location.replace('/');
            return;
          }
          const body = (await res.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
          setState({ kind: 'error', message: body?.errors?.[0]?.message ?? `the dashboard answered ${res.status} ${res.statusText}` });
        })
        .catch((e: unknown) => setState({ kind: 'error', message: `could not reach the dashboard server: ${e instanceof Error ? e.message : String(e)}` }));
    };
    exchange();
    // A link opened while this page is showing changes only the fragment: no new page load.
    window.addEventListener('hashchange', exchange);
    return () => window.removeEventListener('hashchange', exchange);
  }, []);

  return (
    <div style={{ maxWidth: 720 }}>
      <h1>Sign in</h1>
      {state.kind === 'working' ? <div className="loading" aria-busy="true">Signing in…</div> : null}
      {state.kind === 'error' ? (
        <div className="error-box" role="alert" data-testid="sign-in-error">
          <strong>This sign-in link did not work</strong>
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.kind !== 'working' ? (
        <div className="panel" style={{ marginTop: 12 }}>
          <p>The dashboard signs you in with a one-time link. Get one from:</p>
          <ul>
            <li>
              the terminal of <code>npm start</code> (each start prints a new one),
            </li>
            <li>
              <code>convergent team sign-in &lt;team&gt;</code> on a machine with access to the team database,
            </li>
            <li>or a team admin (Settings → Sign-in links).</li>
          </ul>
          <p className="muted">A link works once, for 15 minutes. Scripts use team tokens instead (Authorization: Bearer).</p>
        </div>
      ) : null}
    </div>
  );
}
