'use client';
/**
 * The experiment's runs: sortable, filterable (architecture, seed, status, accuracy, tags), groupable by architecture
 * or seed, with selectable rows that open the pair view (two) or the compare page (two or more). Every choice is
 * in the URL (r* params), so a filtered, sorted view is a shareable link.
 */
import Link from 'next/link';
import { useMemo } from 'react';
import { CsvButton } from './export.tsx';
import { ScrollBox } from './scroll-box.tsx';
import { StatusBadge } from './status.tsx';
import { pct } from '../lib/format.ts';
import { useSearchState } from '../lib/hooks.ts';
import { filterRuns, groupRuns, runTags, SORT_KEYS, sortRuns, type GroupBy, type Run, type SortKey } from '../lib/runs.ts';

const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'name', label: 'network' },
  { key: 'architecture', label: 'architecture' },
  { key: 'seed', label: 'seed', num: true },
  { key: 'status', label: 'status' },
  { key: 'accuracy', label: 'val accuracy', num: true },
];

export function RunsTable({ experimentId, runs, layer }: { experimentId: string; runs: readonly Run[]; layer: string | undefined }) {
  const [params, setParams] = useSearchState();
  const sortParam = params.get('rsort');
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SortKey) : 'architecture';
  const dir = params.get('rdir') === 'desc' ? 'desc' : 'asc';
  const groupParam = params.get('rgroup');
  const group: GroupBy = groupParam === 'architecture' || groupParam === 'seed' ? groupParam : 'none';
  const minAccText = params.get('racc') ?? '';
  const minAcc = minAccText.trim() === '' || !Number.isFinite(Number(minAccText)) ? null : Number(minAccText) / 100;
  const [fArch, fSeed, fStatus, fTag] = [params.get('rarch'), params.get('rseed'), params.get('rstatus'), params.get('rtag')];
  const filter = useMemo(() => ({ architecture: fArch, seed: fSeed, status: fStatus, minAccuracy: minAcc, tag: fTag }), [fArch, fSeed, fStatus, minAcc, fTag]);
  const selected = useMemo(() => new Set((params.get('sel') ?? '').split(',').filter(Boolean)), [params]);
  const shown = useMemo(() => sortRuns(filterRuns(runs, filter), sort, dir), [runs, filter, sort, dir]);
  const groups = useMemo(() => groupRuns(shown, group), [shown, group]);
  const archs = [...new Set(runs.map((r) => r.architecture))];
  const seeds = [...new Set(runs.map((r) => r.seed))].sort((a, b) => a - b);
  const statuses = [...new Set(runs.map((r) => r.status))];
  const chosen = runs.filter((r) => selected.has(r.id));

  // Updaters: two quick clicks must both count, so each reads the view as the previous click left it.
  const toggle = (id: string, on: boolean) =>
    setParams((current) => {
      const next = new Set((current.get('sel') ?? '').split(',').filter(Boolean));
      if (on) next.add(id);
      else next.delete(id);
      return { sel: [...next].join(',') || null };
    });
  const sortBy = (key: SortKey) =>
    setParams((current) => {
      const currentSort = current.get('rsort') ?? 'architecture';
      return { rsort: key, rdir: currentSort === key && current.get('rdir') !== 'desc' ? 'desc' : 'asc' };
    });

  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      <div className="controls" role="search" aria-label="filter runs">
        <label>
          architecture
          <select aria-label="filter by architecture" value={filter.architecture ?? ''} onChange={(e) => setParams({ rarch: e.target.value })}>
            <option value="">all</option>
            {archs.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          seed
          <select aria-label="filter by seed" value={filter.seed ?? ''} onChange={(e) => setParams({ rseed: e.target.value })}>
            <option value="">all</option>
            {seeds.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          status
          <select aria-label="filter by status" value={filter.status ?? ''} onChange={(e) => setParams({ rstatus: e.target.value })}>
            <option value="">all</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          accuracy ≥
          <input aria-label="minimum validation accuracy in percent" type="text" inputMode="decimal" size={4} value={minAccText} placeholder="%" onChange={(e) => setParams({ racc: e.target.value }, { replace: true })} />%
        </label>
        <label>
          tag
          <input aria-label="filter by tag" type="text" size={10} value={filter.tag ?? ''} placeholder="e.g. x2, untrained" onChange={(e) => setParams({ rtag: e.target.value }, { replace: true })} />
        </label>
        <label>
          group by
          <select aria-label="group runs by" value={group} onChange={(e) => setParams({ rgroup: e.target.value === 'none' ? null : e.target.value })}>
            <option value="none">nothing</option>
            <option value="architecture">architecture</option>
            <option value="seed">seed</option>
          </select>
        </label>
        <CsvButton
          name={`runs-${experimentId}`}
          rows={() => ({
            header: ['network', 'id', 'architecture', 'seed', 'status', 'val_accuracy', 'untrained', 'backend', 'tags'],
            rows: shown.map((r) => [r.name, r.id, r.architecture, r.seed, r.status, r.finalValAccuracy, r.untrained, r.backend, runTags(r).join(' ')]),
          })}
        />
      </div>
      <div className="controls" data-testid="selection">
        <span className="muted">
          {shown.length} of {runs.length} runs shown · {chosen.length} selected
        </span>
        {chosen.length === 2 && layer ? (
          <Link prefetch={false} href={`/experiments/${experimentId}/pair?a=${encodeURIComponent(chosen[0]!.id)}&b=${encodeURIComponent(chosen[1]!.id)}&layer=${encodeURIComponent(layer)}`}>
            Open the pair view of the two →
          </Link>
        ) : null}
        {chosen.length >= 2 ? (
          <Link prefetch={false} data-testid="compare-selected" href={`/compare?kind=NETWORK&ref=${encodeURIComponent(chosen[0]!.id)}&others=${encodeURIComponent(chosen.slice(1).map((r) => r.id).join(','))}`}>
            Compare the {chosen.length} selected →
          </Link>
        ) : (
          <span className="muted">select two or more rows to compare them</span>
        )}
        {chosen.length > 0 ? (
          <button type="button" className="small" onClick={() => setParams({ sel: null })}>
            clear selection
          </button>
        ) : null}
      </div>
      <ScrollBox label="runs">
        <table data-testid="runs-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">select</span>
              </th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" onClick={() => sortBy(c.key)}>
                    {c.label} {sort === c.key ? (dir === 'asc' ? '▲' : '▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">tags</th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.key}>
              {group !== 'none' ? (
                <tr className="group-row">
                  <th colSpan={7} scope="rowgroup">
                    {g.label} · {g.runs.length} run{g.runs.length === 1 ? '' : 's'} · mean val accuracy {pct(g.meanAccuracy)}
                  </th>
                </tr>
              ) : null}
              {g.runs.map((r) => (
                <tr key={r.id} className={selected.has(r.id) ? "selected" : undefined}>
                  <td>
                    <input type="checkbox" checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-label={`select ${r.name}`} />
                  </td>
                  <td>{r.name}</td>
                  <td>{r.architecture}</td>
                  <td className="num">{r.seed}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="num">{pct(r.finalValAccuracy)}</td>
                  <td className="muted">{runTags(r).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollBox>
    </section>
  );
}
