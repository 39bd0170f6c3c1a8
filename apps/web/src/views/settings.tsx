'use client';
/** Settings: the API URL and the team token (stored in this browser's localStorage). */
import { useState } from 'react';
import { useQuery } from 'urql';
import { ViewerDocument } from '@convergent/schema/generated/operations.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useClientConfig } from '../lib/client-config.tsx';

export function SettingsPage() {
  const config = useClientConfig();
  const [apiUrl, setApiUrl] = useState(config.apiUrlSource === 'settings' ? config.apiUrl : '');
  const [token, setToken] = useState(config.token ?? '');
  const [check] = useQuery({ query: ViewerDocument, requestPolicy: 'network-only' });

  return (
    <div style={{ maxWidth: 760 }}>
      <h1>Settings</h1>
      <p className="muted">
        Stored in this browser only. A link with <code>?token=…</code> (as printed by <code>npm start</code>) sets the token on first visit.
      </p>
      <div className="panel">
        <h3>Connection</h3>
        <p>
          API: <code>{config.apiUrl}</code> <span className="muted">({describeSource(config.apiUrlSource)})</span>
        </p>
        {check.fetching ? <Loading what="team" /> : null}
        {check.error ? <ErrorBox error={check.error} title="The API did not accept this connection" /> : null}
        {check.data ? (
          <p data-testid="connected">
            Connected as team <b>{check.data.viewer.team.name}</b> with token “{check.data.viewer.tokenName}”.
          </p>
        ) : null}
      </div>
      <div className="panel" style={{ marginTop: 12 }}>
        <h3>Team token</h3>
        <div className="controls">
          <input
            type="password"
            style={{ flex: 1 }}
            value={token}
            placeholder="paste the token printed by npm start"
            onChange={(e) => setToken(e.target.value)}
            aria-label="team token"
          />
          <button className="primary" onClick={() => config.save({ token: token.trim() || null })}>
            Save token
          </button>
          <button onClick={() => { setToken(''); config.save({ token: null }); }}>Forget</button>
        </div>
        <h3>API URL</h3>
        <div className="controls">
          <input
            type="url"
            style={{ flex: 1 }}
            value={apiUrl}
            placeholder="http://127.0.0.1:4000/graphql (leave empty for the server's default)"
            onChange={(e) => setApiUrl(e.target.value)}
            aria-label="API URL"
          />
          <button onClick={() => config.save({ apiUrl: apiUrl.trim() || null })}>Save URL</button>
        </div>
      </div>
    </div>
  );
}

function describeSource(s: string): string {
  switch (s) {
    case 'settings':
      return 'set on this page';
    case 'server':
      return 'from the dashboard server, CONVERGENT_API_URL';
    case 'build':
      return 'NEXT_PUBLIC_CONVERGENT_API at build time';
    default:
      return 'default';
  }
}
