import type { Figure } from './findFigures';

const NUMERIC = new Set(['money', 'percent', 'fte', 'days', 'number']);
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'TWD']);

/**
 * The figures of one document, looked up by value. Each figure can be taken once, so
 * a rewrite that says "9 days" more often than the original did has changed one.
 *
 * A figure matches strictly when kind and value agree as written. Loosely, a bare
 * number may stand for any figure with its value ("slips by 9"), an amount may drop
 * its currency, and a date may drop its year ("11 January") — but a date that states
 * a year only matches a year-less original, so a changed year is never excused.
 */
export class FigureIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly used: boolean[];

  /** `anchors[i]`: the commitment ids stated in the same sentence or table row as figure i. */
  constructor(
    readonly figures: readonly Figure[],
    readonly anchors: readonly (readonly string[])[] = figures.map(() => []),
  ) {
    this.used = figures.map(() => false);
    figures.forEach((figure, i) => {
      for (const key of [strictKey(figure), ...indexKeys(figure)]) {
        const list = this.byKey.get(key);
        if (list) list.push(i);
        else this.byKey.set(key, [i]);
      }
    });
  }

  /**
   * Take an unused figure matching `figure` (strictly, or loosely too); its index, or -1.
   * With `anchor`, only one stated beside one of those commitments: callers match those
   * first, so a figure is matched where it belongs and a difference is reported where it is.
   */
  take(figure: Figure, loose: boolean, anchor?: readonly string[]): number {
    for (const [key, accepts] of candidates(figure, loose)) {
      const found = (this.byKey.get(key) ?? []).find((i) => !this.used[i] && accepts(this.figures[i]) && (anchor === undefined || this.anchors[i].some((id) => anchor.includes(id))));
      if (found === undefined) continue;
      this.used[found] = true;
      return found;
    }
    return -1;
  }

  /** Figures of this kind stated beside this commitment id and no other. */
  besideId(id: string, kind: Figure['kind']): Figure[] {
    return this.figures.filter((f, i) => f.kind === kind && this.anchors[i].length === 1 && this.anchors[i][0] === id);
  }

  /** How many figures match `figure`, used or not. */
  count(figure: Figure): number {
    const matching = new Set<number>();
    for (const [key, accepts] of candidates(figure, true)) {
      for (const i of this.byKey.get(key) ?? []) if (accepts(this.figures[i])) matching.add(i);
    }
    return matching.size;
  }
}

type Candidate = [key: string, accepts: (original: Figure) => boolean];
const any = () => true;

function candidates(figure: Figure, loose: boolean): Candidate[] {
  const strict: Candidate[] = [[strictKey(figure), any]];
  if (figure.alternative) strict.push([`date|${figure.alternative}`, any]);
  if (!loose) return strict;
  const value = typeof figure.value === 'number' ? numberKey(figure.value) : figure.value;
  switch (figure.kind) {
    case 'number':
      return [...strict, [`numeric|${value}`, any]];
    case 'money':
      return [...strict, [`money|${value}`, (original) => sameCurrency(original.currency, figure.currency)]];
    case 'date': {
      const monthDay = String(figure.value).slice(-5);
      return [...strict, [figure.value === `-${monthDay}` ? `date-md|${monthDay}` : `date-md-noyear|${monthDay}`, any]];
    }
    default:
      return strict;
  }
}

function strictKey(figure: Figure): string {
  if (figure.kind === 'money') return `money|${figure.currency}|${numberKey(figure.value as number)}`;
  return `${figure.kind}|${typeof figure.value === 'number' ? numberKey(figure.value) : figure.value}`;
}

/** The extra keys an original figure is found under by a loose match. */
function indexKeys(figure: Figure): string[] {
  if (NUMERIC.has(figure.kind)) {
    const value = numberKey(figure.value as number);
    return figure.kind === 'money' ? [`numeric|${value}`, `money|${value}`] : [`numeric|${value}`];
  }
  if (figure.kind === 'date') {
    const monthDay = String(figure.value).slice(-5);
    return figure.value === `-${monthDay}` ? [`date-md|${monthDay}`, `date-md-noyear|${monthDay}`] : [`date-md|${monthDay}`];
  }
  return [];
}

/** Values equal to 12 significant digits are one value: 0.1 + 0.2 days is 0.3 days. */
function numberKey(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** `$` is any dollar; an amount with no currency marker at all does not occur (it is a number). */
function sameCurrency(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === '$') return b !== undefined && DOLLARS.has(b);
  if (b === '$') return a !== undefined && DOLLARS.has(a);
  return false;
}
