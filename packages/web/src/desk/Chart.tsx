import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only the parts the dashboard draws: keeps the lazily loaded chunk small.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What was clicked: the bar's series and category, or the slice. */
export interface ChartClick { seriesIndex: number; dataIndex: number; name: string }

export default function Chart({ option, height = 280, label, onClick, testId }: { option: EChartsCoreOption; height?: number; label: string; onClick?: (click: ChartClick) => void; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest handler without re-creating the chart on every render.
  const handler = useRef(onClick);
  handler.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    chart.on('click', (params) => handler.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex, name: params.name }));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid={testId} />;
}
