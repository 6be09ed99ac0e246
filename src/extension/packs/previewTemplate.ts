import * as vscode from 'vscode';
import type { CompiledTemplate } from '../../core/engine/compileTemplate';
import { renderReply } from '../../core/engine/renderReply';
import { defaultProposal } from '../../core/engine/replyContext';
import { loadCapacity, loadRequest } from '../../core/load/loadData';
import { analyze } from '../../core/model/analyze';
import { type Problem, type Result, failed, ok } from '../../core/problems';
import { showProblems } from '../showProblems';
import type { Services } from '../services';
import { replySettings } from '../settings';
import { sampleFieldValues } from '../../core/engine/templateFields';
import { vscodeFileSystem } from '../vscodeFileSystem';
import { templateFromArgument } from './pickPack';

/** The date the built-in sample is written for; `pushback pack validate` renders on it too. */
export const SAMPLE_TODAY = '2027-01-04';

/** The template rendered on the built-in sample team and request, as Markdown. */
export async function renderOnSample(services: Services, template: CompiledTemplate): Promise<Result<string>> {
  const [request, capacity] = await Promise.all([loadRequest(vscodeFileSystem, services.sample.requestFile), loadCapacity(vscodeFileSystem, services.sample.capacityFile)]);
  if (!request.ok || !capacity.ok) return failed([...(request.ok ? [] : request.problems), ...(capacity.ok ? [] : capacity.problems)] as Problem[]);
  const analysis = analyze(capacity.value, request.value);
  // A preview shows the template at work: its fields get stand-in values of their kind.
  const reply = renderReply(template, { request: request.value, capacity: capacity.value, analysis, today: SAMPLE_TODAY, proposal: defaultProposal(analysis), ...replySettings(), fields: sampleFieldValues(template.frontMatter.fields) });
  return reply.ok ? ok(reply.value) : reply;
}

/**
 * Preview on Sample: the template (a tree node, an id, or picked) rendered on the
 * built-in sample, opened beside the editor as an untitled Markdown document.
 * Returns the document, for tests.
 */
export async function previewTemplateOnSample(services: Services, argument: unknown): Promise<vscode.TextDocument | undefined> {
  const node = await templateFromArgument(services, argument, 'Preview which template on the sample team?');
  if (!node) return undefined;
  const reply = await renderOnSample(services, node.template);
  if (!reply.ok) {
    showProblems(services.logger, `The template "${node.template.frontMatter.id}" could not be rendered on the sample:`, reply.problems);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reply.value });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return document;
}
