import type { AnalysisView, ProposalKind } from '../../shared/protocol';
import { slipTimeline, utilizationChart } from './charts';
import { element } from './dom';
import { radioGroup } from './radios';
import { change } from './state';

/** The figures, what slips, the funding ask and the alternative to propose. */
export function analysisSection(view: AnalysisView): HTMLElement[] {
  const figures = element('dl', { class: 'figures', id: 'figures' });
  for (const figure of view.figures) {
    figures.append(element('dt', {}, figure.label), element('dd', figure.emphasis ? { class: 'emphasis' } : {}, figure.value));
  }
  const alternatives = radioGroup<ProposalKind>(
    'field-proposal',
    'Alternative to propose',
    view.alternatives.map((alternative) => ({ value: alternative.kind, label: `${alternative.label} — ${alternative.detail}`, disabled: !alternative.available })),
    view.proposal,
    (kind) => change('proposal', kind),
  );
  const sections: HTMLElement[] = [element('h2', { id: 'analysis-heading' }, `Analysis — ${view.team}`), utilizationChart(view.utilizationBefore, view.utilizationAfter), figures];
  if (view.delays.length > 0) {
    sections.push(element('h3', {}, 'What slips'), slipTimeline(view.delays));
    if (view.moreDelays > 0) sections.push(element('p', { class: 'hint' }, `…and ${view.moreDelays} more, listed in the reply.`));
  } else {
    sections.push(element('p', {}, 'Nothing already promised slips.'));
  }
  sections.push(
    element('h3', {}, 'Funding'),
    element('p', {}, view.fundingAsk),
    element('h3', {}, 'Propose'),
    alternatives,
    element('h3', {}, 'Informing the CIO'),
    element('p', {}, view.informCio),
    ...view.warnings.map((w) => element('p', { class: 'warning', role: 'note' }, w)),
  );
  return sections;
}
