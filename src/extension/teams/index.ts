import * as vscode from 'vscode';
import { type AdaptiveCard, teamsMessage } from '../../core/outputs/adaptiveCard';
import { COMMANDS } from '../commandIds';
import { type CurrentReply, currentReplyOrExplain } from '../currentReply';
import { teamsCardFor } from '../draftHints';
import { recordDecision } from '../decisions/recordDecision';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { type PostResult, WebhookError, checkWebhookUrl, postToTeams, redactWebhookUrl } from './webhookClient';

/** The only place the webhook URL is kept: VS Code's SecretStorage (the OS keychain), never settings or files. */
export const WEBHOOK_SECRET_KEY = 'pushback.teamsWebhookUrl';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  // `url` is for tests and scripts; without it the user pastes the URL into a password box.
  registerFailableCommand(context, services.logger, COMMANDS.setTeamsWebhookUrl, (url?: unknown) => setWebhookUrl(services, typeof url === 'string' ? url : undefined));
  registerFailableCommand(context, services.logger, COMMANDS.clearTeamsWebhookUrl, () => clearWebhookUrl(services));
  registerFailableCommand(context, services.logger, COMMANDS.postToTeams, () => postReplyToTeams(services));
  registerFailableCommand(context, services.logger, COMMANDS.copyTeamsCard, () => copyTeamsCard(services));
}

/** Set Teams Webhook URL…: checked (HTTPS, or http on this computer only), then stored as a secret. */
export async function setWebhookUrl(services: Services, given?: string): Promise<boolean> {
  let url: string | undefined;
  if (given !== undefined) {
    const problem = checkWebhookUrl(given);
    if (problem) throw new Error(`That Teams webhook URL cannot be used: ${problem}.`);
    url = given.trim();
  } else {
    const replacing = (await services.context.secrets.get(WEBHOOK_SECRET_KEY)) !== undefined;
    url = await vscode.window.showInputBox({
      title: 'Teams Webhook URL',
      prompt:
        'The URL of a Teams workflow "Post to a channel when a webhook request is received". ' +
        `Kept in VS Code's secret storage, never in settings.${replacing ? ' It replaces the URL set before.' : ''}`,
      placeHolder: 'https://…',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => {
        if (value.trim() === '') return undefined;
        const problem = checkWebhookUrl(value);
        return problem ? problem.charAt(0).toUpperCase() + problem.slice(1) : undefined;
      },
    });
    url = url?.trim();
    if (!url) return false;
  }
  await services.context.secrets.store(WEBHOOK_SECRET_KEY, url);
  services.logger.info('Saved the Teams webhook URL in secret storage');
  void vscode.window.showInformationMessage("Pushback: saved the Teams webhook URL in VS Code's secret storage.");
  return true;
}

export async function clearWebhookUrl(services: Services): Promise<void> {
  await services.context.secrets.delete(WEBHOOK_SECRET_KEY);
  services.logger.info('Cleared the Teams webhook URL');
  void vscode.window.showInformationMessage('Pushback: cleared the Teams webhook URL.');
}

export interface PostReplyResult {
  status: number;
  attempts: number;
  /** The decision record written for this post, when the decision log is on. */
  decision?: string;
}

/**
 * Post Reply to Teams: the current draft's reply as an Adaptive Card, through the
 * webhook, with a cancellable progress notification while it retries. On success
 * the decision is recorded.
 */
export async function postReplyToTeams(services: Services): Promise<PostReplyResult | undefined> {
  const url = await services.context.secrets.get(WEBHOOK_SECRET_KEY);
  if (!url) {
    void vscode.window.showWarningMessage('Pushback: no Teams webhook URL is set yet.', 'Set Teams Webhook URL…').then((choice) => {
      if (choice) void vscode.commands.executeCommand(COMMANDS.setTeamsWebhookUrl);
    });
    return undefined;
  }
  const reply = await currentReplyOrExplain(services);
  if (!reply) return undefined;
  const card = teamsCardOrExplain(services, reply);
  if (!card) return undefined;

  let result: PostResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Pushback: posting the reply to Teams', cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancellation = token.onCancellationRequested(() => controller.abort());
        try {
          return await postToTeams(url, teamsMessage(card), {
            signal: controller.signal,
            onRetry: ({ attempt, maxAttempts, waitMs, status }) =>
              progress.report({ message: `Teams answered HTTP ${status}; trying again in ${Math.max(1, Math.ceil(waitMs / 1000))} s (attempt ${attempt} of ${maxAttempts})` }),
          });
        } finally {
          cancellation.dispose();
        }
      },
    );
  } catch (error) {
    if (error instanceof WebhookError && error.kind === 'cancelled') {
      void vscode.window.showInformationMessage('Pushback: posting to Teams was cancelled.');
      return undefined;
    }
    // Errors of the client are already free of the URL; anything else is made so before it is shown or logged.
    throw error instanceof WebhookError ? error : new Error(redactWebhookUrl(error instanceof Error ? error.message : String(error), url));
  }
  services.logger.info(`Posted the reply to Teams (HTTP ${result.status}, ${result.attempts} ${result.attempts === 1 ? 'attempt' : 'attempts'})`);
  const decision = await recordDecision(services, 'posted to Teams', { reply });
  void vscode.window.showInformationMessage('Pushback: posted the reply to Teams.', ...(decision ? ['Open Decision'] : [])).then((choice) => {
    if (choice && decision) void vscode.window.showTextDocument(decision);
  });
  return { ...result, decision: decision?.toString() };
}

/** Copy Teams Card JSON: the card alone, for a Workflow's "Post card" step or the Adaptive Cards designer. */
export async function copyTeamsCard(services: Services): Promise<string | undefined> {
  const reply = await currentReplyOrExplain(services);
  if (!reply) return undefined;
  const card = teamsCardOrExplain(services, reply);
  if (!card) return undefined;
  const json = `${JSON.stringify(card, null, 2)}\n`;
  await vscode.env.clipboard.writeText(json);
  void vscode.window.setStatusBarMessage('$(check) Pushback: copied the reply as Adaptive Card JSON', 3000);
  await recordDecision(services, 'copied as a Teams card', { reply });
  return json;
}

/**
 * The reply's Adaptive Card, or `undefined` after saying why Teams would refuse it
 * (too big), with the way out the core names as a remedy: the chat-sized template, one click away.
 */
function teamsCardOrExplain(services: Services, reply: CurrentReply): AdaptiveCard | undefined {
  const card = teamsCardFor({ input: reply.input, markdown: reply.markdown, frontMatter: reply.template.frontMatter });
  if (card.ok) return card.card;
  const { problem } = card;
  services.logger.error(`Teams card refused: ${problem.message} (${problem.hint})`);
  const remedy = problem.remedy?.kind === 'useTemplate' ? problem.remedy : undefined;
  const switchAction = 'Use the Chat-Sized Template';
  void vscode.window.showErrorMessage(`Pushback: ${card.refused}`, ...(remedy ? [switchAction] : [])).then(async (choice) => {
    if (choice !== switchAction || !remedy) return;
    await services.drafts.update({ ...services.drafts.get(), templateId: remedy.templateId });
  });
  return undefined;
}
