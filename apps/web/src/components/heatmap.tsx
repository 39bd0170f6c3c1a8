'use client';
/**
 * Correlation heatmap on a <canvas>: one pixel per matrix cell written through ImageData with a
 * lookup-table colour map (fillRgba), then scaled by CSS. A 1,024 × 1,024 matrix is one putImageData
 * of 4 MB, so redraws stay well under a frame. Hover shows the cell; click reports it.
 */
import { useEffect, useRef, useState } from 'react';
import { colorOf, fillRgba } from '../lib/colormap.ts';

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
  /** Displayed size in CSS pixels (the longer side). */
  size?: number;
  title?: string;
}

export function Heatmap({ data, rows, cols, lo = -1, hi = 1, rowLabel, colLabel, onCellClick, size = 560, title }: HeatmapProps) {
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
  const height = Math.max(1, Math.round(rows * scale));

  const cellAt = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const l = Math.floor(((e.clientX - rect.left) / rect.width) * cols);
    const k = Math.floor(((e.clientY - rect.top) / rect.height) * rows);
    return k >= 0 && k < rows && l >= 0 && l < cols ? { k, l } : null;
  };

  const value = hover ? data[hover.k * cols + hover.l] : undefined;
  return (
    <figure className="heatmap">
      {title ? <figcaption>{title}</figcaption> : null}
      <div className="heatmap-body">
        <canvas
          ref={canvasRef}
          data-testid="heatmap"
          style={{ width, height, cursor: onCellClick ? 'pointer' : 'crosshair' }}
          onMouseMove={(e) => setHover(cellAt(e))}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => {
            const c = cellAt(e);
            if (c && onCellClick) onCellClick(c.k, c.l);
          }}
        />
        <ColorBar lo={lo} hi={hi} height={height} />
      </div>
      <div className="heatmap-readout">
        {drawError ? (
          <span className="error-text">Could not draw: {drawError}</span>
        ) : hover ? (
          <>
            row {rowLabel ? rowLabel(hover.k) : hover.k} · column {colLabel ? colLabel(hover.l) : hover.l} ·{' '}
            <b>{value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(3)}</b>
          </>
        ) : (
          <span className="muted">
            {rows} × {cols} · hover for values{onCellClick ? ', click to open the units' : ''}
          </span>
        )}
      </div>
    </figure>
  );
}

function ColorBar({ lo, hi, height }: { lo: number; hi: number; height: number }) {
  const steps = 32;
  const stops = Array.from({ length: steps + 1 }, (_, i) => {
    const v = hi - ((hi - lo) * i) / steps;
    return `${colorOf(v, lo, hi)} ${(i / steps) * 100}%`;
  });
  return (
    <div className="colorbar" style={{ height }}>
      <div className="colorbar-gradient" style={{ background: `linear-gradient(to bottom, ${stops.join(', ')})` }} />
      <div className="colorbar-labels">
        <span>{hi.toFixed(2)}</span>
        <span>{((hi + lo) / 2).toFixed(2)}</span>
        <span>{lo.toFixed(2)}</span>
      </div>
    </div>
  );
}
