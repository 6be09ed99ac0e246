import { jsonSchemas } from '../schema/jsonSchemas';

/** One suggestion for the YAML front matter of a template (`.hbs`), from its JSON Schema. */
export interface FrontMatterSuggestion {
  label: string;
  kind: 'key' | 'value';
  /** What is typed: `kind: ` for a key, the value itself for a value. */
  insertText: string;
  /** The schema's description, for the suggestion's details. */
  documentation: string;
  /** A key whose values can be suggested next (an enum or a boolean). */
  hasValues: boolean;
}

interface SchemaNode {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

let cachedSchema: SchemaNode | undefined;

/** The front matter's JSON Schema, generated from the zod schema once (the same file editors get in media/schemas). */
function frontMatterJsonSchema(): SchemaNode {
  cachedSchema ??= jsonSchemas()['template-front-matter.schema.json'] as SchemaNode;
  return cachedSchema;
}

/**
 * What to suggest at `line`/`character` of a template's text, when the position is inside its
 * front matter (between the first line's `---` and the next `---`); nothing elsewhere.
 *
 * The text being typed is rarely valid YAML, so the context comes from indentation, as an
 * editor's own YAML completion does: a key at the left margin is a template key; a key in a
 * list item under `fields:` is a field key; after `key: ` come that key's allowed values
 * (enums and booleans). Linear in the lines above the position.
 */
export function completeFrontMatter(text: string, line: number, character: number): FrontMatterSuggestion[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---' || line < 1 || line >= lines.length) return [];
  for (let i = 1; i < line; i++) if (lines[i].trimEnd() === '---') return [];
  const before = lines[line].slice(0, character);
  const schema = frontMatterJsonSchema();

  const value = /^(\s*)(-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s+([^\s:#]*)$/.exec(before);
  if (value) {
    const owner = ownerOf(lines, line, value[1].length + (value[2]?.length ?? 0), Boolean(value[2]), schema);
    return owner ? valueSuggestions(owner.properties?.[value[3]]) : [];
  }
  const key = /^(\s*)(-\s+)?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (!key) return [];
  const owner = ownerOf(lines, line, key[1].length + (key[2]?.length ?? 0), Boolean(key[2]), schema);
  if (!owner?.properties) return [];
  const present = keysOfBlock(lines, line, key[1].length + (key[2]?.length ?? 0), Boolean(key[2]));
  return Object.entries(owner.properties)
    .filter(([name]) => !present.has(name))
    .map(([name, node]) => ({ label: name, kind: 'key', insertText: `${name}: `, documentation: node.description ?? '', hasValues: valueSuggestions(node).length > 0 }));
}

/**
 * The object schema a key at `indent` belongs to: the template itself at the left margin, or
 * an item of the list whose `key:` line is the nearest one above with less indentation.
 */
function ownerOf(lines: string[], line: number, indent: number, startsItem: boolean, schema: SchemaNode): SchemaNode | undefined {
  if (indent === 0 && !startsItem) return schema;
  for (let i = line - 1; i >= 1; i--) {
    const parent = /^(\s*)(-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s*$/.exec(lines[i]);
    const lineIndent = /^\s*/.exec(lines[i])?.[0].length ?? 0;
    if (lines[i].trim() === '' || lineIndent >= indent || /^\s*-\s/.test(lines[i])) continue;
    if (parent && parent[1].length === 0 && !parent[2]) return schema.properties?.[parent[3]]?.items;
    return undefined;
  }
  return undefined;
}

/** The keys already written in the block the position is in (the template's, or one list item's), so they are not offered twice. */
function keysOfBlock(lines: string[], line: number, indent: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  const keyAt = (text: string) => /^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):/.exec(text)?.[1];
  const indentOf = (text: string) => /^\s*(?:-\s+)?/.exec(text)?.[0].length ?? 0;
  // Upwards to the start of the block (the item's `- ` line, or the front matter's start).
  if (!startsItem) {
    for (let i = line - 1; i >= 1; i--) {
      if (lines[i].trim() === '') continue;
      if (indentOf(lines[i]) < indent) break;
      if (indentOf(lines[i]) === indent) {
        const name = keyAt(lines[i]);
        if (name) keys.add(name);
        if (/^\s*-\s/.test(lines[i])) break;
      }
    }
  }
  // Downwards to the block's end.
  for (let i = line + 1; i < lines.length && lines[i].trimEnd() !== '---'; i++) {
    if (lines[i].trim() === '') continue;
    if (indentOf(lines[i]) < indent || (indent > 0 && /^\s*-\s/.test(lines[i]))) break;
    if (indentOf(lines[i]) === indent) {
      const name = keyAt(lines[i]);
      if (name) keys.add(name);
    }
  }
  return keys;
}

function valueSuggestions(node: SchemaNode | undefined): FrontMatterSuggestion[] {
  if (!node) return [];
  const values = node.enum ?? (node.type === 'boolean' ? [true, false] : []);
  return values.map((v) => ({ label: String(v), kind: 'value', insertText: String(v), documentation: node.description ?? '', hasValues: false }));
}
