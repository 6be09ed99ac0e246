import type { AnalysisView } from '../../shared/protocol';
import { element, svg } from './dom';

/**
 * Utilization before and after as two horizontal bars against a 100% line. The
 * bars are boxes and the labels text, in the theme's colours and at the page's
 * font size at any width (an SVG's text would shrink with a narrow panel), and
 * the whole is described in words for screen readers.
 */
export function utilizationChart(before: number | null, after: number | null): HTMLElement {
  const figure = element('figure', { class: 'chart' });
  if (before === null || after === null) {
    figure.append(element('p', {}, 'The horizon has no capacity, so utilization cannot be shown.'));
    return figure;
  }
  const label = `Utilization before: ${percent(before)}; after accepting: ${percent(after)}`;
  const scale = Math.max(1.25, after * 1.05, before * 1.05);
  const share = (value: number) => `${((Math.min(value, scale) / scale) * 100).toFixed(2)}%`;
  const bar = (name: string, value: number, className: string) =>
    element(
      'div',
      { class: 'bar-row' },
      element('span', { class: 'chart-label' }, name),
      element('span', { class: 'bar-track' }, withWidth(element('span', { class: `bar ${className}` }), share(value)), withLeft(element('span', { class: 'full-line' }), share(1))),
      element('span', { class: 'chart-value' }, percent(value)),
    );
  const chart = element('div', { class: 'utilization', role: 'img', 'aria-label': label }, bar('Before', before, 'bar-before'), bar('After', after, after > 1 ? 'bar-over' : 'bar-after'));
  figure.append(chart, element('figcaption', { class: 'chart-caption' }, 'Dashed line: 100% of the team\'s available days.'));
  return figure;
}

/* Sizes go through the CSSOM, not a style attribute: the page's CSP allows no inline styles. */
function withWidth(node: HTMLElement, width: string): HTMLElement {
  node.style.width = width;
  return node;
}

function withLeft(node: HTMLElement, left: string): HTMLElement {
  node.style.left = left;
  return node;
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
