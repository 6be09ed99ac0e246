import type { FigureContext, KeyFigure } from './figureContext';
import { type Figure, type FigureKind, type FigureVocabulary, findFigures } from './findFigures';
import { FigureIndex } from './figureIndex';
import { lineColumnLocator } from './lineColumn';

export interface FigureDifference {
  /** `changed`: in the rewrite but not in the original (changed or invented); `missing`: a key figure the rewrite dropped. */
  kind: 'changed' | 'missing';
  /** Which text `line` and `column` point into: the rewrite for a changed figure, the original for a missing one. */
  in: 'rewrite' | 'original';
  line: number;
  column: number;
  /** The same place as an offset into that text. */
  offset: number;
  figureKind: FigureKind | 'text';
  /** The figure as written. */
  text: string;
  message: string;
}

export interface RewriteCheck {
  /** Figures found in the rewrite. */
  figures: number;
  /** Of those, how many the original states too. */
  kept: number;
  /** Key figures the original states (each must be in the rewrite). */
  keyFigures: number;
  differences: FigureDifference[];
}

const KIND_WORDS: Record<FigureKind, string> = {
  money: 'amount',
  percent: 'percentage',
  fte: 'FTE figure',
  days: 'day count',
  number: 'number',
  date: 'date',
  name: 'name',
  id: 'commitment id',
};

/**
 * Compare a rewrite of a reply with the reply: every figure of the rewrite must be one
 * the original states (the same value in any ordinary form, no more often than the
 * original does), and every key figure of the original must still be there. Without
 * a context (only the two texts), names are not recognised and the key figures are
 * the original's percentages, FTE figures and commitment ids.
 */
export function checkRewrite(original: string, rewrite: string, context?: FigureContext): RewriteCheck {
  const vocabulary: FigureVocabulary = context?.vocabulary ?? { names: [], ids: [] };
  const originalList = findFigures(original, vocabulary);
  const originalFigures = new FigureIndex(originalList, anchorsOf(original, originalList));
  const rewriteFigures = findFigures(rewrite, vocabulary);
  const rewriteAnchors = anchorsOf(rewrite, rewriteFigures);
  const where = lineColumnLocator(rewrite);
  const rewriteIndex = new FigureIndex(rewriteFigures);
  const differences: FigureDifference[] = [];

  // Strict matches first, so a loose one ("9") never takes the figure an exact "9 days" needs.
  // Exact before loose, and beside the same commitment before anywhere, so that a loose or
  // stray match never takes the figure that another one of the rewrite's figures states exactly.
  const matched = rewriteFigures.map(() => -1);
  for (const [loose, anchored] of [[false, true], [false, false], [true, true], [true, false]] as const) {
    rewriteFigures.forEach((figure, i) => {
      if (matched[i] >= 0 || figure.realWeekday || (anchored && rewriteAnchors[i].length === 0)) return;
      matched[i] = originalFigures.take(figure, loose, anchored ? rewriteAnchors[i] : undefined);
    });
  }
  rewriteFigures.forEach((figure, i) => {
    const misplaced = matched[i] >= 0 ? misplacedMessage(figure, rewriteAnchors[i], originalFigures, matched[i]) : undefined;
    if (matched[i] >= 0 && !misplaced) return;
    if (misplaced) matched[i] = -1;
    const message = misplaced ?? changedMessage(figure, originalFigures, rewriteIndex);
    differences.push({ kind: 'changed', in: 'rewrite', ...where(figure.index), offset: figure.index, figureKind: figure.kind, text: figure.text, message });
  });

  const keys = context?.keyFigures ?? defaultKeyFigures(originalFigures.figures);
  const originalWhere = lineColumnLocator(original);
  let keyFigures = 0;
  for (const key of keys) {
    const forms = key.forms.map((form) => formOf(form, vocabulary));
    const inOriginal = locateKeyFigure(forms, original, originalFigures);
    if (inOriginal === undefined) continue;
    keyFigures++;
    if (locateKeyFigure(forms, rewrite, rewriteIndex) !== undefined) continue;
    differences.push({
      kind: 'missing',
      in: 'original',
      ...originalWhere(inOriginal.index),
      offset: inOriginal.index,
      figureKind: inOriginal.kind,
      text: inOriginal.text,
      message: `${key.label}, ${inOriginal.text}, is missing from the rewrite`,
    });
  }
  return { figures: rewriteFigures.length, kept: matched.filter((m) => m >= 0).length, keyFigures, differences };
}

function changedMessage(figure: Figure, original: FigureIndex, rewrite: FigureIndex): string {
  const what = `${KIND_WORDS[figure.kind]} "${figure.text}"`;
  if (figure.realWeekday) return `${what} names the wrong weekday: that day is a ${figure.realWeekday}`;
  const times = original.count(figure);
  if (times === 0) return `${what} is not in the original: changed or invented`;
  const inRewrite = rewrite.count(figure);
  return `${what} appears ${inRewrite} times in the rewrite but ${times === 1 ? 'once' : `${times} times`} in the original: one of them was changed`;
}

/**
 * A figure stated beside one commitment that the original gives for another one,
 * while giving this commitment a different figure of that kind: two items' delays swapped.
 */
function misplacedMessage(figure: Figure, anchor: readonly string[], original: FigureIndex, match: number): string | undefined {
  if (anchor.length !== 1 || figure.kind === 'id' || figure.kind === 'name') return undefined;
  const [id] = anchor;
  if (original.anchors[match].includes(id)) return undefined;
  const own = original.besideId(id, original.figures[match].kind);
  if (own.length === 0) return undefined;
  return `${KIND_WORDS[figure.kind]} "${figure.text}" is stated for ${id}, but in the original ${id} has ${listTexts(own)}`;
}

function listTexts(figures: readonly Figure[]): string {
  const texts = [...new Set(figures.map((f) => f.text))];
  return texts.length === 1 ? texts[0] : `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}

/** The commitment ids in each figure's sentence or table row: what the figure is about. */
function anchorsOf(text: string, figures: readonly Figure[]): string[][] {
  // Segment numbers in one pass: a new segment after a line break or a sentence's end.
  const segmentAt = new Uint32Array(text.length + 1);
  let segment = 0;
  for (let i = 0; i < text.length; i++) {
    segmentAt[i] = segment;
    if (text[i] === '\n' || (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? ''))) segment++;
  }
  const idsBySegment = new Map<number, string[]>();
  for (const figure of figures) {
    if (figure.kind !== 'id') continue;
    const at = segmentAt[figure.index];
    idsBySegment.set(at, [...(idsBySegment.get(at) ?? []), String(figure.value)]);
  }
  return figures.map((figure) => idsBySegment.get(segmentAt[figure.index]) ?? []);
}

/** A key figure's form: one figure, or words (a commitment's title is not a figure). */
type KeyForm = { figure: Figure } | { words: string };

function formOf(form: string, vocabulary: FigureVocabulary): KeyForm {
  const parsed = findFigures(form, vocabulary);
  return parsed.length === 1 && parsed[0].text === form.trim() ? { figure: parsed[0] } : { words: form };
}

/** Where the document states the key figure (in any of its forms), or undefined. */
function locateKeyFigure(forms: readonly KeyForm[], text: string, figures: FigureIndex): { index: number; text: string; kind: FigureKind | 'text' } | undefined {
  for (const form of forms) {
    if ('figure' in form) {
      const found = figures.figures.find((f) => new FigureIndex([f]).take(form.figure, true) >= 0);
      if (found) return { index: found.index, text: found.text, kind: found.kind };
    } else {
      // Words count as there in any case and wrapping.
      const index = normalizedSearch(text, form.words);
      if (index >= 0) return { index, text: form.words, kind: 'text' };
    }
  }
  return undefined;
}

function normalizedSearch(text: string, phrase: string): number {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0 || words[0] === '') return -1;
  return text.search(new RegExp(String.raw`(?<![\p{L}\p{N}])${words.join(String.raw`\s+`)}(?![\p{L}\p{N}])`, 'iu'));
}

/** With only the two texts: the percentages, FTE figures and commitment ids the original states, once each. */
function defaultKeyFigures(figures: readonly Figure[]): KeyFigure[] {
  const seen = new Set<string>();
  const keys: KeyFigure[] = [];
  for (const figure of figures) {
    if (figure.kind !== 'percent' && figure.kind !== 'fte' && figure.kind !== 'id') continue;
    const id = `${figure.kind}|${figure.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    keys.push({ label: `the ${KIND_WORDS[figure.kind]}`, forms: [figure.text] });
  }
  return keys;
}
