import * as chrono from 'chrono-node';
import { type IsoDate, dayNumber, fromParts, toIsoDate, weekdayIndex } from '../model/civilDate';
import { referenceInstant } from './localDate';

export interface NeededBy {
  date: IsoDate;
  /** The words it came from, cue included: `by Friday`, `before the end of Q1`. */
  evidence: string;
  /** How an ambiguous phrase was read, when it was (quarters are calendar quarters). */
  note?: string;
}

export interface DateOptions {
  today: IsoDate;
  /** Read `3/12` as 3 December (day first) rather than 12 March. */
  dayFirst?: boolean;
}

interface Candidate extends NeededBy {
  index: number;
  end: number;
  hasCue: boolean;
}

/**
 * Words before a date that make it a deadline rather than, say, a meeting:
 * "by Friday", "no later than 12 March", "needed for the end of Q1".
 */
const CUE_BEFORE =
  /\b(?:by|before|no later than|not later than|until|till|due(?: on| by)?|deadline(?: is| of)?|in time for|ahead of|needed(?: on| by| for)?|need(?:s)?(?: it| this| that)?(?: on| by| for)?|latest(?: by)?|on or before|for)\s+(?:the\s+)?$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/**
 * The date the requester needs the work by, from phrases like "by Friday", "by 12 March",
 * "before the end of Q1", "next Tuesday" or "end of month". A date with a deadline cue
 * ("by", "before", "no later than"…) wins over one without; then the first in the text.
 * Dates before `today` are ignored: nobody asks for something yesterday.
 */
export function findNeededBy(text: string, options: DateOptions): NeededBy | undefined {
  const today = dayNumber(options.today);
  const custom = customDates(text, today);
  const parser = options.dayFirst ? chrono.en.GB : chrono.casual;
  const fromChrono = parseInChunks(parser, text, referenceInstant(options.today))
    .filter((result) => isCalendarDate(result) && !custom.some((c) => overlaps(c, result.index, result.index + result.text.length)))
    .flatMap((result): Candidate[] => {
      const day = fromParts(result.start.get('year') ?? 0, result.start.get('month') ?? 0, result.start.get('day') ?? 0);
      return day === undefined ? [] : [candidate(text, result.index, result.text, day)];
    });
  const candidates = [...custom, ...fromChrono].filter((c) => dayNumber(c.date) >= today);
  candidates.sort((a, b) => Number(b.hasCue) - Number(a.hasCue) || a.index - b.index);
  const best = candidates[0];
  return best && { date: best.date, evidence: best.evidence, ...(best.note ? { note: best.note } : {}) };
}

/**
 * chrono's results over the text read in pieces of about 400 characters, cut at line
 * breaks or spaces, with indexes into the whole text. chrono's patterns slow down
 * with the length of what they are given ("12 12 12 …" over 20,000 characters took
 * seconds); a date never spans more than a line.
 */
function parseInChunks(parser: chrono.Chrono, text: string, reference: Date): { index: number; text: string; start: chrono.ParsedComponents }[] {
  const results: { index: number; text: string; start: chrono.ParsedComponents }[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const lineBreak = text.lastIndexOf('\n', end);
      const space = text.lastIndexOf(' ', end);
      const cut = lineBreak > start + CHUNK / 2 ? lineBreak : space > start + CHUNK / 2 ? space : end;
      end = cut;
    }
    const chunk = text.slice(start, end);
    // A piece with no digit and no word of the calendar holds no date: not worth chrono's time.
    const found = MAY_HOLD_A_DATE.test(chunk) ? parser.parse(chunk, reference, { forwardDate: true }) : [];
    for (const result of found) {
      results.push({ index: result.index + start, text: result.text, start: result.start });
    }
    start = end;
  }
  return results;
}

const CHUNK = 400;
const MAY_HOLD_A_DATE = /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|mon|tue|wed|thu|fri|sat|sun|week|month|year|tomorrow|tonight|now|noon|midnight|night|morning|evening|quarter|christmas|easter|eve/i;

/** chrono also reads times ("10:42 AM"), bare durations ("about 30 days") and "the week": none is a deadline. */
function isCalendarDate(result: { text: string; start: chrono.ParsedComponents }): boolean {
  const known = result.start.isCertain('day') || result.start.isCertain('month') || result.start.isCertain('weekday');
  const text = result.text.trim();
  const bareDuration = /^(?:about|around|approximately|approx\.?|roughly|some|~)?\s*[\w.]+\s+(?:days?|weeks?|months?|years?|hours?|minutes?)$/i.test(text);
  const bareUnit = /^(?:the\s+|this\s+)?(?:week|month|quarter|year)$/i.test(text);
  return known && !bareDuration && !bareUnit;
}

function candidate(text: string, index: number, matched: string, day: number, note?: string): Candidate {
  const cue = CUE_BEFORE.exec(text.slice(Math.max(0, index - 40), index));
  const evidence = `${cue ? cue[0] : ''}${matched}`.replace(/\s+/g, ' ').trim();
  return { date: toIsoDate(day), evidence, index, end: index + matched.length, hasCue: cue !== null, ...(note ? { note } : {}) };
}

function overlaps(c: Candidate, start: number, end: number): boolean {
  return start < c.end && c.index < end;
}

/** Phrases chrono does not know: quarters, halves, year end, mid-month, end of week. */
function customDates(text: string, today: number): Candidate[] {
  const found: Candidate[] = [];
  const { year, month } = partsOf(today);
  const add = (match: RegExpExecArray, day: number | undefined, note?: string) => {
    if (day !== undefined && !found.some((c) => overlaps(c, match.index, match.index + match[0].length))) {
      found.push(candidate(text, match.index, match[0], day, note));
    }
  };
  const each = (pattern: RegExp, handle: (match: RegExpExecArray) => void) => {
    for (const match of text.matchAll(pattern)) handle(match as RegExpExecArray);
  };
  const currentQuarter = Math.floor((month - 1) / 3) + 1;

  // A year only when it is clearly one: "Q1 2027", "Q1 '27", "Q1 FY27" (never "Q1 12 March").
  each(/\b(?:the\s+)?(?:end\s+of\s+(?:the\s+)?Q([1-4])|Q([1-4])[\s-]end)(?:\s+(20\d\d)\b|\s*['’](\d\d)\b|\s*FY\s*['’]?(\d\d)\b)?/gi, (match) => {
    const quarter = Number(match[1] ?? match[2]);
    const short = match[4] ?? match[5];
    const explicit = match[3] ? Number(match[3]) : short ? 2000 + Number(short) : undefined;
    let end = quarterEnd(explicit ?? year, quarter);
    if (explicit === undefined && end < today) end = quarterEnd(year + 1, quarter);
    add(match, end, `Q${quarter} read as the calendar quarter ending ${toIsoDate(end)}`);
  });
  each(/\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|the\s+current\s+|(next)\s+)?quarter\b|\bEOQ\b/gi, (match) => {
    const next = match[1] !== undefined;
    const quarter = next ? (currentQuarter % 4) + 1 : currentQuarter;
    const end = quarterEnd(next && currentQuarter === 4 ? year + 1 : year, quarter);
    add(match, end, `the quarter read as the calendar quarter ending ${toIsoDate(end)}`);
  });
  each(/\b(?:the\s+)?end\s+of\s+(?:the\s+)?H([12])\b/gi, (match) => {
    const half = Number(match[1]);
    let end = fromParts(year, half * 6, half === 1 ? 30 : 31) as number;
    if (end < today) end = fromParts(year + 1, half * 6, half === 1 ? 30 : 31) as number;
    add(match, end, `H${half} read as the calendar half-year ending ${toIsoDate(end)}`);
  });
  each(/\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(next)\s+)?year\b|\byear[-\s]end\b|\bEOY\b/gi, (match) => {
    add(match, fromParts(year + (match[1] ? 1 : 0), 12, 31));
  });
  each(/\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(next)\s+)?week\b|\bEOW\b/gi, (match) => {
    // People mean the last working day: Friday of this week (or next, when asked on a weekend).
    const weekday = weekdayIndex(today);
    const friday = today + (4 - weekday) + (weekday > 4 ? 7 : 0) + (match[1] ? 7 : 0);
    add(match, friday);
  });
  each(/\bEOM\b/g, (match) => add(match, lastDayOfMonth(year, month)));
  each(new RegExp(`\\b(mid|middle\\s+of|late|the\\s+end\\s+of|end\\s+of)[-\\s]+(?:the\\s+month\\s+of\\s+)?${MONTH_NAMES}\\b`, 'gi'), (match) => {
    const target = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase()) + 1;
    const dayIn = (y: number) => (/^mid/i.test(match[1]) ? (fromParts(y, target, 15) as number) : lastDayOfMonth(y, target));
    const day = dayIn(year) < today ? dayIn(year + 1) : dayIn(year);
    add(match, day);
  });
  return found;
}

function partsOf(day: number): { year: number; month: number } {
  const [year, month] = toIsoDate(day).split('-').map(Number);
  return { year, month };
}

function quarterEnd(year: number, quarter: number): number {
  return lastDayOfMonth(year, quarter * 3);
}

function lastDayOfMonth(year: number, month: number): number {
  return (month === 12 ? (fromParts(year + 1, 1, 1) as number) : (fromParts(year, month + 1, 1) as number)) - 1;
}
