// Only the parts of ECharts the page draws (bar charts on a canvas, with ARIA descriptions):
// tree-shaken, it is a fraction of the full library.
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

const charts = new Map();

export function barChart(el, { names, values, unit, color = '#a8071a', max }) {
  let chart = charts.get(el);
  if (!chart) {
    chart = echarts.init(el, null, { renderer: 'canvas' });
    charts.set(el, chart);
    window.addEventListener('resize', () => chart.resize());
  }
  chart.setOption({
    aria: { enabled: true, decal: { show: false } },
    animation: false,
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v} ${unit}` },
    xAxis: { type: 'value', max, axisLabel: { color: '#333' } },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { color: '#333', width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'right', color: '#1f1f1f' } }],
  }, true);
  el.style.height = `${Math.max(12, names.length * 2.2 + 3)}rem`;
  chart.resize();
}
