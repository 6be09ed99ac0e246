import semver from 'semver';
import { z } from 'zod';
import { frontMatterSchema } from '../engine/frontMatter';
import { currencyCode, localeTag } from '../schema/fields';

/**
 * A path inside the pack, relative to the manifest. Nothing may point outside the
 * pack: a shared manifest naming `../../.ssh/id_rsa` as a partial would paste the
 * file into a reply, and an installed pack only holds its own folder anyway.
 */
const packPath = z
  .string()
  .min(1)
  .refine((path) => !/^([\\/]|[A-Za-z]:)/.test(path) && !path.split(/[\\/]/).includes('..'), {
    message: 'must be a relative path inside the pack (no "..", not absolute)',
  });

/**
 * One template of the pack. Only `file` is needed: the rest repeats the template's
 * front matter so a registry or the tree view can list templates without reading
 * every file, and is checked against it when the pack loads.
 */
export const packTemplateSchema = z.strictObject({
  file: packPath.describe('The Handlebars file, relative to this manifest'),
  id: frontMatterSchema.shape.id.optional().describe("Must equal the template's front matter id"),
  name: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  tone: z.string().min(1).optional(),
  channel: frontMatterSchema.shape.channel.optional(),
  translations: z
    .record(localeTag, packPath)
    .optional()
    .describe('Locale → the translated template file, like {"de": "yes-and-tradeoffs.de.hbs"}; a file named <template>.<locale>.hbs beside the template is found without this'),
});

/** The front matter fields a manifest entry may repeat (everything but `file`). */
export const MIRRORED_FIELDS = ['id', 'name', 'description', 'tone', 'channel'] as const;

/**
 * `pushback-pack.json`: what a template pack holds. The built-in pack uses the
 * same format as a team's pack, so both load through one code path.
 */
export const packManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^@[a-z0-9][a-z0-9-._]*\/[a-z0-9][a-z0-9-._]*$/, { message: 'must be a scoped id like @acme/finance-replies (lower case)' })
    .describe('Scoped, lower-case id like @acme/finance-replies; the same as the npm package name when the pack is published'),
  name: z.string().min(1),
  version: z
    .string()
    .refine((version) => semver.valid(version) === version, { message: 'must be a semantic version like 1.2.0' })
    .describe('Semantic version of the pack, like 1.2.0'),
  description: z.string().default(''),
  author: z.string().optional(),
  license: z.string().optional(),
  engines: z
    .strictObject({
      pushback: z
        .string()
        .min(1)
        .refine((range) => semver.validRange(range) !== null, { message: 'must be a semver range like ^0.1.0 or >=0.1 <2' })
        .describe('The Pushback versions this pack works with, as a semver range like ^0.1.0'),
    })
    .optional(),
  templates: z.array(packTemplateSchema).min(1),
  /** Partial name → file, used as `{{> name}}`. */
  partials: z.record(z.string().regex(/^[A-Za-z][\w-]*$/), packPath).default({}),
  defaults: z
    .strictObject({
      signature: z.string().optional().describe('How replies are signed when the user has not set pushback.signature'),
      currency: currencyCode.optional().describe('ISO 4217 code to show money in when the user has not set pushback.currency'),
      locale: localeTag.optional().describe('The locale replies are written for (formats and translations) when the user has not set pushback.replyLocale'),
    })
    .default({}),
  examples: z
    .array(
      z.strictObject({
        template: z.string().min(1),
        request: packPath,
        capacity: packPath,
        expected: packPath,
        today: z.string().optional(),
        proposal: z.enum(['defer', 'descope', 'swap', 'fund']).optional(),
        locale: localeTag.optional().describe('Render the example for this locale (formats and the translation)'),
        fields: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
          .optional()
          .describe("Values for the template's fields, by id, like {\"briefingDate\": \"2027-01-08\"}"),
      }),
    )
    .default([]),
});

export type PackManifest = z.infer<typeof packManifestSchema>;
export const PACK_MANIFEST = 'pushback-pack.json';

/** `<id>@<version>`, how packs are named in messages. */
export function packLabel(manifest: Pick<PackManifest, 'id' | 'version'>): string {
  return `${manifest.id}@${manifest.version}`;
}

/**
 * The folder an installed pack lives in: `@acme/finance-replies` → `acme__finance-replies`.
 * The id's own pattern already excludes separators and `..`; this re-checks, so a
 * future looser pattern can never turn into a path outside the packs folder.
 */
export function packFolderName(id: string): string {
  const match = /^@([a-z0-9][a-z0-9-._]*)\/([a-z0-9][a-z0-9-._]*)$/.exec(id);
  if (!match) throw new Error(`not a scoped pack id: ${JSON.stringify(id)}`);
  return `${match[1]}__${match[2]}`;
}

/** Whether this Pushback version is one the pack says it works with (pre-releases included). */
export function supportsPushback(manifest: Pick<PackManifest, 'engines'>, pushbackVersion: string): boolean {
  const range = manifest.engines?.pushback;
  return range === undefined || semver.satisfies(pushbackVersion, range, { includePrerelease: true });
}
