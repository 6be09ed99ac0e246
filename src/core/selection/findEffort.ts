export interface Effort {
  days: number;
  /** The words it came from: `about 3 weeks of work`. */
  evidence: string;
  /** How it was converted, when it was: `3 weeks × 5 working days`. */
  note?: string;
}

export interface EffortResult {
  effort?: Effort;
  /** Effort stated in a unit we will not guess at (sprints, months), for the user to convert. */
  unconverted?: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
  'a couple of': 2, 'half a': 0.5,
};
const NUMBER = `(\\d+(?:[.,]\\d+)?|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const UNIT = '((?:person|man|engineer|developer|dev|team)[- ]?(?:days?|weeks?|months?)|days?|weeks?|months?|sprints?|hours?|hrs?)';
const OF_WORK = "(?:['’]s?)?(?:\\s+(?:of\\s+)?(?:work|effort|dev(?:elopment)?|engineering|build|coding|implementation)\\b)?";
const EFFORT = new RegExp(`\\b${NUMBER}(?:\\s*(?:-|–|to|or)\\s*${NUMBER})?\\s*${UNIT}\\b${OF_WORK}`, 'gi');

/** Words earlier in the sentence that make "3 weeks" an amount of work, not a date. */
const EFFORT_CUE = /\b(?:take|takes|taking|took|estimate[sd]?|estimating|estimation|effort|sized?|sizing|scoped|quoted|requires?|required|requiring|budget(?:ed)?|worth|around|roughly)\b/i;
/** Words right before the amount that make it a date or a rate instead: "in 3 weeks", "every 2 weeks". */
const NOT_EFFORT_BEFORE = /\b(?:in|within|by|after|over the next|for the next|the next|every|per|each|last|past|than|ago|from now)\s+(?:about\s+|around\s+|roughly\s+)?$/i;

/**
 * The effort, in person-days, when the text states it clearly: "about 30 days of work",
 * "30 person-days", "it should take 3 weeks" (× 5 working days), "40 hours of effort" (÷ 8).
 * A range takes its upper end. Sprints and months are left to the user: their length in
 * person-days depends on the team, so guessing would put a wrong figure in every reply.
 */
export function findEffort(text: string): EffortResult {
  for (const sentence of text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
    for (const match of sentence.matchAll(EFFORT)) {
      const [whole, low, high, unitText] = match;
      const before = sentence.slice(0, match.index);
      const unit = unitText.toLowerCase();
      const explicitUnit = /^(?:person|man|engineer|developer|dev|team)/.test(unit);
      const ofWork = /(?:work|effort|dev|engineering|build|coding|implementation)$/i.test(whole);
      const clear = explicitUnit || ofWork || (EFFORT_CUE.test(before) && !NOT_EFFORT_BEFORE.test(before));
      if (!clear) continue;
      const amount = parseNumber(high ?? low);
      if (amount === undefined || amount <= 0) continue;
      const evidence = whole.replace(/\s+/g, ' ').trim();
      if (/sprint|month/.test(unit)) return { unconverted: evidence };
      const range = high ? `the upper end of ${low}–${high} ${unit}` : '';
      const factor = /week/.test(unit) ? 5 : /^(?:hours?|hrs?)$/.test(unit) ? 1 / 8 : 1;
      const days = Math.round(amount * factor * 100) / 100;
      const conversion = factor === 5 ? `${formatAmount(amount)} weeks × 5 working days` : factor === 1 / 8 ? `${formatAmount(amount)} hours ÷ 8` : '';
      const note = [range, conversion].filter(Boolean).join('; ');
      return { effort: { days, evidence, ...(note ? { note } : {}) } };
    }
  }
  return {};
}

function parseNumber(text: string): number | undefined {
  const word = NUMBER_WORDS[text.toLowerCase()];
  if (word !== undefined) return word;
  // "1,5" is a decimal comma; "1,000" a thousands separator.
  const normalised = /,\d{3}$/.test(text) ? text.replace(',', '') : text.replace(',', '.');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}
