import * as vscode from 'vscode';
import { DEFAULT_TEMPLATE_ID } from '../core/draft/draftReply';

export interface Settings {
  capacityFile: string;
  defaultTemplate: string;
  signature: string;
  currency: string;
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
    decisionLog: config.get<boolean>('decisionLog', true),
  };
}
