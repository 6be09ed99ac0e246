import type { FrontMatter } from '../core/engine/frontMatter';
import type { ReplyInput } from '../core/engine/replyContext';
import { type AdaptiveCard, buildAdaptiveCard } from '../core/outputs/adaptiveCard';
import type { Problem } from '../core/problems';

/* Why there is no reply or card, in words the host and the composer's page both show. */

export function missingTemplateText(templateId: string): string {
  return `The template "${templateId}" is not installed any more: pick another one.`;
}

export type TeamsCardOutcome = { ok: true; card: AdaptiveCard } | { ok: false; refused: string; problem: Problem };

/** The reply's Adaptive Card, or why Teams would refuse it, in a sentence (the composer's preview and the Teams commands). */
export function teamsCardFor(reply: { input: ReplyInput; markdown: string; frontMatter: FrontMatter }): TeamsCardOutcome {
  const card = buildAdaptiveCard(reply);
  if (card.ok) return { ok: true, card: card.value };
  const problem = card.problems[0];
  return { ok: false, refused: `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}: ${problem.hint}.`, problem };
}
