'use client';
/**
 * Export: every figure as PNG and SVG, every table as CSV, made in the browser from what is on screen.
 * - recharts figures are SVG already: the SVG export is that SVG (with a white background and the page font);
 *   the PNG is it rasterised at 2× on a canvas.
 * - heatmaps are canvases with one pixel per matrix cell: the PNG is the matrix scaled up with nearest-neighbour
 *   (every cell a sharp square), the SVG embeds that PNG next to a vector colour bar with its labels (a 1,024² matrix
 *   as a million vector rectangles would be unusable).
 * - tables: the rows of a DOM table, or for virtualised tables every row of the data (not only those scrolled into view).
 */
import { useRef, type ReactNode } from 'react';
import { toCsv } from '../lib/runs.ts';

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const safeName = (s: string) => s.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'figure';

function svgMarkup(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width));
  const height = Math.max(1, Math.round(rect.height));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  clone.setAttribute('font-size', '12');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

async function svgToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the browser could not rasterise the SVG'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas gave no PNG'))), 'image/png'));
}

/** The heatmap canvas scaled up so each cell is a whole number of pixels (at least its on-screen size). */
function upscaledCanvas(src: HTMLCanvasElement): HTMLCanvasElement {
  const shown = src.getBoundingClientRect();
  const f = Math.max(1, Math.ceil(Math.max(shown.width / src.width, shown.height / src.height)));
  const out = document.createElement('canvas');
  out.width = src.width * f;
  out.height = src.height * f;
  const ctx = out.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(src, 0, 0, out.width, out.height);
  return out;
}

function heatmapSvg(src: HTMLCanvasElement, bar: HTMLElement | null, title: string): string {
  const img = upscaledCanvas(src);
  const w = img.width;
  const h = img.height;
  const png = img.toDataURL('image/png');
  const stops = bar ? [...bar.querySelectorAll<HTMLElement>('[data-stop]')].map((s) => ({ offset: s.dataset.offset!, color: s.dataset.stop! })) : [];
  const labels = bar ? [...bar.querySelectorAll<HTMLElement>('.colorbar-labels span')].map((s) => s.textContent ?? '') : [];
  const barX = w + 12;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${barX + 60}" height="${h + 24}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<title>${esc(title)}</title>`,
    `<image x="0" y="20" width="${w}" height="${h}" href="${png}" style="image-rendering:pixelated"/>`,
    `<text x="0" y="14">${esc(title)}</text>`,
    `<defs><linearGradient id="cb" x1="0" y1="0" x2="0" y2="1">${stops.map((s) => `<stop offset="${s.offset}" stop-color="${s.color}"/>`).join('')}</linearGradient></defs>`,
    `<rect x="${barX}" y="20" width="14" height="${h}" fill="url(#cb)" stroke="#d0d7de"/>`,
    ...labels.map((l, i) => `<text x="${barX + 18}" y="${20 + (labels.length > 1 ? (h * i) / (labels.length - 1) : 0) + (i === 0 ? 10 : i === labels.length - 1 ? 0 : 4)}">${esc(l)}</text>`),
    `</svg>`,
  ].join('');
}

export async function exportFigure(root: HTMLElement, name: string, format: 'png' | 'svg'): Promise<void> {
  const file = `${safeName(name)}.${format}`;
  const canvas = root.querySelector('canvas');
  if (canvas) {
    const bar = root.querySelector<HTMLElement>('.colorbar');
    if (format === 'png') downloadBlob(await canvasBlob(upscaledCanvas(canvas)), file);
    else downloadBlob(new Blob([heatmapSvg(canvas, bar, name)], { type: 'image/svg+xml' }), file);
    return;
  }
  // The chart's own SVG (recharts also draws small legend icons as <svg>: take the largest).
  const svgs = [...root.querySelectorAll('svg')].sort((a, b) => b.getBoundingClientRect().width * b.getBoundingClientRect().height - a.getBoundingClientRect().width * a.getBoundingClientRect().height);
  const svg = svgs[0];
  if (!svg) throw new Error('nothing drawn to export yet');
  const m = svgMarkup(svg as SVGSVGElement);
  if (format === 'svg') downloadBlob(new Blob([m.text], { type: 'image/svg+xml' }), file);
  else downloadBlob(await svgToPng(m.text, m.width, m.height), file);
}

/** A figure with PNG / SVG export buttons. */
export function ExportableFigure({ name, children }: { name: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const run = (format: 'png' | 'svg') => {
    if (ref.current) exportFigure(ref.current, name, format).catch((e: unknown) => window.alert(`Could not export: ${e instanceof Error ? e.message : String(e)}`));
  };
  return (
    <div className="exportable" ref={ref}>
      {children}
      <div className="export-bar">
        <button type="button" className="small" onClick={() => run('png')} aria-label={`download ${name} as PNG`}>
          PNG
        </button>
        <button type="button" className="small" onClick={() => run('svg')} aria-label={`download ${name} as SVG`}>
          SVG
        </button>
      </div>
    </div>
  );
}

/** Rows of a DOM <table> (header cells and data cells as text). */
export function domTableRows(table: HTMLTableElement): string[][] {
  return [...table.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/** CSV of the nearest following <table> inside the same parent, or of rows given by the caller. */
export function CsvButton({ name, rows, tableRef }: { name: string; rows?: () => { header: string[]; rows: unknown[][] }; tableRef?: React.RefObject<HTMLTableElement | null> }) {
  const click = () => {
    let text: string;
    if (rows) {
      const r = rows();
      text = toCsv(r.header, r.rows);
    } else if (tableRef?.current) {
      const all = domTableRows(tableRef.current);
      text = toCsv(all[0] ?? [], all.slice(1));
    } else return;
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${safeName(name)}.csv`);
  };
  return (
    <button type="button" className="small" onClick={click} aria-label={`download ${name} as CSV`}>
      CSV
    </button>
  );
}
