import { loadCapacity, loadRequest } from '../core/load/loadData';
import { analyze } from '../core/model/analyze';
import type { Problem } from '../core/problems';
import { type RewriteCheck, checkRewrite } from '../core/rewriteCheck/checkRewrite';
import { type FigureContext, figureContext } from '../core/rewriteCheck/figureContext';
import { type CommandIo, CommandUsageError, parseCommand, printHelp, reportProblems } from './commandSupport';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { USAGE } from './usage';

/**
 * `pushback check-rewrite ORIGINAL.md REWRITE.md`: did a rewrite (by any AI tool, or by
 * hand) keep every figure of the reply? Exit 0 when it did, 1 with each difference located.
 */
export async function checkRewriteCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { format: { type: 'string' }, request: { type: 'string' }, capacity: { type: 'string' } }, USAGE.checkRewrite);
  if (values.help) return printHelp(io, USAGE.checkRewrite);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CommandUsageError(`--format must be text or json, not "${format}"`, USAGE.checkRewrite);
  if (positionals.length !== 2) throw new CommandUsageError('check-rewrite needs two files: the original reply and the rewrite', USAGE.checkRewrite);
  if ((values.request === undefined) !== (values.capacity === undefined)) throw new CommandUsageError('give both --request and --capacity, or neither', USAGE.checkRewrite);

  const [originalFile, rewriteFile] = positionals;
  const [original, rewrite, context] = await Promise.all([readReply(originalFile), readReply(rewriteFile), dataContext(values.request, values.capacity)]);
  const problems = [original, rewrite, context].flatMap((read) => ('problems' in read ? read.problems : []));
  if (problems.length > 0) return reportProblems(io, problems, 'nothing was checked');

  const result = checkRewrite(textOf(original), textOf(rewrite), 'context' in context ? context.context : undefined);
  const located = result.differences.map((d) => ({ ...d, file: d.in === 'rewrite' ? rewriteFile : originalFile }));
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ ok: located.length === 0, figures: result.figures, kept: result.kept, keyFigures: result.keyFigures, differences: located }, null, 2)}\n`);
  } else {
    io.stdout(located.map((d) => `${d.file}:${d.line}:${d.column}: ${d.kind}: ${d.message}${d.kind === 'changed' ? " (use the original's figure, or leave it out)" : ' (state it in the rewrite)'}\n`).join(''));
    io.stdout(`${summary(result, context)}\n`);
  }
  return located.length === 0 ? 0 : 1;
}

type Read<T> = { text: T } | { problems: Problem[] };

async function readReply(file: string): Promise<Read<string>> {
  try {
    return { text: await nodeFileSystem.readText(file) };
  } catch {
    return { problems: [{ file, line: 1, column: 1, path: '', message: 'cannot be read', hint: 'check the path' }] };
  }
}

function textOf(read: Read<string>): string {
  return 'text' in read ? read.text : '';
}

/** With the request and capacity the reply was drafted from, names are checked and the key figures are exact. */
async function dataContext(requestFile: string | undefined, capacityFile: string | undefined): Promise<{ context: FigureContext } | { problems: Problem[] } | { none: true }> {
  if (requestFile === undefined || capacityFile === undefined) return { none: true };
  const [request, capacity] = await Promise.all([loadRequest(nodeFileSystem, requestFile), loadCapacity(nodeFileSystem, capacityFile)]);
  if (!request.ok || !capacity.ok) return { problems: [...(request.ok ? [] : request.problems), ...(capacity.ok ? [] : capacity.problems)] };
  const analysis = analyze(capacity.value, request.value);
  return { context: figureContext({ request: request.value, capacity: capacity.value, analysis, today: '' }) };
}

function summary(result: RewriteCheck, context: object): string {
  const keys = `${result.keyFigures} key figure${result.keyFigures === 1 ? '' : 's'}`;
  const scope = 'context' in context ? '' : ' (names not checked: give --request and --capacity to check them and every key figure)';
  if (result.differences.length === 0) return `pushback: all ${result.figures} figures kept, and all ${keys}${scope}.`;
  const n = result.differences.length;
  return `pushback: ${n} difference${n === 1 ? '' : 's'}: the rewrite does not keep the reply's figures${scope}.`;
}
