import { printableLine } from './printable';

/**
 * A user's mistake, located precisely enough to fix without hunting: the file, the
 * 1-based line and column, the path of the field inside the document, what is
 * wrong, and how to put it right. Loaders return these instead of throwing.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, like `commitments[2].deadline`; empty for the whole file. */
  path: string;
  message: string;
  /** How to fix it, in words that hold in every front end (no command-line flags, no button names). */
  hint: string;
  /** The fix as data, for a front end to offer its own way to it: a flag to type, a button to click. */
  remedy?: Remedy;
  /** Set on the one line that stands for problems left unlisted (see {@link capProblems}): how many. */
  omitted?: number;
}

export type Remedy =
  /** Another template id: one of these. */
  | { kind: 'chooseTemplate'; known: readonly string[] }
  /** This template would do. */
  | { kind: 'useTemplate'; templateId: string }
  /** Send the reply as an email instead. */
  | { kind: 'sendAsEmail' };

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failed<T>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}

/**
 * `file:line:col: path: message (hint)`, the form editors and CI logs link to. One
 * line, whatever the data put in it: control characters (a key holding terminal
 * escapes, a NUL in an archive entry's name) are printed as escapes.
 */
export function formatProblem(problem: Problem): string {
  const where = `${printableLine(problem.file)}:${problem.line}:${problem.column}`;
  const field = problem.path ? ` ${printableLine(problem.path)}:` : '';
  const hint = problem.hint ? ` (${printableLine(problem.hint)})` : '';
  return `${where}:${field} ${printableLine(problem.message)}${hint}`;
}

/** `commitments[2].deadline` from `['commitments', 2, 'deadline']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/**
 * How many problems a file gets listed. A generated or hostile file can hold
 * hundreds of thousands of mistakes; locating and printing each would take
 * longer than the person would read, and the editor reruns it on every keystroke.
 */
export const MAX_PROBLEMS = 100;

/**
 * The first {@link MAX_PROBLEMS} problems, and one line saying how many more there
 * are. `total` is the count when only the first ones were built (see {@link ProblemList}).
 */
export function capProblems(problems: readonly Problem[], total?: number): Problem[] {
  // Lists already capped elsewhere (a CSV beside the capacity file) bring their own "more" line: fold it in.
  const listed = problems.filter((problem) => problem.omitted === undefined);
  const alreadyOmitted = problems.reduce((count, problem) => count + (problem.omitted ?? 0), 0);
  const kept = listed.slice(0, MAX_PROBLEMS);
  const more = (total ?? listed.length) - kept.length + alreadyOmitted;
  if (more <= 0) return kept;
  const last = kept[kept.length - 1] ?? problems[0];
  return [
    ...kept,
    {
      file: last.file,
      line: last.line,
      column: last.column,
      path: '',
      message: `and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'}`,
      hint: `only the first ${MAX_PROBLEMS} are listed; fix these and check again`,
      omitted: more,
    },
  ];
}

/** How many problems a list stands for, counting the unlisted ones. */
export function problemCount(problems: readonly Problem[]): number {
  return problems.reduce((count, problem) => count + (problem.omitted ?? 1), 0);
}

/**
 * Collects problems, building (and locating) only the first {@link MAX_PROBLEMS}:
 * the rest are counted, so a file with 20,000 mistakes costs one pass, not
 * 20,000 searches for where each one is.
 */
export class ProblemList {
  private readonly problems: Problem[] = [];
  private total = 0;

  get size(): number {
    return this.total;
  }

  add(problem: Problem | (() => Problem)): void {
    this.total++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(typeof problem === 'function' ? problem() : problem);
  }

  /** Counts `count` problems, building only those still under the cap. */
  addMany(count: number, build: (index: number) => Problem): void {
    for (let index = 0; index < count && this.problems.length < MAX_PROBLEMS; index++) this.problems.push(build(index));
    this.total += count;
  }

  toArray(): Problem[] {
    return capProblems(this.problems, this.total);
  }
}
