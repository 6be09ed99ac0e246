import type { Analysis } from './model/analysis';
import { analyze } from './model/analyze';
import type { IsoDate } from './model/civilDate';
import type { FileSystem } from './fileSystem';
import { loadCapacity, loadRequest } from './load/loadData';
import { type Problem, type Result, failed, ok } from './problems';
import type { CompiledTemplate } from './engine/compileTemplate';
import { renderReply } from './engine/renderReply';
import type { Proposal, ReplyInput } from './engine/replyContext';
import type { TemplatePack } from './pack/loadPack';

/** The template a draft uses when none is chosen: the "Yes, and" reply every pack starts from. */
export const DEFAULT_TEMPLATE_ID = 'yes-and-tradeoffs';

export interface Draft {
  template: CompiledTemplate;
  pack: TemplatePack;
  analysis: Analysis;
  markdown: string;
  /** What the reply was rendered from: every other output (card, email, decision record) starts here. */
  input: ReplyInput;
}

export interface DraftOptions {
  requestFile: string;
  capacityFile: string;
  /** Later packs override earlier ones for the same template id. */
  packs: readonly TemplatePack[];
  templateId: string;
  today: IsoDate;
  proposal?: Proposal;
  /** The reader's locale (--locale); the template's pack default applies when absent. */
  locale?: string;
  /** Values for the template's fields, and where they came from (for located problems). */
  fields?: ReplyInput['fields'];
  fieldsOrigin?: ReplyInput['fieldsOrigin'];
}

/** Load the request and capacity, analyze them, and render the chosen template. */
export async function draftReply(fs: FileSystem, options: DraftOptions): Promise<Result<Draft>> {
  const [request, capacity] = await Promise.all([loadRequest(fs, options.requestFile), loadCapacity(fs, options.capacityFile)]);
  const problems: Problem[] = [...(request.ok ? [] : request.problems), ...(capacity.ok ? [] : capacity.problems)];
  const found = findTemplate(options.packs, options.templateId);
  if (!found.ok) problems.push(...found.problems);
  if (!request.ok || !capacity.ok || !found.ok) return failed(problems);

  const analysis = analyze(capacity.value, request.value);
  const input: ReplyInput = {
    request: request.value,
    capacity: capacity.value,
    analysis,
    today: options.today,
    proposal: options.proposal,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.fields ? { fields: options.fields, fieldsOrigin: options.fieldsOrigin } : {}),
  };
  const markdown = renderReply(found.value.template, input);
  if (!markdown.ok) return markdown;
  return ok({ ...found.value, analysis, markdown: markdown.value, input });
}

/** The template with this id from the highest-priority pack that has one. */
export function findTemplate(packs: readonly TemplatePack[], id: string): Result<{ template: CompiledTemplate; pack: TemplatePack }> {
  for (let i = packs.length - 1; i >= 0; i--) {
    const template = packs[i].templates.find((t) => t.frontMatter.id === id);
    if (template) return ok({ template, pack: packs[i] });
  }
  const known = packs.flatMap((p) => p.templates.map((t) => t.frontMatter.id));
  return failed([
    {
      file: '<arguments>',
      line: 1,
      column: 1,
      path: 'template',
      message: `no template "${id}"`,
      hint: `use one of: ${[...new Set(known)].join(', ')} (pushback templates lists them)`,
    },
  ]);
}
