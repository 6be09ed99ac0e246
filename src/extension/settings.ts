import * as vscode from 'vscode';
import { DEFAULT_TEMPLATE_ID } from '../core/draft/draftReply';

export interface Settings {
  capacityFile: string;
  defaultTemplate: string;
  signature: string;
  currency: string;
  /** The reader's locale for replies (formats and translations); empty: the pack's default, else today's English formats. */
  replyLocale: string;
  /** Save each reply that is inserted, copied or posted to .pushback/decisions (trusted workspaces only). */
  decisionLog: boolean;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('pushback');
  return {
    capacityFile: config.get<string>('capacityFile', ''),
    defaultTemplate: config.get<string>('defaultTemplate', DEFAULT_TEMPLATE_ID),
    signature: config.get<string>('signature', ''),
    currency: config.get<string>('currency', ''),
    replyLocale: config.get<string>('replyLocale', ''),
    decisionLog: config.get<boolean>('decisionLog', true),
  };
}

/** The settings a reply is rendered with, above the template pack's defaults. */
export function replySettings(): { signature: string; currency: string; locale: string } {
  const { signature, currency, replyLocale } = readSettings();
  return { signature, currency, locale: replyLocale };
}
