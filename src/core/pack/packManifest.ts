import { z } from 'zod';

/**
 * `pushback-pack.json`: what a template pack holds. The built-in pack uses the
 * same format as a team's pack, so both load through one code path.
 */
export const packManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^@[a-z0-9][a-z0-9-._]*\/[a-z0-9][a-z0-9-._]*$/, {
    message: 'must be a scoped id like @acme/finance-replies (lower case)',
  }),
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, { message: 'must be a semantic version like 1.2.0' }),
  description: z.string().default(''),
  author: z.string().optional(),
  license: z.string().optional(),
  engines: z.strictObject({ pushback: z.string().min(1) }).optional(),
  templates: z.array(z.strictObject({ file: z.string().min(1) })).min(1),
  /** Partial name → file, used as `{{> name}}`. */
  partials: z.record(z.string().regex(/^[A-Za-z][\w-]*$/), z.string().min(1)).default({}),
  defaults: z
    .strictObject({ signature: z.string().optional(), currency: z.string().optional() })
    .default({}),
  examples: z
    .array(
      z.strictObject({
        template: z.string().min(1),
        request: z.string().min(1),
        capacity: z.string().min(1),
        expected: z.string().min(1),
        today: z.string().optional(),
        proposal: z.enum(['defer', 'descope', 'swap', 'fund']).optional(),
      }),
    )
    .default([]),
});

export type PackManifest = z.infer<typeof packManifestSchema>;
export const PACK_MANIFEST = 'pushback-pack.json';
