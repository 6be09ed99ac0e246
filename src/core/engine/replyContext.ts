import type { Analysis, Delay } from '../model/analysis';
import { defaultContractorRate } from '../model/analyze';
import type { IsoDate } from '../model/civilDate';
import type { Capacity, Commitment } from '../schema/capacity';
import type { Request } from '../schema/request';
import type { FieldValue, FieldValuesOrigin } from './templateFields';

export type Proposal = 'defer' | 'descope' | 'swap' | 'fund';
export const PROPOSALS: readonly Proposal[] = ['defer', 'descope', 'swap', 'fund'];

export interface ReplyInput {
  request: Request;
  capacity: Capacity;
  analysis: Analysis;
  /** The date the reply is written, for "as of" lines; never read from a clock here. */
  today: IsoDate;
  /** Which alternative the reply proposes; when absent, {@link defaultProposal} picks one. */
  proposal?: Proposal;
  /** How to sign, replacing `org.me` (the extension's signature setting): first line the name, the rest the title. */
  signature?: string;
  /** Show money in this ISO 4217 code instead of the data's (the currency setting); figures are not converted. */
  currency?: string;
  /** The reader's locale (BCP 47, like de-DE): how dates and numbers read, and which translation is used. Unset: today's English formats. */
  locale?: string;
  /** Values for the template's own fields, as given (text from a prompt or `--field`, or JSON/YAML values). */
  fields?: Readonly<Record<string, unknown>>;
  /** Where `fields` came from, so a wrong value is reported there (default: the template file). */
  fieldsOrigin?: FieldValuesOrigin;
}

/** Figures templates need that are derived, not stored: looked up once here, not in Handlebars. */
export interface ReplyFigures {
  contractorDailyRate: number | null;
  swapped: Pick<Commitment, 'id' | 'title' | 'effortDays' | 'sponsor'>[];
  missedDeadlines: Delay[];
  /** Locked commitments the request would push back: agreed not to move, so the reply must say so. */
  lockedDelays: Delay[];
  /** The rank that puts the request after every locked commitment it would delay; null when none is. */
  rankAfterLocked: number | null;
  cio: string;
  /**
   * The CIO with their role, for mid-sentence use: "let {{figures.cioWithRole}} know" reads
   * "let Elena Petrova, our CIO, know" (the closing comma included), or "let the CIO know".
   */
  cioWithRole: string;
  /** The CIO's role, short ("CIO" for "Chief Information Officer"): translations place it their own way. */
  cioRole: string;
  informer: string;
  delayCount: number;
}

/**
 * The alternative a leader would most likely propose: a swap when one frees the
 * room, else deferring when that still meets the date, else a partial delivery
 * when some of it fits, else funding.
 */
export function defaultProposal(analysis: Analysis): Proposal {
  if (analysis.alternatives.swap) return 'swap';
  if (analysis.alternatives.defer.meetsNeededBy !== false) return 'defer';
  if (analysis.alternatives.descope.fitDays > 0) return 'descope';
  return 'fund';
}

/**
 * What a template sees: `{request, capacity, analysis, org, today, proposal, figures}`.
 * Text that came from data files is Markdown-escaped here, once, so a requester
 * named `<b>Eve</b>` or a title with `[link](…)` reads literally in every output.
 */
export function replyContext(input: ReplyInput, fields: Readonly<Record<string, FieldValue>> = {}) {
  const { capacity, analysis } = input;
  const { escapedCapacity, byId } = preparedCapacity(capacity);
  const escapedAnalysis = preparedAnalysis(analysis);
  const figures: ReplyFigures = {
    contractorDailyRate: capacity.funding.contractorDailyRate ?? defaultContractorRate(capacity),
    swapped: (analysis.alternatives.swap?.ids ?? []).flatMap((id) => {
      const c = byId.get(escapeMarkdown(id));
      return c ? [{ id: c.id, title: c.title, effortDays: c.effortDays, sponsor: c.sponsor }] : [];
    }),
    missedDeadlines: escapedAnalysis.delays.filter((d) => d.missesDeadline),
    lockedDelays: escapedAnalysis.delays.filter((d) => byId.get(d.id)?.locked === true),
    rankAfterLocked: rankAfterLocked(escapedAnalysis.delays, byId),
    cio: escapedCapacity.org.cio.name ?? `the ${escapedCapacity.org.cio.title}`,
    cioWithRole: escapedCapacity.org.cio.name ? `${escapedCapacity.org.cio.name}, our ${roleName(escapedCapacity.org.cio.title)},` : `the ${escapedCapacity.org.cio.title}`,
    cioRole: roleName(escapedCapacity.org.cio.title),
    informer: escapedAnalysis.informCio.owner ?? 'whoever we agree on',
    delayCount: analysis.delays.length,
  };
  return {
    request: escapeStrings(input.request),
    // A shallow copy only when the currency changes: the escaped capacity is cached per file.
    capacity: input.currency && input.currency !== capacity.currency ? { ...escapedCapacity, currency: input.currency } : escapedCapacity,
    analysis: escapedAnalysis,
    org: input.signature?.trim() ? { ...escapedCapacity.org, me: signedBy(input.signature) } : escapedCapacity.org,
    today: input.today,
    proposal: input.proposal ?? defaultProposal(analysis),
    figures,
    // Typed by the person writing the reply, so escaped like data.
    fields: escapeStrings({ ...fields }),
    /** Read by the formatting helpers (through @root); null keeps today's English formats. */
    locale: input.locale ?? null,
  };
}

export type ReplyContext = ReturnType<typeof replyContext>;

function rankAfterLocked(delays: readonly Delay[], byId: ReadonlyMap<string, Commitment>): number | null {
  const ranks = delays.flatMap((d) => {
    const commitment = byId.get(d.id);
    return commitment?.locked ? [commitment.rank] : [];
  });
  return ranks.length === 0 ? null : Math.max(...ranks) + 1;
}

/**
 * How a role reads mid-sentence: "Chief Information Officer" → "CIO" (the initials people
 * use for a chief's title), an acronym or any other title as written ("Head of IT").
 */
export function roleName(title: string): string {
  const words = title.trim().split(/\s+/);
  if (words.length >= 3 && /^chief$/i.test(words[0]) && /^officer$/i.test(words[words.length - 1]) && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|of|&)$/i.test(w))) {
    return words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0].toUpperCase()).join('');
  }
  return title.trim();
}

/**
 * A capacity file is rendered many times (every keystroke in the composer, every
 * template in a pack test) while it stays the same object: escape it once.
 */
/** The analysis as templates see it (escaped, with the funding note): built once per analysis object, which is reused while the request's planning fields stay the same. */
const preparedAnalyses = new WeakMap<Analysis, ReturnType<typeof prepareAnalysis>>();

function preparedAnalysis(analysis: Analysis) {
  let prepared = preparedAnalyses.get(analysis);
  if (!prepared) {
    prepared = prepareAnalysis(analysis);
    preparedAnalyses.set(analysis, prepared);
  }
  return prepared;
}

function prepareAnalysis(analysis: Analysis) {
  return escapeStrings({ ...analysis, funding: withNote(analysis.funding), alternatives: { ...analysis.alternatives, fund: withNote(analysis.alternatives.fund) } });
}

const preparedCapacities = new WeakMap<Capacity, { escapedCapacity: Capacity; byId: Map<string, Commitment> }>();

function preparedCapacity(capacity: Capacity) {
  let prepared = preparedCapacities.get(capacity);
  if (!prepared) {
    const escapedCapacity = escapeStrings(capacity);
    prepared = { escapedCapacity, byId: new Map(escapedCapacity.commitments.map((c) => [c.id, c])) };
    preparedCapacities.set(capacity, prepared);
  }
  return prepared;
}

function signedBy(signature: string): { name: string; title: string | null } {
  const [name, ...title] = signature.trim().split(/\r?\n/).map((line) => escapeMarkdown(line.trim()));
  return { name, title: title.join(' ') || null };
}

/** Templates read `funding.note` in strict mode: make it present (null) when the model left it out. */
function withNote<T extends { note?: string }>(funding: T): T & { note: string | null } {
  return { ...funding, note: funding.note ?? null };
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>#~]/g;

/** Backslash-escape the characters that would turn text into Markdown structure or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/** Keys that name prototype machinery: dropped from data, so no template can reach through them. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!UNSAFE_KEYS.has(key)) copy[key] = escapeStrings(inner);
    }
    return copy as T;
  }
  return value;
}
