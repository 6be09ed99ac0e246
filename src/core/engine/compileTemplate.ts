import type { TemplateDelegate } from 'handlebars';
import type { Problem, Result } from '../problems';
import { failed, ok } from '../problems';
import type { FrontMatter } from './frontMatter';
import { parseTemplateFile } from './frontMatter';
import { RenderLimitError, guardRender } from './renderGuard';
import { type Reference, type TemplateReferences, templateReferences } from './templateReferences';
import { DENIED_HELPERS, type HandlebarsEnvironment, knownHelperNames } from './templateEnvironment';

/** A template ready to render: its front matter and the compiled body. */
export interface CompiledTemplate {
  file: string;
  frontMatter: FrontMatter;
  bodyLineOffset: number;
  /** The line of each field's declaration in the front matter. */
  fieldLines: Readonly<Record<string, number>>;
  render: TemplateDelegate;
  /** The pack manifest's `defaults`, applied below the user's settings (set by the pack loader). */
  packDefaults?: PackDefaults;
  /** The same template in other languages, by canonical locale tag (`de`, `fr-CA`); set by the pack loader. */
  translations?: Readonly<Record<string, CompiledTemplate>>;
  /**
   * The Handlebars source it was compiled from, and the sources of the partials its
   * environment had (filled as the pack loader registers them): what
   * {@link precompiledSpecs} turns into a script for the composer's page.
   */
  source?: { body: string; partials: Readonly<Record<string, string>> };
  /** The subject built ahead of rendering (the composer's page cannot compile: its CSP forbids eval). */
  renderSubject?: TemplateDelegate;
}

/** The source of each partial registered with {@link registerPartialSource}, per environment. */
const partialSources = new WeakMap<HandlebarsEnvironment, Record<string, string>>();

/** Register a pack's partial, compiled with the templates' options, keeping its source for precompiling. */
export function registerPartialSource(handlebars: HandlebarsEnvironment, name: string, text: string): void {
  handlebars.registerPartial(name, handlebars.compile(text, compileOptions(handlebars)));
  sourcesOf(handlebars)[name] = text;
}

function sourcesOf(handlebars: HandlebarsEnvironment): Record<string, string> {
  let sources = partialSources.get(handlebars);
  if (!sources) {
    sources = Object.create(null) as Record<string, string>;
    partialSources.set(handlebars, sources);
  }
  return sources;
}

export interface PackDefaults {
  signature?: string;
  currency?: string;
  locale?: string;
}

/**
 * Parse and compile a template file. Compiling here, not on first render, turns a
 * syntax error or an unknown helper into a located problem when the pack loads
 * rather than a surprise when a leader is about to send a reply. With
 * `check: false` (a one-shot `pushback draft`) that work is left to the first
 * render, which reports the same problems: only the template used is compiled.
 */
export function compileTemplate(handlebars: HandlebarsEnvironment, file: string, text: string, { check = true } = {}): Result<CompiledTemplate> {
  const source = parseTemplateFile(file, text);
  if (!source.ok) return source;
  const { frontMatter, body, bodyLineOffset, fieldLines } = source.value;
  const options = compileOptions(handlebars);
  const kept = { body, partials: sourcesOf(handlebars) };
  if (!check) return ok({ file, frontMatter, bodyLineOffset, fieldLines, source: kept, render: guardRender(handlebars, handlebars.compile(body, options)) });
  try {
    // precompile runs the parser and compiler eagerly; compile alone defers both to the first call.
    handlebars.precompile(body, options);
    const references = templateReferences(handlebars.parse(body));
    const missing = missingPartialsIn(handlebars, references).map(({ name, line, column }) => ({
      file,
      line: line + bodyLineOffset,
      column: column + 1,
      path: '',
      message: `missing partial "${name}"`,
      hint: 'add it to the pack\'s "partials" in pushback-pack.json, or fix the name',
    }));
    const undeclared = undeclaredFields(references.fields, frontMatter.fields.map((f) => f.id)).map(({ name, line, column }) => ({
      file,
      line: line + bodyLineOffset,
      column: column + 1,
      path: `fields.${name}`,
      ...undeclaredFieldMessage(name, frontMatter.fields.map((f) => f.id)),
    }));
    if (missing.length > 0 || undeclared.length > 0) return failed([...missing, ...undeclared]);
    return ok({ file, frontMatter, bodyLineOffset, fieldLines, source: kept, render: guardRender(handlebars, handlebars.compile(body, options)) });
  } catch (error) {
    return failed([templateProblem(file, bodyLineOffset, error)]);
  }
}

/** How templates and partials compile: strict, no HTML escaping (replies are Markdown), and only the built-in helpers. */
export function compileOptions(handlebars: HandlebarsEnvironment) {
  // A fresh object each call: Handlebars writes into the options it is given (data, blockParams),
  // so a shared one would carry one template's state into the next. Only the helper map is cached.
  return { strict: true, noEscape: true, knownHelpers: knownHelpersOf(handlebars), knownHelpersOnly: true, preventIndent: true };
}

/** The same for every template of an environment: built once (a pack of 50 templates asked 50 times). */
const knownHelpersByEnvironment = new WeakMap<HandlebarsEnvironment, Readonly<Record<string, boolean>>>();

function knownHelpersOf(handlebars: HandlebarsEnvironment): Record<string, boolean> {
  let known = knownHelpersByEnvironment.get(handlebars);
  if (!known) {
    known = { ...DENIED_HELPERS, ...Object.fromEntries(knownHelperNames(handlebars).map((name) => [name, true])) };
    knownHelpersByEnvironment.set(handlebars, known);
  }
  return { ...known };
}

/** `{{> name}}` references to partials the environment does not have (nor the text defines inline), with their positions. */
export function missingPartials(handlebars: HandlebarsEnvironment, body: string): Reference[] {
  return missingPartialsIn(handlebars, templateReferences(handlebars.parse(body)));
}

function missingPartialsIn(handlebars: HandlebarsEnvironment, references: TemplateReferences): Reference[] {
  // Own properties only: `{{> constructor}}` must not count as found through Object.prototype.
  return references.partials.filter(({ name }) => !references.inlinePartials.has(name) && !Object.hasOwn(handlebars.partials, name));
}

/** References to `fields.<id>` whose id the template does not declare. */
export function undeclaredFields(references: readonly Reference[], declared: readonly string[]): Reference[] {
  return references.filter(({ name }) => !declared.includes(name));
}

export function undeclaredFieldMessage(id: string, declared: readonly string[], where = "the template's front matter"): { message: string; hint: string } {
  return {
    message: `the field "fields.${id}" is not declared in ${where}`,
    hint: declared.length > 0 ? `declare it under "fields:" (id, label, kind) or use one of: ${declared.join(', ')}` : 'declare it under "fields:" in the front matter, with an id, a label and a kind',
  };
}

/** A Handlebars exception as a Problem at the right line of the template file. */
export function templateProblem(file: string, bodyLineOffset: number, error: unknown): Problem {
  if (error instanceof RenderLimitError) return { file, line: bodyLineOffset + 1, column: 1, path: '', message: error.message, hint: error.hint };
  const exception = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(exception.message ?? error);
  const parseLine = /Parse error on line (\d+)/.exec(message);
  const line = exception.lineNumber ?? (parseLine ? Number(parseLine[1]) : 1);
  const column = exception.column !== undefined ? exception.column + 1 : 1;
  return { file, line: line + bodyLineOffset, column, path: '', ...explain(message) };
}

function explain(message: string): { message: string; hint: string } {
  const missingField = /^"([^"]+)" not defined in/.exec(message);
  if (missingField) {
    return {
      message: `the field "${missingField[1]}" is not in the data`,
      hint: 'check its spelling and the path (request., capacity., analysis., figures.); the README lists every field',
    };
  }
  const unknownHelper = /You specified knownHelpersOnly, but used the unknown helper (\S+)/.exec(message);
  if (unknownHelper) {
    return { message: `unknown helper "${unknownHelper[1]}"`, hint: 'packs can use only the built-in helpers listed in the README' };
  }
  const partial = /The partial (\S+) could not be found/.exec(message);
  if (partial) return { message: `missing partial "${partial[1]}"`, hint: 'add it to the pack\'s partials or fix the name' };
  const [first, ...rest] = message.split('\n');
  const expecting = rest.find((line) => line.startsWith('Expecting'));
  return { message: `template syntax error: ${first}${expecting ? ` (${expecting})` : ''}`, hint: 'check the {{…}} tags near this line: every block opened with {{#x}} needs {{/x}}' };
}
