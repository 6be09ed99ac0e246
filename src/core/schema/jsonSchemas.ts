import { z } from 'zod';
import { packManifestSchema } from '../pack/packManifest';
import { frontMatterSchema } from '../engine/frontMatter';
import { capacityFileSchema } from './capacity';
import { requestSchema } from './request';

/**
 * JSON Schemas for editors (completion and hovers in capacity, request and pack
 * files), generated from the zod schemas so the two can never disagree. The
 * input side is what a person writes: defaults make fields optional.
 */
export function jsonSchemas(): Record<string, object> {
  const generate = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-07' }),
    title,
  });
  return {
    'capacity.schema.json': generate(capacityFileSchema, 'Pushback capacity file'),
    'request.schema.json': generate(requestSchema, 'Pushback request file'),
    'pushback-pack.schema.json': generate(packManifestSchema, 'Pushback template pack manifest'),
    // The YAML between a template's --- lines: completion for fields, kinds and channels.
    'template-front-matter.schema.json': generate(frontMatterSchema, 'Pushback template front matter'),
  };
}
