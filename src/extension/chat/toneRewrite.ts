import * as vscode from 'vscode';
import { type RewriteCheck, checkRewrite } from '../../core/rewriteCheck/checkRewrite';
import type { FigureContext } from '../../core/rewriteCheck/figureContext';
import { figureList } from '../../core/rewriteCheck/figureList';

export type ToneRewrite =
  /** The model's rewrite kept every figure. */
  | { kind: 'kept'; text: string; check: RewriteCheck }
  /** The model's rewrite changed, invented or dropped figures: it must not be shown as the reply. */
  | { kind: 'changed'; text: string; check: RewriteCheck }
  /** No model answered (none available, no consent, an error): why, in a sentence. */
  | { kind: 'noModel'; reason: string };

/**
 * Ask the chat's model to rewrite the computed reply in the tone asked for, then run
 * the figure check on what it wrote. The model is told the figures it must keep, but
 * the check, not the instruction, is what guarantees them.
 */
export async function rewriteInTone(model: vscode.LanguageModelChat | undefined, reply: string, tone: string, context: FigureContext, token: vscode.CancellationToken): Promise<ToneRewrite> {
  if (!model) return { kind: 'noModel', reason: 'no language model is available' };
  const prompt = [
    `Rewrite the reply below as asked: ${tone}`,
    'Keep every figure exactly as it is written: amounts, percentages, day counts, FTE, dates, numbers, names and commitment ids. Do not round, convert or add any figure. You may drop details that are not needed, but keep these if the reply has them: the effort, the load after, each item that slips, the FTE and its cost, who informs the CIO and by when.',
    `The figures:\n${figureList(reply, context)}`,
    'Answer with the rewritten reply only, in Markdown, without a preamble.',
    `The reply:\n\n${reply}`,
  ].join('\n\n');
  let text = '';
  try {
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(prompt)], { justification: 'Pushback rewrites the computed reply in the tone you asked for, then checks its figures.' }, token);
    for await (const chunk of response.text) text += chunk;
  } catch (error) {
    const reason = error instanceof vscode.LanguageModelError ? `the language model refused (${error.code || error.message})` : `the language model failed (${error instanceof Error ? error.message : String(error)})`;
    return { kind: 'noModel', reason };
  }
  const rewrite = withoutFence(text.trim());
  if (!rewrite) return { kind: 'noModel', reason: 'the language model answered with nothing' };
  const check = checkRewrite(reply, rewrite, context);
  return { kind: check.differences.length === 0 ? 'kept' : 'changed', text: rewrite, check };
}

/** Models often wrap Markdown in a ```markdown fence; the reply is what is inside. */
function withoutFence(text: string): string {
  const fenced = /^```[\w-]*\n([\s\S]*?)\n```$/.exec(text);
  return fenced ? fenced[1].trim() : text;
}
