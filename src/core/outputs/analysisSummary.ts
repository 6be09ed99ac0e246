import { formatDate } from '../engine/helpers/dates';
import { formatDays, formatPercent } from '../engine/helpers/numbers';
import type { ReplyInput } from '../engine/replyContext';
import { informCioSummary, keyFigures, proposalSummary } from './keyFigures';

/**
 * The analysis in one paragraph, for a language model or a chat answer: the request,
 * the load before and after, what slips, the funding, the proposal and who informs
 * the CIO. Built from the same facts as the Teams card, so they never disagree.
 */
export function analysisSummary(input: ReplyInput): string {
  const { request, capacity, analysis } = input;
  const facts = new Map(keyFigures(input).map((fact) => [fact.title, fact.value]));
  const finish = analysis.request.finish === 'never' ? 'would not finish within ten years' : `would finish on ${formatDate(analysis.request.finish, true)}`;
  const proposal = proposalSummary(input);
  return [
    `${request.title} (${formatDays(request.effortDays)}, asked by ${request.requester.name}) would take ${capacity.team} from ${formatPercent(analysis.utilizationBefore)} to ${formatPercent(analysis.utilizationAfter)} of its capacity up to ${formatDate(capacity.horizon.end, true)}; at rank ${request.rank} it ${finish}.`,
    `Over capacity: ${facts.get('Over capacity')}. Cost of delay: ${facts.get('Cost of delay')}. Funding to cover it: ${facts.get('Funding to cover it')}.`,
    `${proposal.kind === 'none' ? '' : `Proposed alternative — ${proposal.label}: `}${proposal.text}`,
    informCioSummary(input),
  ].join(' ');
}
