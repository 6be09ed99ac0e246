import { parseArgs } from 'node:util';
import { type Problem, formatProblem } from '../core/problems';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Wrong usage of a subcommand (exit 2, with its help); a mistake in the user's files is a Problem (exit 1). */
export class CommandUsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export function parseCommand<T extends OptionSpec>(args: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CommandUsageError((error as Error).message.split('\n')[0], usage);
  }
}

/** Every problem as `file:line:col: path: message (hint)`, then a count; exit code 1. */
export function reportProblems(io: CommandIo, problems: readonly Problem[], outcome = 'nothing was written'): number {
  io.stderr(problems.map((p) => `${formatProblem(p)}\n`).join(''));
  io.stderr(`pushback: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; ${outcome}.\n`);
  return 1;
}
