import type { Analysis, Delay } from '../model/analysis';
import type { IsoDate } from '../model/civilDate';
import type { Capacity } from '../schema/capacity';
import type { Request } from '../schema/request';
import { formatDate } from './helpers/dates';
import { formatMoney } from './helpers/money';
import { formatDays, formatFte, formatNumber, formatPercent, pluralize } from './helpers/numbers';
import { listInProse } from './helpers/prose';
import { markdownTable } from './helpers/table';
import { type Proposal, defaultProposal, escapeMarkdown } from './replyContext';

export interface AnalysisDocumentInput {
  capacity: Capacity;
  request: Request;
  analysis: Analysis;
  today: IsoDate;
  /** Where the capacity came from, as the user knows it: a workspace-relative path or "the built-in sample". */
  capacitySource: string;
  /** Why this is not the user's own request, when it is not; shown first, so nobody quotes sample figures. */
  requestNote?: string;
  /** The alternative the draft proposes; the analysis's default when absent. */
  proposal?: Proposal;
}

/**
 * The analysis as a Markdown document a leader can read, keep or paste into a brief:
 * the headline figures, when the request would start and finish, what slips, the
 * funding that would avoid it, the four alternatives, who informs the CIO, and the
 * model's warnings. Every figure is the engine's, in the reply helpers' words, so the
 * document and the reply never disagree about a number.
 */
export function analysisMarkdown(input: AnalysisDocumentInput): string {
  const { capacity, request, analysis } = input;
  const text = escapeMarkdown;
  const money = (value: number | null) => formatMoney(value, capacity.currency);
  const date = (value: string | null) => formatDate(value, true);
  const requester = `${text(request.requester.name)}${request.requester.title ? ` (${text(request.requester.title)})` : ''}`;
  const blocks: string[] = [];

  blocks.push(`# Analysis: ${text(request.title)}`);
  blocks.push(`Requested by ${requester} · ${text(capacity.team)} · capacity from ${text(input.capacitySource)} · as of ${date(input.today)}`);
  if (input.requestNote) blocks.push(`> **Note:** ${input.requestNote}`);

  blocks.push('## Headline figures');
  blocks.push(
    keyValueTable('Figure', 'Value', [
      ['Available capacity', formatDays(analysis.availableDays)],
      ['Already committed', formatDays(analysis.committedDays)],
      ['This request', formatDays(request.effortDays)],
      ['Utilization before', formatPercent(analysis.utilizationBefore)],
      ['Utilization after', formatPercent(analysis.utilizationAfter)],
      ['Overflow', formatDays(analysis.overflowDays)],
      ['Working days in the horizon', `${analysis.horizonWorkingDays} (${date(capacity.horizon.start)} – ${date(capacity.horizon.end)})`],
    ], 'right'),
  );

  blocks.push('## The request');
  blocks.push(
    keyValueTable('Detail', 'Value', [
      ['Rank', `${request.rank} (1 is the most important)`],
      ['Starts', date(analysis.request.start)],
      ['Finishes', date(analysis.request.finish)],
      ['Needed by', request.neededBy ? date(request.neededBy) : 'no date given'],
      ['Meets the needed-by date', meets(analysis.request.meetsNeededBy)],
      ['Cost of delay', request.costOfDelayPerWeek > 0 ? `${money(request.costOfDelayPerWeek)} a week` : 'none given'],
      ...(request.outcome ? [['Outcome', text(request.outcome)] as [string, string]] : []),
    ]),
  );

  blocks.push('## What slips');
  if (analysis.delays.length === 0) {
    blocks.push('Nothing slips: every commitment finishes when it would have without this request.');
  } else {
    const count = analysis.delays.length;
    blocks.push(`Taking this on delays ${count} ${pluralize(count, 'commitment')}, costing ${money(analysis.totalCostOfDelay)} in all.`);
    blocks.push(
      markdownTable(
        analysis.delays.map((delay) => [
          cell('Commitment', `${text(delay.id)} ${text(delay.title)}`),
          cell('Finishes without', formatDate(delay.baselineFinish, true)),
          cell('Finishes with', formatDate(delay.acceptedFinish, true)),
          cell('Delay', delay.delayWorkingDays === null ? 'open-ended' : `${delay.delayWorkingDays} working ${pluralize(delay.delayWorkingDays, 'day')}`, 'right'),
          cell('Cost of delay', money(delay.costOfDelay), 'right'),
          cell('Deadline', deadline(delay)),
        ]),
      ),
    );
  }

  blocks.push('## Funding');
  blocks.push(fundingText(capacity, analysis, money));

  blocks.push('## Alternatives');
  const proposal = input.proposal ?? defaultProposal(analysis);
  const { defer, descope, swap } = analysis.alternatives;
  const titles = new Map(capacity.commitments.map((c) => [c.id, c.title]));
  const descopeUntil = date(request.neededBy ?? capacity.horizon.end);
  const options: [Proposal, string, string][] = [
    ['defer', 'Defer', `Start it after every commitment: ${date(defer.start)} → ${date(defer.finish)}. Delays nobody; ${meetsSentence(defer.meetsNeededBy)}`],
    ['descope', 'Descope', `${formatDays(descope.fitDays)} of the ${formatDays(request.effortDays)} (${formatPercent(descope.fraction)}) fit by ${descopeUntil} once the commitments are done.`],
    [
      'swap',
      'Swap',
      swap
        ? `Pause ${listInProse(swap.ids.map((id) => `${text(id)} ${text(titles.get(id) ?? '')}`.trim()))}, freeing ${formatDays(swap.freedDays)}.`
        : 'No set of unlocked commitments after it frees enough room.',
    ],
    ['fund', 'Fund', fundOption(capacity, analysis, money)],
  ];
  blocks.push(
    markdownTable(
      options.map(([kind, label, detail]) => [cell('Option', kind === proposal ? `**${label}** (proposed)` : label), cell('What it means', detail)]),
    ),
  );

  blocks.push('## Informing the CIO');
  blocks.push(cioText(capacity, analysis));

  if (analysis.warnings.length > 0) {
    blocks.push('## Warnings');
    blocks.push(analysis.warnings.map((warning) => `- ${text(warning)}`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function cell(header: string, value: string, align: 'left' | 'right' = 'left') {
  return { header, value, align };
}

function keyValueTable(keyHeader: string, valueHeader: string, rows: [string, string][], align: 'left' | 'right' = 'left'): string {
  return markdownTable(rows.map(([key, value]) => [cell(keyHeader, key), cell(valueHeader, value, align)]));
}

function meets(value: boolean | null): string {
  return value === null ? 'no date given' : value ? 'yes' : '**no**';
}

function meetsSentence(value: boolean | null): string {
  return value === null ? 'no date was asked for.' : value ? 'still meets the date asked.' : 'finishes **after** the date asked.';
}

function deadline(delay: Delay): string {
  if (delay.deadline === null) return 'none';
  const when = formatDate(delay.deadline, true);
  if (delay.missesDeadline) return `${when}: **now missed**`;
  if (delay.alreadyLate) return `${when}: already late`;
  return `${when}: still met`;
}

function fundingText(capacity: Capacity, analysis: Analysis, money: (value: number | null) => string): string {
  const { funding } = analysis;
  const note = funding.note ? ` ${escapeMarkdown(funding.note)}` : '';
  if (analysis.overflowDays <= 0) return `No extra staff is needed: the request fits in the horizon's capacity.${note}`;
  const needed = funding.extraFte === null ? '' : ` (${formatNumber(funding.extraFte, 2)} needed, asked in steps of ${formatNumber(capacity.funding.fteIncrement, 2)})`;
  return `To avoid ${formatDays(analysis.overflowDays)} of overflow: **${formatFte(funding.fteRequested)}**${needed} until ${formatDate(capacity.horizon.end, true)}, costing **${money(funding.cost)}**.${note}`;
}

function fundOption(capacity: Capacity, analysis: Analysis, money: (value: number | null) => string): string {
  const { fund } = analysis.alternatives;
  if (analysis.overflowDays <= 0) return 'No extra staff needed.';
  if (fund.fteRequested === null) return `Cannot be sized: ${escapeMarkdown(fund.note ?? 'the horizon has no working days')}`;
  return `${formatNumber(fund.fteRequested, 2)} FTE until ${formatDate(capacity.horizon.end, true)}, costing ${money(fund.cost)}.`;
}

function cioText(capacity: Capacity, analysis: Analysis): string {
  const { informCio } = analysis;
  const cio = capacity.org.cio.name
    ? `${escapeMarkdown(capacity.org.cio.name)} (${escapeMarkdown(capacity.org.cio.title)})`
    : `the ${escapeMarkdown(capacity.org.cio.title)}`;
  const owner = informCio.owner === null ? 'Someone (set org.me.name in the capacity file)' : escapeMarkdown(informCio.owner);
  const by = formatDate(informCio.by, true);
  if (!informCio.needed) {
    return `Not needed: nothing is delayed and the horizon does not overflow. Were it needed, ${owner} would inform ${cio} by ${by}.`;
  }
  const reasons = [
    analysis.delays.length > 0 ? `${analysis.delays.length} ${pluralize(analysis.delays.length, 'commitment slips', 'commitments slip')}` : '',
    analysis.overflowDays > 0 ? `the horizon overflows by ${formatDays(analysis.overflowDays)}` : '',
  ].filter(Boolean);
  return `**${owner}** informs ${cio} by **${by}**, before the work starts, because ${listInProse(reasons)}.`;
}
