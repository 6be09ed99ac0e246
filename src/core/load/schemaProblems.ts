import type { z } from 'zod';
import { type Problem, ProblemList, formatPath } from '../problems';
import type { DataPath, Position } from './sourceDocument';

type Issue = z.core.$ZodIssue & { input?: unknown };
/** Where a path's value is written; `file` when it lives in another file (a CSV beside the data file). */
export type Locator = (path: DataPath, options?: { key?: boolean }) => Position & { file?: string };

/**
 * Validate `value` and turn each schema issue into a Problem a person can act
 * on: where it is, what is wrong in plain words, and what to write instead.
 */
export function validate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  file: string,
  locate: Locator,
): { ok: true; value: z.infer<T> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  // Only the problems that will be listed are located: finding where a value is written costs a search each.
  const problems = new ProblemList();
  for (const issue of result.error.issues) addProblems(problems, schema, issue as Issue, file, locate);
  return { ok: false, problems: problems.toArray() };
}

function addProblems(problems: ProblemList, schema: z.ZodType, issue: Issue, file: string, locate: Locator): void {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    let known: string[] | undefined;
    problems.addMany(issue.keys.length, (index) => {
      const key = issue.keys[index];
      known ??= fieldsAt(schema, path);
      return {
        file,
        ...locate([...path, key], { key: true }),
        path: formatPath([...path, key]),
        message: `unknown field ${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}`,
        hint: unknownFieldHint(key, known),
      };
    });
    return;
  }
  problems.add(() => {
    const { message, hint } = describe(issue, path);
    return { file, ...locate(path), path: formatPath(path), message, hint };
  });
}

function describe(issue: Issue, path: DataPath): { message: string; hint: string } {
  const field = String(path[path.length - 1] ?? 'value');
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords(issue.expected);
      if (issue.input === undefined) return { message: 'is required', hint: `add "${field}" (${expected})` };
      return { message: `must be ${expected}, not ${inputWords(issue.input)}`, hint: `write ${expected} here` };
    }
    case 'too_small':
      return rangeWords(issue.origin, issue.inclusive ? 'at least' : 'greater than', issue.minimum, field);
    case 'too_big':
      return rangeWords(issue.origin, issue.inclusive ? 'at most' : 'less than', issue.maximum, field);
    case 'invalid_value':
      return {
        message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${inputWords(issue.input)}`,
        hint: 'pick one of the listed values (they are case-sensitive)',
      };
    case 'invalid_union':
      return { message: 'does not match any of the accepted forms', hint: 'see the README for the accepted forms of this field' };
    default:
      return { message: issue.message, hint: hintFor(issue.message) };
  }
}

function rangeWords(origin: string, relation: string, bound: number | bigint, field: string) {
  if (origin === 'array') {
    const hint = relation.endsWith('most') || relation.startsWith('less') ? `remove some from "${field}", or split the file` : `add to "${field}"`;
    return { message: `must list ${relation} ${bound} item${Number(bound) === 1 ? '' : 's'}`, hint };
  }
  if (origin === 'string') {
    if (relation.endsWith('most')) return { message: `must be at most ${bound} characters long`, hint: `shorten "${field}"` };
    return { message: 'must not be empty', hint: `write a value for "${field}"` };
  }
  return { message: `must be ${relation} ${bound}`, hint: `change "${field}" to a number ${relation} ${bound}` };
}

function hintFor(message: string): string {
  if (message.includes('YYYY-MM-DD')) return 'write the date as YYYY-MM-DD';
  if (message.includes('ISO 4217')) return 'use a code such as USD, EUR, GBP or CAD';
  if (message.startsWith('duplicate')) return 'give each commitment its own id';
  if (message.startsWith('must not be before')) return 'swap the two dates or correct the later one';
  if (message.includes('years after start')) return 'plan over a shorter horizon; work later than ten years is reported as "never" anyway';
  if (message.includes('ten years later')) return 'use an earlier start date';
  if (message.startsWith('must be 0 or at least')) return 'write 0 for someone not on this team, else a share like 0.5';
  return 'correct this value';
}

function expectedWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
  };
  return words[expected] ?? expected;
}

function inputWords(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'object') return 'an object';
  return String(input);
}

function unknownFieldHint(key: string, known: string[]): string {
  if (known.length === 0) return 'remove this field';
  const closest = known
    .map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const suggestion = closest.distance <= Math.max(2, key.length / 3) ? `did you mean "${closest.name}"? ` : '';
  return `${suggestion}remove it or use one of: ${known.join(', ')}`;
}

/** The field names an object schema accepts at `path`, looking through defaults, nullables and lists. */
function fieldsAt(schema: z.ZodType, path: DataPath): string[] {
  let current: unknown = schema;
  for (const step of [...path, undefined]) {
    current = unwrap(current);
    const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return [];
    if (step === undefined) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(step)];
    else if (def.type === 'array') current = def.element;
    else return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { _zod?: { def?: Record<string, unknown> } } | undefined;
  for (let guard = 0; guard < 10 && current?._zod?.def; guard++) {
    const def = current._zod.def;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    current = inner as typeof current;
  }
  return current;
}

/** Levenshtein distance, for "did you mean" on misspelt field names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
