import { type Result, failed, ok } from '../problems';
import { type DataPath, type Position, parseSource } from './sourceDocument';

/** The YAML between the opening `---` line and the next `---` line. */
const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export interface FrontMatterBlock {
  /** The front matter as data (never thrown on: YAML errors and alias bombs are problems). */
  value: unknown;
  /** Where a value of the front matter is, in the whole file's lines. */
  locate(path: DataPath, options?: { key?: boolean }): Position;
  body: string;
  /** Lines taken by the front matter and its fences, so body positions map back to the file. */
  bodyLineOffset: number;
}

/**
 * Split a file that starts with YAML front matter (a template, a decision record).
 * The YAML goes through the same parser as data files: one alias bomb, a duplicate
 * key or a syntax error is a located problem, never an exception.
 */
export function parseFrontMatterBlock(file: string, text: string, missing: { message: string; hint: string }): Result<FrontMatterBlock> {
  const match = FENCE.exec(text);
  if (!match) return failed([{ file, line: 1, column: 1, path: '', ...missing }]);
  const document = parseSource(file, match[1], 'yaml');
  // The YAML starts on the file's second line.
  if (!document.ok) return failed(document.problems.map((p) => ({ ...p, line: p.line + 1, message: `front matter ${p.message}` })));
  const { value, locate } = document.value;
  return ok({
    value,
    locate: (path, options) => {
      const at = locate(path, options);
      return { line: at.line + 1, column: at.column };
    },
    body: text.slice(match[0].length),
    bodyLineOffset: match[0].split('\n').length - 1,
  });
}
