import type { DraftForm } from '../../core/draft/draftForm';
import { changeFieldValue, page } from './state';
import { templateFieldsSection } from './templateFields';

/**
 * The chosen template's own questions, under the request ("This template asks"),
 * or null when it asks for nothing. The template in use is the draft's, else the
 * one the host rendered with (the default).
 */
export function templateSection(draft: DraftForm): HTMLElement | null {
  const templateId = draft.templateId || page.update?.templateId || 'yes-and-tradeoffs';
  return templateFieldsSection(page.templates.find((t) => t.id === templateId), draft, changeFieldValue) ?? null;
}
