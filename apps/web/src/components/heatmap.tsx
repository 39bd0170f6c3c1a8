'use client';
/**
 * Correlation heatmap on a <canvas>: one pixel per matrix cell written through ImageData with a
 * lookup-table colour map (fillRgba), then scaled by CSS. A 1,024 × 1,024 matrix is one putImageData
 * of 4 MB, so redraws stay well under a frame. Hover shows the cell; click reports it.
 */
import { useEffect, useRef, useState } from 'react';
import { colorOf, fillRgba } from '../lib/colormap.ts';
import { ExportableFigure } from './export.tsx';

export interface HeatmapProps {
  data: Float32Array;
  rows: number;
  cols: number;
  lo?: number;
  hi?: number;
  /** Label of row k / column l (e.g. the unit index shown there after reordering). */
  rowLabel?: (k: number) => string;
  colLabel?: (l: number) => string;
  onCellClick?: (k: number, l: number) => void;
  /** Displayed size in CSS pixels (the longer side); narrower screens scale it down to fit. */
  size?: number;
  title?: string;
  /** What the figure shows, for screen readers and the export's file name (default: the title). */
  label?: string;
}

export function Heatmap({ data, rows, cols, lo = -1, hi = 1, rowLabel, colLabel, onCellClick, size = 560, title, label }: HeatmapProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [hover, setHover] = useState<{ k: number; l: number } | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    try {
      const t0 = performance.now();
      canvas.width = cols;
      canvas.height = rows;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('this browser gives no 2-D canvas context');
      const image = ctx.createImageData(cols, rows);
      fillRgba(data, lo, hi, image.data);
      ctx.putImageData(image, 0, 0);
      canvas.dataset.drawMs = (performance.now() - t0).toFixed(2);
      canvas.dataset.drawn = String(Date.now());
      setDrawError(null);
    } catch (e) {
      setDrawError(e instanceof Error ? e.message : String(e));
    }
  }, [data, rows, cols, lo, hi]);

  const scale = size / Math.max(rows, cols, 1);
  const width = Math.max(1, Math.round(cols * scale));

  const cellAt = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const l = Math.floor(((e.clientX - rect.left) / rect.width) * cols);
    const k = Math.floor(((e.clientY - rect.top) / rect.height) * rows);
    return k >= 0 && k < rows && l >= 0 && l < cols ? { k, l } : null;
  };

  // Keyboard: focus the canvas, move a cursor cell with the arrow keys (Home/End: first/last column), Enter opens it.
  const onKey = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const at = hover ?? { k: 0, l: 0 };
    const step = e.shiftKey ? 10 : 1;
    let next: { k: number; l: number } | null = null;
    if (e.key === 'ArrowRight') next = { k: at.k, l: Math.min(cols - 1, at.l + step) };
    else if (e.key === 'ArrowLeft') next = { k: at.k, l: Math.max(0, at.l - step) };
    else if (e.key === 'ArrowDown') next = { k: Math.min(rows - 1, at.k + step), l: at.l };
    else if (e.key === 'ArrowUp') next = { k: Math.max(0, at.k - step), l: at.l };
    else if (e.key === 'Home') next = { k: at.k, l: 0 };
    else if (e.key === 'End') next = { k: at.k, l: cols - 1 };
    else if (e.key === 'Enter' && hover && onCellClick) {
      e.preventDefault();
      onCellClick(hover.k, hover.l);
      return;
    }
    if (next) {
      e.preventDefault();
      setHover(next);
    }
  };

  const value = hover ? data[hover.k * cols + hover.l] : undefined;
  const name = label ?? title ?? 'correlation heatmap';
  return (
    <ExportableFigure name={name}>
      <figure className="heatmap">
        {title ? <figcaption>{title}</figcaption> : null}
        <div className="heatmap-body">
          {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a focusable canvas operated by arrow keys is a custom widget; role=application is the ARIA pattern that hands those keys to it */}
          <canvas
            ref={canvasRef}
            data-testid="heatmap"
            tabIndex={0}
            role="application"
            aria-roledescription="heatmap"
            aria-label={`${name}: ${rows} rows by ${cols} columns, colour scale ${lo.toFixed(2)} to ${hi.toFixed(2)}. Arrow keys move between cells${onCellClick ? ', Enter opens the two units' : ''}.`}
            style={{ width: '100%', maxWidth: width, aspectRatio: `${cols} / ${rows}`, height: 'auto', cursor: onCellClick ? 'pointer' : 'crosshair' }}
            onMouseMove={(e) => setHover(cellAt(e))}
            onMouseLeave={() => setHover(null)}
            onKeyDown={onKey}
            onClick={(e) => {
              const c = cellAt(e);
              if (c && onCellClick) onCellClick(c.k, c.l);
            }}
          />
          <ColorBar lo={lo} hi={hi} />
        </div>
        <div className="heatmap-readout" aria-live="polite">
          {drawError ? (
            <span className="error-text">Could not draw: {drawError}</span>
          ) : hover ? (
            <>
              row {rowLabel ? rowLabel(hover.k) : hover.k} · column {colLabel ? colLabel(hover.l) : hover.l} ·{' '}
              <b>{value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(3)}</b>
            </>
          ) : (
            <span className="muted">
              {rows} × {cols} · hover or focus and use the arrow keys for values{onCellClick ? '; click or Enter opens the units' : ''}
            </span>
          )}
        </div>
      </figure>
    </ExportableFigure>
  );
}

function ColorBar({ lo, hi }: { lo: number; hi: number }) {
  const steps = 32;
  const list = Array.from({ length: steps + 1 }, (_, i) => ({ color: colorOf(hi - ((hi - lo) * i) / steps, lo, hi), offset: i / steps }));
  return (
    <div className="colorbar" aria-hidden="true">
      <div className="colorbar-gradient" style={{ background: `linear-gradient(to bottom, ${list.map((s) => `${s.color} ${s.offset * 100}%`).join(', ')})` }}>
        {list.map((s, i) => (
          <span key={i} hidden data-stop={s.color} data-offset={s.offset} />
        ))}
      </div>
      <div className="colorbar-labels">
        <span>{hi.toFixed(2)}</span>
        <span>{((hi + lo) / 2).toFixed(2)}</span>
        <span>{lo.toFixed(2)}</span>
      </div>
    </div>
  );
}
