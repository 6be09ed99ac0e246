import * as vscode from 'vscode';
import { markdownToPlainText } from '../../core/engine/markdownOutput';
import { draftFormSchema } from '../../core/draft/draftForm';
import { COMMANDS } from '../commandIds';
import { insertReply } from '../composer/replyActions';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { type ChatMetadata, type ChatRequestLike, type ChatStream, handleChatRequest, proposalFollowups } from './handleChatRequest';

export const PARTICIPANT_ID = 'pushback.chat';

/** The participant's handler as tests call it: a request, the metadata of earlier answers, a stream. */
export type PushbackChatHandler = (request: ChatRequestLike, stream: ChatStream, history?: readonly ChatMetadata[], token?: vscode.CancellationToken) => Promise<{ metadata: ChatMetadata }>;

export let chatHandler: PushbackChatHandler | undefined;

/** `@pushback` in the chat view, and the commands its buttons run. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  chatHandler = (request, stream, history = [], token = new vscode.CancellationTokenSource().token) => handleChatRequest(services, request, history, stream, token);
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, chatContext, stream, token) =>
    handleChatRequest(services, request, metadataOf(chatContext), stream, token),
  );
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  participant.followupProvider = { provideFollowups: (result) => proposalFollowups(result.metadata as ChatMetadata | undefined) };
  context.subscriptions.push(participant);

  registerFailableCommand(context, services.logger, COMMANDS.chatInsertReply, (markdown?: unknown) => insertReply(String(markdown ?? '')));
  registerFailableCommand(context, services.logger, COMMANDS.chatCopyForEmail, async (markdown?: unknown) => {
    // The clipboard API takes text only: plain text with aligned tables pastes cleanly into Outlook and Gmail.
    await vscode.env.clipboard.writeText(markdownToPlainText(String(markdown ?? '')));
    void vscode.window.setStatusBarMessage('$(check) Pushback: copied the reply for email (plain text)', 3000);
  });
  registerFailableCommand(context, services.logger, COMMANDS.chatOpenInComposer, async (draft?: unknown) => {
    const parsed = draftFormSchema.safeParse(draft);
    if (parsed.success) await services.drafts.update(parsed.data);
    await vscode.commands.executeCommand(COMMANDS.openComposer);
  });
}

/** The metadata of this participant's earlier answers in the conversation, oldest first. */
function metadataOf(chatContext: vscode.ChatContext): ChatMetadata[] {
  return chatContext.history.flatMap((turn) =>
    turn instanceof vscode.ChatResponseTurn && turn.participant === PARTICIPANT_ID && turn.result.metadata ? [turn.result.metadata as ChatMetadata] : [],
  );
}
