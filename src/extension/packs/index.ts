import * as vscode from 'vscode';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { COMMANDS, PACKS_VIEW_ID } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { vscodeFileSystem } from '../vscodeFileSystem';
import { exportTemplatePack } from './exportTemplatePack';
import { installTemplatePack } from './installTemplatePack';
import { newTemplateInPack } from './newTemplateInPack';
import { newTemplatePack } from './newTemplatePack';
import { PacksTreeProvider } from './PacksTreeProvider';
import { packFromArgument, templateFromArgument } from './pickPack';
import { previewTemplateOnSample } from './previewTemplate';
import { uninstallTemplatePack } from './uninstallTemplatePack';

/** The latest provider, for tests (reached through the extension's exports). */
export let packsProvider: PacksTreeProvider | undefined;

/**
 * Template packs: the Template Packs view and the palette commands that make,
 * install, export and remove packs. Loading and hot reload live in the services
 * (PackLibrary), since the composer and Insert Template use the same packs.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const provider = new PacksTreeProvider(services);
  packsProvider = provider;
  context.subscriptions.push(provider, vscode.window.createTreeView(PACKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }));

  const register = (id: string, handler: (...args: unknown[]) => unknown) => registerFailableCommand(context, services.logger, id, handler);
  register(COMMANDS.newTemplatePack, (options?: unknown) => newTemplatePack(services, (options ?? {}) as Parameters<typeof newTemplatePack>[1]));
  register(COMMANDS.newTemplateInPack, (pack?: unknown, options?: unknown) => newTemplateInPack(services, pack, (options ?? {}) as Parameters<typeof newTemplateInPack>[2]));
  register(COMMANDS.installTemplatePack, (source?: unknown, options?: unknown) => installTemplatePack(services, source, (options ?? {}) as Parameters<typeof installTemplatePack>[2]));
  register(COMMANDS.exportTemplatePack, (pack?: unknown, options?: unknown) => exportTemplatePack(services, pack, (options ?? {}) as Parameters<typeof exportTemplatePack>[2]));
  register(COMMANDS.uninstallTemplatePack, (pack?: unknown, options?: unknown) => uninstallTemplatePack(services, pack, (options ?? {}) as Parameters<typeof uninstallTemplatePack>[2]));
  register(COMMANDS.reloadTemplatePacks, () => services.reloadPacks());
  register(COMMANDS.previewTemplateOnSample, (template?: unknown) => previewTemplateOnSample(services, template));
  register(COMMANDS.openTemplateFile, async (template?: unknown) => {
    const node = await templateFromArgument(services, template, 'Open which template?');
    if (node) await vscode.window.showTextDocument(vscode.Uri.file(node.template.file), { preview: true });
    return node?.template.file;
  });
  register(COMMANDS.revealPackManifest, (node?: unknown) => revealPackManifest(services, node));
}

/** Open the pack's manifest; from a template, at that template's entry. */
async function revealPackManifest(services: Services, argument: unknown): Promise<string | undefined> {
  const entry = await packFromArgument(services, argument, () => true, "Open which pack's manifest?");
  if (!entry) return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(entry.manifestFile));
  let selection: vscode.Range | undefined;
  const template = argument && typeof argument === 'object' && 'template' in argument ? (argument as { template: { file: string } }).template : undefined;
  if (template && entry.pack) {
    const index = entry.pack.manifest.templates.findIndex((t) => vscodeFileSystem.resolve(entry.manifestFile, t.file) === template.file);
    const node = index >= 0 ? findNodeAtLocation(parseTree(document.getText()) ?? { type: 'null', offset: 0, length: 0 }, ['templates', index]) : undefined;
    if (node) selection = new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
  }
  await vscode.window.showTextDocument(document, { preview: true, ...(selection ? { selection } : {}) });
  return entry.manifestFile;
}
