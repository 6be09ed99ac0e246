import { parse } from 'csv-parse/sync';
import type { Problem, Result } from '../problems';
import { ProblemList, failed, ok } from '../problems';
import { LIMITS } from '../schema/fields';

/**
 * CSV text as a header and rows of cells, with a way to find where each cell starts
 * in the file so a problem can point at it. csv-parse does the parsing; this module
 * only adds positions, header matching and the checks every CSV import shares.
 */

export interface Position {
  line: number;
  column: number;
}

/** One record: its cells, and where it starts. Where each cell starts is found on demand ({@link CsvTable.cellAt}). */
export interface CsvRow extends Position {
  /** The values as csv-parse returns them (quotes removed), not trimmed. */
  cells: string[];
  /** Character offsets of the record in the text (after the BOM): from its first character to past its line break. */
  start: number;
  end: number;
}

export interface CsvTable {
  /** The first record; no cells (at line 1) when the file holds no record at all. */
  header: CsvRow;
  /** Data rows in file order; rows whose cells are all blank are left out. */
  rows: CsvRow[];
  /**
   * Where cell `index` of a row starts; the row's start when there is no such cell.
   * Only problems need it, so it is worked out for the cells asked about, not for all.
   */
  cellAt(row: CsvRow, index: number | undefined): Position;
}

/** Records built from CSV rows, with a way back from a record's field to its cell. */
export interface CsvRecords {
  records: Record<string, unknown>[];
  locate(index: number, field?: string): Position;
}

const UTF8_BOM = '\uFEFF';

/**
 * Rows a CSV may have below its header: a team's plan holds at most 20,000
 * commitments. csv-parse spends tens of microseconds on each row of another
 * length than the header; a cap keeps a file of short rows from taking seconds.
 */
export const MAX_CSV_ROWS: number = LIMITS.commitments;

// Cells as they are typed: a row shorter or longer than the header is reported with its position,
// `Fix the "legacy" API` typed by hand stays one cell.
const CSV_OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true } as const;

export function readCsvTable(file: string, text: string, maxRows = MAX_CSV_ROWS): Result<CsvTable> {
  // Strip the BOM ourselves (not via `bom: true`) so csv-parse's byte offsets
  // and our character offsets count from the same first character.
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const locator = new Locator(source);
  // Only each record's end is asked of csv-parse: its per-field callback costs more than the parsing.
  const parsed: { cells: string[]; end: number }[] = [];
  // csv-parse builds an Error (then drops it) for every row of another length than the header;
  // without a stack trace to capture that costs a third as much. Its errors are read for their message only.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    parse(source, {
      ...CSV_OPTIONS,
      to: maxRows + 2, // the header, the rows allowed, and one more to know there are too many
      on_record: (record: string[], context) => {
        parsed.push({ cells: record, end: context.bytes });
        return null;
      },
    });
  } catch (error) {
    const start = locator.recordStart(parsed.at(-1)?.end ?? 0);
    return failed([csvSyntaxProblem(file, locator.position(start), error)]);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }

  const table: CsvRow[] = [];
  let previousEnd = 0;
  for (const record of parsed) {
    const start = locator.recordStart(previousEnd);
    previousEnd = record.end;
    table.push({ ...locator.position(start), cells: record.cells, start, end: locator.charOffset(record.end) });
  }
  const [header = { line: 1, column: 1, cells: [], start: 0, end: 0 }, ...rows] = table;
  const cellAt = cellLocator(source, locator);
  if (rows.length > maxRows) {
    const extra = rows[maxRows];
    return failed([
      problemAt(file, extra, '', `the file has more than ${maxRows.toLocaleString('en-US')} rows below its header`, 'a team plan needs fewer; export only open work, or split the file'),
    ]);
  }
  const problems = new ProblemList();
  for (const row of rows) extraCellProblem(problems, file, header.cells.length, row, cellAt);
  if (problems.size > 0) return failed(problems.toArray());
  return ok({ header, rows: rows.filter((row) => row.cells.some((cell) => cell.trim() !== '')), cellAt });
}

/**
 * Where cells start, found by parsing the one record again with csv-parse and
 * reading where each field ends; remembered per record.
 */
function cellLocator(source: string, locator: Locator): CsvTable['cellAt'] {
  const starts = new WeakMap<CsvRow, number[]>();
  return (row, index) => {
    if (index === undefined || index >= row.cells.length) return { line: row.line, column: row.column };
    let cells = starts.get(row);
    if (!cells) {
      const text = source.slice(row.start, row.end);
      const ends: number[] = [];
      parse(text, { ...CSV_OPTIONS, to: 1, cast: (value, context) => (ends.push(context.bytes), value) });
      const chars = new Locator(text);
      // A field ends where its comma is (one byte): the next one starts after it.
      cells = [row.start, ...ends.slice(0, -1).map((byte) => row.start + chars.charOffset(byte + 1))];
      starts.set(row, cells);
    }
    return locator.position(cells[index] ?? row.start);
  };
}

/** A row longer than the header usually means a comma in an unquoted value shifted every cell after it. */
function extraCellProblem(problems: ProblemList, file: string, headerLength: number, row: CsvRow, cellAt: CsvTable['cellAt']): void {
  if (headerLength === 0 || row.cells.length <= headerLength) return;
  const extra = row.cells.findIndex((cell, index) => index >= headerLength && cell.trim() !== '');
  if (extra < 0) return;
  problems.add(() => ({
    file,
    ...cellAt(row, extra),
    path: '',
    message: `this row has ${row.cells.length} cells but the first line names only ${headerLength} columns`,
    hint: 'put a value that contains a comma in double quotes, like "Fix login, then logout"',
  }));
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
 * Turns csv-parse's UTF-8 byte offsets into character offsets, and those into
 * line and column. Byte offsets are asked for in increasing order, so one
 * forward walk over the text serves them all.
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

  /** A record starts where the previous one ended, after any empty lines csv-parse skipped: its character offset. */
  recordStart(previousEndByte: number): number {
    let offset = this.charOffset(previousEndByte);
    while (this.text[offset] === '\n' || this.text[offset] === '\r') offset++;
    return offset;
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

/** For each field, the indexes of every column whose header matches one of its names, in file order. */
export function columnIndexes<Field extends string>(header: readonly string[], namesOf: Record<Field, readonly string[]>): Record<Field, number[]> {
  const fieldOf = new Map<string, Field>();
  const indexes = {} as Record<Field, number[]>;
  for (const [field, names] of Object.entries(namesOf) as [Field, readonly string[]][]) {
    indexes[field] = [];
    for (const name of names) fieldOf.set(headerKey(name), field);
  }
  // One key per header cell, however many fields are looked for: a header may have thousands of cells.
  header.forEach((cell, index) => {
    const field = cell.trim() === '' ? undefined : fieldOf.get(headerKey(cell));
    if (field !== undefined) indexes[field].push(index);
  });
  return indexes;
}

/**
 * The index of the first non-blank cell among the given columns: Jira repeats a
 * column (Sprint, Labels, Comment, …) once per value, leaving the later ones empty.
 */
export function firstFilled(row: CsvRow, indexes: readonly number[]): number | undefined {
  return indexes.find((index) => (row.cells[index]?.trim() ?? '') !== '');
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
