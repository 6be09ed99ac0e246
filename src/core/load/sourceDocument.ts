import { type Node as JsonNode, type ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type Document, LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { type Problem, type Result, failed, ok } from '../problems';

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

export function formatOf(file: string): DataFormat {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

export function parseSource(file: string, text: string, format: DataFormat = formatOf(file)): Result<SourceDocument> {
  return format === 'yaml' ? parseYaml(file, text) : parseJson(file, text);
}

/** Line and column (1-based) of a character offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function parseJson(file: string, text: string): Result<SourceDocument> {
  const errors: ParseError[] = [];
  // JSON with comments and trailing commas, as in VS Code's own settings files.
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (root === undefined && errors.length === 0) {
    return failed([{ file, line: 1, column: 1, path: '', message: 'the file is empty', hint: 'write a JSON object, like {"team": "…"}' }]);
  }
  if (errors.length > 0 || root === undefined) {
    return failed(
      errors.map((error) => ({
        file,
        ...positionAt(text, error.offset),
        path: '',
        message: `JSON syntax error: ${describeJsonError(error)}`,
        hint: 'fix the syntax at this position; comments and trailing commas are allowed',
      })),
    );
  }
  const locate = (path: DataPath, options?: { key?: boolean }): Position => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(root, [...path.slice(0, depth)]);
      if (node) {
        const keyNode = options?.key && depth === path.length ? propertyKeyOf(node) : undefined;
        return positionAt(text, (keyNode ?? node).offset);
      }
    }
    return { line: 1, column: 1 };
  };
  return ok({ file, value: getNodeValue(root), locate });
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
  // `uniqueKeys` (the default) makes a repeated key an error: a typo must not silently win.
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return failed(
      document.errors.map((error): Problem => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          file,
          line,
          column: col,
          path: '',
          message: `YAML syntax error: ${firstLine(error.message)}`,
          hint: 'check the indentation and quoting at this position',
        };
      }),
    );
  }
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
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

type YamlNodeLike = { range?: [number, number, number] | null };

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
