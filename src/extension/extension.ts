import type * as vscode from 'vscode';
import { createServices } from './services';
import * as analysisDocument from './analysisDocument';
import * as chat from './chat';
import * as capacityPicker from './capacityPicker';
import * as cioNote from './cioNote';
import * as composer from './composer';
import * as decisions from './decisions';
import * as diagnostics from './diagnostics';
import * as draftFromSelection from './draftFromSelection';
import * as emailExport from './emailExport';
import * as frontMatterCompletion from './frontMatterCompletion';
import * as insertTemplate from './insertTemplate';
import * as lmTools from './lmTools';
import * as packs from './packs';
import * as rewriteCheck from './rewriteCheck';
import * as statusBar from './statusBar';
import * as teams from './teams';

/** Each feature is a folder exporting `activate(context, services)`; this file only wires them. */
const features = [composer, insertTemplate, draftFromSelection, analysisDocument, capacityPicker, diagnostics, statusBar, teams, emailExport, decisions, cioNote, packs, lmTools, chat, rewriteCheck, frontMatterCompletion];

/** What `activate` returns: the draft store and composer, for integration tests and the benchmark. */
export interface PushbackApi {
  drafts: ReturnType<typeof createServices>['drafts'];
  services: ReturnType<typeof createServices>;
  composer: () => typeof composer.composerProvider;
  decisions: () => typeof decisions.decisionsProvider;
  packs: () => typeof packs.packsProvider;
  /** The @pushback participant's handler, for tests with a fake stream and model. */
  chat: () => typeof chat.chatHandler;
  /** The language-model tools as registered, for tests of prepareInvocation. */
  tools: () => typeof lmTools.pushbackTools;
}

export function activate(context: vscode.ExtensionContext): PushbackApi {
  const services = createServices(context);
  for (const feature of features) feature.activate(context, services);
  return { drafts: services.drafts, services, composer: () => composer.composerProvider, decisions: () => decisions.decisionsProvider, packs: () => packs.packsProvider, chat: () => chat.chatHandler, tools: () => lmTools.pushbackTools };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
