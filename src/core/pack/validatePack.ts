import { ConfinementError } from '../confinedFiles';
import type { FileSystem } from '../fileSystem';
import type { CompiledTemplate } from '../engine/compileTemplate';
import { templateProblem } from '../engine/compileTemplate';
import Handlebars from 'handlebars';
import { PROPOSALS } from '../engine/replyContext';
import { templateContext } from '../engine/renderReply';
import { parseTemplateFile } from '../engine/frontMatter';
import { undeclaredFieldMessage, undeclaredFields } from '../engine/compileTemplate';
import { type TemplateReferences, templateReferences } from '../engine/templateReferences';
import { type FieldValue, sampleFieldValues } from '../engine/templateFields';
import { partialOfError } from '../engine/renderGuard';
import { loadCapacity, loadRequest } from '../load/loadData';
import { parseSource } from '../load/sourceDocument';
import { analyze } from '../model/analyze';
import type { IsoDate } from '../model/civilDate';
import { type Problem, type Result, failed, ok } from '../problems';
import { type LoadPackOptions, type TemplatePack, loadPack } from './loadPack';
import { confinedPackFiles, unreadableReason } from './packFiles';
import { PACK_MANIFEST } from './packManifest';

export interface ValidatePackOptions extends LoadPackOptions {
  /** Data to render templates that have no example of their own: the built-in sample. */
  sample?: { requestFile: string; capacityFile: string };
}

interface Dataset {
  requestFile: string;
  capacityFile: string;
  today: IsoDate;
  locale?: string;
  fields?: Readonly<Record<string, FieldValue>>;
  /** The pack's own example, as opposed to the built-in sample. */
  ownExample: boolean;
}

const SAMPLE_TODAY = '2027-01-04';

/**
 * Everything `pushback pack validate` and the editor's diagnostics check, beyond
 * loading: that the example files exist, that a `package.json` beside the manifest
 * agrees with it, and that every template renders on real data with every proposal.
 * Strict Handlebars throws on a field the data does not have, so a render on the
 * pack's examples (or the sample) finds misspelt fields before a leader does.
 */
export async function validatePack(fs: FileSystem, dir: string, options: ValidatePackOptions = {}): Promise<Result<TemplatePack>> {
  const loaded = await loadPack(fs, dir, options);
  if (!loaded.ok) return loaded;
  const pack = loaded.value;
  // What the pack names is read as the pack's (inside it, no links); the built-in sample is not the pack's.
  const files = confinedPackFiles(fs, pack.dir);
  const problems = [...(await exampleProblems(files, pack)), ...(await packageJsonProblems(files, pack)), ...(await partialFieldProblems(files, pack))];
  for (const template of pack.templates) {
    for (const dataset of datasetsFor(fs, pack, template, options)) problems.push(...(await renderProblems(dataset.ownExample ? files : fs, pack, template, dataset)));
  }
  const unique = [...new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}:${p.path}:${p.message}`, p])).values()];
  return unique.length > 0 ? failed(unique) : ok(pack);
}

async function manifestLocator(fs: FileSystem, pack: TemplatePack) {
  const document = parseSource(pack.manifestFile, await fs.readText(fs.resolve(pack.manifestFile, PACK_MANIFEST)), 'json');
  return (path: (string | number)[]) => (document.ok ? document.value.locate(path) : { line: 1, column: 1 });
}

async function exampleProblems(fs: FileSystem, pack: TemplatePack): Promise<Problem[]> {
  const locate = await manifestLocator(fs, pack);
  const ids = new Set(pack.templates.map((t) => t.frontMatter.id));
  const problems: Problem[] = [];
  for (const [index, example] of pack.manifest.examples.entries()) {
    if (!ids.has(example.template)) {
      problems.push({ file: pack.manifestFile, ...locate(['examples', index, 'template']), path: `examples[${index}].template`, message: `no template "${example.template}" in this pack`, hint: `use one of: ${[...ids].join(', ')}` });
    }
    for (const key of ['request', 'capacity', 'expected'] as const) {
      const unreadable = await fs.readText(fs.resolve(pack.manifestFile, example[key])).then(() => undefined, unreadableReason);
      if (unreadable) {
        const hint = unreadable.hint ?? (key === 'expected' ? 'run "pushback pack test DIR --update" to write it, then review it' : 'fix the path; it is relative to the manifest');
        problems.push({ file: pack.manifestFile, ...locate(['examples', index, key]), path: `examples[${index}].${key}`, message: `${example[key]} ${unreadable.reason}`, hint });
      }
    }
  }
  return problems;
}

/** A pack is also an npm package: the two descriptions of it must not drift apart. */
async function packageJsonProblems(fs: FileSystem, pack: TemplatePack): Promise<Problem[]> {
  const file = fs.resolve(pack.manifestFile, 'package.json');
  let text: string;
  try {
    text = await fs.readText(file);
  } catch (error) {
    // No package.json is fine (a pack need not be published to npm); one that is a link is not.
    return error instanceof ConfinementError ? [{ file, line: 1, column: 1, path: '', message: error.reason, hint: error.hint }] : [];
  }
  const document = parseSource(file, text, 'json');
  if (!document.ok) return document.problems;
  const value = (document.value.value ?? {}) as { name?: unknown; version?: unknown; keywords?: unknown };
  const problems: Problem[] = [];
  const at = (key: string, message: string, hint: string) => problems.push({ file, ...document.value.locate([key]), path: key, message, hint });
  if (value.name !== pack.manifest.id) at('name', `is ${JSON.stringify(value.name)} but the pack's id is "${pack.manifest.id}"`, 'an npm package and the pack it holds share one name');
  if (value.version !== pack.manifest.version) at('version', `is ${JSON.stringify(value.version)} but the pack's version is "${pack.manifest.version}"`, 'bump both together');
  if (!Array.isArray(value.keywords) || !value.keywords.includes('pushback-pack')) {
    at('keywords', 'lacks the keyword "pushback-pack"', 'add it, so the package can be found as a Pushback pack');
  }
  return problems;
}

function datasetsFor(fs: FileSystem, pack: TemplatePack, template: CompiledTemplate, options: ValidatePackOptions): Dataset[] {
  const own = pack.manifest.examples
    .filter((e) => e.template === template.frontMatter.id)
    .map((e) => ({ requestFile: fs.resolve(pack.manifestFile, e.request), capacityFile: fs.resolve(pack.manifestFile, e.capacity), today: e.today ?? SAMPLE_TODAY, locale: e.locale, fields: e.fields, ownExample: true }));
  if (own.length > 0) return own;
  return options.sample ? [{ ...options.sample, today: SAMPLE_TODAY, ownExample: false }] : [];
}

/**
 * Render with every proposal (templates branch on it), and each translation, reporting
 * each distinct failure at its file. Fields get the example's values over stand-ins of
 * their kind, so a template is checked even where no example fills its fields.
 */
async function renderProblems(fs: FileSystem, pack: TemplatePack, template: CompiledTemplate, dataset: Dataset): Promise<Problem[]> {
  const [request, capacity] = await Promise.all([loadRequest(fs, dataset.requestFile), loadCapacity(fs, dataset.capacityFile)]);
  // Broken example data is reported by exampleProblems or by `pack test`; it says nothing about the template.
  if (!request.ok || !capacity.ok) return [];
  const analysis = analyze(capacity.value, request.value);
  const problems: Problem[] = [];
  const fields = { ...sampleFieldValues(template.frontMatter.fields), ...dataset.fields };
  const variants: [string | undefined, CompiledTemplate][] = [[dataset.locale, template], ...Object.entries(template.translations ?? {})];
  for (const proposal of PROPOSALS) {
    // Bad example values are `pack test`'s to report, with their place in the manifest.
    const prepared = templateContext(template, { request: request.value, capacity: capacity.value, analysis, today: dataset.today, proposal, fields });
    if (!prepared.ok) continue;
    for (const [locale, variant] of variants) {
      try {
        variant.render({ ...prepared.value.context, locale: locale ?? prepared.value.context.locale });
      } catch (error) {
        const partial = partialOfError(error);
        const partialFile = partial !== undefined && Object.hasOwn(pack.manifest.partials, partial) ? fs.resolve(pack.manifestFile, pack.manifest.partials[partial]) : undefined;
        problems.push(partialFile ? templateProblem(partialFile, 0, error) : templateProblem(variant.file, variant.bodyLineOffset, error));
      }
    }
  }
  return problems;
}

/**
 * Partials read the fields of the template that includes them: a partial using
 * `fields.x` is wrong in every template (or translation) that includes it, directly or
 * through another partial, without declaring x. Reported at the partial's line.
 */
async function partialFieldProblems(fs: FileSystem, pack: TemplatePack): Promise<Problem[]> {
  const partials = new Map<string, { file: string; references: TemplateReferences }>();
  await Promise.all(
    Object.entries(pack.manifest.partials).map(async ([name, relative]) => {
      const file = fs.resolve(pack.manifestFile, relative);
      const text = await fs.readText(file).catch(() => undefined);
      if (text === undefined) return;
      try {
        partials.set(name, { file, references: templateReferences(Handlebars.parse(text)) });
      } catch {
        // A partial that does not parse was already reported when the pack loaded.
      }
    }),
  );
  if (![...partials.values()].some((p) => p.references.fields.length > 0)) return [];
  const problems: Problem[] = [];
  for (const template of pack.templates.flatMap((t) => [t, ...Object.values(t.translations ?? {})])) {
    const source = parseTemplateFile(template.file, await fs.readText(template.file).catch(() => ''));
    if (!source.ok) continue;
    const declared = template.frontMatter.fields.map((f) => f.id);
    const queue = templateReferences(Handlebars.parse(source.value.body)).partials.map((p) => p.name);
    const visited = new Set<string>();
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const partial = partials.get(name);
      if (visited.has(name) || !partial) continue;
      visited.add(name);
      queue.push(...partial.references.partials.map((p) => p.name));
      for (const { name: id, line, column } of undeclaredFields(partial.references.fields, declared)) {
        const where = `the front matter of ${template.file.split(/[\\/]/).pop()}, which includes this partial`;
        problems.push({ file: partial.file, line, column: column + 1, path: `fields.${id}`, ...undeclaredFieldMessage(id, declared, where) });
      }
    }
  }
  return problems;
}
