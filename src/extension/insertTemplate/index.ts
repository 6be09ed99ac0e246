import * as vscode from 'vscode';
import type { CompiledTemplate } from '../../core/engine/compileTemplate';
import { findTemplate } from '../../core/draft/findTemplate';
import type { TemplatePack } from '../../core/pack/loadPack';
import { formatProblem } from '../../core/problems';
import { localIsoDate, localeReadsDayFirst } from '../../core/selection/localDate';
import { parseStakeholderText } from '../../core/selection/parseStakeholderText';
import type { DraftField, DraftForm } from '../../core/draft/draftForm';
import { capacityForDraft } from '../capacityPicker/capacityForDraft';
import { showProblems } from '../showProblems';
import { COMMANDS } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { replySettings } from '../settings';
import { type FieldValue, type TemplateField, fieldLabel, fieldValue } from '../../core/engine/templateFields';
import { draftFromPrefill, recognisedAnything } from '../draftFromSelection/prefillDraft';
import { type InputField, answersAsDraft, fieldAnswers, fieldInitialText, fieldPicks, fieldPrompt, fieldsToAsk, renderSnippetReply, validateAnswer, validateFieldAnswer } from './templateInputs';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  registerFailableCommand(context, services.logger, COMMANDS.insertTemplate, (templateId?: unknown, answers?: unknown, options?: unknown) =>
    insertTemplate(
      services,
      typeof templateId === 'string' ? templateId : undefined,
      isRecord(answers) ? answers : undefined,
      isRecord(options) ? (options as InsertTemplateOptions) : {},
    ),
  );
}

export interface InsertTemplateOptions {
  /** The reply's date, YYYY-MM-DD (default: the local today). */
  today?: string;
}

export interface InsertTemplateResult {
  templateId: string;
  /** The snippet text inserted, with `${N:label}` tab stops for the fields left empty. */
  snippet: string;
  /** Labels of the tab stops, in order. */
  tabStops: string[];
  /** The document the reply went into (an untitled Markdown one when no editor was open). */
  uri: string;
}

/**
 * Insert Template…: pick a template, answer the fields it needs (prefilled from the
 * selected stakeholder text or the composer's draft, which it only reads), and insert
 * the reply at the cursor as one undoable snippet whose empty fields are tab stops. With a selection the reply
 * goes after it, so the message being answered stays.
 *
 * `templateId` skips the picker; `answers` (keyed `request.title` or `title`) skips the
 * input boxes, unanswered fields taking their prefilled value. Returns `undefined` when
 * the user cancels or a problem was reported.
 */
export async function insertTemplate(
  services: Services,
  templateId?: string,
  answers?: Readonly<Record<string, unknown>>,
  options: InsertTemplateOptions = {},
): Promise<InsertTemplateResult | undefined> {
  const packs = await services.packs();
  if (!packs.some((pack) => pack.templates.length > 0)) {
    throw new Error('no templates are available: the built-in pack did not load (Show Log has the details)');
  }
  const draft = services.drafts.get();
  const today = options.today ?? localIsoDate(new Date());
  const editor = usableEditor();
  const start = editor && !editor.selection.isEmpty ? draftForSelection(draft, editor.document.getText(editor.selection), today) : draft;

  const template = templateId === undefined ? await pickTemplate(packs, draft.templateId) : templateById(packs, templateId);
  if (!template) return undefined;
  const id = template.frontMatter.id;

  const fields = fieldsToAsk(template, start);
  const given = answers ? answersAsDraft(answers) : undefined;
  const values: Partial<Record<DraftField, string>> = {};
  for (const [index, field] of fields.entries()) {
    const initial = start[field.field];
    const value = given ? (given[field.field] ?? initial) : await askFor(field, initial, `${template.frontMatter.name} (${index + 1}/${fields.length})`);
    if (value === undefined) return undefined;
    const problem = validateAnswer(field, value);
    if (problem) throw new Error(`${field.path}: ${problem}`);
    values[field.field] = value.trim();
  }

  // The template's own fields, each with the input its kind needs (prefilled from the draft's values for it).
  const fieldValues: Record<string, FieldValue> = {};
  if (answers) {
    const given = fieldAnswers(template, answers);
    if (!given.ok) throw new Error(given.problems.map(formatProblem).join('\n'));
    Object.assign(fieldValues, given.value);
  } else {
    const declared = template.frontMatter.fields;
    for (const [index, field] of declared.entries()) {
      const value = await askForField(field, fieldInitialText(field, start, id), `${template.frontMatter.name}: ${fieldLabel(field)} (${index + 1}/${declared.length})`);
      if (value === undefined) return undefined;
      fieldValues[field.id] = value;
    }
  }

  // The answers are for this reply only: the composer's draft (and its template) is read, never written,
  // so an answer left empty here cannot clear a field there. Every answer is a valid form value.
  const filled = { ...start, ...values, templateId: id, fieldValues: { ...start.fieldValues, [id]: { ...start.fieldValues[id], ...fieldValues } } } as DraftForm;

  const capacity = await capacityForDraft(services, filled);
  if (!capacity) return undefined;
  const reply = renderSnippetReply({ template, draft: filled, capacity: capacity.capacity, today, ...replySettings(), fields: filled.fieldValues[id] });
  if (!reply.ok) {
    showProblems(services.logger, `The template "${id}" could not be rendered:`, reply.problems);
    return undefined;
  }

  const target = editor ?? (await untitledMarkdownEditor());
  const afterSelection = !target.selection.isEmpty;
  const snippet = `${afterSelection ? '\n\n' : ''}${reply.value.snippet}`;
  const inserted = await target.insertSnippet(new vscode.SnippetString(snippet), afterSelection ? target.selection.end : target.selection.active);
  if (!inserted) throw new Error('the reply could not be inserted: the editor is read-only or was closed');
  return { templateId: id, snippet, tabStops: reply.value.tabStops, uri: target.document.uri.toString() };
}

type TemplateItem = vscode.QuickPickItem & { template?: CompiledTemplate };

const CHANNELS: Record<string, string> = {
  email: '$(mail) Email',
  teams: '$(comment-discussion) Teams',
  chat: '$(comment) Chat',
  document: '$(file-text) Document',
};

/** Templates grouped by pack, highest priority first; a template overridden by a later pack is shown once. */
async function pickTemplate(packs: readonly TemplatePack[], currentId: string): Promise<CompiledTemplate | undefined> {
  const items: TemplateItem[] = [];
  const seen = new Set<string>();
  for (const pack of [...packs].reverse()) {
    const templates = pack.templates.filter((t) => !seen.has(t.frontMatter.id));
    if (templates.length === 0) continue;
    items.push({ label: pack.manifest.name, kind: vscode.QuickPickItemKind.Separator });
    for (const template of templates) {
      const { id, name, description, channel, tone } = template.frontMatter;
      seen.add(id);
      items.push({ label: name, description, detail: `${CHANNELS[channel] ?? channel} · ${tone}`, template });
    }
  }

  const quickPick = vscode.window.createQuickPick<TemplateItem>();
  quickPick.title = 'Insert Template';
  quickPick.placeholder = 'Pick the reply to insert at the cursor';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  quickPick.activeItems = items.filter((item) => item.template?.frontMatter.id === currentId);
  try {
    return await new Promise<CompiledTemplate | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.template));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    quickPick.dispose();
  }
}

function templateById(packs: readonly TemplatePack[], id: string): CompiledTemplate {
  const found = findTemplate(packs, id);
  if (!found.ok) throw new Error(found.problems.map(formatProblem).join('\n'));
  return found.value.template;
}

async function askFor(field: InputField, value: string, title: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: field.prompt,
    value,
    placeHolder: field.placeholder,
    ignoreFocusOut: true,
    validateInput: (text) => validateAnswer(field, text),
  });
}

/**
 * One template field: a quick pick for a choice or a toggle (Yes/No), a validated input
 * box for the rest (a date or a number is checked as typed). Empty means "fill in later":
 * the reply gets a tab stop there. `undefined` when the user cancels.
 */
async function askForField(field: TemplateField, initial: string, title: string): Promise<FieldValue | undefined> {
  if (field.kind === 'choice' || field.kind === 'toggle') {
    const items = fieldPicks(field).map((pick) => ({ ...pick, picked: String(pick.value) === initial }));
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: `${fieldLabel(field)}${field.help ? ` — ${field.help}` : ''}`, ignoreFocusOut: true });
    return picked === undefined ? undefined : picked.value;
  }
  const { prompt, placeholder } = fieldPrompt(field);
  const text = await vscode.window.showInputBox({ title, prompt, value: initial, placeHolder: placeholder, ignoreFocusOut: true, validateInput: (typed) => validateFieldAnswer(field, typed) });
  if (text === undefined) return undefined;
  const checked = fieldValue(field, text);
  return checked.ok ? checked.value : null;
}

/**
 * The draft as the selection describes it. A stakeholder's message starts a new request
 * (as Draft Reply from Selection does), so nothing of the previous request mixes into the
 * reply; a short one-line selection that reads as no message is taken as the title.
 */
function draftForSelection(draft: DraftForm, text: string, today: string): DraftForm {
  const prefill = parseStakeholderText(text, { today, dayFirst: localeReadsDayFirst() });
  if (recognisedAnything(prefill)) return draftFromPrefill(draft, prefill);
  const line = text.trim();
  return line.length <= 80 && !line.includes('\n') ? { ...draft, title: line } : draft;
}

/** The editor to insert into: a text editor on a real document, not an output or log view. */
function usableEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.uri.scheme !== 'output' ? editor : undefined;
}

async function untitledMarkdownEditor(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  return vscode.window.showTextDocument(document);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
