import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { formatNumber, formatPercent, percentOf, type SheetChart } from '../../core';

/** A font with Vietnamese letters shipped in an npm package, so the picture is the same on any machine. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);
const FONT = 'DejaVu Sans';
const SCALE = 2;

/** What a picture of a chart needs: its title, size in pixels and slices. */
export type ChartPicture = Pick<SheetChart, 'title' | 'width' | 'height' | 'slices'>;

/** The chart as an SVG drawn by Apache ECharts on the server: a pie with Vietnamese numbers in its labels. */
export function chartSvg(chart: ChartPicture): string {
  const total = chart.slices.reduce((sum, s) => sum + s.value, 0);
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
  });
  instance.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    color: ['#2e7d32', '#1565c0', '#f9a825', '#c62828'],
    title: { text: chart.title, left: 'center', top: 8, textStyle: { fontSize: 15, fontFamily: FONT } },
    series: [
      {
        type: 'pie',
        radius: '58%',
        center: ['50%', '56%'],
        label: { fontSize: 12, fontFamily: FONT },
        data: chart.slices.map((s) => ({
          name: s.label,
          value: s.value,
          label: {
            formatter: `${s.label}\n${formatNumber(s.value)} (${formatPercent(percentOf(s.value, total))})`,
          },
        })),
      },
    ],
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}

/** The chart as a PNG at twice its size in pixels, for a workbook that cannot hold a live chart. */
export function chartPng(chart: ChartPicture): Buffer {
  const rendered = new Resvg(chartSvg(chart), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: SCALE },
  }).render();
  return rendered.asPng();
}
