import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

/**
 * A chart (Apache ECharts) in a div of the page's width, its option plain data (no functions): drawn when `option` changes (compared by
 * value, so a new object with the same content does not redraw it), resized with the window,
 * disposed with the component.
 */
function Chart({ option, height, testId }: { option: object; height: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const drawn = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(JSON.parse(drawn) as Record<string, unknown>);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [drawn]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}

/** A time series as a line, with an optional limit drawn across it. */
export function TimeSeries({
  points,
  unit,
  limit,
  height = 180,
  testId,
}: {
  points: { at: string; value: number }[];
  unit?: string;
  limit?: number;
  height?: number;
  testId?: string;
}) {
  const option = {
    grid: { left: 40, right: 12, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' },
    // With a limit, from zero, so the limit is always on the chart.
    yAxis: { type: 'value', name: unit, ...(limit === undefined ? { scale: true } : { min: 0 }) },
    series: [
      {
        type: 'line',
        showSymbol: points.length < 40,
        data: points.map((p) => [p.at, p.value]),
        ...(limit !== undefined && {
          markLine: {
            symbol: 'none',
            data: [{ yAxis: limit }],
            lineStyle: { color: '#cf1322', type: 'dashed' },
          },
        }),
      },
    ],
  };
  return <Chart option={option} height={height} testId={testId} />;
}

/**
 * Several named lines over the same categories (years, months), with a legend: the what-if's
 * budget levels, a year's commitments beside its actuals.
 */
export function Lines({
  categories,
  series,
  unit,
  height = 260,
  testId,
}: {
  categories: string[];
  series: { name: string; values: (number | null)[]; step?: boolean }[];
  unit?: string;
  height?: number;
  testId?: string;
}) {
  const option = {
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: categories, boundaryGap: false },
    yAxis: { type: 'value', name: unit, scale: true },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: true,
      ...(s.step && { step: 'end' }),
    })),
  };
  return <Chart option={option} height={height} testId={testId} />;
}

/** A value per named bar, as a percentage from 0 to 100 (on-time rates). */
export function PercentBars({
  bars,
  height = 220,
  testId,
}: {
  bars: { name: string; value: number }[];
  height?: number;
  testId?: string;
}) {
  const option = {
    grid: { left: 48, right: 12, top: 16, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.name),
      axisLabel: { interval: 0, rotate: bars.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'bar', data: bars.map((b) => b.value), barMaxWidth: 48, itemStyle: { color: '#1f6f5c' } },
    ],
  };
  return <Chart option={option} height={height} testId={testId} />;
}
