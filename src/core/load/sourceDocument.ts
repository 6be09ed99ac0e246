import { type Node as JsonNode, type ParseError, findNodeAtLocation, findNodeAtOffset, parseTree, printParseErrorCode, visit } from 'jsonc-parser';
import { CST, Composer, type Document, LineCounter, Parser, isMap, isPair, isScalar, isSeq } from 'yaml';
import { type Problem, ProblemList, type Result, failed, ok } from '../problems';

export type Position = { line: number; column: number };
export type DataPath = readonly (string | number)[];

/**
 * A parsed data file that remembers where each value came from, so a schema error
 * on `commitments[3].deadline` can point at line 41, column 19 of the file.
 */
export interface SourceDocument {
  file: string;
  value: unknown;
  /** Where the value at `path` starts (or its key, with `key`), else its nearest ancestor. */
  locate(path: DataPath, options?: { key?: boolean }): Position;
}

export type DataFormat = 'json' | 'yaml';

/**
 * The largest data file read (capacity, request, pack manifest): 5 MB holds a team
 * of 1,000 with 20,000 commitments several times over, and keeps the worst case of
 * every check a few seconds on the slowest machine.
 */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;

/** Capacity and request files are four levels deep; anything past this is not data for Pushback. */
export const MAX_NESTING = 64;

/**
 * Lines, plus items of bracketed lists and maps, a YAML data file may have. The
 * yaml library takes 10–60 µs for each (a megabyte of short keys took seconds; 20,000
 * took up to 1.3 s on a busy machine): this keeps every YAML file read well under a
 * second. It holds about 2,000 commitments; larger plans are read faster from JSON or a CSV.
 */
export const MAX_YAML_ENTRIES = 10_000;

const BOM = '\uFEFF';

export function formatOf(file: string): DataFormat {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

export function parseSource(file: string, text: string, format: DataFormat = formatOf(file)): Result<SourceDocument> {
  // Characters, not bytes: a cheap bound that never under-counts by more than UTF-8's factor.
  if (text.length > MAX_DATA_FILE_BYTES) {
    return failed([
      {
        file,
        line: 1,
        column: 1,
        path: '',
        message: `the file is ${megabytes(text.length)}, over the ${megabytes(MAX_DATA_FILE_BYTES)} a data file may be`,
        hint: 'a team file this large is almost certainly generated wrongly; split it, or move commitments to a CSV',
      },
    ]);
  }
  // Editors keep a byte-order mark out of the text they show; so do we, so columns on line 1 match.
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  return format === 'yaml' ? parseYaml(file, source) : parseJson(file, source);
}

function megabytes(size: number): string {
  return `${(size / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Line and column (1-based) of character offsets, by binary search over the line
 * starts found in one pass: locating 100 problems in a 5 MB file stays linear.
 */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}

/** Line and column (1-based) of one character offset. */
export function positionAt(text: string, offset: number): Position {
  return lineIndex(text)(offset);
}

function parseJson(file: string, text: string): Result<SourceDocument> {
  const position = lineIndex(text);
  const read = readJson(text);
  if (read.tooDeep !== undefined) return failed([nestingProblem(file, position(read.tooDeep))]);
  if (!read.hasValue && read.errors.length === 0) {
    return failed([{ file, line: 1, column: 1, path: '', message: 'the file is empty', hint: 'write a JSON object, like {"team": "…"}' }]);
  }
  if (read.errors.length > 0) {
    const problems = new ProblemList();
    for (const error of read.errors) {
      problems.add(() => ({
        file,
        ...position(error.offset),
        path: '',
        message: `JSON syntax error: ${describeJsonError(error)}`,
        hint: 'fix the syntax at this position; comments and trailing commas are allowed',
      }));
    }
    return failed(problems.toArray());
  }
  // The syntax tree is only needed to point at problems: built for the first one, not on every keystroke.
  let tree: JsonNode | undefined;
  const root = () => (tree ??= parseTree(text, [], JSON_OPTIONS));
  if (read.duplicates.length > 0) {
    const problems = new ProblemList();
    for (const { key, offset, objectOffset } of read.duplicates) {
      problems.add(() => duplicateKeyProblem(file, key, position(offset), position(firstKeyOffset(root(), objectOffset, key))));
    }
    return failed(problems.toArray());
  }
  const locate = (path: DataPath, options?: { key?: boolean }): Position => {
    const top = root();
    for (let depth = path.length; depth >= 0 && top; depth--) {
      const node = findNodeAtLocation(top, [...path.slice(0, depth)]);
      if (node) {
        const keyNode = options?.key && depth === path.length ? propertyKeyOf(node) : undefined;
        return position((keyNode ?? node).offset);
      }
    }
    return { line: 1, column: 1 };
  };
  return ok({ file, value: read.value, locate });
}

// JSON with comments and trailing commas, as in VS Code's own settings files.
const JSON_OPTIONS = { allowTrailingComma: true, disallowComments: false };

/** Thrown out of the visitor to stop at the first bracket nested too deep (the visitor recurses). */
class TooDeep {
  constructor(readonly offset: number) {}
}

interface JsonRead {
  value: unknown;
  hasValue: boolean;
  errors: ParseError[];
  /** Keys written twice: where, and where their object starts. */
  duplicates: { key: string; offset: number; objectOffset: number }[];
  tooDeep?: number;
}

/**
 * The value of a JSON text in one pass of jsonc-parser's visitor, with its syntax
 * errors, the keys written twice in one object, and where nesting passes
 * {@link MAX_NESTING} (stopping there, long before the recursion could overflow).
 * Several times faster than building jsonc-parser's syntax tree and reading the value from it.
 */
function readJson(text: string): JsonRead {
  type Frame = { object: Record<string, unknown>; offset: number; key: string } | { array: unknown[] };
  const read: JsonRead = { value: undefined, hasValue: false, errors: [], duplicates: [] };
  const frames: Frame[] = [];
  const put = (value: unknown) => {
    const top = frames[frames.length - 1];
    if (!top) {
      read.value = value;
      read.hasValue = true;
    } else if ('array' in top) {
      top.array.push(value);
    } else if (top.key === '__proto__') {
      // Defined, not assigned: a key named "__proto__" stays a key (and the schema calls it unknown).
      Object.defineProperty(top.object, top.key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      top.object[top.key] = value;
    }
  };
  const open = (frame: Frame, value: unknown, offset: number) => {
    if (frames.length >= MAX_NESTING) throw new TooDeep(offset);
    put(value);
    frames.push(frame);
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => {
          const object: Record<string, unknown> = {};
          open({ object, offset, key: '' }, object, offset);
        },
        onObjectProperty: (key, offset) => {
          const top = frames[frames.length - 1];
          if (!top || 'array' in top) return;
          if (Object.hasOwn(top.object, key)) read.duplicates.push({ key, offset, objectOffset: top.offset });
          top.key = key;
        },
        onObjectEnd: () => void frames.pop(),
        onArrayBegin: (offset) => {
          const array: unknown[] = [];
          open({ array }, array, offset);
        },
        onArrayEnd: () => void frames.pop(),
        onLiteralValue: (value) => put(value),
        onError: (error, offset, length) => void read.errors.push({ error, offset, length }),
      },
      JSON_OPTIONS,
    );
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    read.tooDeep = error.offset;
  }
  return read;
}

/** Where `key` is first written in the object starting at `objectOffset`. */
function firstKeyOffset(root: JsonNode | undefined, objectOffset: number, key: string): number {
  const object = root && findNodeAtOffset(root, objectOffset);
  const property = object?.children?.find((child) => child.type === 'property' && child.children?.[0]?.value === key);
  return property?.offset ?? objectOffset;
}

function nestingProblem(file: string, at: Position): Problem {
  return {
    file,
    ...at,
    path: '',
    message: `values are nested more than ${MAX_NESTING} levels deep here`,
    hint: 'a Pushback data file needs only a few levels; look for brackets that are opened and never closed',
  };
}

function yamlSizeProblem(file: string, at: Position): Problem {
  return {
    file,
    ...at,
    path: '',
    message: `the YAML file has more than ${MAX_YAML_ENTRIES.toLocaleString('en-US')} lines and bracketed items by here`,
    hint: 'a Pushback YAML file needs far fewer; write a plan this large as JSON, or move its commitments to a CSV',
  };
}

/** A key written twice in one object: the last would silently win, so both places are named. */
function duplicateKeyProblem(file: string, key: string, at: Position, first: Position): Problem {
  const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return {
    file,
    ...at,
    path: '',
    message: `the key ${shown} is written twice (first at line ${first.line}, column ${first.column})`,
    hint: 'keep one of them: otherwise the last one would silently win',
  };
}

function describeJsonError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function propertyKeyOf(valueNode: JsonNode): JsonNode | undefined {
  const parent = valueNode.parent;
  return parent?.type === 'property' ? parent.children?.[0] : undefined;
}

function parseYaml(file: string, text: string): Result<SourceDocument> {
  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // The library's lexer slows down with every open bracket, its composer recurses, and it spends
  // microseconds on every token: refuse deep nesting and too many entries first on a cheap scan
  // of the text, then nesting exactly on the parser's tokens.
  const beyond = yamlTextBeyond(text, MAX_NESTING, MAX_YAML_ENTRIES);
  if (beyond?.kind === 'depth') return failed([nestingProblem(file, lineIndex(text)(beyond.offset))]);
  if (beyond?.kind === 'entries') return failed([yamlSizeProblem(file, lineIndex(text)(beyond.offset))]);
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeep = yamlNestingBeyond(tokens, MAX_NESTING);
  if (tooDeep !== undefined) return failed([nestingProblem(file, position(tooDeep))]);
  // The library's own repeated-key check compares every key with every other one
  // (seconds on a 20,000-key mapping): ours below is one pass.
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  const documents = [...composer.compose(tokens, true, text.length)];
  const document = documents[0] as Document.Parsed | undefined;
  if (!document) return ok({ file, value: null, locate: () => ({ line: 1, column: 1 }) });
  const errors = [...document.errors];
  if (documents.length > 1) {
    errors.push({ pos: [documents[1].range[0], documents[1].range[0]], message: 'a file holds one YAML document; remove the second "---"' } as never);
  }
  if (errors.length > 0) {
    const problems = new ProblemList();
    for (const error of errors) {
      problems.add(() => ({
        file,
        ...position(error.pos[0]),
        path: '',
        message: `YAML syntax error: ${firstLine(error.message)}`,
        hint: 'check the indentation and quoting at this position',
      }));
    }
    return failed(problems.toArray());
  }
  const duplicates = duplicateYamlKeys(file, document, position);
  if (duplicates.length > 0) return failed(duplicates);
  const locate = (path: DataPath, options?: { key?: boolean }): Position => {
    const found = walkYaml(document, path);
    const range = (options?.key && found.key?.range) || found.node?.range;
    return range ? position(range[0]) : { line: 1, column: 1 };
  };
  try {
    return ok({ file, value: document.toJS({ maxAliasCount: 100 }) ?? null, locate });
  } catch (error) {
    // toJS refuses alias bombs (and other documents it cannot turn into data): a problem, not a crash.
    return failed([{ file, line: 1, column: 1, path: '', message: `YAML error: ${firstLine(error instanceof Error ? error.message : String(error))}`, hint: 'use fewer YAML aliases (*name) or write the values out' }]);
  }
}

/**
 * Where flow collections (`[`, `{`) or compact block items (`- - -` on one line)
 * nest deeper than `depthLimit`, or where lines and items in brackets (counted at
 * their commas) pass `entryLimit`, by a scan that over-counts rather than misses:
 * it skips quoted text and comments (each ends with its line here), and outside
 * brackets counts a bracket only where a value can start.
 */
function yamlTextBeyond(text: string, depthLimit: number, entryLimit: number): { kind: 'depth' | 'entries'; offset: number } | undefined {
  let entries = 1;
  let depth = 0;
  let quote = '';
  let comment = false;
  let lineItems = 0;
  let atLineStart = true;
  let previous = '\n'; // the last character that is not a space or tab
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n' || char === '\r') {
      // A line is counted where it starts (the first one before the loop).
      if ((char === '\n' || text[i + 1] !== '\n') && i + 1 < text.length && ++entries > entryLimit) {
        return { kind: 'entries', offset: i + 1 };
      }
      quote = '';
      comment = false;
      lineItems = 0;
      atLineStart = true;
      previous = '\n';
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === ' ' || char === '\t') continue;
    const valueStart = depth > 0 || '\n:-?,[{'.includes(previous);
    if (char === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t' || previous === '\n')) {
      comment = true;
    } else if ((char === '"' || char === "'") && '\n:-?,[{'.includes(previous)) {
      quote = char;
    } else if ((char === '[' || char === '{') && valueStart) {
      if (++depth > depthLimit) return { kind: 'depth', offset: i };
    } else if ((char === ']' || char === '}') && depth > 0) {
      depth--;
    } else if (char === ',' && depth > 0) {
      if (++entries > entryLimit) return { kind: 'entries', offset: i + 1 };
    } else if (atLineStart && (char === '-' || char === '?' || char === ':') && ' \t'.includes(text[i + 1] ?? ' ')) {
      if (++lineItems > depthLimit) return { kind: 'depth', offset: i };
    } else {
      atLineStart = false;
    }
    previous = char;
  }
  return undefined;
}

/** The offset of the first collection nested deeper than `limit` in the parser's tokens, walked without recursion. */
function yamlNestingBeyond(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token | null | undefined; depth: number };
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
    } else if (CST.isCollection(token)) {
      if (depth + 1 > limit) return token.offset;
      for (const item of token.items) {
        stack.push({ token: item.key, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

type YamlNodeLike = { range?: [number, number, number] | null };

/** Repeated keys in any mapping, in one pass (aliases are not followed: they repeat nothing). */
function duplicateYamlKeys(file: string, document: Document, position: (offset: number) => Position): Problem[] {
  const problems = new ProblemList();
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, YamlNodeLike>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const name = String(pair.key.value);
          const first = seen.get(name);
          const at = pair.key.range?.[0] ?? 0;
          if (first) problems.add(() => duplicateKeyProblem(file, name, position(at), position(first.range?.[0] ?? 0)));
          else seen.set(name, pair.key);
        } else if (pair.key) {
          stack.push(pair.key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return problems.size > 0 ? problems.toArray() : [];
}

/** The deepest YAML node along `path`, with the key node of its pair when it has one. */
function walkYaml(document: Document, path: DataPath): { node?: YamlNodeLike; key?: YamlNodeLike } {
  let node: unknown = document.contents;
  let key: YamlNodeLike | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      key = pair.key as YamlNodeLike;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      key = undefined;
      node = node.items[step];
    } else {
      break;
    }
  }
  return { node: node as YamlNodeLike, key };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
