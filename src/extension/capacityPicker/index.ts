import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { CapacityChoice, Services } from '../services';
import { capacityForDraft } from './capacityForDraft';

/** Select Capacity File…: which team's capacity the draft is analysed against. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  registerFailableCommand(context, services.logger, COMMANDS.selectCapacityFile, (file?: unknown) =>
    selectCapacityFile(services, typeof file === 'string' ? file : undefined),
  );
}

type PickItem = vscode.QuickPickItem & { choice?: CapacityChoice; action?: 'browse' | 'trust' };

/**
 * Pick a capacity file (the workspace's, then the sample) and keep it in the draft.
 * With `file` (for tests and other commands) no picker is shown; it must be one of
 * the choices, or any file in a trusted workspace. Returns the file chosen, or
 * `undefined` when the user cancels.
 */
export async function selectCapacityFile(services: Services, file?: string): Promise<string | undefined> {
  const choices = await services.capacityChoices();
  const chosen = file === undefined ? await pick(services, choices) : allowed(choices, file);
  if (chosen === undefined) return undefined;

  const draft = { ...services.drafts.get(), capacityFile: chosen };
  await services.drafts.update(draft);
  // Checked now rather than at the next draft: a broken file is reported with its line while the choice is fresh.
  const loaded = await capacityForDraft(services, draft);
  if (loaded) void vscode.window.showInformationMessage(`Pushback: the draft now uses ${loaded.label} (${loaded.capacity.team}).`);
  return chosen;
}

function allowed(choices: readonly CapacityChoice[], file: string): string {
  if (choices.some((c) => c.file === file)) return file;
  if (!vscode.workspace.isTrusted) {
    throw new Error('only the built-in sample can be used in a restricted workspace: trust this folder to use its capacity files');
  }
  return file;
}

async function pick(services: Services, choices: readonly CapacityChoice[]): Promise<string | undefined> {
  const current = await services.resolveCapacityFile(services.drafts.get().capacityFile);
  const trusted = vscode.workspace.isTrusted;
  const item = (choice: CapacityChoice): PickItem => ({
    label: `${choice.isSample ? '$(beaker)' : '$(file)'} ${choice.label}`,
    description: [choice.isSample ? 'built-in sample' : '', choice.file === current ? 'in use' : ''].filter(Boolean).join(' · ') || undefined,
    detail: choice.isSample ? 'A fictional IT team with a full quarter: try Pushback before using your own data.' : undefined,
    choice,
  });
  const workspace = choices.filter((c) => !c.isSample).map(item);
  const sample = choices.filter((c) => c.isSample).map(item);
  const items: PickItem[] = trusted
    ? [
        ...workspace,
        ...(workspace.length === 0 ? [{ label: 'No *.capacity.json or *.capacity.yaml files in this workspace', kind: vscode.QuickPickItemKind.Separator }] : []),
        { label: 'Other', kind: vscode.QuickPickItemKind.Separator },
        { label: '$(folder-opened) Browse…', detail: 'A capacity file anywhere on disk', action: 'browse' },
        { label: 'Sample', kind: vscode.QuickPickItemKind.Separator },
        ...sample,
      ]
    : [
        ...sample,
        { label: 'Restricted mode', kind: vscode.QuickPickItemKind.Separator },
        {
          label: '$(shield) Why only the sample?',
          detail: 'This folder is not trusted, so Pushback does not read its capacity files. Pick this to manage Workspace Trust.',
          action: 'trust',
        },
      ];

  const selected = await vscode.window.showQuickPick(items, {
    title: 'Select Capacity File',
    placeHolder: trusted ? 'The team capacity the draft is analysed against' : 'Restricted mode: only the built-in sample can be used until you trust this folder',
    matchOnDescription: true,
  });
  if (!selected) return undefined;
  if (selected.action === 'trust') {
    await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  if (selected.action === 'browse') {
    const [uri] =
      (await vscode.window.showOpenDialog({
        title: 'Select Capacity File',
        canSelectMany: false,
        filters: { 'Capacity files': ['yaml', 'yml', 'json'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      })) ?? [];
    return uri?.fsPath;
  }
  return selected.choice?.file;
}
