import type { TemplateDelegate } from 'handlebars';
import type { TemplatePack } from '../pack/loadPack';
import { type CompiledTemplate, compileOptions } from './compileTemplate';
import type { FrontMatter } from './frontMatter';
import { guardRender } from './renderGuard';
import { type HandlebarsEnvironment, createTemplateEnvironment } from './templateEnvironment';

/*
 * The composer's page renders the preview itself, with the same pipeline as the
 * host (draftReply), but it cannot compile a template: its CSP forbids eval, and
 * Handlebars compiles to `new Function`. So the host precompiles the chosen
 * template (Handlebars source is data: the compiler writes the code, with the same
 * options as compileTemplate, so the same strictness and only the built-in
 * helpers), writes it as a script the page loads with its nonce, and sends the
 * rest of the template (front matter, lines, pack defaults) as plain data. The
 * page builds the template with {@link templateFromSpecs}: the same helpers, the
 * same render guard and the same runtime options as a compiled one.
 */

/** The global the template scripts register their specs on, by content hash. */
export const TEMPLATE_SPECS_GLOBAL = 'pushbackTemplateSpecs';

/** A template's precompiled specs as they arrive in the page: objects Handlebars' runtime turns into functions. */
export interface TemplateSpecs {
  body: unknown;
  subject: unknown;
  partials: [string, unknown][];
  translations: [string, { body: unknown; subject: unknown }][];
}

/** What the page needs of a template besides its code: plain data, checked by the page before use. */
export interface TemplateShape {
  file: string;
  frontMatter: FrontMatter;
  bodyLineOffset: number;
  fieldLines: Record<string, number>;
  packDefaults?: { signature?: string; currency?: string; locale?: string };
  translations?: Record<string, Omit<TemplateShape, 'translations'>>;
}

/**
 * The JavaScript expression of a template's specs (a {@link TemplateSpecs} object
 * literal), or undefined when the template was not loaded from source (it cannot
 * be precompiled). Names are JSON strings in arrays, never object keys, so a
 * partial named `__proto__` stays a name.
 */
export function precompiledSpecs(template: CompiledTemplate): string | undefined {
  const all = [template, ...Object.values(template.translations ?? {})];
  if (!all.every((t) => t.source)) return undefined;
  // Any environment with Pushback's helpers compiles alike: the known helpers are the same.
  const handlebars = createTemplateEnvironment();
  const spec = (text: string) => handlebars.precompile(text, compileOptions(handlebars)) as string;
  const subject = (t: CompiledTemplate) => (t.frontMatter.subject === undefined ? 'null' : spec(t.frontMatter.subject));
  const partials = Object.entries(template.source?.partials ?? {}).map(([name, text]) => `[${JSON.stringify(name)},${spec(text)}]`);
  const translations = Object.entries(template.translations ?? {}).map(
    ([locale, t]) => `[${JSON.stringify(locale)},{"body":${spec(t.source?.body ?? '')},"subject":${subject(t)}}]`,
  );
  return `{"body":${spec(template.source?.body ?? '')},"subject":${subject(template)},"partials":[${partials.join(',')}],"translations":[${translations.join(',')}]}`;
}

/** The script that registers the specs under their hash (the host names the file after it). */
export function templateScript(hash: string, specs: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a template hash: ${hash}`);
  const registry = `self.${TEMPLATE_SPECS_GLOBAL}`;
  return `(${registry} = ${registry} || Object.create(null))[${JSON.stringify(hash)}] = ${specs};\n`;
}

/** The data half of a template, for the page. */
export function templateShape(template: CompiledTemplate): TemplateShape {
  const plain = (t: CompiledTemplate): Omit<TemplateShape, 'translations'> => ({
    file: t.file,
    frontMatter: t.frontMatter,
    bodyLineOffset: t.bodyLineOffset,
    fieldLines: { ...t.fieldLines },
    ...(t.packDefaults ? { packDefaults: t.packDefaults } : {}),
  });
  const translations = Object.entries(template.translations ?? {});
  return { ...plain(template), ...(translations.length > 0 ? { translations: Object.fromEntries(translations.map(([locale, t]) => [locale, plain(t)])) } : {}) };
}

/**
 * A template built from its precompiled specs and its shape: what compileTemplate
 * would have made of the same source (the same helpers, partials, render guard and
 * no prototype access). Throws when a spec is not one Handlebars' runtime accepts.
 */
export function templateFromSpecs(shape: TemplateShape, specs: TemplateSpecs): CompiledTemplate {
  const handlebars = createTemplateEnvironment();
  for (const [name, spec] of specs.partials) handlebars.registerPartial(name, handlebars.template(spec as TemplateSpecification));
  // The host compiles subjects in an environment of their own, without the pack's partials: so does this.
  const subjects = createTemplateEnvironment();
  const build = (part: Omit<TemplateShape, 'translations'>, own: { body: unknown; subject: unknown }): CompiledTemplate => ({
    file: part.file,
    frontMatter: part.frontMatter,
    bodyLineOffset: part.bodyLineOffset,
    fieldLines: part.fieldLines,
    ...(part.packDefaults ? { packDefaults: part.packDefaults } : {}),
    render: guardRender(handlebars, handlebars.template(own.body as TemplateSpecification)),
    ...(own.subject !== null && part.frontMatter.subject !== undefined ? { renderSubject: runtimeTemplate(subjects, own.subject) } : {}),
  });
  const translations = new Map(specs.translations);
  const built = build(shape, specs);
  const localized = Object.entries(shape.translations ?? {}).flatMap(([locale, part]) => {
    const own = translations.get(locale);
    return own ? [[locale, build(part, own)] as const] : [];
  });
  return localized.length > 0 ? { ...built, translations: Object.fromEntries(localized) } : built;
}

function runtimeTemplate(handlebars: HandlebarsEnvironment, spec: unknown): TemplateDelegate {
  return guardRender(handlebars, handlebars.template(spec as TemplateSpecification));
}

type TemplateSpecification = Parameters<HandlebarsEnvironment['template']>[0];

/** One template as a pack, for {@link draftReply}: the page drafts with the one template the host sent. */
export function packOfOne(template: CompiledTemplate): TemplatePack {
  return { dir: '', manifestFile: '', manifest: { name: 'composer', version: '0.0.0', templates: [], partials: {} } as unknown as TemplatePack['manifest'], templates: [template] };
}
