'use client';
/**
 * Client-side wiring: the urql client for /graphql on this origin (the session cookie goes along by itself), and
 * helpers for the API's file routes (mapped onto this origin, see same-origin.ts). On load it removes what earlier
 * versions kept in the browser (a token and an API URL in localStorage) and drops `?token=` / `?api=` from the
 * address bar without reading them.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import { GRAPHQL_PATH, LEGACY_STORAGE_KEYS, fileUrl, withoutIgnoredParams } from './same-origin.ts';

interface ConfigContextValue {
  /** Same-origin URL of an API file route (for <img src>). */
  file: (raw: string) => string;
  /** Fetch an API file route; throws with the server's message on HTTP errors. */
  fetchFile: (raw: string, signal?: AbortSignal) => Promise<ArrayBuffer>;
}

const ConfigContext = createContext<ConfigContextValue | null>(null);

export function useClientConfig(): ConfigContextValue {
  const v = useContext(ConfigContext);
  if (!v) throw new Error('useClientConfig must be used inside <ClientConfigProvider>');
  return v;
}

async function fetchFile(raw: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const url = fileUrl(raw);
  const res = await fetch(url, { credentials: 'same-origin', ...(signal ? { signal } : {}) });
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 400);
    let message = text;
    try {
      const j = JSON.parse(text) as { errors?: { message?: string }[]; error?: string; message?: string };
      message = j.errors?.[0]?.message ?? j.error ?? j.message ?? text;
    } catch {
      // plain-text error body
    }
    throw new Error(`${res.status} ${res.statusText} from ${url.split('?')[0]}${message ? `: ${message}` : ''}`);
  }
  return res.arrayBuffer();
}

const VALUE: ConfigContextValue = { file: fileUrl, fetchFile };

export function ClientConfigProvider({ children }: { children: ReactNode }) {
  // Pages query the API from the browser only (the server render is this placeholder).
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    try {
      for (const key of LEGACY_STORAGE_KEYS) window.localStorage.removeItem(key);
    } catch {
      // storage disabled: nothing stored either
    }
    const cleaned = withoutIgnoredParams(window.location.href);
    if (cleaned !== null) window.history.replaceState(window.history.state, '', cleaned);
    setMounted(true);
  }, []);

  const client = useMemo(
    () =>
      new Client({
        url: GRAPHQL_PATH,
        exchanges: [cacheExchange, fetchExchange],
        preferGetMethod: false,
        fetchOptions: { credentials: 'same-origin' },
      }),
    [],
  );

  if (!mounted) return <div className="loading">Loading…</div>;
  return (
    <ConfigContext.Provider value={VALUE}>
      <Provider value={client}>{children}</Provider>
    </ConfigContext.Provider>
  );
}
