import type { FileSystem } from '../fileSystem';
import type { Problem } from '../problems';
import { type CompiledTemplate, compileTemplate } from '../engine/compileTemplate';
import { sameFields } from '../engine/templateFields';
import type { HandlebarsEnvironment } from '../engine/templateEnvironment';
import { translationLocaleOf } from '../engine/translations';
import { canonicalLocale } from '../schema/fields';
import type { PackManifest } from './packManifest';
import { unreadableReason } from './packFiles';

export interface TranslationSources {
  handlebars: HandlebarsEnvironment;
  manifestFile: string;
  entry: PackManifest['templates'][number];
  index: number;
  template: CompiledTemplate;
  locate: (path: (string | number)[]) => { line: number; column: number };
  check: boolean;
  /** Translations found beside templates, by folder, listed once per pack load (a pack of 1,000 templates lists its folder once). */
  besides: Map<string, Promise<Map<string, [string, string][]>>>;
}

/**
 * A template's translations: those the manifest lists under the template's
 * `translations`, and `<file>.<locale>.hbs` files beside it (the manifest wins for
 * a locale named both ways). Each is compiled in the pack's environment, so it
 * shares the pack's partials, and must keep the template's id and fields: a
 * reply's values must mean the same in every language.
 */
export async function loadTranslations(fs: FileSystem, sources: TranslationSources): Promise<{ translations: Record<string, CompiledTemplate>; problems: Problem[] }> {
  const { entry, index, manifestFile, template } = sources;
  const files = new Map<string, { file: string; path: (string | number)[] | undefined }>();
  const name = entry.file.split(/[\\/]/).pop() ?? entry.file;
  if (fs.list) {
    const dir = fs.resolve(template.file, '.');
    let beside = sources.besides.get(dir);
    if (!beside) {
      beside = translationsIn(fs, dir);
      sources.besides.set(dir, beside);
    }
    for (const [locale, candidate] of (await beside).get(name) ?? []) files.set(locale, { file: fs.resolve(template.file, candidate), path: undefined });
  }
  for (const [tag, relative] of Object.entries(entry.translations ?? {})) {
    files.set(canonicalLocale(tag) ?? tag, { file: fs.resolve(manifestFile, relative), path: ['templates', index, 'translations', tag] });
  }

  const translations: Record<string, CompiledTemplate> = {};
  const problems: Problem[] = [];
  for (const [locale, { file, path }] of files) {
    let text: string;
    try {
      text = await fs.readText(file);
    } catch (error) {
      const at = path ? sources.locate(path) : { line: 1, column: 1 };
      const { reason, hint = 'fix the path; it is relative to the manifest' } = unreadableReason(error);
      problems.push({ file: manifestFile, ...at, path: `templates[${index}].translations.${locale}`, message: `${entry.translations?.[locale] ?? file} ${reason}`, hint });
      continue;
    }
    const compiled = compileTemplate(sources.handlebars, file, text, { check: sources.check });
    if (!compiled.ok) {
      problems.push(...compiled.problems);
      continue;
    }
    const { frontMatter } = compiled.value;
    if (frontMatter.id !== template.frontMatter.id) {
      problems.push({ file, line: 2, column: 1, path: 'id', message: `is "${frontMatter.id}" but this is the ${locale} translation of "${template.frontMatter.id}"`, hint: `a translation keeps the template's id: write id: ${template.frontMatter.id}` });
      continue;
    }
    const difference = sameFields(template.frontMatter.fields, frontMatter.fields);
    if (difference) {
      problems.push({ file, line: 2, column: 1, path: 'fields', message: `the ${locale} translation ${difference}`, hint: `declare the same fields as ${template.file} (ids, kinds, options, required); only labels and help may be translated` });
      continue;
    }
    translations[locale] = compiled.value;
  }
  return { translations, problems };
}

/** Every `<name>.<locale>.hbs` in a folder, indexed by the template file name it translates. */
async function translationsIn(fs: FileSystem, dir: string): Promise<Map<string, [string, string][]>> {
  const names = (await fs.list?.(dir).catch(() => [] as string[])) ?? [];
  const index = new Map<string, [string, string][]>();
  for (const candidate of names.sort()) {
    const match = /^(.+)\.([^.]+)\.hbs$/.exec(candidate);
    if (!match) continue;
    const base = `${match[1]}.hbs`;
    const locale = translationLocaleOf(base, candidate);
    if (locale) index.set(base, [...(index.get(base) ?? []), [locale, candidate]]);
  }
  return index;
}
