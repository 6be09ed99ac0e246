import * as vscode from 'vscode';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}

/** One output channel ("Pushback"), created on first use so activation stays cheap. */
export function createLogger(context: vscode.ExtensionContext): Logger {
  let channel: vscode.LogOutputChannel | undefined;
  const get = () => {
    if (!channel) {
      channel = vscode.window.createOutputChannel('Pushback', { log: true });
      context.subscriptions.push(channel);
    }
    return channel;
  };
  return {
    info: (message) => get().info(message),
    error: (message, error) => get().error(message, ...(error === undefined ? [] : [error instanceof Error ? (error.stack ?? error.message) : String(error)])),
    show: () => get().show(true),
  };
}
