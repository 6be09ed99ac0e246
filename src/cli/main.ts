import { DEFAULT_TEMPLATE_ID } from '../core/draft/draftReply';
import { draftReplyFromFiles } from '../core/draft/draftReplyFromFiles';
import { analyze } from '../core/model/analyze';
import { loadCapacity, loadRequest } from '../core/load/loadData';
import { importJiraCsv } from '../core/load/jiraCsv';
import { PROPOSALS, type Proposal } from '../core/engine/replyContext';
import { isIsoDate } from '../core/model/civilDate';
import { type Problem, type Result, formatProblem } from '../core/problems';
import { printable, printableLine } from '../core/printable';
import { type Command, type CommandIo, CommandUsageError, dispatchCommand, parseCommand, printHelp, reportProblems } from './commandSupport';
import { builtinSample } from '../node/builtinPack';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { writeFileAtomic } from '../node/writeFileAtomic';
import { localIsoDate } from '../core/selection/localDate';
import { USAGE } from './usage';
import { loadCliPacks } from './cliPacks';
import { packCommand } from './packCommand';
import { DRAFT_FORMATS, formatDraft, isDraftFormat } from './formatOutput';
import { decisionsCommand } from './decisionsCommand';
import { checkRewriteCommand } from './checkRewriteCommand';
import { readFieldArguments } from './fieldArguments';
import { localeTag } from '../core/schema/fields';
import { requestCommand } from './requestCommand';

const processIo: CommandIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

const COMMANDS: Readonly<Record<string, Command>> = {
  draft: draftCommand,
  analyze: analyzeCommand,
  templates: templatesCommand,
  import: importCommand,
  pack: packCommand,
  decisions: decisionsCommand,
  'check-rewrite': checkRewriteCommand,
  request: requestCommand,
};

/** `pushback COMMAND …`: wrong usage exits 2, with the command's help; a mistake in the user's files is a Problem (exit 1). */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  // Everything on stderr is a message, and messages quote user data: no control character reaches the terminal raw.
  return dispatchCommand(argv, { ...io, stderr: (text) => io.stderr(printable(text)) }, COMMANDS, USAGE.main, 'command');
}

async function draftCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseCommand(
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
      field: { type: 'string', multiple: true },
      fields: { type: 'string' },
      locale: { type: 'string' },
    },
    USAGE.draft,
    { positionals: false },
  );
  if (values.help) return printHelp(io, USAGE.draft);
  const format = values.format ?? 'markdown';
  if (!isDraftFormat(format)) throw new CommandUsageError(`--format must be one of ${DRAFT_FORMATS.join(', ')}, not "${format}"`, USAGE.draft);
  if (values.proposal !== undefined && !PROPOSALS.includes(values.proposal as Proposal)) {
    throw new CommandUsageError(`--proposal must be one of ${PROPOSALS.join(', ')}, not "${values.proposal}"`, USAGE.draft);
  }
  if (values.today !== undefined && !isIsoDate(values.today)) throw new CommandUsageError(`--today must be a date like 2027-01-19, not "${values.today}"`, USAGE.draft);
  if (values.locale !== undefined && !localeTag.safeParse(values.locale).success) throw new CommandUsageError(`--locale must be a locale like en-GB, de-DE, fr-FR or ja-JP, not "${values.locale}"`, USAGE.draft);
  const fields = await readFieldArguments(nodeFileSystem, args, values.field ?? [], values.fields, USAGE.draft);
  if (!fields.ok) return reportProblems(io, fields.problems);

  // One draft renders one template: compile only that one (a broken template is still reported, at render).
  const packs = await loadCliPacks(values.pack ?? [], { check: false });
  if (!packs.ok) return reportProblems(io, packs.problems);
  for (const warning of packs.value.warnings) io.stderr(`${formatProblem(warning)}\n`);
  const sample = builtinSample();
  const draft = await draftReplyFromFiles(nodeFileSystem, {
    requestFile: values.request ?? sample.requestFile,
    capacityFile: values.capacity ?? sample.capacityFile,
    packs: packs.value.packs,
    templateId: values.template ?? DEFAULT_TEMPLATE_ID,
    today: values.today ?? localIsoDate(new Date()),
    proposal: values.proposal as Proposal | undefined,
    locale: values.locale,
    fields: fields.value?.values,
    fieldsOrigin: fields.value?.origin,
  });
  if (!draft.ok) return reportProblems(io, draft.problems);

  const output = formatDraft(draft.value, format);
  if (!output.ok) return reportProblems(io, output.problems);
  return emit(io, output.value, values.out);
}

async function analyzeCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseCommand(args, { request: { type: 'string' }, capacity: { type: 'string' } }, USAGE.analyze, { positionals: false });
  if (values.help) return printHelp(io, USAGE.analyze);
  if (!values.request || !values.capacity) throw new CommandUsageError('analyze needs both --request and --capacity', USAGE.analyze);
  const [request, capacity] = await Promise.all([loadRequest(nodeFileSystem, values.request), loadCapacity(nodeFileSystem, values.capacity)]);
  if (!request.ok || !capacity.ok) return reportProblems(io, [...problemsOf(request), ...problemsOf(capacity)]);
  io.stdout(`${JSON.stringify(analyze(capacity.value, request.value), null, 2)}\n`);
  return 0;
}

async function templatesCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseCommand(args, { format: { type: 'string' }, pack: { type: 'string', multiple: true } }, USAGE.templates, { positionals: false });
  if (values.help) return printHelp(io, USAGE.templates);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CommandUsageError(`--format must be text or json, not "${format}"`, USAGE.templates);
  const packs = await loadCliPacks(values.pack ?? []);
  if (!packs.ok) return reportProblems(io, packs.problems);
  for (const warning of packs.value.warnings) io.stderr(`${formatProblem(warning)}\n`);
  const rows = packs.value.templates.map(({ template: { frontMatter: { id, name, description } }, pack, overrides }) => ({ id, name, description, pack: pack.manifest.id, ...(overrides ? { overrides } : {}) }));
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const width = Math.max(...rows.map((r) => r.id.length));
    io.stdout(rows.map((r) => printableLine(`${r.id.padEnd(width)}  ${r.name} — ${r.description}${r.overrides ? ` (overrides ${r.overrides})` : ''}`)).join('\n') + '\n');
  }
  return 0;
}

async function importCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { 'days-per-point': { type: 'string' } }, USAGE.import);
  if (values.help) return printHelp(io, USAGE.import);
  const [kind, file, ...extra] = positionals;
  if (kind !== 'jira' || !file || extra.length > 0) throw new CommandUsageError('usage: pushback import jira FILE.csv', USAGE.import);
  const daysPerPoint = values['days-per-point'] === undefined ? 1 : Number(values['days-per-point']);
  if (!(daysPerPoint > 0)) throw new CommandUsageError('--days-per-point must be a number greater than 0', USAGE.import);
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

async function emit(io: CommandIo, text: string, out: string | undefined): Promise<number> {
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
