import type { FileSystem } from '../core/fileSystem';
import type { FieldValuesOrigin } from '../core/engine/templateFields';
import { parseSource } from '../core/load/sourceDocument';
import { type Result, failed, ok } from '../core/problems';
import { CommandUsageError } from './commandSupport';

export interface FieldArguments {
  values: Record<string, unknown>;
  origin: FieldValuesOrigin;
}

/**
 * `--fields FILE.json|yaml` (an object of field id → value), then each
 * `--field id=value` over it. Values are kept as given: the template's declarations
 * check them when the reply renders, and a problem points at the file's line or at
 * the argument (`<arguments>:1:N`, N counting the command's arguments from 1).
 */
export async function readFieldArguments(fs: FileSystem, args: readonly string[], fieldFlags: readonly string[], file: string | undefined, usage: string): Promise<Result<FieldArguments | undefined>> {
  if (fieldFlags.length === 0 && file === undefined) return ok(undefined);
  const values: Record<string, unknown> = {};
  const fromFile = new Map<string, { line: number; column: number }>();
  if (file !== undefined) {
    let text: string;
    try {
      text = await fs.readText(file);
    } catch {
      return failed([{ file, line: 1, column: 1, path: '', message: 'cannot be read', hint: 'check the path given to --fields' }]);
    }
    const document = parseSource(file, text);
    if (!document.ok) return document;
    const value = document.value.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return failed([{ file, line: 1, column: 1, path: '', message: 'must be an object of field values, like {"briefingDate": "2027-01-08"}', hint: 'write one "id": value pair per field' }]);
    }
    for (const [id, given] of Object.entries(value)) {
      if (given !== null && typeof given === 'object') {
        return failed([{ file, ...document.value.locate([id]), path: `fields.${id}`, message: 'must be text, a number, true or false', hint: 'give one value per field' }]);
      }
      values[id] = given;
      fromFile.set(id, document.value.locate([id]));
    }
  }
  const fromArguments = new Map<string, number>();
  const positions = fieldFlagPositions(args);
  for (const [index, flag] of fieldFlags.entries()) {
    const equals = flag.indexOf('=');
    if (equals <= 0) throw new CommandUsageError(`--field needs id=value, like --field briefingDate=2027-01-08, not "${flag}"`, usage);
    const id = flag.slice(0, equals).trim();
    values[id] = flag.slice(equals + 1);
    fromArguments.set(id, positions[index] ?? 1);
  }
  const origin: FieldValuesOrigin = {
    file: '<arguments>',
    // A value from the file is reported in the file, where it can be fixed; --field values at their argument.
    locate: (id) => {
      const argument = fromArguments.get(id);
      if (argument !== undefined) return { line: 1, column: argument };
      const inFile = fromFile.get(id);
      return inFile && file !== undefined ? { ...inFile, file } : { line: 1, column: 1 };
    },
    howToGive: (id) => `add --field ${id}=…${file !== undefined ? ` or put "${id}" in ${file}` : ''}`,
  };
  return ok({ values, origin });
}

/** 1-based positions of each --field value among the arguments, in order. */
function fieldFlagPositions(args: readonly string[]): number[] {
  const positions: number[] = [];
  for (const [index, arg] of args.entries()) {
    if (arg === '--field') positions.push(index + 2);
    else if (arg.startsWith('--field=')) positions.push(index + 1);
  }
  return positions;
}
