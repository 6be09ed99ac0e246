import type { CompiledTemplate } from '../../core/engine/compileTemplate';
import { renderReply } from '../../core/engine/renderReply';
import type { Proposal } from '../../core/engine/replyContext';
import { placeholderMarker, toSnippet } from '../../core/engine/snippetText';
import type { Analysis } from '../../core/model/analysis';
import { analyze } from '../../core/model/analyze';
import { type IsoDate, isIsoDate } from '../../core/model/civilDate';
import { type Problem, type Result, failed, ok } from '../../core/problems';
import type { Capacity } from '../../core/schema/capacity';
import { type DraftField, type DraftForm, requestFromDraft } from '../../core/draft/draftForm';
import { draftTemplateId } from '../../core/draft/draftReply';
import { type FieldValue, type TemplateField, fieldLabel, fieldValue } from '../../core/engine/templateFields';

/*
 * The Insert Template command's logic, free of `vscode` so unit tests reach it:
 * which fields a template asks for, how an answer is checked, and the reply
 * rendered as snippet text with the empty fields as tab stops.
 */

export interface InputField {
  /** The path in the template's front-matter `inputs`, like `request.requester.name`. */
  path: string;
  field: DraftField;
  kind: 'text' | 'number' | 'date';
  /** The tab stop's text when the field is left empty. */
  label: string;
  prompt: string;
  placeholder: string;
  /** Empty is an error (the effort: every figure depends on it), not a tab stop. */
  required?: boolean;
}

const INPUT_FIELDS: readonly InputField[] = [
  { path: 'request.title', field: 'title', kind: 'text', label: 'what is asked', prompt: 'What is being asked for? (leave empty to fill in later)', placeholder: 'Customer self-service order-tracking portal' },
  { path: 'request.requester.name', field: 'requesterName', kind: 'text', label: 'requester', prompt: 'Who is asking? (leave empty to fill in later)', placeholder: 'Dana Whitfield' },
  { path: 'request.requester.title', field: 'requesterTitle', kind: 'text', label: 'their title', prompt: 'Their job title (leave empty to fill in later)', placeholder: 'VP Sales' },
  { path: 'request.effortDays', field: 'effortDays', kind: 'number', label: 'effort', prompt: 'Effort in person-days (every figure in the reply depends on it)', placeholder: '45', required: true },
  { path: 'request.neededBy', field: 'neededBy', kind: 'date', label: 'needed by', prompt: 'Needed by, YYYY-MM-DD (leave empty to fill in later)', placeholder: '2027-03-12' },
  { path: 'request.outcome', field: 'outcome', kind: 'text', label: 'outcome', prompt: 'The business outcome it is for (leave empty to fill in later)', placeholder: 'cut "where is my order?" calls by a third' },
  { path: 'request.costOfDelayPerWeek', field: 'costOfDelayPerWeek', kind: 'number', label: 'cost of delay', prompt: 'Money lost per week of delay (empty for none)', placeholder: '7500' },
  { path: 'request.rank', field: 'rank', kind: 'number', label: 'rank', prompt: 'Where it goes in the priority order (1 = most important)', placeholder: '1' },
];

/** Text fields the analysis cannot run without: filled with a tab stop when empty, declared or not. */
const ALWAYS_MARKED: readonly DraftField[] = ['title', 'requesterName'];

/**
 * The fields to ask for, in the template's order: its declared `inputs`, plus the
 * effort when the template does not declare it and the draft has none (no figure
 * can be computed without it). Inputs outside the request are not asked for.
 */
export function fieldsToAsk(template: CompiledTemplate, draft: DraftForm): InputField[] {
  const declared = template.frontMatter.inputs.flatMap((path) => INPUT_FIELDS.filter((f) => f.path === path));
  const effort = INPUT_FIELDS.find((f) => f.field === 'effortDays') as InputField;
  const needsEffort = !declared.includes(effort) && validateAnswer(effort, draft.effortDays) !== undefined;
  return needsEffort ? [...declared, effort] : declared;
}

/** An inline error for an answer, or undefined when it is fine (InputBox `validateInput`). */
export function validateAnswer(field: InputField, value: string): string | undefined {
  const text = value.trim();
  if (field.kind === 'text') return undefined;
  if (text === '') return field.required ? 'Enter the effort in person-days, a number greater than 0, like 12 or 2.5' : undefined;
  if (field.kind === 'date') return isIsoDate(text) ? undefined : 'Use a real date written YYYY-MM-DD, like 2027-03-12';
  const number = Number(text);
  if (!Number.isFinite(number)) return 'Enter a number, like 12 or 2.5';
  if (field.field === 'rank') return Number.isInteger(number) && number >= 1 ? undefined : 'Use a whole number, 1 or more';
  if (field.field === 'costOfDelayPerWeek') return number >= 0 ? undefined : 'Use 0 or more';
  return number > 0 ? undefined : 'Must be greater than 0';
}

/**
 * Answers given to the command by a caller (tests, other commands), keyed by input
 * path (`request.title`) or draft field (`title`), as draft fields.
 */
export function answersAsDraft(answers: Readonly<Record<string, unknown>>): Partial<DraftForm> {
  const draft: Partial<Record<DraftField, string>> = {};
  for (const [key, value] of Object.entries(answers)) {
    const field = INPUT_FIELDS.find((f) => f.path === key || f.field === key);
    if (field && (typeof value === 'string' || typeof value === 'number')) draft[field.field] = String(value);
  }
  return draft as Partial<DraftForm>;
}

/** What Insert Template offers for a choice or a toggle: a quick pick of these. */
export interface FieldPick {
  label: string;
  description?: string;
  value: FieldValue;
}

/** A choice's options, or Yes/No for a toggle; a choice that is not required may be left empty (a tab stop). */
export function fieldPicks(field: TemplateField): FieldPick[] {
  if (field.kind === 'toggle') return [{ label: 'Yes', value: true }, { label: 'No', value: false }];
  const options: FieldPick[] = (field.options ?? []).map((option) => ({ label: option, value: option }));
  return [...options, { label: 'Leave empty', description: 'fill it in later, at its tab stop', value: null }];
}

/** An inline error for a typed field answer (date, number, text), or undefined when fine; empty is fine (a tab stop). */
export function validateFieldAnswer(field: TemplateField, text: string): string | undefined {
  const checked = fieldValue(field, text);
  return checked.ok ? undefined : `${checked.message.charAt(0).toUpperCase()}${checked.message.slice(1)}: ${checked.hint}`;
}

/** The prompt of an input box for a template field: its label, its help, and what empty means. */
export function fieldPrompt(field: TemplateField): { prompt: string; placeholder: string } {
  const examples: Record<string, string> = { date: '2027-01-08 (YYYY-MM-DD)', number: field.min !== undefined || field.max !== undefined ? `a number${field.min !== undefined ? ` from ${field.min}` : ''}${field.max !== undefined ? ` up to ${field.max}` : ''}` : 'a number, like 12 or 2.5', person: 'a name', text: '', longtext: '' };
  return { prompt: `${fieldLabel(field)}${field.help ? ` — ${field.help}` : ''} (leave empty to fill in later)`, placeholder: examples[field.kind] ?? '' };
}

/** The values the draft holds for a template's fields, else their defaults, as the text an input box shows. */
export function fieldInitialText(field: TemplateField, draft: DraftForm, templateId = draftTemplateId(draft)): string {
  const saved = draft.fieldValues[templateId]?.[field.id];
  const value = saved !== undefined && saved !== null ? saved : field.default;
  return value === undefined ? '' : String(value);
}

/** Answers given to the command by a caller for template fields, keyed `fields.<id>` or `<id>`, checked. */
export function fieldAnswers(template: CompiledTemplate, answers: Readonly<Record<string, unknown>>): Result<Record<string, FieldValue>> {
  const values: Record<string, FieldValue> = {};
  const problems: Problem[] = [];
  for (const field of template.frontMatter.fields) {
    const key = Object.hasOwn(answers, `fields.${field.id}`) ? `fields.${field.id}` : Object.hasOwn(answers, field.id) ? field.id : undefined;
    if (key === undefined) continue;
    const checked = fieldValue(field, answers[key]);
    if (checked.ok) values[field.id] = checked.value;
    else problems.push({ file: '<answers>', line: 1, column: 1, path: `fields.${field.id}`, message: `${fieldLabel(field)}: ${checked.message}`, hint: checked.hint });
  }
  return problems.length > 0 ? failed(problems) : ok(values);
}

export interface SnippetReply {
  /** The reply as VS Code snippet text: empty fields are `${N:label}` tab stops. */
  snippet: string;
  analysis: Analysis;
  /** Labels of the fields left as tab stops, in tab order. */
  tabStops: string[];
}

export interface SnippetReplyInput {
  template: CompiledTemplate;
  /** The draft with the user's answers applied. */
  draft: DraftForm;
  capacity: Capacity;
  today: IsoDate;
  /** The `pushback.signature` setting: "Name\nTitle" replacing `org.me` in the sign-off (as in the composer). */
  signature?: string;
  /** The currency and locale settings, above the template pack's defaults. */
  currency?: string;
  locale?: string;
  /** The template's own fields as answered; one left empty (null) with no default becomes a tab stop. */
  fields?: Readonly<Record<string, FieldValue>>;
}

/**
 * Render the template for the draft with every empty field as a tab stop. The analysis
 * runs on the request as typed, with a stand-in for an empty title or name (they carry
 * no figure) and no needed-by date when that is left empty; the reply shows a tab stop
 * wherever the template prints one of them.
 */
export function renderSnippetReply(input: SnippetReplyInput): Result<SnippetReply> {
  const labels: Record<number, string> = {};
  const markers = new Map<DraftField, string>();
  const mark = (field: InputField) => {
    if (markers.has(field.field) || input.draft[field.field].trim() !== '') return;
    const index = markers.size + 1;
    labels[index] = field.label;
    markers.set(field.field, placeholderMarker(index));
  };
  for (const field of fieldsToAsk(input.template, input.draft)) if (field.kind !== 'number') mark(field);
  for (const name of ALWAYS_MARKED) mark(INPUT_FIELDS.find((f) => f.field === name) as InputField);
  // The template's own fields: empty with no default → a tab stop labelled with the field's label (a toggle always has a value).
  const fields: Record<string, FieldValue> = {};
  let next = markers.size;
  for (const field of input.template.frontMatter.fields) {
    const value = input.fields?.[field.id] ?? null;
    if (value !== null || field.default !== undefined || field.kind === 'toggle') {
      if (value !== null) fields[field.id] = value;
      continue;
    }
    next++;
    labels[next] = fieldLabel(field);
    fields[field.id] = placeholderMarker(next);
  }

  const forAnalysis: Record<DraftField, string> = { ...input.draft };
  for (const [field, marker] of markers) if (field !== 'neededBy') forAnalysis[field] = marker;
  const parsed = requestFromDraft(forAnalysis as DraftForm);
  if (!parsed.ok) return failed(fieldProblems(parsed.errors));

  const { capacity } = input;
  const analysis = analyze(capacity, parsed.request);
  const neededByMarker = markers.get('neededBy');
  const request = neededByMarker ? { ...parsed.request, neededBy: neededByMarker } : parsed.request;
  const rendered = renderReply(input.template, {
    request,
    capacity,
    analysis,
    today: input.today,
    proposal: (input.draft.proposal || undefined) as Proposal | undefined,
    signature: input.signature,
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
    fields,
  });
  if (!rendered.ok) return rendered;
  const used = Object.keys(labels).map(Number).filter((n) => rendered.value.includes(placeholderMarker(n)));
  return ok({ snippet: toSnippet(rendered.value, labels), analysis, tabStops: used.map((n) => labels[n]) });
}

function fieldProblems(errors: Partial<Record<DraftField, string>>): Problem[] {
  return Object.entries(errors).map(([field, message]) => {
    const input = INPUT_FIELDS.find((f) => f.field === field);
    return {
      file: '<answers>',
      line: 1,
      column: 1,
      path: input?.path ?? field,
      message: String(message),
      hint: `run Insert Template again and correct ${input?.label ?? field}`,
    };
  });
}
