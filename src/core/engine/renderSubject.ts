import type { TemplateDelegate } from 'handlebars';
import { type Result, failed, ok } from '../problems';
import { replyMarkdown } from './replyMarkdown';
import { type CompiledTemplate, compileOptions, templateProblem } from './compileTemplate';
import type { ReplyInput } from './replyContext';
import { templateContext } from './renderReply';
import { guardRender } from './renderGuard';
import { type HandlebarsEnvironment, createTemplateEnvironment } from './templateEnvironment';

let environment: HandlebarsEnvironment | undefined;
const compiled = new WeakMap<CompiledTemplate, TemplateDelegate>();

/**
 * The template's front-matter `subject` (`"Re: {{request.title}} — …"`) as one line
 * of plain text, or `undefined` when the template has none. Helpers are the same
 * as the body's; partials are not available (a pack's partials live in its own
 * environment, and a subject is one line). The context is the body's, whose data
 * is Markdown-escaped, so the result is read back as inline Markdown: `\*` → `*`,
 * emphasis markers dropped, line breaks and control characters made spaces (a
 * subject with a newline would inject a header into an .eml).
 */
export function renderSubject(base: CompiledTemplate, input: ReplyInput): Result<string | undefined> {
  const prepared = templateContext(base, input);
  if (!prepared.ok) return prepared;
  const { template, context } = prepared.value;
  const source = template.frontMatter.subject;
  if (source === undefined) return ok(undefined);
  try {
    let render = template.renderSubject ?? compiled.get(template);
    if (!render) {
      environment ??= createTemplateEnvironment();
      // The body's compile options and render guard: a subject is pack code too.
      render = guardRender(environment, environment.compile(source, compileOptions(environment)));
      compiled.set(template, render);
    }
    return ok(inlinePlainText(render(context)));
  } catch (error) {
    return failed([{ ...templateProblem(template.file, 0, error), line: 1, column: 1, path: 'subject' }]);
  }
}

/** Inline Markdown as plain text on one line. */
export function inlinePlainText(markdown: string): string {
  const [inline] = replyMarkdown().parseInline(markdown.replace(/[\r\n]+/g, ' '), {});
  const text = (inline?.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' || child.type === 'image' ? child.content : child.type.endsWith('break') ? ' ' : ''))
    .join('');
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}
