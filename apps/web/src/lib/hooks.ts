'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseNpy, type NpyArray } from './npy.ts';
import { useClientConfig } from './client-config.tsx';

/** Call `tick` every `ms` while `active` (live progress of running jobs). */
export function usePolling(tick: () => void, ms: number, active: boolean): void {
  const ref = useRef(tick);
  ref.current = tick;
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => ref.current(), ms);
    return () => window.clearInterval(id);
  }, [ms, active]);
}

/**
 * View state kept in the URL's search params, so every view is a shareable URL that restores itself.
 * `set` merges the given keys (null/'' removes a key) and pushes a history entry, so Back returns to the previous
 * view (layer, pair, tab, filter); `{ replace: true }` for keystroke-level changes (text filters) that should not
 * each become a history entry.
 */
export function useSearchState(): [URLSearchParams, (patch: Record<string, string | null>, options?: { replace?: boolean }) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = useCallback(
    (patch: Record<string, string | null>, options?: { replace?: boolean }) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      const q = next.toString();
      if (q === params.toString()) return;
      const url = q ? `${pathname}?${q}` : pathname;
      if (options?.replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [params, router, pathname],
  );
  return [new URLSearchParams(params.toString()), set];
}

export interface NpyState {
  data: NpyArray | null;
  error: string | null;
  loading: boolean;
}

/** Fetch and parse an .npy file route of the API (null url → idle). */
export function useNpy(url: string | null | undefined): NpyState {
  const { fetchFile } = useClientConfig();
  const [state, setState] = useState<NpyState>({ data: null, error: null, loading: !!url });
  useEffect(() => {
    if (!url) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState({ data: null, error: null, loading: true });
    fetchFile(url, ctrl.signal)
      .then((buf) => setState({ data: parseNpy(buf), error: null, loading: false }))
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false });
      });
    return () => ctrl.abort();
  }, [url, fetchFile]);
  return state;
}
