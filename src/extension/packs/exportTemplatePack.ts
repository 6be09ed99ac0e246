import * as path from 'node:path';
import * as vscode from 'vscode';
import { packLabel } from '../../core/pack/packManifest';
import { type ExportedPack, exportFileName, exportPackZip } from '../../node/packExport';
import { PackInstallError } from '../../node/unpackBudget';
import type { Services } from '../services';
import { packFromArgument } from './pickPack';

export interface ExportTemplatePackOptions {
  /** Skips the save dialog (tests, callers that know). */
  out?: string;
}

/**
 * Export Template Pack…: the pack as a .zip (what Install Template Pack… and
 * `pushback pack install` take), with its sha256 to publish beside a download link.
 */
export async function exportTemplatePack(services: Services, argument: unknown, options: ExportTemplatePackOptions = {}): Promise<ExportedPack | undefined> {
  const entry = await packFromArgument(services, argument, (e) => e.pack !== undefined, 'Export which template pack?');
  if (!entry?.pack) return undefined;
  const { manifest } = entry.pack;
  let out = options.out;
  if (!out) {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? path.dirname(entry.dir);
    const chosen = await vscode.window.showSaveDialog({
      title: `Export ${packLabel(manifest)}`,
      saveLabel: 'Export',
      defaultUri: vscode.Uri.file(path.join(folder, exportFileName(manifest, 'zip'))),
      filters: { 'Zip archive': ['zip'] },
    });
    if (!chosen) return undefined;
    out = chosen.fsPath;
  }
  const target = out;
  let exported: ExportedPack;
  try {
    exported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Pushback: exporting ${packLabel(manifest)}…` }, () => exportPackZip(entry.dir, target));
  } catch (error) {
    if (error instanceof PackInstallError) throw new Error(`${packLabel(manifest)} cannot be exported: ${error.message} (${error.hint})`);
    throw error;
  }
  services.logger.info(`Exported ${packLabel(manifest)} to ${exported.file} (${exported.files.length} files), sha256 ${exported.sha256}`);
  void vscode.window
    .showInformationMessage(`Pushback: exported ${manifest.name} ${manifest.version} to ${path.basename(exported.file)} (${exported.files.length} files). sha256 ${exported.sha256}`, 'Copy sha256', 'Reveal File')
    .then(async (choice) => {
      if (choice === 'Copy sha256') await vscode.env.clipboard.writeText(exported.sha256);
      if (choice === 'Reveal File') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(exported.file));
    });
  return exported;
}
