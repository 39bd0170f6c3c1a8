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

/** The last view change pushed and the search string it was made from (see useSearchState). */
let inFlight: { path: string; from: string; to: string } | null = null;

/**
 * View state kept in the URL's search params, so every view is a shareable URL that restores itself.
 * `set` merges the given keys (null/'' removes a key) and pushes a history entry, so Back returns to the previous
 * view (layer, pair, tab, filter); `{ replace: true }` for keystroke-level changes (text filters) that should not
 * each become a history entry. Pass an updater `(current) => patch` when the change depends on the current view.
 */
export type SearchPatch = Record<string, string | null>;

export function useSearchState(): [URLSearchParams, (patch: SearchPatch | ((current: URLSearchParams) => SearchPatch), options?: { replace?: boolean }) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = params.toString();
  // Once the router has committed the pushed URL (or moved elsewhere, e.g. Back), nothing is in flight any more.
  useEffect(() => {
    if (inFlight && (inFlight.path !== pathname || inFlight.from !== search)) inFlight = null;
  }, [pathname, search]);
  const set = useCallback(
    (patchOrUpdate: SearchPatch | ((current: URLSearchParams) => SearchPatch), options?: { replace?: boolean }) => {
      // Start from the URL of a navigation still in flight (two quick clicks, or two components changing the view
      // before the router re-renders): useSearchParams() lags until it commits, and merging into the stale value
      // would drop the first change or make the second look like no change at all.
      const now = params.toString();
      const base = inFlight && inFlight.path === pathname && inFlight.from === now ? inFlight.to : now;
      const next = new URLSearchParams(base);
      // An updater sees the view as it will be once pending changes land (toggle one of a list, flip a sort).
      const patch = typeof patchOrUpdate === 'function' ? patchOrUpdate(new URLSearchParams(base)) : patchOrUpdate;
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      const q = next.toString();
      if (q === base) return;
      inFlight = { path: pathname, from: now, to: q };
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
      .then((buf) => setState({ data: parseNpy(buf, url.split('?')[0]), error: null, loading: false }))
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false });
      });
    return () => ctrl.abort();
  }, [url, fetchFile]);
  return state;
}
