import type { Analysis } from '../model/analysis';
import { analyzeReusing } from '../model/analyze';
import type { IsoDate } from '../model/civilDate';
import type { Problem, Result } from '../problems';
import type { CompiledTemplate } from '../engine/compileTemplate';
import { renderReply } from '../engine/renderReply';
import { type Proposal, type ReplyInput, defaultProposal } from '../engine/replyContext';
import type { TemplatePack } from '../pack/loadPack';
import type { Capacity } from '../schema/capacity';
import type { Request } from '../schema/request';
import { type DraftForm, type FieldErrors, requestFromDraft } from './draftForm';
import { findTemplate } from './findTemplate';

/** The template a draft uses when none is chosen: the "Yes, and" reply every pack starts from. */
export const DEFAULT_TEMPLATE_ID = 'yes-and-tradeoffs';

/** A rendered reply, with what it was rendered from: every other output (card, email, decision record) starts here. */
export interface Draft {
  template: CompiledTemplate;
  pack: TemplatePack;
  analysis: Analysis;
  markdown: string;
  input: ReplyInput;
}

/**
 * What a reply is drafted from. The request comes from a request file (the CLI,
 * pack examples) or from the composer's form as typed; the capacity is already
 * loaded (or failed to load) by the caller's own file system.
 */
export interface DraftSources {
  capacity: Result<Capacity>;
  request: { file: Result<Request> } | { form: DraftForm };
  /** Later packs override earlier ones for the same template id. */
  packs: readonly TemplatePack[];
  /** Default: the form's choice, else {@link DEFAULT_TEMPLATE_ID}. */
  templateId?: string;
  /** Default: the form's choice, else the alternative the analysis favours. */
  proposal?: Proposal;
  today: IsoDate;
  signature?: string;
  /** Show money in this currency (the setting); the template's pack default applies when absent. */
  currency?: string;
  /** The reader's locale (--locale, the setting); the template's pack default applies when absent. */
  locale?: string;
  /** Values for the template's fields, and where they came from (for located problems). Default: the form's values for the template. */
  fields?: ReplyInput['fields'];
  fieldsOrigin?: ReplyInput['fieldsOrigin'];
}

/**
 * Why there is no reply, by stage, so each front end can say it in its own words
 * (and offer its own way out). Every failure also carries located problems, so it
 * is a {@link Result} failure; the later stages keep what was computed before them,
 * so the composer can still show the analysis while the template is missing.
 */
export type DraftFailure =
  | { ok: false; stage: 'data'; problems: Problem[] }
  | { ok: false; stage: 'form'; problems: Problem[]; errors: FieldErrors }
  | { ok: false; stage: 'template'; problems: Problem[]; input: ReplyInput; templateId: string }
  | { ok: false; stage: 'render'; problems: Problem[]; input: ReplyInput; template: CompiledTemplate };

export type DraftResult = { ok: true; value: Draft } | DraftFailure;

/**
 * The one path from a draft to a reply, for the CLI, the composer and every
 * command: check the data, analyze, pick the alternative and the template, render.
 */
export function draftReply(sources: DraftSources): DraftResult {
  const { capacity } = sources;
  const form = 'form' in sources.request ? sources.request.form : undefined;
  const file = 'file' in sources.request ? sources.request.file : undefined;
  const dataProblems = [...(file && !file.ok ? file.problems : []), ...(capacity.ok ? [] : capacity.problems)];
  const templateId = sources.templateId ?? draftTemplateId(form);
  if (!capacity.ok || (file && !file.ok)) {
    // A CLI user fixes every argument at once: a wrong --template is reported with the files' problems.
    const template = file ? findTemplate(sources.packs, templateId) : undefined;
    return { ok: false, stage: 'data', problems: [...dataProblems, ...(template && !template.ok ? template.problems : [])] };
  }
  let request: Request;
  if (form) {
    const parsed = requestFromDraft(form);
    if (!parsed.ok) return { ok: false, stage: 'form', errors: parsed.errors, problems: formProblems(parsed.errors) };
    request = parsed.request;
  } else {
    request = (file as { ok: true; value: Request }).value;
  }

  const analysis = analyzeReusing(capacity.value, request);
  const proposal = sources.proposal ?? ((form?.proposal || undefined) as Proposal | undefined) ?? defaultProposal(analysis);
  const input: ReplyInput = {
    request,
    capacity: capacity.value,
    analysis,
    today: sources.today,
    proposal,
    ...(sources.signature ? { signature: sources.signature } : {}),
    ...(sources.currency ? { currency: sources.currency } : {}),
    ...(sources.locale ? { locale: sources.locale } : {}),
    ...(sources.fields ? { fields: sources.fields, fieldsOrigin: sources.fieldsOrigin } : form?.fieldValues[templateId] ? { fields: form.fieldValues[templateId] } : {}),
  };
  const found = findTemplate(sources.packs, templateId);
  if (!found.ok) return { ok: false, stage: 'template', problems: found.problems, input, templateId };
  const markdown = renderReply(found.value.template, input);
  if (!markdown.ok) return { ok: false, stage: 'render', problems: markdown.problems, input, template: found.value.template };
  return { ok: true, value: { ...found.value, analysis, markdown: markdown.value, input } };
}

/** The template the draft renders with: its own choice, else the default. */
export function draftTemplateId(draft: Pick<DraftForm, 'templateId'> | undefined): string {
  return draft?.templateId || DEFAULT_TEMPLATE_ID;
}

/** The form's field errors as problems, located at the field (`<draft>` is not a file). */
function formProblems(errors: FieldErrors): Problem[] {
  return Object.entries(errors).map(([path, message]) => ({ file: '<draft>', line: 1, column: 1, path, message: message ?? '', hint: '' }));
}
