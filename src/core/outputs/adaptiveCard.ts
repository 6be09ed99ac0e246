import type { Delay } from '../model/analysis';
import type { FrontMatter } from '../engine/frontMatter';
import { formatDate } from '../engine/helpers/dates';
import { formatMoney } from '../engine/helpers/money';
import { formatDays } from '../engine/helpers/numbers';
import { markdownToPlainText } from '../engine/markdownOutput';
import type { ReplyInput } from '../engine/replyContext';
import { type Problem, type Result, failed, ok } from '../problems';
import { type TextBlock, escapeCardText, markdownToTextBlocks } from './cardMarkdown';
import { type Fact, cioName, informCioSummary, keyFigures, proposalSummary, requestFacts } from './keyFigures';

export interface FactSet {
  type: 'FactSet';
  id?: string;
  facts: { title: string; value: string }[];
  spacing?: 'none' | 'small' | 'medium';
}

export interface TableCell {
  type: 'TableCell';
  items: TextBlock[];
}

export interface Table {
  type: 'Table';
  id?: string;
  firstRowAsHeader: true;
  gridStyle: 'accent';
  columns: { width: number; horizontalCellContentAlignment?: 'right' }[];
  rows: { type: 'TableRow'; cells: TableCell[] }[];
}

export interface Container {
  type: 'Container';
  id?: string;
  separator?: boolean;
  spacing?: 'large';
  items: CardElement[];
}

export type CardElement = TextBlock | FactSet | Table | Container;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: '1.5';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  body: CardElement[];
  fallbackText: string;
}

/** The body a Teams Workflows webhook ("Post to a channel when a webhook request is received") accepts. */
export interface TeamsMessage {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; content: AdaptiveCard }[];
}

/** What any reply is made of: the data it was drafted from, its Markdown, and its template's front matter. */
export interface ReplySource {
  input: ReplyInput;
  markdown: string;
  frontMatter: Pick<FrontMatter, 'id' | 'name'>;
}

/** Teams refuses a message over about 28 KB; we check the whole webhook body, which is what is posted. */
export const MAX_TEAMS_MESSAGE_BYTES = 28 * 1024;
export const CHAT_TEMPLATE_ID = 'teams-quick-reply';

/**
 * The reply as an Adaptive Card 1.5, the version Teams renders: title, the request,
 * the key figures (FactSet), what slips (Table), the proposed alternative, who
 * informs the CIO, then the reply itself. Elements carry ids (`request`,
 * `keyFigures`, `whatSlips`, `alternative`, `informCio`, `reply`) so hosts and
 * tests can find them. Refused when the message would be too big for Teams.
 */
export function buildAdaptiveCard(source: ReplySource): Result<AdaptiveCard> {
  const { input, markdown, frontMatter } = source;
  const alternative = proposalSummary(input);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [
      { type: 'TextBlock', text: escapeCardText(input.request.title), wrap: true, size: 'large', weight: 'bolder', style: 'heading' },
      { type: 'TextBlock', text: escapeCardText(`${frontMatter.name} · ${input.capacity.team} · ${formatDate(input.today, true)}`), wrap: true, isSubtle: true, spacing: 'none' },
      factSet('request', requestFacts(input)),
      heading('Key figures'),
      factSet('keyFigures', keyFigures(input)),
      heading('What slips'),
      input.analysis.delays.length > 0
        ? delaysTable(input.analysis.delays, input.capacity.currency)
        : { type: 'TextBlock', id: 'whatSlips', text: 'Nothing already promised moves.', wrap: true, spacing: 'small' },
      heading(alternative.kind === 'none' ? alternative.label : `Proposed: ${alternative.label.toLowerCase()}`),
      { type: 'TextBlock', id: 'alternative', text: escapeCardText(alternative.text), wrap: true, spacing: 'small' },
      heading(`Who informs ${cioName(input)}`),
      { type: 'TextBlock', id: 'informCio', text: escapeCardText(informCioSummary(input)), wrap: true, spacing: 'small' },
      { type: 'Container', id: 'reply', separator: true, spacing: 'large', items: markdownToTextBlocks(markdown) },
    ],
    fallbackText: markdownToPlainText(markdown),
  };
  const bytes = utf8Length(JSON.stringify(teamsMessage(card)));
  if (bytes > MAX_TEAMS_MESSAGE_BYTES) return failed([tooBigProblem(bytes, frontMatter.id)]);
  return ok(card);
}

/** The webhook body that posts `card` to a Teams channel. */
export function teamsMessage(card: AdaptiveCard): TeamsMessage {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}

/** Byte length as sent (UTF-8), without Node's Buffer: the core also runs in the webview. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function heading(text: string): TextBlock {
  return { type: 'TextBlock', text: escapeCardText(text), wrap: true, weight: 'bolder', style: 'heading', spacing: 'medium' };
}

function factSet(id: string, facts: Fact[]): FactSet {
  return { type: 'FactSet', id, facts: facts.map((f) => ({ title: escapeCardText(f.title), value: escapeCardText(f.value) })), spacing: 'small' };
}

/**
 * A card is a summary: past this many rows the table shows the costliest
 * commitments (in plan order) and one line for the rest; the email has them all.
 */
export const MAX_TABLE_ROWS = 12;

function delaysTable(delays: readonly Delay[], currency: string): Table {
  const cell = (text: string, extra: Partial<TextBlock> = {}): TableCell => ({ type: 'TableCell', items: [{ type: 'TextBlock', text: escapeCardText(text), wrap: true, ...extra }] });
  const header = ['Commitment', 'Slips by', 'New finish', 'Cost of delay'].map((title) => cell(title, { weight: 'bolder' }));
  const shown = costliest(delays, delays.length > MAX_TABLE_ROWS ? MAX_TABLE_ROWS - 1 : MAX_TABLE_ROWS);
  const rest = delays.filter((delay) => !shown.includes(delay));
  const rows = shown.map((delay) => ({
    type: 'TableRow' as const,
    cells: [
      cell(`${delay.title} (${delay.id})`),
      cell(formatDays(delay.delayWorkingDays)),
      delay.missesDeadline
        ? cell(`${formatDate(delay.acceptedFinish, false)}, past its ${formatDate(delay.deadline, false)} deadline`, { color: 'attention' })
        : cell(formatDate(delay.acceptedFinish, false)),
      cell(formatMoney(delay.costOfDelay, currency)),
    ],
  }));
  if (rest.length > 0) {
    const restCost = rest.some((d) => d.costOfDelay === null) ? null : rest.reduce((sum, d) => sum + (d.costOfDelay ?? 0), 0);
    rows.push({ type: 'TableRow', cells: [cell(`${rest.length} more ${rest.length === 1 ? 'commitment' : 'commitments'}`, { isSubtle: true }), cell(''), cell(''), cell(formatMoney(restCost, currency))] });
  }
  return {
    type: 'Table',
    id: 'whatSlips',
    firstRowAsHeader: true,
    gridStyle: 'accent',
    columns: [{ width: 3 }, { width: 1, horizontalCellContentAlignment: 'right' }, { width: 2 }, { width: 1, horizontalCellContentAlignment: 'right' }],
    rows: [{ type: 'TableRow', cells: header }, ...rows],
  };
}

/** The `count` delays with the highest cost of delay, kept in plan order. */
function costliest(delays: readonly Delay[], count: number): Delay[] {
  if (delays.length <= count) return [...delays];
  const keep = new Set([...delays].sort((a, b) => (b.costOfDelay ?? Number.MAX_VALUE) - (a.costOfDelay ?? Number.MAX_VALUE)).slice(0, count));
  return delays.filter((delay) => keep.has(delay));
}

function tooBigProblem(bytes: number, templateId: string): Problem {
  const size = `${(bytes / 1024).toFixed(1)} KB`;
  const isChat = templateId === CHAT_TEMPLATE_ID;
  return {
    file: '<teams card>',
    line: 1,
    column: 1,
    path: '',
    message: `the Teams card is ${size}, over the 28 KB Teams accepts`,
    hint: isChat
      ? `even the chat-sized template "${CHAT_TEMPLATE_ID}" is too long for one card here: send the reply by email`
      : `use the chat-sized template "${CHAT_TEMPLATE_ID}", and send the full reply by email`,
    remedy: isChat ? { kind: 'sendAsEmail' } : { kind: 'useTemplate', templateId: CHAT_TEMPLATE_ID },
  };
}
