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
