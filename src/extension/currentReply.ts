import * as vscode from 'vscode';
import { type Draft, draftReply } from '../core/draft/draftReply';
import type { Problem } from '../core/problems';
import { localIsoDate } from '../core/selection/localDate';
import type { DraftForm } from '../core/draft/draftForm';
import { COMMANDS } from './commandIds';
import { explainDraftFailure } from './draftHints';
import type { Services } from './services';
import { replySettings } from './settings';
import { showProblems } from './showProblems';

/** The reply to the current draft, with everything every output (card, email, decision record) needs. */
export interface CurrentReply extends Draft {
  capacityFile: string;
}

export interface CurrentReplyOptions {
  /** Render this template instead of the draft's (the CIO note renders `inform-cio`). */
  templateId?: string;
  /** The "as of" date, YYYY-MM-DD (default: the local today). */
  today?: string;
  /** Render this draft instead of the composer's (a chat request, a language-model tool call). */
  draft?: DraftForm;
}

export type CurrentReplyResult =
  | { ok: true; value: CurrentReply }
  /** `summary` says what is wrong in a sentence; `problems` locate it when it is in a file. */
  | { ok: false; summary: string; problems: Problem[] };

/**
 * The reply to the draft in the composer, through the one path the composer and
 * the CLI use too: its capacity file (or the setting, the workspace's, the sample),
 * its request, its chosen alternative (else the default one), its template, the
 * signature setting.
 */
export async function currentReply(services: Services, options: CurrentReplyOptions = {}): Promise<CurrentReplyResult> {
  const draft = options.draft ?? services.drafts.get();
  const capacityFile = await services.resolveCapacityFile(draft.capacityFile);
  const [capacity, packs] = await Promise.all([services.loadCapacity(capacityFile), services.packs()]);
  const reply = draftReply({
    capacity,
    request: { form: draft },
    packs,
    templateId: options.templateId,
    today: options.today ?? localIsoDate(new Date()),
    ...replySettings(),
  });
  if (!reply.ok) return { ok: false, ...explainDraftFailure(reply) };
  return { ok: true, value: { ...reply.value, capacityFile } };
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
