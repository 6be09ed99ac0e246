import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { DECISIONS_DIR } from '../core/decisions/decisionRecord';
import { formatProblem } from '../core/problems';
import { printableLine } from '../core/printable';
import type { CommandIo } from './commandSupport';
import { listDecisions } from './decisionFiles';
import { USAGE } from './usage';

/**
 * `pushback decisions [--dir DIR] [--format text|json]`: the decision log, oldest
 * first. Records that cannot be read are reported as problems (exit 1) after the
 * ones that can are listed, so one damaged file does not hide the rest.
 */
export async function decisionsCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let values: { dir?: string; format?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...args], options: { dir: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    return usageError(io, (error as Error).message.split('\n')[0]);
  }
  if (values.help) {
    io.stdout(`${USAGE.decisions}\n`);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(io, `--format must be text or json, not "${format}"`);
  const dir = path.resolve(values.dir ?? DECISIONS_DIR);
  const { decisions, problems } = await listDecisions(dir);

  if (format === 'json') {
    io.stdout(`${JSON.stringify(decisions.map(({ file, record }) => ({ file, ...record })), null, 2)}\n`);
  } else if (decisions.length === 0) {
    io.stderr(`pushback: no decisions recorded in ${dir} yet\n`);
  } else {
    const width = Math.max(...decisions.map((d) => d.record.proposal.kind.length));
    io.stdout(
      decisions
        .map(({ file, record }) => printableLine(`${record.date}  ${record.proposal.kind.padEnd(width)}  ${record.request.title} (${record.request.requester})  ${path.relative(process.cwd(), file)}`))
        .join('\n') + '\n',
    );
  }
  if (problems.length === 0) return 0;
  io.stderr(problems.map((p) => `${formatProblem(p)}\n`).join(''));
  io.stderr(`pushback: ${problems.length} decision record${problems.length === 1 ? '' : 's'} could not be read.\n`);
  return 1;
}

function usageError(io: CommandIo, message: string): number {
  io.stderr(`pushback: ${message}\n\n${USAGE.decisions}\n`);
  return 2;
}
