import { isValid, parse } from 'date-fns';
import { fromParts, parseIsoDate, toIsoDate } from '../model/civilDate';
import type { Problem, Result } from '../problems';
import { ProblemList, failed, ok } from '../problems';
import type { CsvRecords, CsvRow, CsvTable } from './csvTable';
import { columnIndexes, firstFilled, headerLabel, parseNumber, problemAt, readCsvTable } from './csvTable';

/**
 * Commitments from a Jira CSV export, exactly as spec/capacity-model.md
 * ("Importing commitments from a Jira CSV export") says. Exports differ between
 * Jira versions, so columns are found by name and repeated columns are merged.
 */

export interface JiraImport extends CsvRecords {
  skipped: { key: string; reason: string }[];
}

export interface JiraImportOptions {
  /** Person-days per story point, used when a row has no time estimate. Default 1. */
  daysPerPoint?: number;
}

const SECONDS_PER_DAY = 28_800; // an 8-hour working day
const FINISHED_STATUSES = ['done', 'closed', 'resolved'];

/** Each field and the Jira columns it may come from, in order of preference. */
const COLUMNS = {
  key: ['Issue key'],
  summary: ['Summary'],
  dueDate: ['Due date'],
  remaining: ['Remaining Estimate'],
  original: ['Original Estimate'],
  points: ['Story Points', 'Story point estimate'],
  status: ['Status'],
  statusCategory: ['Status Category'],
  resolution: ['Resolution'],
};
type Column = keyof typeof COLUMNS;

export function importJiraCsv(file: string, text: string, options: JiraImportOptions = {}): Result<JiraImport> {
  const daysPerPoint = options.daysPerPoint ?? 1;
  if (!(daysPerPoint > 0) || !Number.isFinite(daysPerPoint)) {
    return failed([problemAt(file, undefined, 'daysPerPoint', `days per point must be a number above 0, not ${daysPerPoint}`, 'for example 0.5 or 1')]);
  }
  const table = readCsvTable(file, text);
  if (!table.ok) return table;
  const { header, rows, cellAt } = table.value;

  const indexes = columnIndexes(header.cells, COLUMNS);
  const missing = (['key', 'summary'] as const).filter((column) => indexes[column].length === 0);
  if (missing.length > 0) {
    const at = { line: header.line, column: 1 };
    return failed(
      missing.map((column) =>
        problemAt(
          file,
          at,
          '',
          header.cells.length === 0 ? 'the file is empty' : `missing column "${COLUMNS[column][0]}"`,
          'export the issues from Jira with "Export CSV (all fields)"; the first line must name the columns, including Issue key and Summary',
        ),
      ),
    );
  }

  // Column names and dates are read once each, not once per row: an export repeats them thousands of times.
  const labels = new Map<number, string>();
  const dates = new Map<string, string | undefined>();
  const reader: RowReader = {
    indexes,
    daysPerPoint,
    cellAt,
    label: (index) => labels.get(index) ?? (labels.set(index, headerLabel(header.cells[index])), labels.get(index) as string),
    date: (text) => (dates.has(text) ? dates.get(text) : (dates.set(text, jiraDate(text)), dates.get(text))),
  };
  const problems = new ProblemList();
  const records: Record<string, unknown>[] = [];
  const imported: Imported[] = [];
  const skipped: JiraImport['skipped'] = [];
  const firstWithKey = new Map<string, Imported>();
  for (const row of rows) {
    const outcome = importRow(file, row, reader);
    if ('problem' in outcome) {
      problems.add(outcome.problem);
    } else if ('reason' in outcome) {
      skipped.push(outcome);
    } else {
      const { key } = outcome.cells;
      const first = firstWithKey.get(key.text);
      if (first !== undefined) {
        problems.add(() => {
          const firstLine = cellAt(first.row, first.cells.key.column).line;
          return problemAt(file, cellAt(row, key.column), key.label, `issue key ${key.text} appears again (first on line ${firstLine})`, 'export each issue once');
        });
        continue;
      }
      firstWithKey.set(key.text, outcome);
      const { deadline, ...fields } = outcome.record; // rank before deadline, the order the spec lists them
      records.push({ ...fields, rank: records.length + 1, ...(deadline === undefined ? {} : { deadline }) });
      imported.push(outcome);
    }
  }
  if (problems.size > 0) return failed(problems.toArray());

  return ok({
    records,
    skipped,
    locate: (index, field) => {
      const found = imported[index];
      if (!found) return { line: header.line, column: 1 };
      const cell = field !== undefined && Object.hasOwn(FIELD_CELLS, field) ? found.cells[FIELD_CELLS[field]] : undefined;
      return cellAt(found.row, cell?.column);
    },
  });
}

type Indexes = Record<Column, number[]>;

/** An imported row: its commitment (without rank) and the cells its fields came from. */
interface Imported {
  record: { id: string; title: string; effortDays: number; deadline?: string };
  row: CsvRow;
  cells: { key: Picked; summary: Picked; estimate: Picked; dueDate?: { column: number | undefined } };
}

/** Which cell a commitment field is located at; fields without a cell (rank) point at the row. */
const FIELD_CELLS: Record<string, keyof Imported['cells']> = { id: 'key', title: 'summary', effortDays: 'estimate', deadline: 'dueDate' };

/** What reading a row needs from its file: the columns, the import's options, and memos of labels and dates. */
interface RowReader {
  indexes: Indexes;
  daysPerPoint: number;
  cellAt: CsvTable['cellAt'];
  /** The column's name without Jira's `Custom field (…)`. */
  label(index: number): string;
  date(text: string): string | undefined;
}

/** One row's commitment, or why it is skipped, or its problem (located only if it is listed). */
function importRow(file: string, row: CsvRow, { indexes, daysPerPoint, cellAt, label: labelOf, date }: RowReader): Imported | { key: string; reason: string } | { problem: () => Problem } {
  const pick = (column: Column): Picked | undefined => {
    const index = firstFilled(row, indexes[column]);
    if (index === undefined) return undefined;
    return { text: row.cells[index].trim(), label: labelOf(index), column: index };
  };
  // An empty cell is located at the column's first cell in the row.
  const emptyAt = (column: Column) => (indexes[column].length > 0 ? cellAt(row, indexes[column][0]) : undefined);
  const label = (column: Column) => labelOf(indexes[column][0]);
  const at = (cell: Picked) => cellAt(row, cell.column);

  const key = pick('key');
  if (!key) {
    return { problem: () => problemAt(file, emptyAt('key'), label('key'), 'this row has no issue key', 'every exported issue has a key like ABC-123; remove rows that are not issues') };
  }
  const finished = finishedReason(pick('resolution'), pick('statusCategory'), pick('status'));
  if (finished) return { key: key.text, reason: finished };

  const effort = estimate(pick('remaining'), pick('original'), pick('points'), daysPerPoint);
  if ('problem' in effort) return { problem: () => problemAt(file, at(effort.cell), effort.cell.label, effort.problem, effort.hint) };
  if ('skip' in effort) return { key: key.text, reason: effort.skip };

  const summary = pick('summary');
  if (!summary) {
    return { problem: () => problemAt(file, emptyAt('summary'), label('summary'), `issue ${key.text} has no summary`, 'a commitment needs a title; give the issue a summary in Jira and export again') };
  }
  const due = pick('dueDate');
  const deadline = due ? date(due.text) : undefined;
  if (due && deadline === undefined) {
    return { problem: () => problemAt(file, at(due), due.label, `"${due.text}" is not a date`, 'Jira writes dates like 12/Jan/27 5:00 PM; ISO dates like 2027-01-12 work too') };
  }
  return {
    record: { id: key.text, title: summary.text, effortDays: effort.days, ...(deadline === undefined ? {} : { deadline }) },
    row,
    cells: { key, summary, estimate: effort.cell, dueDate: due ?? { column: indexes.dueDate[0] } },
  };
}

/** A row's value for one field: the trimmed text, its column, and the column's name. */
interface Picked {
  text: string;
  label: string;
  column: number;
}

/** Why a row counts as finished work, or `undefined` when it is still to do. */
function finishedReason(resolution?: Picked, statusCategory?: Picked, status?: Picked): string | undefined {
  // Some exports write "Unresolved" where the field is empty: that is the opposite of finished.
  if (resolution && resolution.text.toLowerCase() !== 'unresolved') return `finished (Resolution: ${resolution.text})`;
  if (statusCategory?.text.toLowerCase() === 'done') return `finished (Status Category: ${statusCategory.text})`;
  if (status && FINISHED_STATUSES.includes(status.text.toLowerCase())) return `finished (Status: ${status.text})`;
  return undefined;
}

type Estimate = { days: number; cell: Picked } | { skip: string } | { problem: string; hint: string; cell: Picked };

/** Remaining time, else original time (both in seconds), else story points: the first one filled in. */
function estimate(remaining: Picked | undefined, original: Picked | undefined, points: Picked | undefined, daysPerPoint: number): Estimate {
  const cell = remaining ?? original ?? points;
  if (!cell) return { skip: 'no estimate' };
  const value = parseNumber(cell.text);
  if (value === undefined || value < 0) {
    return cell === points
      ? { cell, problem: `"${cell.text}" is not a number of story points`, hint: 'write story points as a number, like 3 or 0.5' }
      : { cell, problem: `"${cell.text}" is not a number of seconds`, hint: 'Jira exports estimates in seconds, like 28800 for one 8-hour day' };
  }
  if (value === 0) return { skip: cell === remaining ? 'finished (Remaining Estimate: 0)' : `zero estimate (${cell.label}: 0)` };
  return { cell, days: cell === points ? value * daysPerPoint : value / SECONDS_PER_DAY };
}

const JIRA_FORMATS = ['d/MMM/yy h:mm a', 'd/MMM/yy H:mm', 'd/MMM/yy'];
const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;
/** Only the calendar fields of the parsed date are read, so the local time zone plays no part. */
const REFERENCE = new Date(2000, 0, 1);

/** `12/Jan/27 5:00 PM` or an ISO date or date-time → `2027-01-12`, the date as written. */
export function jiraDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = ISO_PREFIX.exec(trimmed)?.[1];
  if (iso !== undefined) return parseIsoDate(iso) === undefined ? undefined : iso;
  for (const format of JIRA_FORMATS) {
    const date = parse(trimmed, format, REFERENCE);
    if (!isValid(date)) continue;
    // Jira's two-digit years are 20yy; date-fns would put 99 in 1999.
    const day = fromParts(2000 + (date.getFullYear() % 100), date.getMonth() + 1, date.getDate());
    if (day !== undefined) return toIsoDate(day);
  }
  return undefined;
}
