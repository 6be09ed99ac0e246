import type { FigureContext } from './figureContext';
import { type FigureKind, findFigures } from './findFigures';

const HEADINGS: Record<FigureKind, string> = {
  money: 'Amounts',
  percent: 'Percentages',
  fte: 'FTE',
  days: 'Day counts',
  number: 'Other numbers',
  date: 'Dates',
  name: 'People',
  id: 'Commitments',
};

/**
 * The figures a reply states, grouped by kind, each once, as a Markdown list: what a
 * model (or a reader) must keep when it rewrites the reply.
 */
export function figureList(markdown: string, context: FigureContext): string {
  const byKind = new Map<FigureKind, Set<string>>();
  for (const figure of findFigures(markdown, context.vocabulary)) {
    const texts = byKind.get(figure.kind) ?? new Set<string>();
    texts.add(figure.kind === 'name' ? String(figure.value) : figure.text.replace(/\s+/g, ' '));
    byKind.set(figure.kind, texts);
  }
  return (Object.keys(HEADINGS) as FigureKind[])
    .filter((kind) => byKind.has(kind))
    .map((kind) => `- ${HEADINGS[kind]}: ${[...(byKind.get(kind) ?? [])].join('; ')}`)
    .join('\n');
}
