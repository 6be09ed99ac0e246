import { z } from 'zod';
import { parseIsoDate } from '../model/civilDate';
import type { Problem, Result } from '../problems';
import { failed, ok } from '../problems';

/*
 * A template's own fields: what it asks the person writing the reply, beyond the
 * request and the capacity data ("which meeting?", "mention the vendor's quote?").
 * Declared in front matter, filled in by the composer, Insert Template, the CLI or a
 * pack example, and read by the template as `{{fields.id}}`.
 */

export const FIELD_KINDS = ['text', 'longtext', 'number', 'date', 'choice', 'toggle', 'person'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** What a field holds once filled in: text kinds and dates are strings, toggles booleans. Empty is null. */
export type FieldValue = string | number | boolean | null;
export type FieldValues = Readonly<Record<string, FieldValue>>;

const fieldSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be letters, digits and _ (not starting with a digit), like briefingDate' })
      .describe('How the template reads it: {{fields.<id>}}. Letters, digits and _'),
    label: z.string().min(1).optional().describe('What the person filling it in is asked; defaults to the id'),
    kind: z.enum(FIELD_KINDS).describe('text | longtext | number | date (YYYY-MM-DD) | choice (one of options) | toggle (true/false) | person (a name)'),
    required: z.boolean().default(false).describe('A reply cannot be rendered until it has a value'),
    default: z.union([z.string(), z.number(), z.boolean()]).optional().describe('The value when none is given; of the field\'s kind'),
    options: z.array(z.string().min(1)).min(1).optional().describe('The values a choice allows'),
    min: z.number().optional().describe('Smallest number allowed (kind number)'),
    max: z.number().optional().describe('Largest number allowed (kind number)'),
    help: z.string().optional().describe('One line shown under the control'),
  })
  .superRefine((field, ctx) => {
    if (field.kind === 'choice' && !field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice needs options, like [email, teams]' });
    if (field.kind !== 'choice' && field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `only a choice has options, not a ${field.kind}` });
    if (field.options && new Set(field.options).size !== field.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'lists the same option twice' });
    for (const bound of ['min', 'max'] as const) {
      if (field[bound] !== undefined && field.kind !== 'number') ctx.addIssue({ code: 'custom', path: [bound], message: `only a number has ${bound}, not a ${field.kind}` });
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `must not be below min (${field.min})` });
    if (field.default !== undefined) {
      const checked = fieldValue(field as TemplateField, field.default);
      if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['default'], message: `${checked.message} (the default must be a value of the field)` });
    }
  });

export const templateFieldsSchema = z
  .array(fieldSchema)
  .default([])
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    for (const [index, field] of fields.entries()) {
      if (seen.has(field.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${field.id}" is declared twice; ids must be unique in a template` });
      seen.add(field.id);
    }
  })
  .describe('What this template asks for, read as {{fields.<id>}}');

export type TemplateField = z.infer<typeof fieldSchema>;

/** The words a person sees for a field: its label, else its id. */
export function fieldLabel(field: TemplateField): string {
  return field.label ?? field.id;
}

const PLACEHOLDER = /^\u0000\d+\u0000$/;

type Checked = { ok: true; value: FieldValue } | { ok: false; message: string; hint: string };

const TOGGLE_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, on: true, off: false, '1': true, '0': false };

/**
 * One value, as given (typed text from a prompt or `--field`, or a JSON/YAML value),
 * checked and converted to the field's kind. Empty (null, undefined, blank text) is null.
 */
export function fieldValue(field: TemplateField, raw: unknown): Checked {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  // A snippet's stand-in for a value filled in later (snippetText's marker: NUL-delimited, never typed) passes as any kind.
  if (typeof raw === 'string' && PLACEHOLDER.test(raw)) return { ok: true, value: raw };
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  switch (field.kind) {
    case 'text':
    case 'longtext':
    case 'person':
      if (typeof raw === 'string') return { ok: true, value: field.kind === 'longtext' ? raw.replace(/\r\n/g, '\n') : raw.trim() };
      if (typeof raw === 'number' || typeof raw === 'boolean') return { ok: true, value: String(raw) };
      return { ok: false, message: 'must be text', hint: 'write it as a string' };
    case 'number': {
      const number = typeof raw === 'number' ? raw : text !== undefined ? Number(text) : Number.NaN;
      if (!Number.isFinite(number)) return { ok: false, message: `must be a number, not ${JSON.stringify(raw)}`, hint: 'write it like 12 or 2.5' };
      if (field.min !== undefined && number < field.min) return { ok: false, message: `must be at least ${field.min}, not ${number}`, hint: `use a number from ${field.min}${field.max !== undefined ? ` to ${field.max}` : ''}` };
      if (field.max !== undefined && number > field.max) return { ok: false, message: `must be at most ${field.max}, not ${number}`, hint: `use a number${field.min !== undefined ? ` from ${field.min}` : ''} up to ${field.max}` };
      return { ok: true, value: number };
    }
    case 'date':
      if (text !== undefined && parseIsoDate(text) !== undefined) return { ok: true, value: text };
      return { ok: false, message: `must be a real date written YYYY-MM-DD, not ${JSON.stringify(raw)}`, hint: 'write it like 2027-01-08' };
    case 'choice': {
      const options = field.options ?? [];
      const value = text ?? (typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined);
      if (value !== undefined && options.includes(value)) return { ok: true, value };
      return { ok: false, message: `must be one of ${options.join(', ')}, not ${JSON.stringify(raw)}`, hint: `use one of: ${options.join(', ')}` };
    }
    case 'toggle': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const value = text !== undefined ? TOGGLE_WORDS[text.toLowerCase()] : undefined;
      if (value !== undefined) return { ok: true, value };
      return { ok: false, message: `must be true or false, not ${JSON.stringify(raw)}`, hint: 'use true or false (yes and no work too)' };
    }
  }
}

/** Where values came from, so a problem points at the value the person gave. */
export interface FieldValuesOrigin {
  file: string;
  /** Position of the value given for a field id (where values are given, for a field without one); `file` when not `origin.file`. */
  locate: (id: string) => { line: number; column: number; file?: string };
  /** How to give a value here, for hints: `--field briefingDate=…`, `"fields": {…} in the example`. */
  howToGive: (id: string) => string;
}

/**
 * Every declared field's value for one render: what was given, checked against its
 * kind, else the default, else null. A value for an undeclared field, a value of the
 * wrong kind and a required field with no value are problems, all reported at once.
 */
export function resolveFieldValues(fields: readonly TemplateField[], given: Readonly<Record<string, unknown>> | undefined, origin: FieldValuesOrigin): Result<Record<string, FieldValue>> {
  const problems: Problem[] = [];
  const values: Record<string, FieldValue> = {};
  const declared = new Set(fields.map((f) => f.id));
  for (const id of Object.keys(given ?? {})) {
    if (declared.has(id)) continue;
    problems.push({
      file: origin.file,
      ...origin.locate(id),
      path: `fields.${id}`,
      message: `the template has no field "${id}"`,
      hint: declared.size > 0 ? `use one of: ${[...declared].join(', ')}` : 'this template declares no fields; remove the value',
    });
  }
  for (const field of fields) {
    const raw = given && Object.hasOwn(given, field.id) ? given[field.id] : undefined;
    const checked = fieldValue(field, raw);
    if (!checked.ok) {
      problems.push({ file: origin.file, ...origin.locate(field.id), path: `fields.${field.id}`, message: `${fieldLabel(field)}: ${checked.message}`, hint: checked.hint });
      continue;
    }
    const value = checked.value ?? (field.default === undefined ? null : (fieldValue(field, field.default) as { value: FieldValue }).value);
    if (value === null && field.required) {
      problems.push({
        file: origin.file,
        ...origin.locate(field.id),
        path: `fields.${field.id}`,
        message: `the field "${field.id}" (${fieldLabel(field)}) is required and has no value`,
        hint: `give it a value: ${origin.howToGive(field.id)}`,
      });
      continue;
    }
    values[field.id] = value;
  }
  return problems.length > 0 ? failed(problems) : ok(values);
}

/**
 * Stand-in values to check a template renders (pack validate, previews): a plausible
 * value of every kind, so both branches of a toggle are not needed to find a misspelt path.
 */
export function sampleFieldValues(fields: readonly TemplateField[]): Record<string, FieldValue> {
  const sample: Record<string, FieldValue> = {};
  for (const field of fields) {
    if (field.default !== undefined) {
      sample[field.id] = (fieldValue(field, field.default) as { value: FieldValue }).value;
      continue;
    }
    const byKind: Record<FieldKind, FieldValue> = {
      text: fieldLabel(field),
      longtext: fieldLabel(field),
      person: 'Alex Morgan',
      number: field.min ?? (field.max !== undefined ? Math.min(1, field.max) : 1),
      date: '2027-01-08',
      choice: field.options?.[0] ?? null,
      toggle: true,
    };
    sample[field.id] = byKind[field.kind];
  }
  return sample;
}

/** Two declarations of the same fields (a translation and its template): same ids, kinds, options and requiredness. */
export function sameFields(a: readonly TemplateField[], b: readonly TemplateField[]): string | undefined {
  const shape = (fields: readonly TemplateField[]) => fields.map((f) => `${f.id}:${f.kind}${f.required ? '!' : ''}${f.options ? `[${f.options.join('|')}]` : ''}`).sort();
  const [left, right] = [shape(a), shape(b)];
  const missing = left.filter((x) => !right.includes(x)).map((x) => x.split(':')[0]);
  const extra = right.filter((x) => !left.includes(x)).map((x) => x.split(':')[0]);
  if (missing.length === 0 && extra.length === 0) return undefined;
  const parts = [
    ...(missing.length > 0 ? [`differs from the template in ${[...new Set(missing)].join(', ')}`] : []),
    ...(extra.length > 0 && missing.length === 0 ? [`declares ${[...new Set(extra)].join(', ')} differently`] : []),
  ];
  return parts.join('; ');
}
