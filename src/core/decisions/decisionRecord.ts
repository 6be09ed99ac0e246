import { stringify } from 'yaml';
import { z } from 'zod';
import { formatDate } from '../engine/helpers/dates';
import { type ReplyInput, escapeMarkdown } from '../engine/replyContext';
import { parseFrontMatterBlock } from '../load/frontMatterBlock';
import { validate } from '../load/schemaProblems';
import type { IsoDate } from '../model/civilDate';
import { type Result, failed } from '../problems';
import { ConfinementError, confinedFileSystem } from '../confinedFiles';
import type { FileSystem } from '../fileSystem';
import { informCioSummary, keyFigures, proposalSummary, requestFacts } from '../outputs/keyFigures';

/**
 * One decision on record: what was asked, what we proposed, the figures it rested
 * on, and which template (and pack version) worded it. The YAML front matter is the
 * machine-readable part (`pushback decisions` lists it); the body is for people.
 */
/** Records written before `channels` said how the reply left in one `via` string: read as a list of one. */
function viaAsChannels(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'channels' in value || !('via' in value)) return value;
  const { via, ...rest } = value as { via: unknown };
  return { ...rest, channels: typeof via === 'string' ? [via] : [] };
}

export const decisionRecordSchema = z.preprocess(viaAsChannels, z.object({
  format: z.literal('pushback-decision/1'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  request: z.object({
    title: z.string().min(1),
    requester: z.string().min(1),
    requesterTitle: z.string().nullable().default(null),
    effortDays: z.number(),
    neededBy: z.string().nullable().default(null),
  }),
  proposal: z.object({ kind: z.enum(['defer', 'descope', 'swap', 'fund', 'none']), label: z.string(), summary: z.string() }),
  figures: z.object({
    utilizationBefore: z.number().nullable(),
    utilizationAfter: z.number().nullable(),
    overflowDays: z.number(),
    fteRequested: z.number().nullable(),
    fundingCost: z.number().nullable(),
    totalCostOfDelay: z.number(),
    currency: z.string(),
    delays: z.array(z.object({ id: z.string(), title: z.string(), delayWorkingDays: z.number().nullable(), costOfDelay: z.number().nullable() })).default([]),
  }),
  informCio: z.object({ owner: z.string().nullable(), by: z.string(), needed: z.boolean() }),
  template: z.object({ id: z.string(), name: z.string() }),
  pack: z.object({ id: z.string(), version: z.string() }),
  /** Every way this one reply left, in order: inserted, copied, posted to Teams, saved as an email (.eml)… */
  channels: z.array(z.string()).default([]),
}));

export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export interface DecisionSource {
  input: ReplyInput;
  markdown: string;
  template: { id: string; name: string };
  pack: { id: string; version: string };
  /** How the reply left, each way once: `['inserted', 'posted to Teams']`. */
  channels?: readonly string[];
}

export const DECISIONS_DIR = '.pushback/decisions';

export function decisionRecord({ input, template, pack, channels }: DecisionSource): DecisionRecord {
  const { request, capacity, analysis } = input;
  const proposal = proposalSummary(input);
  return {
    format: 'pushback-decision/1',
    date: input.today,
    request: { title: request.title, requester: request.requester.name, requesterTitle: request.requester.title, effortDays: request.effortDays, neededBy: request.neededBy },
    proposal: { kind: proposal.kind, label: proposal.label, summary: proposal.text },
    figures: {
      utilizationBefore: analysis.utilizationBefore,
      utilizationAfter: analysis.utilizationAfter,
      overflowDays: analysis.overflowDays,
      fteRequested: analysis.funding.fteRequested,
      fundingCost: analysis.funding.cost,
      totalCostOfDelay: analysis.totalCostOfDelay,
      currency: capacity.currency,
      delays: analysis.delays.map(({ id, title, delayWorkingDays, costOfDelay }) => ({ id, title, delayWorkingDays, costOfDelay })),
    },
    informCio: { ...analysis.informCio },
    template: { id: template.id, name: template.name },
    pack: { id: pack.id, version: pack.version },
    channels: [...new Set(channels ?? [])],
  };
}

/** The record file: YAML front matter, a readable summary, and the reply as it was sent. */
export function decisionRecordMarkdown(source: DecisionSource): string {
  const record = decisionRecord(source);
  const facts = [...requestFacts(source.input), ...keyFigures(source.input)];
  // Data is one line of literal text here: a newline in a title must not start a new Markdown block.
  const text = (value: string) => escapeMarkdown(value.replace(/\s+/g, ' ').trim());
  return [
    '---',
    stringify(record, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `# ${text(record.request.title)}`,
    '',
    `Decided ${formatDate(record.date, true)}: **${text(record.proposal.label)}.** ${text(record.proposal.summary)}`,
    '',
    ...facts.map((f) => `- **${text(f.title)}:** ${text(f.value)}`),
    `- **Informing the CIO:** ${text(informCioSummary(source.input))}`,
    ...(record.channels.length > 0 ? [`- **Sent:** ${text(record.channels.join(', '))}`] : []),
    '',
    `## The reply (${text(record.template.name)}, ${text(record.pack.id)} ${text(record.pack.version)})`,
    '',
    source.markdown.trimEnd(),
    '',
  ].join('\n');
}

/**
 * A record's front matter, checked, for listing. Problems carry the file and the
 * line in it, like every other file Pushback reads.
 */
export function parseDecisionRecord(file: string, text: string): Result<DecisionRecord> {
  const block = parseFrontMatterBlock(file, text, { message: 'is not a decision record (no front matter)', hint: 'decision records start with --- and YAML written by Pushback' });
  if (!block.ok) return block;
  return validate(decisionRecordSchema, block.value.value, file, block.value.locate);
}

/** A record is a page of text; anything this large is not one. */
export const DECISION_RECORD_MAX_BYTES = 1024 * 1024;

/**
 * Read and parse one record of the log in `dir`. Never throws: a record that cannot be
 * read (a folder or a device named like one, a link leading out of the log, a file far
 * too large, an alias bomb) is a problem about that record alone, so the rest still list.
 */
export async function readDecisionRecord(fs: FileSystem, dir: string, file: string): Promise<Result<DecisionRecord>> {
  let text: string;
  try {
    text = await decisionLogFiles(fs, dir).readText(file);
  } catch (error) {
    const [message, hint] =
      error instanceof ConfinementError ? [error.reason, error.hint] : [`cannot be read (${errorCode(error)})`, 'check that it is a readable file'];
    return failed([{ file, line: 1, column: 1, path: '', message, hint }]);
  }
  return parseDecisionRecord(file, text);
}

/** The records of the log in `dir`, as they may be read: regular files inside it, at most DECISION_RECORD_MAX_BYTES. */
export function decisionLogFiles(fs: FileSystem, dir: string): FileSystem {
  return confinedFileSystem(fs, { root: dir, links: 'inside', maxBytes: DECISION_RECORD_MAX_BYTES, label: 'the decision log' });
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * One record per reply: when `existing` (a record file's text) is the same reply as
 * `source` (same date, request, proposal, figures, template and pack), the source to
 * write in its place, listing the channels of both; otherwise `undefined`. Each copy,
 * insert or post of one reply adds a channel instead of a record.
 */
export function sameReplyRecord(existing: string, source: DecisionSource): DecisionSource | undefined {
  const parsed = parseDecisionRecord('', existing);
  if (!parsed.ok) return undefined;
  const fresh = decisionRecord(source);
  const { channels: earlier, ...before } = parsed.value;
  const { channels: now, ...after } = fresh;
  if (canonical(before) !== canonical(after)) return undefined;
  return { ...source, channels: [...new Set([...earlier, ...now])] };
}

/** JSON with object keys sorted, so two records compare by content, whatever order their fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `2027-01-04-customer-self-service-order-tracking-portal.md`, or `…-2.md` when that name is taken. */
export function decisionFileName(date: IsoDate, title: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const base = `${date}-${decisionSlug(title)}`;
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}.md`;
    if (!taken.has(name)) return name;
  }
}

/** Lower-case ASCII words joined by dashes, accents dropped, at most 60 characters, cut at a word. */
export function decisionSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'decision';
  const cut = slug.slice(0, 61);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : slug.slice(0, 60)).replace(/(?<!-)-+$/, ''); // from a run's start: linear
}
