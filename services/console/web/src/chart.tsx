import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** A time series as a line (Apache ECharts), with an optional limit drawn across it. */
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
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
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
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, unit, limit]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
