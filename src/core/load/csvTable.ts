import { parse } from 'csv-parse/sync';
import type { Problem, Result } from '../problems';
import { capProblems, failed, ok } from '../problems';

/**
 * CSV text as a header and rows of cells, each cell knowing where it starts in
 * the file so a problem can point at it. csv-parse does the parsing; this module
 * only adds positions, header matching and the checks every CSV import shares.
 */

export interface Position {
  line: number;
  column: number;
}

export interface CsvCell extends Position {
  /** The value as csv-parse returns it (quotes removed), not trimmed. */
  text: string;
}

export interface CsvRow extends Position {
  cells: CsvCell[];
}

export interface CsvTable {
  /** Empty when the file holds no record at all. */
  header: CsvCell[];
  /** Data rows in file order; rows whose cells are all blank are left out. */
  rows: CsvRow[];
}

/** Records built from CSV rows, with a way back from a record's field to its cell. */
export interface CsvRecords {
  records: Record<string, unknown>[];
  locate(index: number, field?: string): Position;
}

const UTF8_BOM = '\uFEFF';

export function readCsvTable(file: string, text: string): Result<CsvTable> {
  // Strip the BOM ourselves (not only via `bom: true`) so csv-parse's byte offsets
  // and our character offsets count from the same first character.
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const locator = new Locator(source);
  const parsed: { cells: string[]; ends: number[]; end: number }[] = [];
  let ends: number[] = [];
  try {
    parse(source, {
      bom: true,
      relax_column_count: true, // a short or long row is reported below, with its position
      relax_quotes: true, // `Fix the "legacy" API` typed by hand stays one cell
      skip_empty_lines: true,
      // `bytes` is where the field ends; the record start and each field's start follow from it.
      cast: (value, context) => {
        if (context.index === 0) ends = [];
        ends.push(context.bytes);
        return value;
      },
      on_record: (record: string[], context) => {
        parsed.push({ cells: record, ends, end: context.bytes });
        return record;
      },
    });
  } catch (error) {
    const start = locator.recordStart(parsed.at(-1)?.end ?? 0);
    return failed([csvSyntaxProblem(file, start, error)]);
  }

  const table: CsvRow[] = [];
  let previousEnd = 0;
  for (const record of parsed) {
    const start = locator.recordStart(previousEnd);
    previousEnd = record.end;
    const cells = record.cells.map((cell, index) => {
      const byte = index === 0 ? undefined : record.ends[index - 1] + 1; // one byte for the comma
      return { text: cell, ...(byte === undefined ? start : locator.position(locator.charOffset(byte))) };
    });
    table.push({ ...start, cells });
  }
  const [header = { cells: [] }, ...rows] = table;
  const problems = rows.flatMap((row) => extraCellProblems(file, header.cells.length, row));
  if (problems.length > 0) return failed(capProblems(problems));
  return ok({ header: header.cells, rows: rows.filter((row) => row.cells.some((cell) => cell.text.trim() !== '')) });
}

/** A row longer than the header usually means a comma in an unquoted value shifted every cell after it. */
function extraCellProblems(file: string, headerLength: number, row: CsvRow): Problem[] {
  const extra = row.cells.slice(headerLength).find((cell) => cell.text.trim() !== '');
  if (headerLength === 0 || !extra) return [];
  return [
    {
      file,
      line: extra.line,
      column: extra.column,
      path: '',
      message: `this row has ${row.cells.length} cells but the first line names only ${headerLength} columns`,
      hint: 'put a value that contains a comma in double quotes, like "Fix login, then logout"',
    },
  ];
}

function csvSyntaxProblem(file: string, start: Position, error: unknown): Problem {
  const code = (error as { code?: string }).code;
  const unclosed = code === 'CSV_QUOTE_NOT_CLOSED';
  return {
    file,
    ...start,
    path: '',
    message: unclosed
      ? 'a quoted value that starts in this row is never closed'
      : `this row is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'a value in double quotes needs a closing quote; a quote inside it is written twice ("")',
  };
}

/**
 * Turns csv-parse's UTF-8 byte offsets into line and column. Offsets are asked
 * for in increasing order, so one forward walk over the text serves them all.
 */
class Locator {
  private readonly lineStarts: number[] = [0];
  private char = 0;
  private byte = 0;

  constructor(private readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) this.lineStarts.push(index + 1);
    }
  }

  charOffset(byte: number): number {
    if (byte < this.byte) [this.char, this.byte] = [0, 0];
    while (this.byte < byte && this.char < this.text.length) {
      const point = this.text.codePointAt(this.char) as number;
      this.byte += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
      this.char += point >= 0x10000 ? 2 : 1;
    }
    return this.char;
  }

  /** A record starts where the previous one ended, after any empty lines csv-parse skipped. */
  recordStart(previousEndByte: number): Position {
    let offset = this.charOffset(previousEndByte);
    while (this.text[offset] === '\n' || this.text[offset] === '\r') offset++;
    return this.position(offset);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }
}

/** A header without Jira's `Custom field (…)` wrapper: `Custom field (Story Points)` → `Story Points`. */
export function headerLabel(name: string): string {
  const trimmed = name.trim();
  return (/^custom\s*field\s*\((.*)\)$/i.exec(trimmed)?.[1] ?? trimmed).trim();
}

/**
 * The key a header is matched by: `Custom field (Story Points)`, ` story points `
 * and `Story_Points` all become `storypoints`, because exports and spreadsheets
 * differ in case, spacing and Jira's custom-field wrapper.
 */
export function headerKey(name: string): string {
  return headerLabel(name).toLowerCase().replace(/[\s_-]+/g, '');
}

/** Indexes of every column whose header matches one of `names`, in file order. */
export function columnIndexes(header: readonly CsvCell[], ...names: string[]): number[] {
  const keys = new Set(names.map(headerKey));
  return header.flatMap((cell, index) => (keys.has(headerKey(cell.text)) ? [index] : []));
}

/**
 * The index of the first non-blank cell among the given columns: Jira repeats a
 * column (Sprint, Labels, Comment, …) once per value, leaving the later ones empty.
 */
export function firstFilled(row: CsvRow, indexes: readonly number[]): number | undefined {
  return indexes.find((index) => (row.cells[index]?.text.trim() ?? '') !== '');
}

/** The cell of a column in a row, or the row's start when the row stops short of it. */
export function cellAt(row: CsvRow, index: number | undefined): Position {
  const cell = index === undefined ? undefined : row.cells[index];
  return cell ? { line: cell.line, column: cell.column } : { line: row.line, column: row.column };
}

/** Plain decimal numbers only: `1,5`, `1 000` or `$900` are not guessed at. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** A problem at a cell, or at the file's first line when there is no cell to point at. */
export function problemAt(file: string, at: Position | undefined, path: string, message: string, hint: string): Problem {
  return { file, line: at?.line ?? 1, column: at?.column ?? 1, path, message, hint };
}
