import { parseArgs } from 'node:util';
import { type Problem, problemCount } from '../core/problems';
import { formatCliProblem } from './cliHints';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, for `-` as a file name (default: the process's). */
  stdin?: () => Promise<string>;
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

/** A command (or subcommand) given the arguments after its name; resolves to the exit code. */
export type Command = (args: readonly string[], io: CommandIo) => Promise<number>;

/**
 * Run the command named by the first argument with the rest. No name prints the usage
 * (exit 2), `-h`, `--help` or `help` prints it (exit 0), an unknown name is wrong usage;
 * wrong usage, here or in the command, prints its message and that help (exit 2).
 */
export async function dispatchCommand(args: readonly string[], io: CommandIo, commands: Readonly<Record<string, Command>>, usage: string, kind: string): Promise<number> {
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.stdout(`${usage}\n`);
      return name === undefined ? 2 : 0;
    }
    if (!Object.hasOwn(commands, name)) throw new CommandUsageError(`unknown ${kind} "${name}"`, usage);
    return await commands[name](rest, io);
  } catch (error) {
    if (error instanceof CommandUsageError) {
      io.stderr(`pushback: ${error.message}\n\n${error.usage}\n`);
      return 2;
    }
    throw error;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parse a command's options (and `-h`/`--help`) strictly; anything else is wrong usage with this help. */
export function parseCommand<T extends OptionSpec>(args: readonly string[], options: T, usage: string, { positionals = true } = {}) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new CommandUsageError((error as Error).message.split('\n')[0], usage);
  }
}

/** Print a command's help; exit code 0. */
export function printHelp(io: CommandIo, usage: string): number {
  io.stdout(`${usage}\n`);
  return 0;
}

/** Every problem as `file:line:col: path: message (hint)`, then a count; exit code 1. */
export function reportProblems(io: CommandIo, problems: readonly Problem[], outcome = 'nothing was written'): number {
  io.stderr(problems.map((p) => `${formatCliProblem(p)}\n`).join(''));
  const count = problemCount(problems); // counting those left unlisted
  io.stderr(`pushback: ${count.toLocaleString('en-US')} problem${count === 1 ? '' : 's'} found; ${outcome}.\n`);
  return 1;
}
