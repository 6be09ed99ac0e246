import * as vscode from 'vscode';
import { analysisMarkdown } from '../../core/engine/analysisMarkdown';
import { escapeMarkdown, type Proposal } from '../../core/engine/replyContext';
import { loadRequest } from '../../core/load/loadData';
import { analyze } from '../../core/model/analyze';
import { localIsoDate } from '../../core/selection/localDate';
import { type DraftForm, requestFromDraft } from '../../core/draft/draftForm';
import { incompleteFields } from '../draftHints';
import { capacityForDraft } from '../capacityPicker/capacityForDraft';
import { showProblems } from '../showProblems';
import { COMMANDS } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { vscodeFileSystem } from '../vscodeFileSystem';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  registerFailableCommand(context, services.logger, COMMANDS.showAnalysis, (options?: unknown) =>
    showAnalysis(services, typeof options === 'object' && options !== null ? (options as ShowAnalysisOptions) : {}),
  );
}

export interface ShowAnalysisOptions {
  /** Fields that replace the saved draft's for this analysis only (tests, other commands). */
  draft?: Partial<DraftForm>;
  /** The "as of" date, YYYY-MM-DD (default: the local today). */
  today?: string;
}

export interface ShowAnalysisResult {
  uri: string;
  markdown: string;
  /** True when the draft was incomplete and the sample request was analysed instead. */
  usedSampleRequest: boolean;
}

/**
 * Show Analysis as Markdown: the draft's analysis against its capacity as an untitled
 * Markdown document. An incomplete draft is not an error: the sample request is
 * analysed instead, and the document says so at the top.
 */
export async function showAnalysis(services: Services, options: ShowAnalysisOptions = {}): Promise<ShowAnalysisResult | undefined> {
  const draft: DraftForm = { ...services.drafts.get(), ...options.draft };
  const capacity = await capacityForDraft(services, draft);
  if (!capacity) return undefined;

  const own = requestFromDraft(draft);
  let request;
  let requestNote: string | undefined;
  if (own.ok) {
    request = own.request;
  } else {
    const sample = await loadRequest(vscodeFileSystem, services.sample.requestFile);
    if (!sample.ok) {
      showProblems(services.logger, 'The sample request has a problem:', sample.problems);
      return undefined;
    }
    request = sample.value;
    requestNote =
      `The draft is incomplete (${incompleteFields(own.errors)}), so these figures are for the sample request ` +
      `“${escapeMarkdown(request.title)}”. Fill in the composer and run Show Analysis as Markdown again for your own.`;
  }

  const analysis = analyze(capacity.capacity, request);
  const markdown = analysisMarkdown({
    capacity: capacity.capacity,
    request,
    analysis,
    today: options.today ?? localIsoDate(new Date()),
    capacitySource: capacity.label,
    requestNote,
    proposal: (draft.proposal || undefined) as Proposal | undefined,
  });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document, { preview: false });
  if (requestNote) {
    void vscode.window.showInformationMessage('Pushback: the draft is incomplete, so the analysis is for the sample request (the document says which fields are missing).');
  }
  return { uri: document.uri.toString(), markdown, usedSampleRequest: requestNote !== undefined };
}
