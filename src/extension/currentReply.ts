import * as vscode from 'vscode';
import { findTemplate } from '../core/draftReply';
import type { CompiledTemplate } from '../core/engine/compileTemplate';
import { renderReply } from '../core/engine/renderReply';
import type { ReplyInput } from '../core/engine/replyContext';
import type { TemplatePack } from '../core/pack/loadPack';
import type { Problem } from '../core/problems';
import { localIsoDate } from '../core/selection/localDate';
import { draftTemplateId, incompleteFields, replyInputFromDraft } from '../shared/draftForm';
import { COMMANDS } from './commandIds';
import { showProblems } from './capacityPicker/capacityForDraft';
import type { Services } from './services';
import { readSettings } from './settings';

/** The reply to the current draft, with everything every output (card, email, decision record) needs. */
export interface CurrentReply {
  input: ReplyInput;
  markdown: string;
  template: CompiledTemplate;
  pack: TemplatePack;
  capacityFile: string;
}

export interface CurrentReplyOptions {
  /** Render this template instead of the draft's (the CIO note renders `inform-cio`). */
  templateId?: string;
  /** The "as of" date, YYYY-MM-DD (default: the local today). */
  today?: string;
}

export type CurrentReplyResult =
  | { ok: true; value: CurrentReply }
  /** `summary` says what is wrong in a sentence; `problems` locate it when it is in a file. */
  | { ok: false; summary: string; problems: Problem[] };

/**
 * The reply to the draft in the composer, rendered the way the composer renders it:
 * its capacity file (or the setting, the workspace's, the sample), its request, its
 * chosen alternative (else the default one), its template, the signature setting.
 */
export async function currentReply(services: Services, options: CurrentReplyOptions = {}): Promise<CurrentReplyResult> {
  const draft = services.drafts.get();
  const capacityFile = await services.resolveCapacityFile(draft.capacityFile);
  const [capacity, packs] = await Promise.all([services.loadCapacity(capacityFile), services.packs()]);
  if (!capacity.ok) return { ok: false, summary: 'The capacity file has a problem:', problems: capacity.problems };

  const prepared = replyInputFromDraft(draft, capacity.value, { today: options.today ?? localIsoDate(new Date()), signature: readSettings().signature });
  if (!prepared.ok) return { ok: false, summary: `The draft is not complete yet: ${incompleteFields(prepared.errors)}. Fill it in in the composer.`, problems: [] };

  const found = findTemplate(packs, options.templateId ?? draftTemplateId(draft));
  if (!found.ok) return { ok: false, summary: 'The template cannot be found:', problems: found.problems };

  const { input } = prepared;
  const markdown = renderReply(found.value.template, input);
  if (!markdown.ok) return { ok: false, summary: 'The template could not be rendered:', problems: markdown.problems };
  return { ok: true, value: { input, markdown: markdown.value, template: found.value.template, pack: found.value.pack, capacityFile } };
}

/**
 * {@link currentReply}, or `undefined` after telling the user why there is none:
 * problems in a file with an action that opens it there, an incomplete draft with
 * one that opens the composer. Never waits for the notification to be answered.
 */
export async function currentReplyOrExplain(services: Services, options: CurrentReplyOptions = {}): Promise<CurrentReply | undefined> {
  const reply = await currentReply(services, options);
  if (reply.ok) return reply.value;
  if (reply.problems.length > 0) {
    showProblems(services.logger, reply.summary, reply.problems);
  } else {
    void vscode.window.showWarningMessage(`Pushback: ${reply.summary}`, 'Open Composer').then((choice) => {
      if (choice) void vscode.commands.executeCommand(COMMANDS.openComposer);
    });
  }
  return undefined;
}
