import type { Draft } from '../core/draft/draftReply';
import { markdownToPlainText } from '../core/engine/markdownOutput';
import { buildAdaptiveCard, teamsMessage } from '../core/outputs/adaptiveCard';
import { emailHtmlDocument } from '../core/outputs/emailHtml';
import { replyToEml } from '../core/outputs/eml';
import { renderSubject } from '../core/engine/renderSubject';
import { type Result, ok } from '../core/problems';

export const DRAFT_FORMATS = ['markdown', 'html', 'text', 'json', 'teams-card', 'teams-message', 'eml'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

export function isDraftFormat(format: string): format is DraftFormat {
  return (DRAFT_FORMATS as readonly string[]).includes(format);
}

/** A drafted reply in the form `pushback draft --format` asks for. */
export function formatDraft(draft: Draft, format: DraftFormat): Result<string> {
  const { template, input, markdown } = draft;
  switch (format) {
    case 'markdown':
      return ok(markdown);
    case 'text':
      return ok(markdownToPlainText(markdown));
    case 'json':
      return ok(json({ template: { ...template.frontMatter, pack: draft.pack.manifest.id }, analysis: draft.analysis, reply: markdown }));
    case 'html': {
      const subject = renderSubject(template, input);
      if (!subject.ok) return subject;
      return ok(emailHtmlDocument(markdown, subject.value ?? input.request.title));
    }
    case 'teams-card':
    case 'teams-message': {
      const card = buildAdaptiveCard({ input, markdown, frontMatter: template.frontMatter });
      if (!card.ok) return card;
      return ok(json(format === 'teams-card' ? card.value : teamsMessage(card.value)));
    }
    case 'eml':
      return replyToEml(template, input, markdown);
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
