import type { Problem, Result } from '../problems';
import { failed, ok } from '../problems';
import type { CompiledTemplate } from './compileTemplate';
import { templateProblem } from './compileTemplate';
import { type ReplyInput, replyContext } from './replyContext';

/** Render a reply as Markdown, or say which field the template needed and did not get. */
export function renderReply(template: CompiledTemplate, input: ReplyInput): Result<string> {
  const missing = missingInputs(template, input);
  if (missing.length > 0) return failed(missing);
  try {
    return ok(tidyMarkdown(template.render(replyContext(input))));
  } catch (error) {
    return failed([templateProblem(template.file, template.bodyLineOffset, error)]);
  }
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
  return `${markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
