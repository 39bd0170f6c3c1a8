'use client';
/**
 * Settings: who you are signed in as, sign-out, the team's import roots, and for team admins the team's tokens and
 * dashboard sessions (create, revoke) and one-time sign-in links for teammates. Secrets are shown once, right after
 * creation, and never stored by the browser.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CreateSignInLinkDocument,
  CreateTokenDocument,
  RevokeCredentialDocument,
  TeamCredentialsDocument,
  TeamSettingsDocument,
  type CredentialFieldsFragment,
} from '@convergent/schema/generated/operations.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { ScrollBox } from '../components/scroll-box.tsx';
import { dateTime } from '../lib/format.ts';

type Role = 'ADMIN' | 'MEMBER';

async function signOut(): Promise<void> {
  await fetch('/auth/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => null);
  window.location.replace('/sign-in');
}

export function SettingsPage() {
  const [settings] = useQuery({ query: TeamSettingsDocument, requestPolicy: 'network-only' });
  const viewer = settings.data?.viewer;

  return (
    <div style={{ maxWidth: 980 }}>
      <h1>Settings</h1>
      {settings.fetching ? <Loading what="team" /> : null}
      {settings.error ? <ErrorBox error={settings.error} title="Not signed in" /> : null}
      {viewer ? (
        <>
          <div className="panel">
            <h3>Signed in</h3>
            <p data-testid="connected">
              Team <b>{viewer.team.name}</b> as <b>{viewer.role.toLowerCase()}</b>, {viewer.credentialKind === 'SESSION' ? 'dashboard session' : 'token'} “{viewer.tokenName}”.
            </p>
            {viewer.credentialKind === 'SESSION' ? (
              <button data-testid="sign-out" onClick={() => void signOut()}>
                Sign out
              </button>
            ) : null}
            <h3 style={{ marginTop: 16 }}>Import roots</h3>
            {viewer.team.importRoots.length ? (
              <ul data-testid="import-roots">
                {viewer.team.importRoots.map((r) => (
                  <li key={r}>
                    <code>{r}</code>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None: this team cannot import from paths on the API server.</p>
            )}
            <p className="muted">
              Folders on the API server this team may import from; set by the server’s operator with <code>convergent team import-roots</code>.
            </p>
          </div>
          {viewer.role === 'ADMIN' ? (
            <TeamAdmin />
          ) : (
            <p className="muted" style={{ marginTop: 12 }}>
              Tokens, sessions and sign-in links are managed by team admins.
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}

function TeamAdmin() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const [list, refetch] = useQuery({ query: TeamCredentialsDocument, variables: { includeInactive }, requestPolicy: 'network-only' });
  const [revoked, revoke] = useMutation(RevokeCredentialDocument);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const rows = list.data?.team.credentials.edges.map((e) => e.node) ?? [];

  const onRevoke = async (c: CredentialFieldsFragment) => {
    const what = c.current ? 'this session (you will be signed out)' : `${c.kind === 'SESSION' ? 'session' : 'token'} “${c.name}”`;
    if (!window.confirm(`Revoke ${what}? Its signed file links stop working too.`)) return;
    const r = await revoke({ id: c.id });
    if (!r.error && c.current) {
      await signOut();
      return;
    }
    reload();
  };

  return (
    <>
      <SignInLinks />
      <NewToken onCreated={reload} />
      <div className="panel" style={{ marginTop: 12 }}>
        <h3>Tokens and sessions</h3>
        <label className="toggle">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} /> show revoked and expired
        </label>
        {list.error ? <ErrorBox error={list.error} /> : null}
        {revoked.error ? <ErrorBox error={revoked.error} title="Could not revoke" /> : null}
        {list.fetching && !list.data ? <Loading what="tokens and sessions" /> : null}
        <ScrollBox label="tokens and sessions">
        <table data-testid="credentials" hidden={!list.data}>
          <thead>
            <tr>
              <th>name</th>
              <th>kind</th>
              <th>role</th>
              <th>prefix</th>
              <th>created</th>
              <th>last used</th>
              <th>expires</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-testid="credential-row" data-kind={c.kind}>
                <td>
                  {c.name}
                  {c.current ? <span className="muted"> (this session)</span> : null}
                </td>
                <td>{c.kind.toLowerCase()}</td>
                <td>{c.role.toLowerCase()}</td>
                <td>
                  <code>{c.prefix}…</code>
                </td>
                <td>{dateTime(c.createdAt)}</td>
                <td>{c.lastUsedAt ? dateTime(c.lastUsedAt) : '—'}</td>
                <td>{c.expiresAt ? dateTime(c.expiresAt) : 'never'}</td>
                <td>
                  {c.revokedAt ? (
                    <span className="muted">revoked {dateTime(c.revokedAt)}</span>
                  ) : (
                    <button onClick={() => void onRevoke(c)} aria-label={`revoke ${c.name}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      </div>
    </>
  );
}

function RoleSelect({ value, onChange }: { value: Role; onChange: (r: Role) => void }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as Role)} aria-label="role">
      <option value="MEMBER">member</option>
      <option value="ADMIN">admin</option>
    </select>
  );
}

function SignInLinks() {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [made, create] = useMutation(CreateSignInLinkDocument);
  const link = made.data ? `${window.location.origin}${made.data.createSignInLink.path}` : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create({ input: { name: name.trim(), role } });
  };
  return (
    <div className="panel" style={{ marginTop: 12 }}>
      <h3>Sign-in links</h3>
      <p className="muted">A one-time link that signs a browser in to this team (for a teammate, or another browser of yours). It works once, for 15 minutes.</p>
      <form className="controls" onSubmit={submit}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="who it is for" aria-label="sign-in link name" required maxLength={100} />
        <RoleSelect value={role} onChange={setRole} />
        <button className="primary" type="submit" disabled={made.fetching}>
          Create sign-in link
        </button>
      </form>
      {made.error ? <ErrorBox error={made.error} title="Could not create the link" /> : null}
      {link ? (
        <p>
          Send this link over a private channel (valid until {dateTime(made.data!.createSignInLink.expiresAt)}):{' '}
          <code data-testid="sign-in-link">{link}</code>
        </p>
      ) : null}
    </div>
  );
}

function NewToken({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [days, setDays] = useState('90');
  const [made, create] = useMutation(CreateTokenDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: { name: name.trim(), role, expiresInDays: days.trim() ? Number(days) : null } });
    if (!r.error) onCreated();
  };
  return (
    <div className="panel" style={{ marginTop: 12 }}>
      <h3>New token</h3>
      <p className="muted">
        Team tokens are for scripts and workers: send <code>Authorization: Bearer &lt;token&gt;</code>. Never put one in a URL.
      </p>
      <form className="controls" onSubmit={(e) => void submit(e)}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="what it is for" aria-label="token name" required maxLength={100} />
        <RoleSelect value={role} onChange={setRole} />
        <input value={days} onChange={(e) => setDays(e.target.value)} placeholder="days (empty: never expires)" aria-label="expires in days" inputMode="numeric" style={{ width: 190 }} />
        <button className="primary" type="submit" disabled={made.fetching}>
          Create token
        </button>
      </form>
      {made.error ? <ErrorBox error={made.error} title="Could not create the token" /> : null}
      {made.data ? (
        <p>
          Token “{made.data.createToken.credential.name}”, shown this once; store it now: <code data-testid="new-token">{made.data.createToken.token}</code>
        </p>
      ) : null}
    </div>
  );
}
