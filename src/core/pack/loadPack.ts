import { ConfinementError } from '../confinedFiles';
import type { FileSystem } from '../fileSystem';
import { type Problem, type Result, failed, ok } from '../problems';
import { type CompiledTemplate, compileOptions, compileTemplate, registerPartialSource, templateProblem } from '../engine/compileTemplate';
import { createTemplateEnvironment } from '../engine/templateEnvironment';
import { validate } from '../load/schemaProblems';
import { parseSource } from '../load/sourceDocument';
import { manifestPath, confinedPackFiles, unreadableReason } from './packFiles';
import { MIRRORED_FIELDS, PACK_MANIFEST, type PackManifest, packManifestSchema, supportsPushback } from './packManifest';
import { loadTranslations } from './packTranslations';

export interface TemplatePack {
  dir: string;
  manifestFile: string;
  manifest: PackManifest;
  templates: CompiledTemplate[];
}

export interface LoadPackOptions {
  /** The running Pushback's version: a pack whose engines.pushback excludes it is a problem. Unchecked when absent. */
  pushbackVersion?: string;
  /** Compile every template and partial now, to report their problems at load (default). False defers it to each first render. */
  check?: boolean;
}

/**
 * Load a pack folder: its manifest, its partials and every template, each in
 * the pack's own Handlebars environment (so two packs' partials never collide).
 * Every problem in the pack is reported at once, not just the first.
 */
export async function loadPack(fs: FileSystem, dir: string, options: LoadPackOptions = {}): Promise<Result<TemplatePack>> {
  const manifestFile = manifestPath(dir);
  const files = confinedPackFiles(fs, dir);
  let text: string;
  try {
    text = await files.readText(fs.resolve(manifestFile, PACK_MANIFEST));
  } catch (error) {
    if (error instanceof ConfinementError) return failed([{ file: manifestFile, line: 1, column: 1, path: '', message: error.reason, hint: error.hint }]);
    return failed([{ file: manifestFile, line: 1, column: 1, path: '', message: 'no pack manifest here', hint: `a pack is a folder with ${PACK_MANIFEST}; run "pushback pack new" to make one` }]);
  }
  const document = parseSource(manifestFile, text, 'json');
  if (!document.ok) return document;
  const manifest = validate(packManifestSchema, document.value.value, manifestFile, document.value.locate);
  if (!manifest.ok) return manifest;

  const handlebars = createTemplateEnvironment();
  const problems: Problem[] = [];
  const range = manifest.value.engines?.pushback;
  if (options.pushbackVersion && !supportsPushback(manifest.value, options.pushbackVersion)) {
    const at = document.value.locate(['engines', 'pushback']);
    problems.push({ file: manifestFile, ...at, path: 'engines.pushback', message: `this pack works with Pushback ${range}, not ${options.pushbackVersion}`, hint: 'install a version of the pack made for this Pushback, or update Pushback' });
  }
  const read = async (path: string[], relative: string): Promise<{ file: string; text: string } | undefined> => {
    const file = fs.resolve(manifestFile, relative);
    try {
      return { file, text: await files.readText(file) };
    } catch (error) {
      const at = document.value.locate(path);
      const { reason, hint = 'fix the path; it is relative to the manifest' } = unreadableReason(error);
      problems.push({ file: manifestFile, ...at, path: path.join('.'), message: `${relative} ${reason}`, hint });
      return undefined;
    }
  };

  // Every file is read at once (the reads overlap); compiling then goes in manifest order.
  const partialEntries = Object.entries(manifest.value.partials);
  const [partialSources, templateSources] = await Promise.all([
    Promise.all(partialEntries.map(([name, relative]) => read(['partials', name], relative))),
    Promise.all(manifest.value.templates.map((entry, index) => read(['templates', String(index), 'file'], entry.file))),
  ]);
  for (const [index, [name]] of partialEntries.entries()) {
    const partial = partialSources[index];
    if (!partial) continue;
    try {
      // The same options as templates: a partial gets no helper a template could not call.
      registerPartialSource(handlebars, name, partial.text);
      if (options.check !== false) handlebars.precompile(partial.text, compileOptions(handlebars));
    } catch (error) {
      problems.push(templateProblem(partial.file, 0, error));
    }
  }

  const templates: CompiledTemplate[] = [];
  const seen = new Map<string, string>();
  const besides = new Map<string, Promise<Map<string, [string, string][]>>>();
  for (const [index, entry] of manifest.value.templates.entries()) {
    const source = templateSources[index];
    if (!source) continue;
    const compiled = compileTemplate(handlebars, source.file, source.text, { check: options.check !== false });
    if (!compiled.ok) {
      problems.push(...compiled.problems);
      continue;
    }
    for (const field of MIRRORED_FIELDS) {
      const listed = entry[field];
      if (listed === undefined || listed === compiled.value.frontMatter[field]) continue;
      const at = document.value.locate(['templates', index, field]);
      problems.push({ file: manifestFile, ...at, path: `templates[${index}].${field}`, message: `says ${JSON.stringify(listed)} but ${entry.file} says ${JSON.stringify(compiled.value.frontMatter[field])}`, hint: `make the manifest and the template's front matter agree, or drop "${field}" here` });
    }
    const id = compiled.value.frontMatter.id;
    const other = seen.get(id);
    if (other) {
      problems.push({ file: source.file, line: 2, column: 1, path: 'id', message: `template id "${id}" is also used by ${other}`, hint: 'give each template in a pack its own id' });
      continue;
    }
    seen.set(id, source.file);
    const translations = await loadTranslations(files, {
      handlebars,
      manifestFile,
      entry,
      index,
      template: compiled.value,
      locate: document.value.locate,
      check: options.check !== false,
      besides,
    });
    problems.push(...translations.problems);
    const packDefaults = manifest.value.defaults;
    for (const translation of Object.values(translations.translations)) translation.packDefaults = packDefaults;
    templates.push({ ...compiled.value, packDefaults, ...(Object.keys(translations.translations).length > 0 ? { translations: translations.translations } : {}) });
  }
  if (problems.length > 0) return failed(problems);
  return ok({ dir, manifestFile, manifest: manifest.value, templates });
}
