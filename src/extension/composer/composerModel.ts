import type { Analysis } from '../../core/model/analysis';
import { analyze } from '../../core/model/analyze';
import { dayNumber } from '../../core/model/civilDate';
import type { Capacity } from '../../core/schema/capacity';
import type { Request } from '../../core/schema/request';
import { markdownToHtml, markdownToPlainText } from '../../core/engine/markdownOutput';
import { renderReply } from '../../core/engine/renderReply';
import { type Proposal, defaultProposal } from '../../core/engine/replyContext';
import { formatDate } from '../../core/engine/helpers/dates';
import { formatMoney } from '../../core/engine/helpers/money';
import { formatDays, formatNumber, formatPercent } from '../../core/engine/helpers/numbers';
import { listInProse } from '../../core/engine/helpers/prose';
import { findTemplate } from '../../core/draftReply';
import { buildAdaptiveCard } from '../../core/outputs/adaptiveCard';
import { emailHtmlFragment } from '../../core/outputs/emailHtml';
import type { TemplatePack } from '../../core/pack/loadPack';
import { formatProblem, type Problem, type Result } from '../../core/problems';
import { type DraftForm, requestFromDraft } from '../../shared/draftForm';
import type { AnalysisView, ComposerUpdate } from '../../shared/protocol';

export interface DraftInputs {
  draft: DraftForm;
  capacityFile: string;
  seq: number;
  capacity: Result<Capacity>;
  packs: readonly TemplatePack[];
  today: string;
  signature: string;
}

/**
 * Everything the composer shows for one state of the form: field errors, the
 * analysis figures, and the reply in three forms. Plain code over the core, so
 * the whole composer logic is testable without a webview.
 */
export function renderDraft({ draft, seq, capacityFile, capacity, packs, today, signature }: DraftInputs): ComposerUpdate {
  const empty = (hint: string, extra: Partial<ComposerUpdate> = {}): ComposerUpdate => ({
    seq, capacityFile, errors: {}, problems: [], analysis: null, html: '', markdown: '', text: '', emailHtml: '', teamsCard: null, cioNoteNeeded: false, hint, ...extra,
  });
  if (!capacity.ok) {
    return empty('Fix the capacity file to see the analysis.', { problems: capacity.problems.map(problemView) });
  }
  const request = requestFromDraft(draft);
  if (!request.ok) return empty(hintFor(request.errors), { errors: request.errors });

  const analysis = analyze(capacity.value, request.request);
  const proposal = (draft.proposal || defaultProposal(analysis)) as Proposal;
  const view = analysisView(capacity.value, request.request, analysis, proposal);
  const found = findTemplate(packs, draft.templateId || 'yes-and-tradeoffs');
  if (!found.ok) return empty('Pick a template.', { analysis: view, problems: found.problems.map(problemView) });

  const input = { request: request.request, capacity: capacity.value, signature, analysis, today, proposal };
  const reply = renderReply(found.value.template, input);
  if (!reply.ok) return empty('The template could not be rendered.', { analysis: view, problems: reply.problems.map(problemView) });
  const markdown = reply.value;
  const card = buildAdaptiveCard({ input, markdown, frontMatter: found.value.template.frontMatter });
  return {
    seq,
    capacityFile,
    errors: {},
    problems: [],
    analysis: view,
    html: markdownToHtml(markdown),
    markdown,
    text: markdownToPlainText(markdown),
    emailHtml: emailHtmlFragment(markdown),
    teamsCard: card.ok ? { card: card.value } : { refused: `${card.problems[0].message} ${card.problems[0].hint}` },
    cioNoteNeeded: analysis.informCio.needed && found.value.template.frontMatter.id !== 'inform-cio',
    hint: '',
  };
}

function hintFor(errors: Record<string, string | undefined>): string {
  const missing = Object.keys(errors);
  return missing.length === 0 ? '' : 'Fill in the highlighted fields to see the analysis and the reply.';
}

function problemView(problem: Problem) {
  return { text: formatProblem(problem), file: problem.file, line: problem.line };
}

export function analysisView(capacity: Capacity, request: Request, analysis: Analysis, proposal: Proposal): AnalysisView {
  const money = (value: number | null) => formatMoney(value, capacity.currency);
  const start = dayNumber(capacity.horizon.start);
  const span = Math.max(1, dayNumber(capacity.horizon.end) - start);
  const at = (date: string) => (date === 'never' ? 1 : Math.min(1, Math.max(0, (dayNumber(date) - start) / span)));
  const { defer, descope, swap } = analysis.alternatives;
  const titles = new Map(capacity.commitments.map((c) => [c.id, c.title]));
  return {
    team: capacity.team,
    utilizationBefore: analysis.utilizationBefore,
    utilizationAfter: analysis.utilizationAfter,
    figures: [
      { label: 'Utilization', value: `${formatPercent(analysis.utilizationBefore)} → ${formatPercent(analysis.utilizationAfter)}`, emphasis: true },
      { label: 'Available', value: formatDays(analysis.availableDays) },
      { label: 'Committed', value: formatDays(analysis.committedDays) },
      { label: 'Overflow', value: formatDays(analysis.overflowDays) },
      { label: 'Starts', value: formatDate(analysis.request.start, true) },
      { label: 'Finishes', value: `${formatDate(analysis.request.finish, true)}${analysis.request.meetsNeededBy === false ? ' (late)' : ''}` },
      { label: 'Cost of delay', value: money(analysis.totalCostOfDelay) },
    ],
    delays: analysis.delays.map((d) => ({
      id: d.id,
      title: d.title,
      from: formatDate(d.baselineFinish, false),
      to: formatDate(d.acceptedFinish, false),
      days: formatDays(d.delayWorkingDays),
      cost: money(d.costOfDelay),
      fromAt: at(d.baselineFinish),
      toAt: at(d.acceptedFinish),
      missesDeadline: d.missesDeadline,
    })),
    fundingAsk:
      analysis.overflowDays > 0
        ? `${formatNumber(analysis.funding.fteRequested, 2)} FTE until ${formatDate(capacity.horizon.end, false)}: ${money(analysis.funding.cost)}`
        : 'No extra staff needed',
    alternatives: [
      { kind: 'swap', label: 'Swap', detail: swap ? `Pause ${listInProse(swap.ids.map((id) => titles.get(id) ?? id))} (${formatDays(swap.freedDays)})` : 'Nothing unlocked frees enough room', available: swap !== null },
      { kind: 'defer', label: 'Defer', detail: `${formatDate(defer.start, false)} → ${formatDate(defer.finish, false)}${defer.meetsNeededBy === false ? ', after the date asked' : ''}`, available: true },
      { kind: 'descope', label: 'Descope', detail: `${formatDays(descope.fitDays)} fit by ${formatDate(request.neededBy ?? capacity.horizon.end, false)} (${formatPercent(descope.fraction)})`, available: descope.fitDays > 0 },
      { kind: 'fund', label: 'Fund', detail: analysis.overflowDays > 0 ? `${formatNumber(analysis.funding.fteRequested, 2)} FTE, ${money(analysis.funding.cost)}` : 'No funding needed', available: true },
    ],
    proposal,
    informCio: analysis.informCio.needed
      ? `${analysis.informCio.owner ?? 'Someone (set org.me.name)'} informs ${capacity.org.cio.name ?? capacity.org.cio.title} by ${formatDate(analysis.informCio.by, true)}`
      : 'No change in priorities to report',
    warnings: analysis.warnings,
  };
}
