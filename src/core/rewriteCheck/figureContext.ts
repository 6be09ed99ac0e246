import { formatDate } from '../engine/helpers/dates';
import { formatMoney } from '../engine/helpers/money';
import { formatDays, formatFte, formatPercent } from '../engine/helpers/numbers';
import type { ReplyInput } from '../engine/replyContext';
import { type FigureVocabulary, isDistinctiveId } from './findFigures';

/**
 * A figure a rewrite may not drop, in each form the reply may state it: "the utilization
 * after" is `108%`; a delayed item is its id or its title. Forms are written the way the
 * template helpers write them, so they are found in the reply whatever the template.
 */
export interface KeyFigure {
  label: string;
  forms: string[];
}

/** What the check knows about the data a reply came from. */
export interface FigureContext {
  vocabulary: FigureVocabulary;
  keyFigures: KeyFigure[];
}

/** People and commitment ids of the data, and the key figures: the effort, the utilization after, each delayed item, the FTE and its cost, who informs the CIO and by when. */
export function figureContext({ request, capacity, analysis, signature }: ReplyInput): FigureContext {
  const signedBy = signature?.trim().split('\n')[0]?.trim();
  const names = [
    request.requester.name,
    ...capacity.members.map((m) => m.name),
    ...capacity.commitments.map((c) => c.sponsor),
    capacity.org.cio.name,
    capacity.org.me.name,
    signedBy,
  ].filter((name): name is string => typeof name === 'string' && name.trim().length > 0);

  const keyFigures: KeyFigure[] = [
    { label: 'the effort', forms: [formatDays(request.effortDays)] },
    ...(analysis.utilizationAfter === null ? [] : [{ label: 'the utilization after', forms: [formatPercent(analysis.utilizationAfter)] }]),
    ...analysis.delays.map((delay) => ({ label: `the delayed item ${delay.id}`, forms: isDistinctiveId(delay.id) ? [delay.id, delay.title] : [delay.title] })),
  ];
  if (analysis.overflowDays > 0 && analysis.funding.fteRequested !== null) {
    keyFigures.push({ label: 'the FTE', forms: [formatFte(analysis.funding.fteRequested)] });
    if (analysis.funding.cost !== null) keyFigures.push({ label: 'the FTE cost', forms: [formatMoney(analysis.funding.cost, capacity.currency)] });
  }
  if (analysis.informCio.needed) {
    if (analysis.informCio.owner) keyFigures.push({ label: 'who informs the CIO', forms: [analysis.informCio.owner] });
    if (capacity.org.cio.name) keyFigures.push({ label: 'the CIO', forms: [capacity.org.cio.name] });
    if (analysis.informCio.by !== 'never') keyFigures.push({ label: 'when the CIO must hear', forms: [formatDate(analysis.informCio.by, true)] });
  }
  return { vocabulary: { names: [...new Set(names)], ids: capacity.commitments.map((c) => c.id) }, keyFigures };
}
