import * as vscode from 'vscode';

export interface Settings {
  capacityFile: string;
  defaultTemplate: string;
  signature: string;
  currency: string;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('pushback');
  return {
    capacityFile: config.get<string>('capacityFile', ''),
    defaultTemplate: config.get<string>('defaultTemplate', 'yes-and-tradeoffs'),
    signature: config.get<string>('signature', ''),
    currency: config.get<string>('currency', ''),
  };
}
