import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { type FormattingOptions, type ParseError, applyEdits, modify, parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { frontMatterSchema } from '../../core/engine/frontMatter';
import { COMMANDS } from '../commandIds';
import type { PackEntry } from './packLibrary';
import type { Services } from '../services';
import { vscodeFileSystem } from '../vscodeFileSystem';
import { packFromArgument } from './pickPack';

export interface NewTemplateInPackOptions {
  /** Skips the question (tests, callers that know). */
  id?: string;
}

export interface NewTemplateInPackResult {
  id: string;
  file: string;
  manifestFile: string;
}

/** Only packs the user edits: the workspace's and those named in settings (installed ones are replaced by the next install). */
export const isEditablePack = (entry: PackEntry) => entry.source === 'workspace' || entry.source === 'settings';

/**
 * New Template in Pack: a template file with front matter and a short body that
 * renders on the sample, listed in the pack's manifest (through the open editor when
 * the manifest is open, so it can be undone; else written atomically), then opened.
 */
export async function newTemplateInPack(services: Services, argument: unknown, options: NewTemplateInPackOptions = {}): Promise<NewTemplateInPackResult | undefined> {
  const entry = await packFromArgument(services, argument, isEditablePack, 'Add a template to which pack?');
  if (!entry) {
    if (argument === undefined && !(await services.packSources()).entries.some(isEditablePack)) {
      const choice = await vscode.window.showInformationMessage(
        'Pushback: there is no pack to add a template to. Templates are added to packs in this workspace (.pushback/packs) or in folders named in the setting pushback.packFolders.',
        'New Template Pack',
      );
      if (choice) await vscode.commands.executeCommand(COMMANDS.newTemplatePack);
    }
    return undefined;
  }

  const loaded = await services.packSources();
  const ownIds = new Set(entry.pack?.templates.map((t) => t.frontMatter.id) ?? []);
  const id = options.id ?? (await askTemplateId(ownIds, (templateId) => loaded.templates.find((t) => t.template.frontMatter.id === templateId && t.pack !== entry.pack)?.pack.manifest.id));
  if (!id) return undefined;
  const problem = templateIdProblem(id, ownIds);
  if (problem) throw new Error(problem);

  const folder = templatesFolderOf(entry);
  const relative = [folder, `${id}.hbs`].filter(Boolean).join('/');
  const file = path.join(entry.dir, ...relative.split('/'));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  try {
    await fsp.writeFile(file, templateText(id), { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${relative} already exists in ${entry.about.name ?? entry.dir}: choose another id, or add the file to the manifest by hand`);
    throw error;
  }
  try {
    await addToManifest(entry.manifestFile, { file: relative, id });
  } catch (error) {
    await fsp.rm(file, { force: true });
    throw error;
  }
  await services.reloadPacks();
  await vscode.window.showTextDocument(vscode.Uri.file(file));
  return { id, file, manifestFile: entry.manifestFile };
}

function templateIdProblem(id: string, ownIds: ReadonlySet<string>): string | undefined {
  if (!frontMatterSchema.shape.id.safeParse(id).success) return 'Use lower-case letters, digits and dashes, like yes-and-next-quarter';
  if (ownIds.has(id)) return `This pack already has a template "${id}"`;
  return undefined;
}

async function askTemplateId(ownIds: ReadonlySet<string>, definedElsewhere: (id: string) => string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'New Template in Pack',
    prompt: 'The template id: lower-case letters, digits and dashes. The same id as a template in another pack overrides it.',
    placeHolder: 'yes-and-next-quarter',
    validateInput: (value) => {
      const problem = templateIdProblem(value, ownIds);
      if (problem) return problem;
      const other = definedElsewhere(value);
      return other ? { message: `This template will override "${value}" from ${other}`, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
}

/** Where the pack keeps its templates: beside its first one, else `templates/`. */
function templatesFolderOf(entry: PackEntry): string {
  const first = entry.pack?.templates[0];
  if (!first) return 'templates';
  return path.relative(entry.dir, path.dirname(first.file)).split(path.sep).join('/');
}

/** Append `{ file, id }` to the manifest's templates, keeping its formatting and comments. */
async function addToManifest(manifestFile: string, template: { file: string; id: string }): Promise<void> {
  const text = await vscodeFileSystem.readText(manifestFile);
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !value || typeof value !== 'object' || !Array.isArray((value as { templates?: unknown }).templates)) {
    throw new Error(`${manifestFile} is not a pack manifest with a "templates" list; fix it first (the Problems panel says where)`);
  }
  const formatting: FormattingOptions = { insertSpaces: true, tabSize: detectIndent(text), eol: text.includes('\r\n') ? '\r\n' : '\n' };
  const edits = modify(text, ['templates', -1], template, { formattingOptions: formatting, isArrayInsertion: true });
  const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === manifestFile);
  if (document) {
    const wasDirty = document.isDirty;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${manifestFile}`);
    // Unsaved changes the user had stay theirs to save; otherwise the manifest on disk matches the new file.
    if (!wasDirty) await document.save();
    return;
  }
  const temporary = path.join(path.dirname(manifestFile), `.${path.basename(manifestFile)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fsp.writeFile(temporary, applyEdits(text, edits), 'utf8');
    await fsp.rename(temporary, manifestFile);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
}

function detectIndent(text: string): number {
  const match = /^( +)\S/m.exec(text);
  return match ? Math.min(8, match[1].length) : 2;
}

function templateText(id: string): string {
  const name = `${id.charAt(0).toUpperCase()}${id.slice(1).replace(/-/g, ' ')}`;
  return `---
id: ${id}
name: ${name}
description: Say in one sentence when to use this reply.
tone: warm, direct
channel: email
subject: "Re: {{request.title}}"
inputs: [request.title, request.requester.name]
---
Hi {{firstName request.requester.name}},

Yes, we can take on **{{request.title}}**: about {{days request.effortDays}} of work{{#if analysis.utilizationAfter}}, taking {{capacity.team}} from {{percent analysis.utilizationBefore}} to {{percent analysis.utilizationAfter}} of its capacity{{/if}}.

{{#if analysis.delays}}
To make room, {{list analysis.delays "title"}} {{plural figures.delayCount "slips" "slip"}}.
{{else}}
Nothing already promised moves.
{{/if}}

{{#if org.me.name}}
{{org.me.name}}
{{/if}}
`;
}
