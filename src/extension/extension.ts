import type * as vscode from 'vscode';
import { createServices } from './services';
import * as analysisDocument from './analysisDocument';
import * as capacityPicker from './capacityPicker';
import * as composer from './composer';
import * as diagnostics from './diagnostics';
import * as draftFromSelection from './draftFromSelection';
import * as insertTemplate from './insertTemplate';
import * as statusBar from './statusBar';

/** Each feature is a folder exporting `activate(context, services)`; this file only wires them. */
const features = [composer, insertTemplate, draftFromSelection, analysisDocument, capacityPicker, diagnostics, statusBar];

/** What `activate` returns: the draft store and composer, for integration tests and the benchmark. */
export interface PushbackApi {
  drafts: ReturnType<typeof createServices>['drafts'];
  services: ReturnType<typeof createServices>;
  composer: () => typeof composer.composerProvider;
}

export function activate(context: vscode.ExtensionContext): PushbackApi {
  const services = createServices(context);
  for (const feature of features) feature.activate(context, services);
  return { drafts: services.drafts, services, composer: () => composer.composerProvider };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
