import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Problem, Result } from '../problems';
import { failed, ok } from '../problems';
import { validate } from '../load/schemaProblems';
import { templateFieldsSchema } from './templateFields';

/**
 * What a template says about itself, in YAML front matter between `---` lines.
 * `inputs` lists the request fields it cannot do without (the palette prompts
 * for them; the composer marks them required).
 */
export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and dashes, like yes-and-tradeoffs' }),
  name: z.string().min(1),
  description: z.string().min(1),
  tone: z.string().min(1),
  channel: z.enum(['email', 'teams', 'chat', 'document']),
  subject: z.string().optional(),
  inputs: z.array(z.string()).default([]),
  fields: templateFieldsSchema,
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface TemplateSource {
  frontMatter: FrontMatter;
  body: string;
  /** Lines taken by the front matter, so body positions map back to the file. */
  bodyLineOffset: number;
  /** The line of each field's declaration (`- id: briefingDate`), for problems about that field. */
  fieldLines: Readonly<Record<string, number>>;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Split a template file into its front matter and Handlebars body. YAML only:
 * unlike some front-matter libraries, no `---js` form, so a shared pack can never
 * make us evaluate code.
 */
export function parseTemplateFile(file: string, text: string): Result<TemplateSource> {
  const match = FENCE.exec(text);
  if (!match) {
    return failed([{ file, line: 1, column: 1, path: '', message: 'has no front matter', hint: 'start the file with --- then id, name, description, tone and channel, then ---' }]);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(match[1], { lineCounter });
  if (document.errors.length > 0) {
    return failed(
      document.errors.map((error): Problem => ({
        file,
        line: (error.linePos?.[0].line ?? 0) + 1,
        column: error.linePos?.[0].col ?? 1,
        path: '',
        message: `front matter YAML error: ${error.message.split('\n')[0]}`,
        hint: 'check the indentation and quoting',
      })),
    );
  }
  const yamlLines = match[1].split('\n');
  // Positions in the file: the YAML starts on line 2, after the opening ---.
  const positionOf = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  const validated = validate(frontMatterSchema, document.toJS(), file, (path) => {
    if (path.length > 1) {
      // A nested value (fields[1].kind): the node itself, else the nearest enclosing one.
      for (let depth = path.length; depth > 1; depth--) {
        const node = document.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return positionOf(node.range[0]);
      }
    }
    const key = String(path[0] ?? '');
    const index = yamlLines.findIndex((line) => line.startsWith(`${key}:`));
    return { line: index < 0 ? 1 : index + 2, column: 1 };
  });
  if (!validated.ok) return validated;
  const bodyLineOffset = match[0].split('\n').length - 1;
  const fieldLines: Record<string, number> = {};
  for (const [index, field] of validated.value.fields.entries()) {
    const node = document.getIn(['fields', index], true);
    fieldLines[field.id] = isNode(node) && node.range ? positionOf(node.range[0]).line : 1;
  }
  return ok({ frontMatter: validated.value, body: text.slice(match[0].length), bodyLineOffset, fieldLines });
}
