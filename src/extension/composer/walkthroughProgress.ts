import * as vscode from 'vscode';

/**
 * Walkthrough steps done in the composer. Its actions are not commands, so the
 * steps complete on context keys (`onContext:` completion events in package.json)
 * that the composer sets when the leader does the step there.
 */
export type WalkthroughStep = 'capacityChosen' | 'requestDescribed' | 'replySent';

const done = new Set<WalkthroughStep>();

export function markWalkthrough(step: WalkthroughStep): void {
  if (done.has(step)) return;
  done.add(step);
  void vscode.commands.executeCommand('setContext', `pushback.walkthrough.${step}`, true);
}
