/**
 * Shared by the integration suites, which run inside the real extension host
 * (see test/host/runSuites.ts). Bundled into each suite by scripts/build-tests.mjs.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PushbackApi } from '../../src/extension/extension';
import type { DraftForm } from '../../src/core/draft/draftForm';

export const EXTENSION_ID = 'pushback.pushback';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function pushbackExtension(): vscode.Extension<PushbackApi> {
  const extension = vscode.extensions.getExtension<PushbackApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}

/** The extension's exports (its `activate` result), activating it first if needed. */
export async function pushbackApi(): Promise<PushbackApi> {
  const extension = pushbackExtension();
  const api = await extension.activate();
  assert.ok(api && typeof api === 'object', '`activate` returned no API: it should return { drafts, services, composer }');
  return api;
}

/** The composer's API (its session, its current reply), reached through the extension's exports. */
export async function composerProvider(): Promise<NonNullable<ReturnType<PushbackApi['composer']>>> {
  const provider = (await pushbackApi()).composer();
  assert.ok(provider, 'the composer API was not set on activation');
  return provider;
}

/** The one workspace folder the runner opens: a fresh copy of test/fixtures/workspace. */
export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (test/fixtures/workspace, copied)');
  return folder.uri.fsPath;
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceFolder(), ...parts));
}

/**
 * For the `before` of a `*.restricted` suite: the harness must have opened the folder in
 * Restricted Mode. Failing here, not skipping, so a harness that lost it cannot pass green.
 */
export function assertRestrictedMode(): void {
  assert.equal(vscode.workspace.isTrusted, false, 'this suite must run in Restricted Mode (Workspace Trust on, the folder untrusted), and the workspace is trusted');
}

/**
 * Poll `probe` until `accept` is true of its value; the last value is returned.
 * Fails with `what` and the last value seen, so a timeout says what never happened.
 */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      assert.fail(`${what}: not after ${timeoutMs} ms; last value: ${describe(value)}`);
    }
    await sleep(intervalMs);
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof vscode.Range ? rangeText(v) : v));
  } catch {
    return String(value);
  }
}

/** "6:62-6:64" (1-based, as the Problems panel shows it). */
export function rangeText(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** Pushback's diagnostics for a file (the JSON/YAML schema validators add their own; they are not ours). */
export function pushbackDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Pushback');
}

/** Leave the window as a suite found it: no editors, no unsaved changes kept. */
export async function closeAllEditorsWithoutSaving(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The request the suites draft: Visitor Wi-Fi for Dana, on the fixture workspace's team. */
export const VISITOR_WIFI_TITLE = 'Visitor Wi-Fi for the new office';

export function visitorWifiDraft(base: DraftForm): DraftForm {
  return {
    ...base,
    title: VISITOR_WIFI_TITLE,
    requesterName: 'Dana Whitfield',
    requesterTitle: 'VP Sales',
    effortDays: '4',
    neededBy: '2027-01-29',
    outcome: 'welcome guests without a helpdesk ticket',
    capacityFile: workspaceUri('team.capacity.yaml').fsPath,
    templateId: 'yes-and-tradeoffs',
    proposal: '',
  };
}
