import { stringify } from 'yaml';
import { isIsoDate } from '../core/model/civilDate';
import { recognisedRequest } from '../core/selection/recognisedRequest';
import { parseStakeholderText } from '../core/selection/parseStakeholderText';
import { type CommandIo, CommandUsageError, dispatchCommand, parseCommand, printHelp, reportProblems } from './commandSupport';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { USAGE } from './usage';

/** `pushback request SUBCOMMAND`: for now, reading a request out of a stakeholder's message. */
export async function requestCommand(args: readonly string[], io: CommandIo): Promise<number> {
  return dispatchCommand(args, io, { 'from-text': fromTextCommand }, USAGE.request, 'request command');
}

/**
 * `pushback request from-text FILE|- --today DATE [--day-first] [--format json|yaml]`:
 * print what Draft Reply from Selection would read from the text. Recognising nothing
 * is a valid answer (exit 0, an empty request), not an error: the text may ask nothing.
 */
async function fromTextCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { today: { type: 'string' }, 'day-first': { type: 'boolean' }, format: { type: 'string' } },
    USAGE.requestFromText,
  );
  if (values.help) return printHelp(io, USAGE.requestFromText);
  if (positionals.length !== 1) throw new CommandUsageError('give one FILE, or - to read standard input', USAGE.requestFromText);
  // The reference day is required: "by Friday" means a different date every week, and CI needs the same answer tomorrow.
  if (values.today === undefined) throw new CommandUsageError('--today is required: the date the message is read on, like 2027-01-06', USAGE.requestFromText);
  if (!isIsoDate(values.today)) throw new CommandUsageError(`--today must be a date like 2027-01-06, not "${values.today}"`, USAGE.requestFromText);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'yaml') throw new CommandUsageError(`--format must be json or yaml, not "${format}"`, USAGE.requestFromText);

  const [file] = positionals;
  let text: string;
  try {
    text = file === '-' ? await (io.stdin ?? readProcessStdin)() : await nodeFileSystem.readText(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return reportProblems(io, [{ file: file === '-' ? '<stdin>' : file, line: 1, column: 1, path: '', message: `cannot be read${code ? ` (${code})` : ''}`, hint: 'check the path, or pass - and pipe the text in' }], 'nothing was read');
  }
  const result = recognisedRequest(parseStakeholderText(text, { today: values.today, dayFirst: values['day-first'] ?? false }));
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : stringify(result, { lineWidth: 0 }));
  return 0;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
