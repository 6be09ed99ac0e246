import type { AnalysisView } from '../shared/protocol';
import { element, svg } from './dom';

/**
 * Utilization before and after as two horizontal bars against a 100% line.
 * Inline SVG in the theme's colours: no remote assets, readable in any theme,
 * and described in text for screen readers.
 */
export function utilizationChart(before: number | null, after: number | null): HTMLElement {
  const figure = element('figure', { class: 'chart' });
  const label = `Utilization before: ${percent(before)}; after accepting: ${percent(after)}`;
  if (before === null || after === null) {
    figure.append(element('p', {}, 'The horizon has no capacity, so utilization cannot be shown.'));
    return figure;
  }
  const scale = Math.max(1.25, after * 1.05);
  const width = 300;
  const x = (value: number) => (Math.min(value, scale) / scale) * width;
  const bar = (row: number, value: number, name: string, className: string) => [
    svg('text', { x: 0, y: row * 30 + 12, class: 'chart-label' }, name),
    svg('rect', { x: 70, y: row * 30 + 2, width: Math.max(1, x(value) * 0.75), height: 14, rx: 2, class: className }),
    svg('text', { x: 74 + x(value) * 0.75, y: row * 30 + 13, class: 'chart-value' }, percent(value)),
  ];
  const full = 70 + x(1) * 0.75;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width + 60} 62`, role: 'img', 'aria-label': label, class: 'utilization' },
    ...bar(0, before, 'Before', 'bar-before'),
    ...bar(1, after, 'After', after > 1 ? 'bar-over' : 'bar-after'),
    svg('line', { x1: full, x2: full, y1: 0, y2: 52, class: 'full-line' }),
    svg('text', { x: full - 14, y: 61, class: 'chart-label' }, '100%'),
  );
  figure.append(chart, element('figcaption', { class: 'visually-hidden' }, label));
  return figure;
}

/** Each slipping commitment as a line from its old finish to its new one on the horizon. */
export function slipTimeline(delays: AnalysisView['delays']): HTMLElement {
  const list = element('ul', { class: 'timeline', 'aria-label': 'Commitments that slip' });
  for (const delay of delays) {
    const track = svg(
      'svg',
      { viewBox: '0 0 100 8', preserveAspectRatio: 'none', class: 'track', 'aria-hidden': 'true' },
      svg('line', { x1: 0, x2: 100, y1: 4, y2: 4, class: 'track-base' }),
      svg('rect', { x: delay.fromAt * 100, y: 1, width: Math.max(0.8, (delay.toAt - delay.fromAt) * 100), height: 6, class: delay.missesDeadline ? 'slip-miss' : 'slip' }),
    );
    list.append(
      element(
        'li',
        {},
        element('span', { class: 'slip-title' }, `${delay.title} (${delay.id})`),
        track,
        element('span', { class: 'slip-detail' }, `${delay.from} → ${delay.to}: ${delay.days}, ${delay.cost}${delay.missesDeadline ? ' — misses its deadline' : ''}`),
      ),
    );
  }
  return list;
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value * 100)}%`;
}
