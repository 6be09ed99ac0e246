import type { Result } from '../problems';
import { ProblemList, failed, ok } from '../problems';
import type { CsvRecords, CsvRow, CsvTable, Position } from './csvTable';
import { LIMITS } from '../schema/fields';
import { headerKey, parseNumber, problemAt, readCsvTable } from './csvTable';

export type { CsvRecords } from './csvTable';

/**
 * Pushback's own CSV formats for members and commitments: one column per field
 * of the capacity file. Cells become the values the capacity schema expects, so
 * its checks (and their messages) stay in one place; only what a CSV cell cannot
 * express as-is (numbers, lists, booleans, date ranges) is converted here.
 */

type Kind = 'text' | 'number' | 'list' | 'boolean' | 'timeOff';

interface Format {
  /** Where the records go in the capacity file, for problem paths like `members[2].allocation`. */
  section: 'members' | 'commitments';
  columns: Record<string, Kind>;
  required: string[];
}

const MEMBERS: Format = {
  section: 'members',
  columns: { name: 'text', role: 'text', allocation: 'number', dailyCost: 'number', timeOff: 'timeOff' },
  required: ['name'],
};

const COMMITMENTS: Format = {
  section: 'commitments',
  columns: {
    id: 'text',
    title: 'text',
    effortDays: 'number',
    rank: 'number',
    deadline: 'text',
    costOfDelayPerWeek: 'number',
    tags: 'list',
    sponsor: 'text',
    locked: 'boolean',
  },
  required: ['id', 'title', 'effortDays', 'rank'],
};

export function readMembersCsv(file: string, text: string): Result<CsvRecords> {
  return readPushbackCsv(file, text, MEMBERS);
}

export function readCommitmentsCsv(file: string, text: string): Result<CsvRecords> {
  return readPushbackCsv(file, text, COMMITMENTS);
}

function readPushbackCsv(file: string, text: string, format: Format): Result<CsvRecords> {
  // A team has at most 1,000 members: a members CSV needs no more rows than that.
  const table = readCsvTable(file, text, format.section === 'members' ? LIMITS.members : LIMITS.commitments);
  if (!table.ok) return table;
  const fieldByColumn = matchHeader(file, table.value, format);
  if (!fieldByColumn.ok) return fieldByColumn;

  const { header, rows, cellAt } = table.value;
  const problems = new ProblemList();
  const records = rows.map((row, index) => {
    const record: Record<string, unknown> = {};
    fieldByColumn.value.forEach((field, column) => {
      const text = row.cells[column]?.trim() ?? '';
      if (text === '') return; // omitted, so the schema's default applies
      const converted = convert(format.columns[field], text);
      if ('problem' in converted) {
        problems.add(() => problemAt(file, cellAt(row, column), `${format.section}[${index}].${field}`, converted.problem, converted.hint));
      } else {
        record[field] = converted.value;
      }
    });
    return record;
  });
  if (problems.size > 0) return failed(problems.toArray());

  const columnOf = new Map([...fieldByColumn.value].map(([column, field]) => [field, column]));
  return ok({
    records,
    locate: (index, field) => {
      const row: CsvRow | undefined = rows[index];
      if (!row) return { line: header.line, column: 1 };
      return cellAt(row, field === undefined ? undefined : columnOf.get(field));
    },
  });
}

/** Column index → field name; unknown, repeated and missing columns are problems (a typo must not drop a figure). */
function matchHeader(file: string, table: CsvTable, format: Format): Result<Map<number, string>> {
  const fields = Object.keys(format.columns);
  const fieldByKey = new Map(fields.map((field) => [headerKey(field), field]));
  const expected = `the first line must name the columns: ${fields.join(',')} (${format.required.join(', ')} required)`;
  const problems = new ProblemList();
  const fieldByColumn = new Map<number, string>();
  const seen = new Map<string, number>();
  const { header, cellAt } = table;
  const headerCell = (column: number): Position => cellAt(header, column);

  // Which columns hold a value in some row, in one pass over the cells (not one pass per nameless column).
  const filled = new Uint8Array(header.cells.length);
  for (const row of table.rows) {
    for (let column = 0; column < Math.min(row.cells.length, filled.length); column++) {
      if (!filled[column] && row.cells[column].trim() !== '') filled[column] = 1;
    }
  }
  header.cells.forEach((cell, column) => {
    const name = cell.trim();
    const field = fieldByKey.get(headerKey(name));
    if (name === '') {
      // Spreadsheets add nameless trailing columns; only one holding values is a mistake.
      if (filled[column]) {
        problems.add(() => problemAt(file, headerCell(column), '', `column ${column + 1} has values but no name`, expected));
      }
    } else if (!field) {
      problems.add(() => problemAt(file, headerCell(column), '', `unknown column "${name}"`, expected));
    } else if (seen.has(field)) {
      const first = seen.get(field) as number;
      problems.add(() => problemAt(file, headerCell(column), '', `column "${name}" appears twice (first at column ${headerCell(first).column})`, expected));
    } else {
      seen.set(field, column);
      fieldByColumn.set(column, field);
    }
  });

  for (const field of format.required) {
    if (seen.has(field)) continue;
    const message = header.cells.length === 0 ? 'the file is empty' : `missing column "${field}"`;
    problems.add(problemAt(file, { line: header.line, column: 1 }, '', message, expected));
    if (header.cells.length === 0) break;
  }
  return problems.size > 0 ? failed(problems.toArray()) : ok(fieldByColumn);
}

type Converted = { value: unknown } | { problem: string; hint: string };

function convert(kind: Kind, text: string): Converted {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'number': {
      const value = parseNumber(text);
      if (value !== undefined) return { value };
      return { problem: `"${text}" is not a number`, hint: 'write plain digits with a dot for decimals, like 1200 or 0.5' };
    }
    case 'list':
      return { value: splitList(text) };
    case 'boolean':
      return convertBoolean(text);
    case 'timeOff':
      return convertTimeOff(text);
  }
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const TRUE_WORDS = ['true', 'yes', '1'];
const FALSE_WORDS = ['false', 'no', '0'];

function convertBoolean(text: string): Converted {
  const word = text.toLowerCase();
  if (TRUE_WORDS.includes(word)) return { value: true };
  if (FALSE_WORDS.includes(word)) return { value: false };
  return { problem: `"${text}" is not yes or no`, hint: 'write true, false, yes, no, 1 or 0' };
}

/**
 * `2027-01-04..2027-01-08; 2027-02-01` → `[{from, to}, {from, to}]`. A single
 * date is a one-day range. The dates themselves are checked by the schema.
 */
function convertTimeOff(text: string): Converted {
  const ranges: { from: string; to: string }[] = [];
  for (const item of splitList(text)) {
    const parts = item.split('..').map((part) => part.trim());
    if (parts.length > 2 || parts.some((part) => part === '')) {
      return {
        problem: `time off "${item}" is not a date or a range FROM..TO`,
        hint: 'write ranges like 2027-01-04..2027-01-08, separated by ";"',
      };
    }
    ranges.push({ from: parts[0], to: parts[1] ?? parts[0] });
  }
  return { value: ranges };
}
