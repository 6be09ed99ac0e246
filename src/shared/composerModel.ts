import type { Analysis } from '../core/model/analysis';
import { dayNumber } from '../core/model/civilDate';
import type { Capacity } from '../core/schema/capacity';
import type { Request } from '../core/schema/request';
import { markdownToHtml, markdownToPlainText } from '../core/engine/markdownOutput';
import { type Proposal, type ReplyInput } from '../core/engine/replyContext';
import type { FrontMatter } from '../core/engine/frontMatter';
import { formatDate } from '../core/engine/helpers/dates';
import { formatMoney } from '../core/engine/helpers/money';
import { formatDays, formatFte, formatPercent } from '../core/engine/helpers/numbers';
import { listInProse } from '../core/engine/helpers/prose';
import { draftReply, draftTemplateId } from '../core/draft/draftReply';
import { emailHtmlFragment } from '../core/outputs/emailHtml';
import type { TemplatePack } from '../core/pack/loadPack';
import { formatProblem, type Problem, type Result } from '../core/problems';
import type { DraftForm } from '../core/draft/draftForm';
import { missingTemplateText, teamsCardFor } from './draftOutcomes';
import type { AnalysisView, ComposerUpdate, RenderedUpdate } from './protocol';

export interface DraftInputs {
  draft: DraftForm;
  capacityFile: string;
  seq: number;
  capacity: Result<Capacity>;
  packs: readonly TemplatePack[];
  today: string;
  signature: string;
  /** The currency and locale settings (empty: the template pack's defaults, else the data's currency and English formats). */
  currency?: string;
  locale?: string;
  /** Build the Teams card too (only while the Teams preview is shown: it costs as much as the reply). */
  withTeamsCard: boolean;
}

/** The rendered reply, kept on the host for the actions (insert, copy, post). */
export interface ComposerReply {
  markdown: string;
  input: ReplyInput;
  frontMatter: FrontMatter;
}

/**
 * Everything the composer shows for one state of the form: field errors, the
 * analysis figures and the reply's preview HTML. Only what the preview needs is
 * computed per keystroke; plain text, email HTML and the card come from
 * {@link replyOutputs} when an action asks. Plain code over the core, so the
 * composer's logic is testable without a webview.
 */
export function renderDraft(inputs: DraftInputs): { update: RenderedUpdate; reply: ComposerReply | null } {
  const { draft, seq, capacityFile, capacity, packs, today, signature, currency, locale, withTeamsCard } = inputs;
  const empty = (hint: string, extra: Partial<RenderedUpdate> = {}) => ({
    update: { seq, capacityFile, templateId: draftTemplateId(draft), errors: {}, problems: [], analysis: null, html: '', teamsCard: null, missingTemplate: null, cioNoteNeeded: false, hint, ...extra },
    reply: null,
  });
  const drafted = draftReply({ capacity, request: { form: draft }, packs, today, signature, currency, locale });
  if (!drafted.ok) {
    switch (drafted.stage) {
      case 'data':
        return empty('Fix the capacity file to see the analysis.', { problems: drafted.problems.map(problemView) });
      case 'form':
        return empty(hintFor(drafted.errors), { errors: drafted.errors });
      case 'template':
        return empty('Pick a template.', {
          analysis: viewOf(drafted.input),
          problems: [{ text: missingTemplateText(drafted.templateId), file: '', line: 1, column: 1 }],
          missingTemplate: drafted.templateId,
        });
      case 'render':
        return empty('The template could not be rendered.', { analysis: viewOf(drafted.input), problems: drafted.problems.map(problemView) });
    }
  }
  const { input, markdown, template } = drafted.value;
  const reply: ComposerReply = { markdown, input, frontMatter: template.frontMatter };
  return {
    update: {
      seq,
      capacityFile,
      templateId: draftTemplateId(draft),
      errors: {},
      problems: [],
      analysis: viewOf(input),
      // Line breaks inside a paragraph kept, as in the copied email HTML (a signature under "Best regards,").
      html: markdownToHtml(reply.markdown, { breaks: true }),
      teamsCard: withTeamsCard ? teamsCardOf(reply) : null,
      missingTemplate: null,
      cioNoteNeeded: input.analysis.informCio.needed && reply.frontMatter.id !== 'inform-cio',
      hint: '',
    },
    reply,
  };
}

/** The last view of each analysis: the analysis is reused while the request's planning fields stay the same (analyzeReusing), so is its view. */
const views = new WeakMap<object, { capacity: Capacity; proposal: Proposal; view: AnalysisView }>();

function viewOf(input: ReplyInput): AnalysisView {
  const proposal = input.proposal as Proposal;
  const last = views.get(input.analysis);
  if (last && last.capacity === input.capacity && last.proposal === proposal) return last.view;
  const view = analysisView(input.capacity, input.request, input.analysis, proposal);
  views.set(input.analysis, { capacity: input.capacity, proposal, view });
  return view;
}

/** The card the Teams preview shows, or why Teams would refuse it. */
export function teamsCardOf(reply: ComposerReply): ComposerUpdate['teamsCard'] {
  const card = teamsCardFor(reply);
  return card.ok ? { card: card.card } : { refused: card.refused };
}

/** The reply in the forms the copy actions need. */
export function replyOutputs(reply: ComposerReply) {
  return { text: markdownToPlainText(reply.markdown), emailHtml: emailHtmlFragment(reply.markdown) };
}

function hintFor(errors: Record<string, string | undefined>): string {
  const missing = Object.keys(errors);
  return missing.length === 0 ? '' : 'Fill in the highlighted fields to see the analysis and the reply.';
}

function problemView(problem: Problem) {
  return { text: formatProblem(problem), file: problem.file, line: problem.line, column: problem.column };
}

/** The timeline shows the first slips in priority order; a long tail is counted, not drawn. */
const TIMELINE_ROWS = 12;

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
    delays: analysis.delays.slice(0, TIMELINE_ROWS).map((d) => ({
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
    moreDelays: Math.max(0, analysis.delays.length - TIMELINE_ROWS),
    fundingAsk:
      analysis.overflowDays > 0
        ? `${formatFte(analysis.funding.fteRequested)} until ${formatDate(capacity.horizon.end, false)}: ${money(analysis.funding.cost)}`
        : 'No extra staff needed',
    alternatives: [
      { kind: 'swap', label: 'Swap', detail: swap ? `Pause ${listInProse(swap.ids.map((id) => titles.get(id) ?? id))} (${formatDays(swap.freedDays)})` : 'Nothing unlocked frees enough room', available: swap !== null },
      { kind: 'defer', label: 'Defer', detail: `${formatDate(defer.start, false)} → ${formatDate(defer.finish, false)}${defer.meetsNeededBy === false ? ', after the date asked' : ''}`, available: true },
      { kind: 'descope', label: 'Descope', detail: `${formatDays(descope.fitDays)} fit by ${formatDate(request.neededBy ?? capacity.horizon.end, false)} (${formatPercent(descope.fraction)})`, available: descope.fitDays > 0 },
      { kind: 'fund', label: 'Fund', detail: analysis.overflowDays > 0 ? `${formatFte(analysis.funding.fteRequested)}, ${money(analysis.funding.cost)}` : 'No funding needed', available: true },
    ],
    proposal,
    informCio: analysis.informCio.needed
      ? `${analysis.informCio.owner ?? 'Someone (set org.me.name)'} informs ${capacity.org.cio.name ?? capacity.org.cio.title} by ${formatDate(analysis.informCio.by, true)}`
      : 'No change in priorities to report',
    warnings: analysis.warnings,
  };
}
