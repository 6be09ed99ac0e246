import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { draftReply } from '../core/draftReply';
import { analyze } from '../core/model/analyze';
import { loadCapacity, loadRequest } from '../core/load/loadData';
import { importJiraCsv } from '../core/load/jiraCsv';
import { PROPOSALS, type Proposal } from '../core/engine/replyContext';
import { isIsoDate } from '../core/model/civilDate';
import { type Problem, type Result, formatProblem } from '../core/problems';
import { builtinPackDir, nodeFileSystem, writeFileAtomic } from './nodeFileSystem';
import { localIsoDate } from '../core/selection/localDate';
import { USAGE } from './usage';
import { loadCliPacks } from './cliPacks';
import { packCommand } from './packCommand';
import { DRAFT_FORMATS, formatDraft, isDraftFormat } from './formatOutput';
import { decisionsCommand } from './decisionsCommand';

/** Thrown for wrong usage (exit 2); everything a user got wrong in their files is a Problem (exit 1). */
class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(message);
  }
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'draft':
        return await draftCommand(rest, io);
      case 'analyze':
        return await analyzeCommand(rest, io);
      case 'templates':
        return await templatesCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'pack':
        return await packCommand(rest, io);
      case 'decisions':
        return await decisionsCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(`${USAGE.main}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`, USAGE.main);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pushback: ${error.message}\n\n${error.usage}\n`);
      return 2;
    }
    throw error;
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>>(args: readonly string[], options: T, usage: string, positionals = false) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0], usage);
  }
}

async function draftCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    args,
    {
      request: { type: 'string' },
      capacity: { type: 'string' },
      template: { type: 'string' },
      proposal: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      today: { type: 'string' },
      pack: { type: 'string', multiple: true },
    },
    USAGE.draft,
  );
  if (values.help) return help(io, USAGE.draft);
  const format = values.format ?? 'markdown';
  if (!isDraftFormat(format)) throw new UsageError(`--format must be one of ${DRAFT_FORMATS.join(', ')}, not "${format}"`, USAGE.draft);
  if (values.proposal !== undefined && !PROPOSALS.includes(values.proposal as Proposal)) {
    throw new UsageError(`--proposal must be one of ${PROPOSALS.join(', ')}, not "${values.proposal}"`, USAGE.draft);
  }
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today must be a date like 2027-01-19, not "${values.today}"`, USAGE.draft);

  // One draft renders one template: compile only that one (a broken template is still reported, at render).
  const packs = await loadCliPacks(values.pack ?? [], { check: false });
  if (!packs.ok) return reportProblems(io, packs.problems);
  for (const warning of packs.value.warnings) io.stderr(`${formatProblem(warning)}\n`);
  const sample = (name: string) => path.join(builtinPackDir(), 'sample', name);
  const draft = await draftReply(nodeFileSystem, {
    requestFile: values.request ?? sample('northwind.request.yaml'),
    capacityFile: values.capacity ?? sample('northwind.capacity.yaml'),
    packs: packs.value.packs,
    templateId: values.template ?? 'yes-and-tradeoffs',
    today: values.today ?? localIsoDate(new Date()),
    proposal: values.proposal as Proposal | undefined,
  });
  if (!draft.ok) return reportProblems(io, draft.problems);

  const output = formatDraft(draft.value, format);
  if (!output.ok) return reportProblems(io, output.problems);
  return emit(io, output.value, values.out);
}

async function analyzeCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, { request: { type: 'string' }, capacity: { type: 'string' } }, USAGE.analyze);
  if (values.help) return help(io, USAGE.analyze);
  if (!values.request || !values.capacity) throw new UsageError('analyze needs both --request and --capacity', USAGE.analyze);
  const [request, capacity] = await Promise.all([loadRequest(nodeFileSystem, values.request), loadCapacity(nodeFileSystem, values.capacity)]);
  if (!request.ok || !capacity.ok) return reportProblems(io, [...problemsOf(request), ...problemsOf(capacity)]);
  io.stdout(`${JSON.stringify(analyze(capacity.value, request.value), null, 2)}\n`);
  return 0;
}

async function templatesCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, { format: { type: 'string' }, pack: { type: 'string', multiple: true } }, USAGE.templates);
  if (values.help) return help(io, USAGE.templates);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`, USAGE.templates);
  const packs = await loadCliPacks(values.pack ?? []);
  if (!packs.ok) return reportProblems(io, packs.problems);
  for (const warning of packs.value.warnings) io.stderr(`${formatProblem(warning)}\n`);
  const rows = packs.value.templates.map(({ template: { frontMatter: { id, name, description } }, pack, overrides }) => ({ id, name, description, pack: pack.manifest.id, ...(overrides ? { overrides } : {}) }));
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const width = Math.max(...rows.map((r) => r.id.length));
    io.stdout(rows.map((r) => `${r.id.padEnd(width)}  ${r.name} — ${r.description}${r.overrides ? ` (overrides ${r.overrides})` : ''}`).join('\n') + '\n');
  }
  return 0;
}

async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { 'days-per-point': { type: 'string' } }, USAGE.import, true);
  if (values.help) return help(io, USAGE.import);
  const [kind, file, ...extra] = positionals;
  if (kind !== 'jira' || !file || extra.length > 0) throw new UsageError('usage: pushback import jira FILE.csv', USAGE.import);
  const daysPerPoint = values['days-per-point'] === undefined ? 1 : Number(values['days-per-point']);
  if (!(daysPerPoint > 0)) throw new UsageError('--days-per-point must be a number greater than 0', USAGE.import);
  let text: string;
  try {
    text = await nodeFileSystem.readText(file);
  } catch {
    return reportProblems(io, [{ file, line: 1, column: 1, path: '', message: 'cannot be read', hint: 'check the path' }]);
  }
  const imported = importJiraCsv(file, text, { daysPerPoint });
  if (!imported.ok) return reportProblems(io, imported.problems);
  io.stdout(`${JSON.stringify({ commitments: imported.value.records, skipped: imported.value.skipped }, null, 2)}\n`);
  return 0;
}

function problemsOf<T>(result: Result<T>): Problem[] {
  return result.ok ? [] : result.problems;
}

function reportProblems(io: Io, problems: readonly Problem[]): number {
  io.stderr(problems.map((p) => `${formatProblem(p)}\n`).join(''));
  io.stderr(`pushback: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was written.\n`);
  return 1;
}

async function emit(io: Io, text: string, out: string | undefined): Promise<number> {
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    await writeFileAtomic(out, text);
  } catch (error) {
    return reportProblems(io, [{ file: out, line: 1, column: 1, path: '', message: `cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'check that the folder exists and is writable' }]);
  }
  io.stderr(`pushback: wrote ${out}\n`);
  return 0;
}

function help(io: Io, usage: string): number {
  io.stdout(`${usage}\n`);
  return 0;
}
