import { z } from 'zod';
import type { Result } from '../problems';
import { ok } from '../problems';
import { parseFrontMatterBlock } from '../load/frontMatterBlock';
import { validate } from '../load/schemaProblems';
import { templateFieldsSchema } from './templateFields';

/**
 * What a template says about itself, in YAML front matter between `---` lines.
 * `inputs` lists the request fields it cannot do without (the palette prompts
 * for them; the composer marks them required).
 */
export const frontMatterSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and dashes, like yes-and-tradeoffs' })
    .describe('How commands and packs name the template: lower-case letters, digits and dashes'),
  name: z.string().min(1).describe('The name leaders pick it by'),
  description: z.string().min(1).describe('One line on when to use it'),
  tone: z.string().min(1).describe('How it sounds, e.g. collaborative, firm'),
  channel: z.enum(['email', 'teams', 'chat', 'document']).describe('Where the reply goes: email | teams | chat | document'),
  subject: z.string().optional().describe('The email subject, a Handlebars template'),
  inputs: z.array(z.string()).default([]).describe('The request fields it needs, e.g. request.neededBy'),
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

/**
 * Split a template file into its front matter and Handlebars body. YAML only:
 * unlike some front-matter libraries, no `---js` form, so a shared pack can never
 * make us evaluate code.
 */
export function parseTemplateFile(file: string, text: string): Result<TemplateSource> {
  const block = parseFrontMatterBlock(file, text, { message: 'has no front matter', hint: 'start the file with --- then id, name, description, tone and channel, then ---' });
  if (!block.ok) return block;
  const { value, locate, body, bodyLineOffset } = block.value;
  const validated = validate(frontMatterSchema, value, file, locate);
  if (!validated.ok) return validated;
  const fieldLines: Record<string, number> = {};
  for (const [index, field] of validated.value.fields.entries()) fieldLines[field.id] = locate(['fields', index]).line;
  return ok({ frontMatter: validated.value, body, bodyLineOffset, fieldLines });
}
