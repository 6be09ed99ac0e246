import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { z } from 'zod';
import { PROPOSALS, type Proposal } from '../../core/engine/replyContext';
import { formatPath } from '../../core/problems';
import { type Request, requestSchema } from '../../core/schema/request';
import { type DraftForm, emptyDraft } from '../../core/draft/draftForm';
import type { Services } from '../services';

/** The tools' inputs as a model sends them; `request` is checked against the request schema separately, for located messages. */
export const analyzeToolInput = z.strictObject({ request: z.unknown(), capacityFile: z.string().optional() });
export const draftToolInput = analyzeToolInput.extend({ templateId: z.string().optional(), proposal: z.enum(PROPOSALS as [Proposal, ...Proposal[]]).optional() });
export type AnalyzeToolInput = z.infer<typeof analyzeToolInput>;
export type DraftToolInput = z.infer<typeof draftToolInput>;

/** The input checked, or a message a model can act on: each wrong field with what is wrong. */
export function checkToolInput<T>(schema: z.ZodType<T>, input: unknown): { ok: true; value: T; request: Request } | { ok: false; message: string } {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: invalid(parsed.error.issues, '') };
  const request = requestSchema.safeParse((parsed.data as { request: unknown }).request);
  if (!request.success) return { ok: false, message: invalid(request.error.issues, 'request.') };
  return { ok: true, value: parsed.data, request: request.data };
}

function invalid(issues: readonly z.core.$ZodIssue[], prefix: string): string {
  const lines = issues.map((issue) => `- ${prefix}${formatPath(issue.path) || '(input)'}: ${issue.message}`);
  return `The input is not valid; fix these fields and call the tool again:\n${lines.join('\n')}`;
}

/** The request as the composer's form holds it, so the tools render through the composer's own path. */
export function draftForRequest(request: Request, capacityFile: string, choices: { templateId?: string; proposal?: Proposal } = {}): DraftForm {
  return emptyDraft({
    title: request.title,
    requesterName: request.requester.name,
    requesterTitle: request.requester.title ?? '',
    effortDays: String(request.effortDays),
    neededBy: request.neededBy ?? '',
    rank: String(request.rank),
    costOfDelayPerWeek: String(request.costOfDelayPerWeek),
    outcome: request.outcome ?? '',
    informsCio: request.informsCio ?? '',
    capacityFile,
    templateId: choices.templateId ?? '',
    proposal: choices.proposal ?? '',
  });
}

export interface ToolCapacity {
  file: string;
  /** As the user knows it: a workspace-relative path, or "the built-in sample team". */
  label: string;
  /** Said first in the result when the data is not what was asked for (Restricted Mode). */
  note?: string;
}

const CAPACITY_NAME = /\.capacity\.(json|ya?ml)$/i;

/**
 * Which capacity file a tool reads: the one named (inside the workspace, a
 * `*.capacity.*` file), else the composer's choice. In Restricted Mode only the
 * built-in sample, and the result says so.
 */
export async function toolCapacity(services: Services, named: string | undefined): Promise<ToolCapacity | { error: string }> {
  const sample = { file: services.sample.capacityFile, label: 'the built-in sample team' };
  if (!vscode.workspace.isTrusted) {
    return { ...sample, note: "This workspace is in Restricted Mode, so Pushback used its built-in sample team, not the workspace's capacity data. Trust the folder to analyze your own team." };
  }
  if (named) {
    const file = await insideWorkspace(named);
    if (!file) return { error: `"${named}" is not a capacity file in this workspace: name a *.capacity.json or *.capacity.yaml file inside the open folder, or leave capacityFile out to use the composer's choice.` };
    return { file, label: vscode.workspace.asRelativePath(file) };
  }
  const file = await services.resolveCapacityFile(services.drafts.get().capacityFile);
  return file === services.sample.capacityFile ? sample : { file, label: vscode.workspace.asRelativePath(file) };
}

/** The real path of a `*.capacity.*` file inside a workspace folder (symlinks resolved), else undefined. */
async function insideWorkspace(named: string): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0 || !CAPACITY_NAME.test(named)) return undefined;
  const candidate = path.resolve(folders[0].uri.fsPath, named);
  try {
    const real = await fs.realpath(candidate);
    for (const folder of folders) {
      const root = await fs.realpath(folder.uri.fsPath);
      const relative = path.relative(root, real);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative) && CAPACITY_NAME.test(real)) return candidate;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
