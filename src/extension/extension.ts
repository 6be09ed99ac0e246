import type * as vscode from 'vscode';
import { createServices } from './services';
import * as analysisDocument from './analysisDocument';
import * as composer from './composer';
import * as diagnostics from './diagnostics';
import * as draftFromSelection from './draftFromSelection';
import * as insertTemplate from './insertTemplate';
import * as statusBar from './statusBar';

/** Each feature is a folder exporting `activate(context, services)`; this file only wires them. */
const features = [composer, insertTemplate, draftFromSelection, analysisDocument, diagnostics, statusBar];

export function activate(context: vscode.ExtensionContext): void {
  const services = createServices(context);
  for (const feature of features) feature.activate(context, services);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
