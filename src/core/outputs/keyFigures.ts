import type { Analysis } from '../model/analysis';
import { formatDate } from '../engine/helpers/dates';
import { formatMoney } from '../engine/helpers/money';
import { formatDays, formatNumber, formatPercent, pluralize } from '../engine/helpers/numbers';
import { listInProse } from '../engine/helpers/prose';
import { type Proposal, type ReplyInput, defaultProposal } from '../engine/replyContext';

/** A labelled figure, as plain text: each output escapes it for its own medium. */
export interface Fact {
  title: string;
  value: string;
}

/** The alternative a reply proposes, in the words the built-in templates use for it; `none` when it fits as asked. */
export interface ProposalSummary {
  kind: Proposal | 'none';
  label: string;
  text: string;
}

export const PROPOSAL_LABELS: Record<Proposal, string> = {
  swap: 'Swap it in',
  defer: 'Start it next in line',
  descope: 'Deliver a first phase',
  fund: 'Fund the extra capacity',
};

/** Who asked, by when, and when it would be done at the priority they gave it. */
export function requestFacts({ request, analysis }: ReplyInput): Fact[] {
  const finish = analysis.request.finish;
  const late = analysis.request.meetsNeededBy === false ? ' (too late)' : '';
  return [
    { title: 'Requested by', value: request.requester.title ? `${request.requester.name}, ${request.requester.title}` : request.requester.name },
    { title: 'Needed by', value: formatDate(request.neededBy, true) },
    { title: 'Effort', value: formatDays(request.effortDays) },
    { title: 'Done at this priority', value: finish === 'never' ? 'not within ten years' : `${formatDate(finish, true)}${late}` },
  ];
}

/** The figures a leader quotes: load before → after, overflow, funding, cost of delay. */
export function keyFigures({ capacity, analysis }: ReplyInput): Fact[] {
  const money = (value: number | null) => formatMoney(value, capacity.currency);
  const slipping = analysis.delays.length;
  return [
    { title: 'Team load', value: `${formatPercent(analysis.utilizationBefore)} → ${formatPercent(analysis.utilizationAfter)} of capacity` },
    { title: 'Over capacity', value: analysis.overflowDays > 0 ? formatDays(analysis.overflowDays) : 'none' },
    { title: 'Funding to cover it', value: fundingFigure(analysis, money) },
    {
      title: 'Cost of delay',
      value: slipping === 0 ? 'none: nothing slips' : `${money(analysis.totalCostOfDelay)} (${slipping} ${pluralize(slipping, 'commitment slips', 'commitments slip')})`,
    },
  ];
}

function fundingFigure(analysis: Analysis, money: (value: number | null) => string): string {
  if (!(analysis.overflowDays > 0)) return 'none needed';
  const { fteRequested, cost } = analysis.funding;
  if (fteRequested === null) return 'cannot be sized: the plan has no working days';
  return `${formatNumber(fteRequested, 2)} FTE · ${cost === null ? 'cost to be confirmed' : money(cost)}`;
}

/** The proposed alternative as one plain sentence, with its dates and figures. */
export function proposalSummary(input: ReplyInput): ProposalSummary {
  if (fitsAsAsked(input.analysis)) return { kind: 'none', label: 'No alternative needed', text: 'It fits as asked: nothing already promised moves and no extra staff is needed.' };
  const kind = input.proposal ?? defaultProposal(input.analysis);
  return { kind, label: PROPOSAL_LABELS[kind], text: PROPOSAL_TEXT[kind](input) };
}

/** Nothing slips, the quarter does not overflow and the date is met: the templates then offer no alternative either. */
export function fitsAsAsked(analysis: Analysis): boolean {
  return analysis.delays.length === 0 && !(analysis.overflowDays > 0) && analysis.request.meetsNeededBy !== false;
}

const PROPOSAL_TEXT: Record<Proposal, (input: ReplyInput) => string> = {
  swap({ request, capacity, analysis }) {
    const swap = analysis.alternatives.swap;
    if (!swap) return `Not possible: even pausing every unlocked item below it would not free ${formatDays(request.effortDays)}.`;
    const titles = swap.ids.map((id) => {
      const commitment = capacity.commitments.find((c) => c.id === id);
      return commitment ? `${commitment.title} (${id})` : id;
    });
    return `Pause ${listInProse(titles)} to free ${formatDays(swap.freedDays)} for the ${formatDays(request.effortDays)} this needs; the team's load does not grow and no extra staff is needed.`;
  },
  defer({ request, analysis }) {
    const { start, finish, meetsNeededBy } = analysis.alternatives.defer;
    if (finish === 'never') return 'Not possible: after the work already promised, no capacity is left to finish it within ten years.';
    const when = start === finish ? `Done on ${formatDate(finish, true)}` : `Start ${formatDate(start, true)}, finish ${formatDate(finish, true)}`;
    if (!request.neededBy) return `${when}; nothing else moves.`;
    return meetsNeededBy ? `${when}, in time for ${formatDate(request.neededBy, true)}; nothing else moves.` : `${when}; nothing else moves, but that is too late for ${formatDate(request.neededBy, true)}.`;
  },
  descope({ request, capacity, analysis }) {
    const { fitDays, fraction } = analysis.alternatives.descope;
    const by = formatDate(request.neededBy ?? capacity.horizon.end, true);
    if (!(fitDays > 0)) return `No capacity is left by ${by} without moving other work.`;
    if (fraction >= 1) return `All ${formatDays(request.effortDays)} fit by ${by} without moving anything else.`;
    return `${formatDays(fitDays)} (${formatPercent(fraction)}) of the ${formatDays(request.effortDays)} by ${by}, without moving anything else.`;
  },
  fund({ capacity, analysis }) {
    if (!(analysis.overflowDays > 0)) return 'Not needed: the quarter has room for this as it is.';
    const { fteRequested, cost } = analysis.funding;
    if (fteRequested === null) return 'Extra staff is needed, but it cannot be sized: the plan has no working days.';
    const price = cost === null ? 'cost to be confirmed' : formatMoney(cost, capacity.currency);
    return `${formatNumber(fteRequested, 2)} FTE of extra staff until ${formatDate(capacity.horizon.end, true)} (${price}), so this and everything already promised fit.`;
  },
};

/** The CIO's name, or "the CIO" (their title) when the data has no name. */
export function cioName({ capacity }: ReplyInput): string {
  return capacity.org.cio.name ?? `the ${capacity.org.cio.title}`;
}

/** "Dana Whitfield informs Elena Petrova by Mon 11 Jan 2027, before work starts." */
export function informCioSummary(input: ReplyInput): string {
  const { owner, by, needed } = input.analysis.informCio;
  const cio = cioName(input);
  if (!needed) return `No change in priorities to report; ${cio} hears of it in the next regular update.`;
  const when = by === 'never' ? 'before any work starts' : `by ${formatDate(by, true)}, before work starts`;
  return owner ? `${owner} informs ${cio} ${when}.` : `${cio} should hear of it ${when}; who raises it is still to be agreed.`;
}
