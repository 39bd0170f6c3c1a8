'use client';
/** A virtualised table (@tanstack/react-virtual): only visible rows are in the DOM, so hundreds of networks or units stay fast. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

const HEAD_HEIGHT = 34;

export interface Column<T> {
  header: ReactNode;
  /** CSS grid track, e.g. '120px' or 'minmax(160px, 1fr)'. */
  width: string;
  align?: 'left' | 'right';
  cell: (row: T, index: number) => ReactNode;
}

export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  rowHeight = 34,
  maxHeight = 560,
  testId,
}: {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T, index: number) => string;
  rowHeight?: number;
  maxHeight?: number;
  testId?: string;
}) {
  const parentRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // Before layout (first paint, tests) render a screenful rather than nothing.
    initialRect: { width: 1000, height: maxHeight },
  });
  const template = columns.map((c) => c.width).join(' ');
  const height = Math.min(maxHeight, rowHeight * rows.length + HEAD_HEIGHT + 2);
  return (
    <div className="vtable" ref={parentRef} style={{ height }} data-testid={testId} role="table">
      <div className="vtable-head" style={{ gridTemplateColumns: template, height: HEAD_HEIGHT }} role="row">
        {columns.map((c, i) => (
          <div key={i} style={{ textAlign: c.align ?? 'left' }} role="columnheader">
            {c.header}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          return (
            <div
              key={rowKey(row, v.index)}
              className="vtable-row"
              role="row"
              style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
            >
              {columns.map((c, i) => (
                <div key={i} style={{ textAlign: c.align ?? 'left' }} role="cell">
                  {c.cell(row, v.index)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
