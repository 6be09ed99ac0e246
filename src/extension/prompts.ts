import * as vscode from 'vscode';

/**
 * The questions and notifications commands show, behind one seam: the integration
 * tests (which run in the real extension host, where nobody clicks) answer them by
 * replacing `services.prompts`, and see exactly what the user would have been asked.
 */
export interface Prompts {
  /** A modal question: the chosen button, or `undefined` for Cancel or Escape. */
  ask<T extends string>(message: string, detail: string, ...choices: T[]): Thenable<T | undefined>;
  /** An information notification with buttons: the one clicked, or `undefined` when it is dismissed. */
  inform<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined>;
}

export const windowPrompts: Prompts = {
  ask: (message, detail, ...choices) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...choices),
  inform: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
};
