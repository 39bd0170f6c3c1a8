'use client';
/** recharts wrappers used by the pages (line, bar, histogram). */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import type { ReactElement } from 'react';
import { ExportableFigure } from './export.tsx';

/** Every chart's frame: exportable as PNG / SVG under `name`, a fixed height, and a chart that fills its width. */
function ChartFrame({
  name,
  testId,
  height,
  rows,
  ariaLabel,
  children,
}: {
  name: string | undefined;
  testId: string | undefined;
  height: number;
  rows?: number;
  ariaLabel?: string | undefined;
  children: ReactElement;
}) {
  return (
    <ExportableFigure name={name ?? 'chart'}>
      <div
        className="chart"
        data-testid={testId}
        {...(rows !== undefined ? { 'data-rows': rows } : {})}
        style={{ height }}
        {...(ariaLabel ? { role: 'figure', 'aria-label': ariaLabel } : {})}
      >
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </ExportableFigure>
  );
}

/** One bar per series, with its error bars when the series names them. */
function bars(series: SeriesSpec[]) {
  return series.map((s, i) => (
    <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color ?? seriesColor(i)} isAnimationActive={false}>
      {s.errorKey ? <ErrorBar dataKey={s.errorKey} width={4} stroke="#24292f" /> : null}
    </Bar>
  ));
}

/** Room between a top legend and the plot, so the legend never sits on the y axis's highest tick label. */
const LEGEND_STYLE = { paddingBottom: 10 } as const;
/**
 * The value (y) axis of the line and bar charts. A rotated title needs room beside five-character ticks (0.475):
 * at 52 px the two overlapped.
 */
function valueAxis(yDomain: [number | 'auto', number | 'auto'] | undefined, yLabel: string | undefined) {
  return {
    domain: yDomain ?? ['auto', 'auto'],
    width: yLabel ? 68 : 52,
    label: yLabel ? { value: yLabel, angle: -90, position: 'insideLeft' as const } : undefined,
  };
}

const COLORS = ['#1f6feb', '#d1242f', '#2da44e', '#bf8700', '#8250df', '#0a7f8c', '#cf222e', '#57606a'];
export const seriesColor = (i: number) => COLORS[i % COLORS.length]!;

export interface SeriesSpec {
  key: string;
  label: string;
  color?: string;
  /** Key of a [low, high] offset pair or symmetric number for error bars. */
  errorKey?: string;
  dashed?: boolean;
  /** SVG dash pattern (overrides `dashed`), so two dashed marks stay distinguishable. */
  dash?: string;
}

export function LineSeriesChart({
  data,
  xKey,
  series,
  height = 260,
  yDomain,
  xLabel,
  yLabel,
  testId,
  exportName,
  numericX = false,
  xTickFormatter,
  dots = true,
  linear = false,
  ariaLabel,
}: {
  data: Record<string, unknown>[];
  xKey: string;
  series: SeriesSpec[];
  height?: number;
  yDomain?: [number | 'auto', number | 'auto'];
  xLabel?: string;
  yLabel?: string;
  testId?: string;
  /** File name of its PNG / SVG export (default: the test id). */
  exportName?: string;
  /** A numeric x axis (values to scale, e.g. samples seen) instead of one category per row. */
  numericX?: boolean;
  xTickFormatter?: (v: number) => string;
  /** Draw a dot at every point (default); off for dense series such as per-step curves. */
  dots?: boolean;
  /** Straight segments between points (no smoothing that could overshoot the data), for measured series. */
  linear?: boolean;
  /** What the figure shows, for assistive technology. */
  ariaLabel?: string;
}) {
  return (
    <ChartFrame name={exportName ?? testId} testId={testId} height={height} rows={data.length} ariaLabel={ariaLabel}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: xLabel ? 18 : 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis
          dataKey={xKey}
          {...(numericX ? { type: 'number' as const, domain: [0, 'dataMax'] as [number, string], allowDecimals: false } : { padding: { left: 24, right: 24 } })}
          {...(xTickFormatter ? { tickFormatter: (v: unknown) => (typeof v === 'number' ? xTickFormatter(v) : String(v)) } : {})}
          label={xLabel ? { value: xLabel, position: 'insideBottom', offset: -10 } : undefined}
        />
        <YAxis {...valueAxis(yDomain, yLabel)} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
        <Legend verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
        {series.filter((s) => data.some((row) => typeof row[s.key] === 'number')).map((s, i) => (
          <Line
            key={s.key}
            type={linear ? 'linear' : 'monotone'}
            dataKey={s.key}
            name={s.label}
            stroke={s.color ?? seriesColor(i)}
            strokeDasharray={s.dash ?? (s.dashed ? '6 4' : undefined)}
            dot={dots ? { r: 3 } : false}
            isAnimationActive={false}
            connectNulls
          >
            {s.errorKey ? <ErrorBar dataKey={s.errorKey} width={4} stroke={s.color ?? seriesColor(i)} /> : null}
          </Line>
        ))}
      </LineChart>
    </ChartFrame>
  );
}

export function GroupedBarChart({
  data,
  xKey,
  series,
  height = 260,
  yDomain,
  chance,
  xLabel,
  yLabel,
  testId,
  exportName,
}: {
  data: Record<string, unknown>[];
  xKey: string;
  series: SeriesSpec[];
  height?: number;
  yDomain?: [number | 'auto', number | 'auto'];
  chance?: number | undefined;
  xLabel?: string;
  yLabel?: string;
  testId?: string;
  /** File name of its PNG / SVG export (default: the test id). */
  exportName?: string;
}) {
  return (
    <ChartFrame name={exportName ?? testId} testId={testId} height={height}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: xLabel ? 18 : 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey={xKey} label={xLabel ? { value: xLabel, position: 'insideBottom', offset: -10 } : undefined} />
        <YAxis {...valueAxis(yDomain, yLabel)} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
        <Legend verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
        {chance !== undefined ? <ReferenceLine y={chance} stroke="#57606a" strokeDasharray="4 4" label="chance" /> : null}
        {bars(series)}
      </BarChart>
    </ChartFrame>
  );
}

export function HistogramChart({
  rows,
  series,
  height = 220,
  xLabel,
  testId,
  exportName,
}: {
  rows: Record<string, number | string>[];
  series: SeriesSpec[];
  height?: number;
  xLabel?: string;
  testId?: string;
  /** File name of its PNG / SVG export (default: the test id). */
  exportName?: string;
}) {
  return (
    <ChartFrame name={exportName ?? testId} testId={testId} height={height}>
      <BarChart data={rows} barCategoryGap={1} margin={{ top: 8, right: 16, bottom: xLabel ? 18 : 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey="bin" label={xLabel ? { value: xLabel, position: 'insideBottom', offset: -10 } : undefined} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
        {bars(series)}
      </BarChart>
    </ChartFrame>
  );
}
