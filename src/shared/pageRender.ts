import { z } from 'zod';
import { frontMatterSchema } from '../core/engine/frontMatter';
import type { TemplateShape } from '../core/engine/precompiledTemplate';
import { type Capacity, capacitySchema } from '../core/schema/capacity';

/**
 * What the composer's page needs to render the preview itself, with the same
 * pipeline as the host: the capacity data (validated on the host), the chosen
 * template (its code as a script the host precompiled, its data here), and the
 * host's settings and "today". Sent when one of them changes, not per keystroke.
 * The page checks it with {@link pageRenderDataSchema} before using any of it.
 */
export interface PageRenderData {
  /** The draft's own capacity choice ('' = the default) this data was resolved from. */
  capacityChoice: string;
  /** The file it resolved to (shown beside the form, as the host's updates say). */
  capacityFile: string;
  capacity: Capacity;
  templateId: string;
  template: TemplateShape;
  /** The precompiled template's script (a webview URI) and the hash it registers its specs under. */
  script: { uri: string; hash: string };
  today: string;
  signature: string;
  currency?: string;
  locale?: string;
}

const packDefaultsSchema = z.strictObject({ signature: z.string().optional(), currency: z.string().optional(), locale: z.string().optional() });

const templatePartSchema = z.strictObject({
  file: z.string(),
  frontMatter: frontMatterSchema,
  bodyLineOffset: z.number().int().min(0),
  fieldLines: z.record(z.string(), z.number().int().min(1)),
  packDefaults: packDefaultsSchema.optional(),
});

const HASH = /^[0-9a-f]{64}$/;

/** The folder (in the extension's global storage) the host writes precompiled templates to: the page's only other script source. */
export const TEMPLATE_SCRIPTS_FOLDER = 'webview-templates';

/** A webview URI (http or https) of the file named after its hash in the templates folder. */
export function isTemplateScriptUri(uri: string, hash: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname.endsWith(`/${TEMPLATE_SCRIPTS_FOLDER}/${hash}.js`) && !url.search.includes('"');
  } catch {
    return false;
  }
}

export const pageRenderDataSchema = z
  .strictObject({
    capacityChoice: z.string(),
    capacityFile: z.string(),
    capacity: capacitySchema,
    templateId: z.string().min(1),
    template: templatePartSchema.extend({ translations: z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), templatePartSchema).optional() }),
    script: z.strictObject({ uri: z.string(), hash: z.string().regex(HASH) }),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    signature: z.string(),
    currency: z.string().optional(),
    locale: z.string().optional(),
  })
  // The script must be the file named after its hash, in the folder the host writes templates to.
  .refine((data) => isTemplateScriptUri(data.script.uri, data.script.hash), { message: 'not a template script', path: ['script', 'uri'] })
  .refine((data) => data.template.frontMatter.id === data.templateId, { message: 'another template', path: ['templateId'] });
