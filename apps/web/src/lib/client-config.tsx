'use client';
/**
 * Client-side configuration context: resolves the API URL and token (see runtime-config.ts), builds the
 * urql client with the Bearer header, and re-creates it when the settings change.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import {
  API_URL_KEY,
  TOKEN_KEY,
  buildTimeApiUrl,
  fileUrl,
  resolveApiUrl,
  takeCredentialParams,
  type ClientConfig,
} from './runtime-config.ts';

interface ConfigContextValue extends ClientConfig {
  /** Save settings (null clears) and rebuild the client. */
  save: (next: { apiUrl?: string | null; token?: string | null }) => void;
  /** Absolute URL of an API file route with the token attached. */
  file: (raw: string) => string;
  /** Fetch an API file route with the Bearer header; throws with the server's message on HTTP errors. */
  fetchFile: (raw: string, signal?: AbortSignal) => Promise<ArrayBuffer>;
}

const ConfigContext = createContext<ConfigContextValue | null>(null);

export function useClientConfig(): ConfigContextValue {
  const v = useContext(ConfigContext);
  if (!v) throw new Error('useClientConfig must be used inside <ClientConfigProvider>');
  return v;
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null || value === '') window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage disabled (private mode): settings then last for this page only.
  }
}

export function ClientConfigProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<ClientConfig | null>(null);
  const [serverApiUrl, setServerApiUrl] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    // `?token=` / `?api=` on first visit: store and strip from the address bar so links can be shared safely.
    const taken = takeCredentialParams(window.location.href);
    if (taken.token !== null) writeStorage(TOKEN_KEY, taken.token);
    if (taken.api !== null) writeStorage(API_URL_KEY, taken.api);
    if (taken.cleaned !== null) window.history.replaceState(window.history.state, '', taken.cleaned);

    let cancelled = false;
    fetch('/runtime-config', { cache: 'no-store' })
      .then(async (r) => (r.ok ? ((await r.json()) as { apiUrl: string | null }) : { apiUrl: null }))
      .catch(() => ({ apiUrl: null }))
      .then((rc) => {
        if (cancelled) return;
        const server = rc.apiUrl ?? undefined;
        setServerApiUrl(server);
        setConfig({ ...resolveApiUrl(readStorage(API_URL_KEY), server, buildTimeApiUrl()), token: readStorage(TOKEN_KEY) });
      })
      .catch((e: unknown) => setLoadError(String(e)));
    return () => {
      cancelled = true;
    };
  }, []);

  const save = useCallback(
    (next: { apiUrl?: string | null; token?: string | null }) => {
      if (next.apiUrl !== undefined) writeStorage(API_URL_KEY, next.apiUrl);
      if (next.token !== undefined) writeStorage(TOKEN_KEY, next.token);
      setConfig({ ...resolveApiUrl(readStorage(API_URL_KEY), serverApiUrl, buildTimeApiUrl()), token: readStorage(TOKEN_KEY) });
    },
    [serverApiUrl],
  );

  const client = useMemo(() => {
    if (!config) return null;
    const token = config.token;
    return new Client({
      url: config.apiUrl,
      exchanges: [cacheExchange, fetchExchange],
      preferGetMethod: false,
      fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>) }),
    });
  }, [config]);

  const value = useMemo<ConfigContextValue | null>(() => {
    if (!config) return null;
    const file = (raw: string) => fileUrl(raw, config.apiUrl, config.token);
    const fetchFile = async (raw: string, signal?: AbortSignal) => {
      const res = await fetch(fileUrl(raw, config.apiUrl, null), {
        headers: config.token ? { authorization: `Bearer ${config.token}` } : ({} as Record<string, string>),
        ...(signal ? { signal } : {}),
      });
      if (!res.ok) {
        const text = (await res.text().catch(() => '')).slice(0, 300);
        let message = text;
        try {
          const j = JSON.parse(text) as { error?: string; message?: string };
          message = j.error ?? j.message ?? text;
        } catch {
          // plain-text error body
        }
        throw new Error(`${res.status} ${res.statusText} from ${new URL(raw, config.apiUrl).pathname}${message ? `: ${message}` : ''}`);
      }
      return res.arrayBuffer();
    };
    return { ...config, save, file, fetchFile };
  }, [config, save]);

  if (loadError) return <div className="error-box">Could not load the dashboard configuration: {loadError}</div>;
  if (!value || !client) return <div className="loading">Loading configuration…</div>;
  return (
    <ConfigContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </ConfigContext.Provider>
  );
}
