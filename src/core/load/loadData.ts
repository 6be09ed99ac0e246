import { type Capacity, capacitySchema, csvSourceSchema } from '../schema/capacity';
import { type Request, requestSchema } from '../schema/request';
import { ConfinementError, confinedFileSystem } from '../confinedFiles';
import type { FileSystem } from '../fileSystem';
import { type Problem, type Result, capProblems, failed, ok } from '../problems';
import { type CsvRecords, readCommitmentsCsv, readMembersCsv } from './pushbackCsv';
import { importJiraCsv } from './jiraCsv';
import { type Locator, validate } from './schemaProblems';
import { type SourceDocument, parseSource } from './sourceDocument';

/** A CSV of members or commitments: 20,000 rows of a Jira export are about 10 MB; anything larger is not a team's plan. */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/** Read and validate a request file (JSON with comments, or YAML). */
export async function loadRequest(fs: FileSystem, file: string): Promise<Result<Request>> {
  const document = await readSource(fs, file);
  if (!document.ok) return document;
  return validate(requestSchema, document.value.value, file, document.value.locate);
}

/**
 * Read and validate a capacity file. Its `members` or `commitments` may point at a
 * CSV file (Pushback's own columns, or a Jira export); those rows are validated
 * like inline ones and their problems point into the CSV.
 */
export async function loadCapacity(fs: FileSystem, file: string): Promise<Result<Capacity>> {
  const document = await readSource(fs, file);
  if (!document.ok) return document;
  const { value, locate } = document.value;
  if (!isPlainObject(value)) {
    return failed([{ file, line: 1, column: 1, path: '', message: 'must be an object with "team", "horizon" and "members"', hint: 'see the README for an example capacity file' }]);
  }

  const data: Record<string, unknown> = { ...value };
  const csvLocators = new Map<string, (index: number, field?: string) => { line: number; column: number }>();
  const problems: Problem[] = [];
  for (const field of ['members', 'commitments'] as const) {
    if (!isPlainObject(data[field])) continue;
    const loaded = await readCsvSource(fs, file, field, data[field], locate);
    if (!loaded.ok) {
      for (const problem of loaded.problems) problems.push(problem);
      continue;
    }
    data[field] = loaded.value.records;
    csvLocators.set(field, (index, key) => ({ file: loaded.value.file, ...loaded.value.locate(index, key) }));
  }
  if (problems.length > 0) return failed(capProblems(problems));

  const locateAnywhere: Locator = (path, options) => {
    const [field, index, key] = path;
    const csv = typeof field === 'string' ? csvLocators.get(field) : undefined;
    if (csv && typeof index === 'number') return csv(index, typeof key === 'string' ? key : undefined);
    return locate(path, options);
  };
  return validate(capacitySchema, data, file, locateAnywhere);
}

async function readCsvSource(
  fs: FileSystem,
  file: string,
  field: 'members' | 'commitments',
  source: unknown,
  locate: SourceDocument['locate'],
): Promise<Result<CsvRecords & { file: string }>> {
  const reference = validate(csvSourceSchema, source, file, (path, options) => locate([field, ...path], options));
  if (!reference.ok) return reference;
  const { csv, format, daysPerPoint } = reference.value;
  if (field === 'members' && format === 'jira') {
    return failed([{ file, ...locate([field, 'format']), path: `${field}.format`, message: 'a Jira export holds commitments, not members', hint: 'remove "format" or use it under "commitments"' }]);
  }
  // A shared capacity file must not make Pushback read (and echo in its messages) files elsewhere.
  if (/^([\\/]|[A-Za-z]:)/.test(csv) || csv.split(/[\\/]/).includes('..')) {
    return failed([{ file, ...locate([field, 'csv']), path: `${field}.csv`, message: `"${csv}" is outside this capacity file's folder`, hint: 'put the CSV in the same folder as the capacity file (or below it) and name it relatively, like ./team.csv' }]);
  }
  const csvFile = fs.resolve(file, csv);
  // And no link may lead elsewhere, nor to a device: only a regular file of bounded size in that folder is read.
  const folder = confinedFileSystem(fs, { root: fs.resolve(file, '.'), links: 'inside', maxBytes: MAX_CSV_BYTES, label: "the capacity file's folder" });
  const text = await readText(folder, csvFile, file, locate([field, 'csv']), `${field}.csv`);
  if (!text.ok) return text;
  const records =
    field === 'members'
      ? readMembersCsv(csvFile, text.value)
      : format === 'jira'
        ? importJiraCsv(csvFile, text.value, { daysPerPoint })
        : readCommitmentsCsv(csvFile, text.value);
  return records.ok ? ok({ ...records.value, file: csvFile }) : records;
}

async function readSource(fs: FileSystem, file: string): Promise<Result<SourceDocument>> {
  const text = await readText(fs, file);
  return text.ok ? parseSource(file, text.value) : text;
}

async function readText(
  fs: FileSystem,
  file: string,
  referencedFrom?: string,
  at?: { line: number; column: number },
  path = '',
): Promise<Result<string>> {
  try {
    return ok(await fs.readText(file));
  } catch (error) {
    if (error instanceof ConfinementError) return failed([{ file: referencedFrom ?? file, line: at?.line ?? 1, column: at?.column ?? 1, path, message: error.message, hint: error.hint }]);
    const reason = error instanceof Error && /ENOENT|not found|no such file/i.test(error.message) ? 'does not exist' : 'cannot be read';
    return failed([
      {
        file: referencedFrom ?? file,
        line: at?.line ?? 1,
        column: at?.column ?? 1,
        path,
        message: `${file} ${reason}`,
        hint: referencedFrom ? 'check the path; it is relative to this file' : 'check the path and that the file is readable',
      },
    ]);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
