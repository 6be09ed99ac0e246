import type { Problem } from './problems';

/** How a file's tokens are written, which decides where the token at a problem's position ends. */
export type ExtentFormat = 'json' | 'yaml' | 'csv' | 'text';

/**
 * The stretch of one line a problem is about: 1-based `line`, 1-based `startColumn`,
 * `endColumn` exclusive (equal to `startColumn` when there is nothing to underline).
 */
export interface TextExtent {
  line: number;
  startColumn: number;
  endColumn: number;
}

export function extentFormatOf(file: string): ExtentFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.csv$/i.test(file)) return 'csv';
  return 'text';
}

/**
 * A problem names a position; an editor underlines a token. This finds the token
 * that starts there: a quoted string up to its closing quote, `{…}` or `[…]` up to
 * its matching bracket, a number or plain YAML value up to the comment or key
 * colon that ends it, a CSV cell up to its comma, a Handlebars tag up to `}}`.
 * Positions past the text are clamped into it, so a stale problem still lands
 * somewhere sensible while the user types.
 */
export function problemExtent(text: string, problem: Pick<Problem, 'line' | 'column'>, format: ExtentFormat): TextExtent {
  const lines = text.split(/\r\n|\r|\n/);
  const lineIndex = clamp(Math.trunc(problem.line) - 1, 0, lines.length - 1);
  const lineText = lines[lineIndex];
  const [start, end] = tokenAt(lineText, clamp(Math.trunc(problem.column) - 1, 0, lineText.length), format);
  return { line: lineIndex + 1, startColumn: start + 1, endColumn: end + 1 };
}

/** [start, end) of the token at `index` in one line; the whole trimmed line when there is none. */
function tokenAt(line: string, index: number, format: ExtentFormat): [number, number] {
  let start = index;
  while (start < line.length && isSpace(line[start])) start++;
  const end = start < line.length ? tokenEnd(line, start, format) : start;
  if (end > start) return [start, end];
  const first = line.search(/\S/);
  return first < 0 ? [index, index] : [first, trimmedEnd(line)];
}

function tokenEnd(line: string, start: number, format: ExtentFormat): number {
  const char = line[start];
  switch (format) {
    case 'json':
      if (char === '"') return quotedEnd(line, start, 'backslash');
      if (char === '{' || char === '[') return bracketEnd(line, start);
      return scanUntil(line, start, (c) => isSpace(c) || ',:]}'.includes(c));
    case 'yaml':
      if (char === '"') return quotedEnd(line, start, 'backslash');
      if (char === "'") return quotedEnd(line, start, 'doubled');
      if (char === '{' || char === '[') return bracketEnd(line, start);
      return plainYamlEnd(line, start);
    case 'csv':
      if (char === '"') return quotedEnd(line, start, 'doubled');
      return trimEnd(line, scanUntil(line, start, (c) => c === ','));
    case 'text': {
      if (line.startsWith('{{', start)) {
        const close = line.indexOf('}}', start + 2);
        if (close >= 0) return line[close + 2] === '}' ? close + 3 : close + 2;
      }
      return trimmedEnd(line);
    }
  }
}

/** Index after the closing quote; the trimmed end of the line when the string does not close on it. */
function quotedEnd(line: string, start: number, escape: 'backslash' | 'doubled'): number {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (escape === 'backslash' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (escape === 'doubled' && line[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return trimmedEnd(line);
}

/** Index after the bracket matching the one at `start`, skipping quoted text; else the trimmed line end. */
function bracketEnd(line: string, start: number): number {
  let depth = 0;
  for (let i = start; i < line.length; i++) {
    const char = line[i];
    if (char === '"' || char === "'") i = quotedEnd(line, i, char === '"' ? 'backslash' : 'doubled') - 1;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return trimmedEnd(line);
}

/**
 * A plain YAML scalar ends at a comment (` #`), at a key's colon, and — inside a
 * flow collection such as `{ start: 2027-01-04, end: … }` — at `,`, `]` or `}`.
 */
function plainYamlEnd(line: string, start: number): number {
  const inFlow = flowDepthBefore(line, start) > 0;
  let end = start;
  for (; end < line.length; end++) {
    const char = line[end];
    const next = line[end + 1];
    if (char === '#' && end > start && isSpace(line[end - 1])) break;
    if (char === ':' && (next === undefined || isSpace(next) || (inFlow && ',]}'.includes(next)))) break;
    if (inFlow && ',]}'.includes(char)) break;
  }
  return trimEnd(line, end);
}

function flowDepthBefore(line: string, index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    const char = line[i];
    if (char === '"' || char === "'") i = quotedEnd(line, i, char === '"' ? 'backslash' : 'doubled') - 1;
    else if (char === '#' && (i === 0 || isSpace(line[i - 1]))) break;
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && depth > 0) depth--;
  }
  return depth;
}

function scanUntil(line: string, start: number, stop: (char: string) => boolean): number {
  let end = start;
  while (end < line.length && !stop(line[end])) end++;
  return end;
}

function trimEnd(line: string, end: number): number {
  while (end > 0 && isSpace(line[end - 1])) end--;
  return end;
}

function trimmedEnd(line: string): number {
  return trimEnd(line, line.length);
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t';
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
