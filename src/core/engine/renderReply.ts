import type { Problem, Result } from '../problems';
import { failed, ok } from '../problems';
import type { CompiledTemplate } from './compileTemplate';
import { templateProblem } from './compileTemplate';
import { type ReplyContext, type ReplyInput, replyContext } from './replyContext';
import { type FieldValuesOrigin, resolveFieldValues } from './templateFields';
import { localizedTemplate } from './translations';

/** Render a reply as Markdown, or say which field the template needed and did not get. */
export function renderReply(template: CompiledTemplate, input: ReplyInput): Result<string> {
  const context = templateContext(template, input);
  if (!context.ok) return context;
  const localized = context.value.template;
  try {
    return ok(tidyMarkdown(localized.render(context.value.context)));
  } catch (error) {
    return failed([templateProblem(localized.file, localized.bodyLineOffset, error)]);
  }
}

/**
 * What the template sees for this input: its pack's defaults applied below the
 * input's own settings, its declared `inputs` present, and its fields resolved
 * (given values checked, defaults, required ones present); and which template
 * renders it: the translation for the reader's locale, else the template itself.
 */
export function templateContext(template: CompiledTemplate, input: ReplyInput): Result<{ context: ReplyContext; template: CompiledTemplate }> {
  const settled = withPackDefaults(template, input);
  const missing = missingInputs(template, settled);
  const fields = resolveFieldValues(template.frontMatter.fields, settled.fields, settled.fieldsOrigin ?? templateFieldsOrigin(template));
  if (missing.length > 0 || !fields.ok) return failed([...missing, ...(fields.ok ? [] : fields.problems)]);
  return ok({ context: replyContext(settled, fields.value), template: localizedTemplate(template, settled.locale) });
}

/** The pack's `defaults` (signature, currency, locale), each only where the input leaves it unset. */
export function withPackDefaults(template: CompiledTemplate, input: ReplyInput): ReplyInput {
  const defaults = template.packDefaults;
  if (!defaults) return input;
  return {
    ...input,
    signature: input.signature?.trim() ? input.signature : (defaults.signature ?? input.signature),
    currency: input.currency || defaults.currency,
    locale: input.locale || defaults.locale,
  };
}

/** Values given with no better origin are reported at the template's field declarations. */
function templateFieldsOrigin(template: CompiledTemplate): FieldValuesOrigin {
  return {
    file: template.file,
    locate: (id) => ({ line: template.fieldLines[id] ?? 2, column: 1 }),
    howToGive: (id) => `fill in "${id}" where the template asks for it (--field ${id}=… on the command line)`,
  };
}

/** Fields a template declares in `inputs` that the request leaves empty. */
export function missingInputs(template: CompiledTemplate, input: ReplyInput): Problem[] {
  return template.frontMatter.inputs
    .filter((path) => valueAt(input, path) == null)
    .map((path) => ({
      file: template.file,
      line: 1,
      column: 1,
      path,
      message: `the template "${template.frontMatter.id}" needs ${path}, which is empty`,
      hint: `fill in ${path.replace(/^request\./, '')} in the request, or pick another template`,
    }));
}

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value == null ? undefined : (value as Record<string, unknown>)[key]), root);
}

/**
 * Templates are easier to read with generous blank lines around their blocks;
 * the reply should not show them. Trailing spaces go, runs of blank lines become one.
 */
export function tidyMarkdown(markdown: string): string {
  return `${trimLineEnds(markdown).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/**
 * Spaces and tabs at the end of every line removed, in one pass. The obvious
 * `/[ \t]+$/gm` retries from every blank of a run that does not end a line: a
 * title of 100,000 spaces and a letter took 15 seconds.
 */
export function trimLineEnds(text: string): string {
  let out = '';
  let kept = 0; // text[kept, blanksFrom) is copied when a line ends or a non-blank follows
  let blanksFrom = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9) {
      if (blanksFrom < 0) blanksFrom = i;
    } else if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) {
      if (blanksFrom >= 0) {
        out += text.slice(kept, blanksFrom);
        kept = i;
      }
      blanksFrom = -1;
    } else {
      blanksFrom = -1;
    }
  }
  return out + text.slice(kept, blanksFrom >= 0 ? blanksFrom : text.length);
}
