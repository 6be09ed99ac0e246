import * as vscode from 'vscode';
import { packLabel } from '../../core/pack/packManifest';
import { type Problem, formatProblem } from '../../core/problems';
import { SHA256 } from '../../node/downloadPack';
import { NPM_PACKAGE_SPEC } from '../../node/npmPack';
import { type InstalledPack, installPack } from '../../node/packInstall';
import { PACKS_VIEW_ID } from '../commandIds';
import type { Services } from '../services';

export interface InstallTemplatePackOptions {
  /** Required for an https:// source; checked for a local archive when given. */
  sha256?: string;
}

type SourceChoice = 'folder' | 'archive' | 'url' | 'npm';

/**
 * Install Template Pack…: from a folder, a .zip or .tgz, an HTTPS URL (with the
 * archive's sha256) or an npm package name (through the user's own npm configuration),
 * into the user packs folder, the one `pushback pack install` uses. Everything is
 * checked in a staging folder first, so a refused pack leaves the installed one as it
 * was. `source` skips the questions (tests, links). Returns the installed pack.
 */
export async function installTemplatePack(services: Services, source?: unknown, options: InstallTemplatePackOptions = {}): Promise<InstalledPack | undefined> {
  if (source !== undefined && typeof source !== 'string') throw new Error('expected the pack source as text: a folder, an archive, an https:// URL or an npm package name');
  let sha256 = options.sha256;
  let shown = source;
  if (shown === undefined) {
    const asked = await askSource();
    if (!asked) return undefined;
    ({ source: shown, sha256 } = asked);
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Pushback: installing the template pack from ${shown}…` },
    () => installPack(shown, { into: services.userPacksDir, sha256, pushbackVersion: services.pushbackVersion }),
  );
  if (!result.ok) {
    reportInstallProblems(services, shown, result.problems);
    return undefined;
  }
  await services.reloadPacks();
  const { manifest } = result.value.pack;
  const replaced = result.value.previousVersion && result.value.previousVersion !== manifest.version ? ` (replacing ${result.value.previousVersion})` : result.value.previousVersion ? ' (reinstalled)' : '';
  const count = result.value.pack.templates.length;
  void vscode.window
    .showInformationMessage(`Pushback: installed ${manifest.name} ${manifest.version}${replaced}: ${count} template${count === 1 ? '' : 's'} from ${packLabel(manifest)}.`, 'Show Template Packs')
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand(`${PACKS_VIEW_ID}.focus`);
    });
  return result.value;
}

async function askSource(): Promise<{ source: string; sha256?: string } | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(folder) From Folder…', detail: 'a folder holding pushback-pack.json: a cloned team repository, a shared drive', choice: 'folder' as SourceChoice },
      { label: '$(file-zip) From .zip or .tgz File…', detail: 'an archive made by Export Template Pack or `pushback pack export`', choice: 'archive' as SourceChoice },
      { label: '$(globe) From HTTPS URL…', detail: "an archive on a web server, checked against the sha256 its author published", choice: 'url' as SourceChoice },
      { label: '$(package) From npm Package…', detail: 'a package name like @acme/finance-replies, fetched with your own npm configuration (registry, scopes, auth)', choice: 'npm' as SourceChoice },
    ],
    { title: 'Install Template Pack', placeHolder: 'Where is the pack?' },
  );
  switch (picked?.choice) {
    case undefined:
      return undefined;
    case 'folder': {
      const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Install This Pack', title: 'Install Template Pack from a Folder' });
      return chosen?.[0] ? { source: chosen[0].fsPath } : undefined;
    }
    case 'archive': {
      const chosen = await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: false,
        canSelectMany: false,
        openLabel: 'Install This Pack',
        title: 'Install Template Pack from an Archive',
        filters: { 'Pack archives': ['zip', 'tgz', 'gz', 'tar'] },
      });
      return chosen?.[0] ? { source: chosen[0].fsPath } : undefined;
    }
    case 'url': {
      const url = await vscode.window.showInputBox({
        title: 'Install Template Pack from HTTPS URL (1/2)',
        prompt: 'The address of the pack archive (.zip or .tgz)',
        placeHolder: 'https://example.com/acme-finance-replies-1.2.0.zip',
        validateInput: (value) => urlProblem(value.trim()),
      });
      if (!url) return undefined;
      const sha256 = await vscode.window.showInputBox({
        title: 'Install Template Pack from HTTPS URL (2/2)',
        prompt: "The archive's sha256, as its author published it (required: it is what makes a download safe to trust)",
        placeHolder: '64 hexadecimal digits',
        validateInput: (value) => (SHA256.test(value.trim()) ? undefined : 'A sha256 is 64 hexadecimal digits (sha256sum FILE prints it)'),
      });
      return sha256 ? { source: url.trim(), sha256: sha256.trim().toLowerCase() } : undefined;
    }
    case 'npm': {
      const name = await vscode.window.showInputBox({
        title: 'Install Template Pack from npm',
        prompt: 'The package name, optionally with a version: fetched with your npm configuration (registry, scopes and auth in .npmrc)',
        placeHolder: '@acme/finance-replies or @acme/finance-replies@1.2.0',
        validateInput: (value) => (NPM_PACKAGE_SPEC.test(value.trim()) ? undefined : 'Write a package name like @acme/finance-replies or @acme/finance-replies@^1'),
      });
      return name ? { source: name.trim() } : undefined;
    }
  }
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Write the full address, starting with https://';
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname)) ? undefined : 'Only https:// addresses are accepted';
}

/** The first problem in the message, all of them in the log: an install problem is rarely in a file the user can open. */
function reportInstallProblems(services: Services, source: string, problems: readonly Problem[]): void {
  services.logger.error(`Installing the template pack from ${source} failed:\n${problems.map(formatProblem).join('\n')}`);
  const [first] = problems;
  const hint = first?.hint ? ` (${first.hint})` : '';
  const more = problems.length > 1 ? ` And ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'} in the log.` : '';
  // A problem inside the pack names its file as `<source>!/<entry>` (an archive) or a path in the folder.
  const file = first && first.file !== source ? `${first.file.startsWith(source) ? first.file.slice(source.length).replace(/^!?[\\/]/, '') : first.file}:${first.line}:${first.column}: ` : '';
  const what = first ? `${file}${first.path ? `${first.path}: ` : ''}${first.message}${hint}` : 'no reason was given';
  void vscode.window.showErrorMessage(`Pushback: the template pack was not installed, nothing changed. ${what}.${more}`, 'Show Log').then((choice) => {
    if (choice) services.logger.show();
  });
}
