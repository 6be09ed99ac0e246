import * as vscode from 'vscode';
import { analysisMarkdown } from '../../core/engine/analysisMarkdown';
import { PROPOSALS, type Proposal } from '../../core/engine/replyContext';
import { PROPOSAL_LABELS, fitsAsAsked, proposalSummary } from '../../core/outputs/keyFigures';
import { figureContext } from '../../core/rewriteCheck/figureContext';
import { localIsoDate, localeReadsDayFirst } from '../../core/selection/localDate';
import { type StakeholderPrefill, parseStakeholderText } from '../../core/selection/parseStakeholderText';
import { type DraftForm, draftFormSchema } from '../../core/draft/draftForm';
import { COMMANDS } from '../commandIds';
import { type CurrentReply, currentReply } from '../currentReply';
import { draftFromPrefill, prefillSummary } from '../draftFromSelection/prefillDraft';
import type { Services } from '../services';
import { rewriteInTone } from './toneRewrite';

/** The buttons under an answer. */
export const CHAT_COMMANDS = { insertReply: COMMANDS.chatInsertReply, copyForEmail: COMMANDS.chatCopyForEmail, openInComposer: COMMANDS.chatOpenInComposer } as const;

/** What the handler reads of a chat request: tests pass a plain object with a fake model. */
export interface ChatRequestLike {
  prompt: string;
  command?: string;
  model?: vscode.LanguageModelChat;
}

export type ChatStream = Pick<vscode.ChatResponseStream, 'markdown' | 'button' | 'progress'>;

/** Kept in the chat result, so a follow-up ("propose deferring instead") drafts the same request. */
export interface ChatMetadata {
  command: string;
  draft?: DraftForm;
  proposal?: Proposal;
}

const PROPOSAL_WORDS: Record<Proposal, RegExp> = { defer: /\bdefer/i, descope: /\b(descop|first phase|phase)/i, swap: /\bswap/i, fund: /\bfund/i };
const PROPOSE = /\bpropos\w*\s+([^.!?\n]*?)\s*(?:instead\b|$)/i;

/**
 * `@pushback` in chat: /draft (the default), /analyze, /alternatives and /cio, for the
 * stakeholder message in the prompt, else the selected text, else the request of the
 * previous answer, else the composer's draft. Any other words in the prompt ask for a
 * tone ("shorter and warmer, for Teams"): the chat's model rewrites the computed reply
 * and the figure check decides whether the rewrite may be shown.
 */
export async function handleChatRequest(services: Services, request: ChatRequestLike, history: readonly ChatMetadata[], stream: ChatStream, token: vscode.CancellationToken): Promise<{ metadata: ChatMetadata }> {
  const command = request.command ?? 'draft';
  const today = localIsoDate(new Date());
  const proposalMatch = PROPOSE.exec(request.prompt);
  const proposal = proposalMatch ? PROPOSALS.find((p) => PROPOSAL_WORDS[p].test(proposalMatch[1])) : undefined;
  const prompt = proposalMatch ? request.prompt.replace(proposalMatch[0], '').trim() : request.prompt.trim();

  const source = draftSource(services, prompt, history, today);
  const draft = proposal ? { ...source.draft, proposal } : source.draft;
  const tone = source.from === 'prompt' ? '' : prompt;
  if (source.read) stream.markdown(`${source.from === 'prompt' ? 'Read your message' : 'Read the selected text'} as a stakeholder's request. ${prefillSummary(source.read)}\n\n`);
  if (!vscode.workspace.isTrusted) stream.markdown("*This workspace is in Restricted Mode: the figures come from Pushback's built-in sample team.*\n\n");

  const reply = await currentReply(services, { draft, today, templateId: command === 'cio' ? 'inform-cio' : undefined });
  if (!reply.ok) {
    stream.markdown(`${reply.summary}${reply.problems.length > 0 ? `\n\n${reply.problems.map((p) => `- ${p.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}` : ''}`);
    stream.button({ command: CHAT_COMMANDS.openInComposer, title: 'Open in Composer', arguments: [draft] });
    return { metadata: { command, draft } };
  }
  const metadata: ChatMetadata = { command, draft, proposal: reply.value.input.proposal };
  if (command === 'analyze') {
    const capacitySource = reply.value.capacityFile === services.sample.capacityFile ? 'the built-in sample' : vscode.workspace.asRelativePath(reply.value.capacityFile);
    stream.markdown(analysisMarkdown({ ...reply.value.input, capacitySource, proposal: reply.value.input.proposal }));
    return { metadata };
  }
  if (command === 'alternatives') {
    stream.markdown(alternativesTable(reply.value));
    return { metadata };
  }
  const shown = await replyInTone(reply.value, tone, request.model, stream, token);
  stream.button({ command: CHAT_COMMANDS.insertReply, title: 'Insert at cursor', arguments: [shown] });
  stream.button({ command: CHAT_COMMANDS.openInComposer, title: 'Open in Composer', arguments: [draft] });
  stream.button({ command: CHAT_COMMANDS.copyForEmail, title: 'Copy for email', arguments: [shown] });
  return { metadata };
}

/** Shows the computed reply, or its rewrite in the tone asked for when every figure survived; returns what was shown. */
async function replyInTone(reply: CurrentReply, tone: string, model: vscode.LanguageModelChat | undefined, stream: ChatStream, token: vscode.CancellationToken): Promise<string> {
  if (!tone) {
    stream.markdown(reply.markdown);
    return reply.markdown;
  }
  stream.progress('Rewriting the reply, then checking every figure…');
  const rewrite = await rewriteInTone(model, reply.markdown, tone, figureContext(reply.input), token);
  if (rewrite.kind === 'kept') {
    stream.markdown(`${rewrite.text}\n\n---\n*Every figure was checked against the computed reply: all ${rewrite.check.figures} kept.*`);
    return rewrite.text;
  }
  stream.markdown(reply.markdown);
  if (rewrite.kind === 'noModel') {
    stream.markdown(`\n\n---\n*Rewriting it "${tone}" needs a language model, and ${rewrite.reason}: this is the computed reply.*`);
  } else {
    const lines = rewrite.check.differences.map((d) => `- ${d.kind === 'changed' ? `line ${d.line}:${d.column} of the rewrite` : 'missing'}: ${d.message}`);
    stream.markdown(`\n\n---\n*The rewrite "${tone}" was not shown, because it did not keep the figures; this is the computed reply. What the rewrite changed:*\n\n${lines.join('\n')}`);
  }
  return reply.markdown;
}

/** The four alternatives side by side: one column each, the proposed one marked. */
function alternativesTable({ input }: CurrentReply): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const columns = PROPOSALS.map((kind) => ({ kind, summary: proposalSummary({ ...input, proposal: kind }) }));
  const head = `| | ${columns.map((c) => `${PROPOSAL_LABELS[c.kind]}${c.kind === input.proposal ? ' (proposed)' : ''}`).join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => '---').join(' | ')} |`;
  const row = `| What it means | ${columns.map((c) => cell(c.summary.text)).join(' | ')} |`;
  const fits = fitsAsAsked(input.analysis) ? 'It fits as asked: none of these is needed, but here they are.\n\n' : '';
  return `${fits}${head}\n${rule}\n${row}\n`;
}

interface DraftSource {
  draft: DraftForm;
  from: 'prompt' | 'selection' | 'history' | 'composer';
  /** What was read from a message, when the draft came from one. */
  read?: StakeholderPrefill;
}

function draftSource(services: Services, prompt: string, history: readonly ChatMetadata[], today: string): DraftSource {
  const composer = services.drafts.get();
  const options = { today, dayFirst: localeReadsDayFirst() };
  const fromPrompt = prompt ? parseStakeholderText(prompt, options) : undefined;
  if (fromPrompt && isRequest(fromPrompt)) return { draft: draftFromPrefill(composer, fromPrompt), from: 'prompt', read: fromPrompt };
  const selected = selectedText();
  const fromSelection = selected ? parseStakeholderText(selected, options) : undefined;
  if (fromSelection && isRequest(fromSelection)) return { draft: draftFromPrefill(composer, fromSelection), from: 'selection', read: fromSelection };
  const previous = [...history].reverse().find((turn) => turn.draft)?.draft;
  const parsed = previous ? draftFormSchema.safeParse(previous) : undefined;
  if (parsed?.success) return { draft: parsed.data, from: 'history' };
  return { draft: composer, from: 'composer' };
}

/** A message names what is asked and at least one more thing about it; "shorter and warmer" does not. */
function isRequest(prefill: StakeholderPrefill): boolean {
  return prefill.title !== undefined && (prefill.requesterName !== undefined || prefill.effortDays !== undefined || prefill.neededBy !== undefined);
}

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  return editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
}

/** "Propose deferring instead" and the like: the other alternatives, for the follow-up chips. */
export function proposalFollowups(metadata: ChatMetadata | undefined): vscode.ChatFollowup[] {
  if (!metadata?.draft || (metadata.command !== 'draft' && metadata.command !== 'alternatives')) return [];
  const words: Record<Proposal, string> = { defer: 'deferring', descope: 'a first phase', swap: 'a swap', fund: 'funding' };
  return PROPOSALS.filter((p) => p !== metadata.proposal).map((p) => ({ prompt: `propose ${words[p]} instead`, label: `Propose ${words[p]} instead`, command: 'draft' }));
}
