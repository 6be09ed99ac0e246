import * as chrono from 'chrono-node';

/**
 * What counts as a figure in a reply: the things a wrong rewrite could change and a
 * reader would act on. Names and commitment ids count too: "Priya informs the CIO"
 * instead of "Dana" is as wrong as a changed amount.
 */
export type FigureKind = 'money' | 'percent' | 'fte' | 'days' | 'number' | 'date' | 'name' | 'id';

export interface Figure {
  kind: FigureKind;
  /** As written, for messages. */
  text: string;
  /** Offset of `text` in the document. */
  index: number;
  /**
   * The value, independent of how it is written: a number for money, percentages,
   * FTE, days and numbers; `YYYY-MM-DD` (or `--MM-DD` without a year) for dates;
   * the full name for names; the id for commitment ids.
   */
  value: number | string;
  /** Money only: an ISO code, or `$` when only the dollar sign says which. */
  currency?: string;
  /** Dates only: another reading of an ambiguous numeric date (3/4/2027). */
  alternative?: string;
  /** Dates only: the weekday the date really falls on, when the text names another. */
  realWeekday?: string;
}

/** The people and commitment ids of the data a reply was drafted from; without it, ids are recognised by shape only. */
export interface FigureVocabulary {
  names: readonly string[];
  ids: readonly string[];
}

const NO_VOCABULARY: FigureVocabulary = { names: [], ids: [] };

// A number as people write it: 49,300 or 49300 or 0.75, not glued to letters or other digits.
const NUMBER = String.raw`(?<![\p{L}\p{N}_])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{N}])`;
const SCALE = String.raw`(?:\s?(?:k|K|m|M|bn)\b|\s(?:thousand|million|billion)\b)?`;
const CURRENCY_CODES = Intl.supportedValuesOf('currency').join('|');
const CURRENCY_WORDS = 'dollars?|euros?|pounds?|francs?';
const SYMBOLS = '[$€£¥₹₩]';

const MONEY = new RegExp(
  [
    String.raw`(?<![\p{L}])(?<prefix>(?:[A-Z]{1,2})?${SYMBOLS}|(?:${CURRENCY_CODES})\s?)(?<amount>${NUMBER.replace(String.raw`(?<![\p{L}\p{N}_])`, '')})(?<scale>${SCALE})`,
    String.raw`(?<amount2>${NUMBER})(?<scale2>${SCALE})\s?(?<suffix>(?:${CURRENCY_CODES})\b|(?:${CURRENCY_WORDS})\b)`,
  ].join('|'),
  'gu',
);
const PERCENT = new RegExp(String.raw`(?<amount>${NUMBER})\s?(?:%|percent\b|per cent\b)`, 'gu');
const FTE = new RegExp(String.raw`(?<amount>${NUMBER})\s?(?:-\s?)?(?:FTEs?\b|full[- ]time equivalents?\b)`, 'gu');
const DAYS = new RegExp(String.raw`(?<amount>${NUMBER})\s?(?:-\s?)?(?:(?:working|business|person|calendar|work|man)[- ]?)?days?\b`, 'gu');
const BARE_NUMBER = new RegExp(NUMBER, 'gu');
/** A commitment id's usual shape: SEC-112, OPS-301, ABC2-7. */
const ID_SHAPE = /(?<![\p{L}\p{N}_-])[A-Z][A-Z0-9]+-\d+(?![\p{L}\p{N}_])/gu;
/** "1. " or "2) " at the start of a line is a list marker, not a figure (unless it is part of one, as in "11 Jan\n2027. "). */
const LIST_MARKER = /^[ \t>]*\d+[.)][ \t]/gm;

/** Every figure in `text`, in order. Each character belongs to at most one figure; the more specific kind wins. */
export function findFigures(text: string, vocabulary: FigureVocabulary = NO_VOCABULARY): Figure[] {
  const claimed = new Uint8Array(text.length);
  const figures: Figure[] = [];
  // A date range is two figures over one span: they are claimed together.
  const claim = (...group: Figure[]): void => {
    const [{ index }] = group;
    const end = index + group[0].text.length;
    for (let i = index; i < end; i++) if (claimed[i]) return;
    claimed.fill(1, index, end);
    figures.push(...group);
  };
  const listMarkers = new Set([...text.matchAll(LIST_MARKER)].map((marker) => marker.index + marker[0].search(/\d/)));

  for (const match of text.matchAll(wordsPattern(vocabulary.ids.filter(isDistinctiveId)))) claim({ kind: 'id', text: match[0], index: match.index, value: match[0] });
  for (const match of text.matchAll(ID_SHAPE)) claim({ kind: 'id', text: match[0], index: match.index, value: match[0] });
  const people = peopleByWord(vocabulary.names);
  for (const match of text.matchAll(wordsPattern([...people.keys()]))) claim({ kind: 'name', text: match[0], index: match.index, value: people.get(match[0].replace(/\s+/g, ' ')) ?? match[0] });
  for (const range of findDates(text)) claim(...range);
  for (const match of text.matchAll(MONEY)) {
    const groups = match.groups ?? {};
    const amount = parseAmount(groups.amount ?? groups.amount2, groups.scale ?? groups.scale2);
    claim({ kind: 'money', text: match[0], index: match.index, value: amount, currency: currencyOf((groups.prefix ?? groups.suffix).trim()) });
  }
  for (const [kind, pattern] of [['percent', PERCENT], ['fte', FTE], ['days', DAYS]] as const) {
    for (const match of text.matchAll(pattern)) claim({ kind, text: match[0], index: match.index, value: parseAmount(match.groups?.amount ?? match[0]) });
  }
  for (const match of text.matchAll(BARE_NUMBER)) if (!listMarkers.has(match.index)) claim({ kind: 'number', text: match[0], index: match.index, value: parseAmount(match[0]) });
  return figures.sort((a, b) => a.index - b.index);
}

function parseAmount(amount: string, scale = ''): number {
  const value = Number(amount.replace(/,/g, ''));
  const multiplier = /^\s?(?:k|thousand)/i.test(scale) ? 1e3 : /^\s?(?:m|million)/i.test(scale) ? 1e6 : /^\s?(?:bn|billion)/i.test(scale) ? 1e9 : 1;
  return value * multiplier;
}

const SYMBOL_CODES: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', US$: 'USD', CA$: 'CAD', A$: 'AUD', AU$: 'AUD', NZ$: 'NZD', HK$: 'HKD', MX$: 'MXN' };
const WORD_CODES: Record<string, string> = { euro: 'EUR', pound: 'GBP', franc: 'CHF' };

/** `USD`, `EUR`…, or `$` when a bare dollar sign (or "dollars") leaves the country open. */
function currencyOf(marker: string): string {
  if (marker === '$' || /^dollars?$/i.test(marker)) return '$';
  const word = WORD_CODES[marker.toLowerCase().replace(/s$/, '')];
  return SYMBOL_CODES[marker] ?? word ?? marker.toUpperCase();
}

/**
 * An id that cannot be an ordinary word: one with a digit or a separator, or of four
 * characters or more. Ids like "A" and "B" are read only as part of their title.
 */
export function isDistinctiveId(id: string): boolean {
  return /[\d_-]/.test(id) || id.length >= 4;
}

/** First names too, when only one person has it: "Hi Dana" names Dana Whitfield. */
function peopleByWord(names: readonly string[]): Map<string, string> {
  const people = new Map<string, string>();
  const firstNames = new Map<string, string[]>();
  for (const name of names) {
    const full = name.trim();
    if (!full) continue;
    people.set(full, full);
    const first = full.split(/\s+/)[0];
    if (first !== full && first.length >= 3) firstNames.set(first, [...(firstNames.get(first) ?? []), full]);
  }
  for (const [first, fulls] of firstNames) {
    const distinct = [...new Set(fulls)];
    if (distinct.length === 1 && !people.has(first)) people.set(first, distinct[0]);
  }
  return people;
}

/** Whole words or phrases, longest first so "Dana Whitfield" wins over "Dana". */
function wordsPattern(words: string[]): RegExp {
  // Any whitespace between words: a re-wrapped line may break a name.
  const alternatives = words.filter((w) => w.length > 0).sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`));
  if (alternatives.length === 0) return /(?!)/g;
  return new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${alternatives.join('|')})(?![\p{L}\p{N}_])`, 'gu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MONTH_OR_NUMERIC = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?/i;
const LEADING_WORDS = /^(?:(?:on|by|at|from|until|till|to|before|after|the)\s+)+/i;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Year-less dates are compared by month and day, so the reference only has to be a fixed day.
const REFERENCE = new Date(2000, 0, 1, 12);

/**
 * Calendar dates in any ordinary form ("Mon 11 Jan 2027", "January 11, 2027",
 * "11 Jan", "2027-01-11"), read by chrono. Relative phrases ("in 9 days", "Friday")
 * are not figures of a reply: only a day and a month written out count.
 */
function findDates(text: string): Figure[][] {
  const dates: Figure[][] = [];
  // A re-wrapped line may break a date ("11 Jan\n2027"): chrono reads line breaks as spaces (same offsets).
  for (const result of chrono.casual.parse(text.replace(/\n/g, ' '), REFERENCE)) {
    if (!MONTH_OR_NUMERIC.test(result.text)) continue;
    const lead = LEADING_WORDS.exec(result.text)?.[0].length ?? 0;
    const written = result.text.slice(lead).replace(/(?<![\s,])[\s,]+$/, ''); // from the run's start only: linear
    const index = result.index + lead;
    const range: Figure[] = [];
    for (const component of result.end ? [result.start, result.end] : [result.start]) {
      if (!component.isCertain('day') || !component.isCertain('month')) continue;
      const [year, month, day] = [component.get('year') ?? 0, component.get('month') ?? 0, component.get('day') ?? 0];
      const hasYear = component.isCertain('year');
      const value = `${hasYear ? String(year).padStart(4, '0') : '-'}-${pad(month)}-${pad(day)}`;
      const figure: Figure = { kind: 'date', text: written, index, value };
      const numeric = /^(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}$/.exec(written);
      if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) {
        figure.alternative = `${value.slice(0, -5)}${pad(day)}-${pad(month)}`;
      }
      if (hasYear && component.isCertain('weekday')) {
        const real = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
        if (real !== component.get('weekday')) figure.realWeekday = WEEKDAYS[real];
      }
      range.push(figure);
    }
    if (range.length > 0) dates.push(range);
  }
  return dates;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
