import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/engine/replyContext';
import { analyze } from '../../core/model/analyze';
import { analysisSummary } from '../../core/outputs/analysisSummary';
import { formatProblem } from '../../core/problems';
import { figureContext } from '../../core/rewriteCheck/figureContext';
import { figureList } from '../../core/rewriteCheck/figureList';
import { localIsoDate } from '../../core/selection/localDate';
import { currentReply } from '../currentReply';
import type { Services } from '../services';
import { resolveToolCall } from './resolveToolCall';
import { type AnalyzeToolInput, type DraftToolInput, analyzeToolInput, draftForRequest, draftToolInput, toolCapacity } from './toolInputs';

export const TOOL_NAMES = { analyze: 'pushback_analyzeRequest', draft: 'pushback_draftReply' } as const;

/** The two tools, also returned by `activate` so tests can call `prepareInvocation` directly. */
export interface PushbackTools {
  analyze: vscode.LanguageModelTool<AnalyzeToolInput>;
  draft: vscode.LanguageModelTool<DraftToolInput>;
}

export let pushbackTools: PushbackTools | undefined;

/** Language-model tools for agent mode and other extensions: cheap to register, all work happens on a call. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  pushbackTools = { analyze: analyzeTool(services), draft: draftTool(services) };
  context.subscriptions.push(vscode.lm.registerTool(TOOL_NAMES.analyze, pushbackTools.analyze), vscode.lm.registerTool(TOOL_NAMES.draft, pushbackTools.draft));
}

function analyzeTool(services: Services): vscode.LanguageModelTool<AnalyzeToolInput> {
  return {
    prepareInvocation: ({ input }) => prepare(services, input, 'Analyze the request', 'Pushback will compute the load, what slips, the funding and the alternatives'),
    async invoke({ input }) {
      const resolved = await resolveToolCall(services, analyzeToolInput, input);
      if (!resolved.ok) return text(resolved.message);
      const { request, capacity } = resolved.call;
      const loaded = await services.loadCapacity(capacity.file);
      if (!loaded.ok) return text(`${capacity.label} has problems; fix them and try again:\n${loaded.problems.map(formatProblem).join('\n')}`);
      const analysis = analyze(loaded.value, request);
      const summary = analysisSummary({ request, capacity: loaded.value, analysis, today: localIsoDate(new Date()) });
      // The JSON is exactly what `pushback analyze` prints, so a model (or a script) can rely on its field names.
      return new vscode.LanguageModelToolResult([
        new vscode.LanguageModelTextPart(`${capacity.note ? `${capacity.note}\n\n` : ''}Analysis against ${capacity.label}: ${summary}`),
        new vscode.LanguageModelTextPart(JSON.stringify(analysis, null, 2)),
      ]);
    },
  };
}

function draftTool(services: Services): vscode.LanguageModelTool<DraftToolInput> {
  return {
    prepareInvocation: ({ input }) => prepare(services, input, 'Draft the reply', 'Pushback will draft the reply, with every figure computed'),
    async invoke({ input }) {
      const resolved = await resolveToolCall(services, draftToolInput, input);
      if (!resolved.ok) return text(resolved.message);
      const { value, request, capacity } = resolved.call;
      const draft = draftForRequest(request, capacity.file, { templateId: value.templateId, proposal: value.proposal });
      const reply = await currentReply(services, { draft, templateId: value.templateId });
      if (!reply.ok) return text(`${reply.summary}\n${reply.problems.map(formatProblem).join('\n')}`.trim());
      const figures = figureList(reply.value.markdown, figureContext(reply.value.input));
      return new vscode.LanguageModelToolResult([
        new vscode.LanguageModelTextPart(reply.value.markdown),
        new vscode.LanguageModelTextPart(
          `${capacity.note ? `${capacity.note}\n\n` : ''}Drafted with the template "${reply.value.template.frontMatter.id}" against ${capacity.label}. ` +
            `These figures were computed; quote them exactly, and do not add others:\n${figures}`,
        ),
      ]);
    },
  };
}

/** Names the capacity file the call will read, and asks first: the data is the team's plan. */
async function prepare(services: Services, input: { capacityFile?: string } | undefined, title: string, what: string): Promise<vscode.PreparedToolInvocation> {
  const capacity = await toolCapacity(services, typeof input?.capacityFile === 'string' ? input.capacityFile : undefined);
  const source = 'error' in capacity ? `the capacity file "${input?.capacityFile}" (which will be refused: ${capacity.error})` : capacity.label;
  // File names are the workspace's text: escaped, never read as Markdown.
  const note = 'note' in capacity && capacity.note ? `\n\n${capacity.note}` : '';
  const message = new vscode.MarkdownString(`${what} from the team's capacity data in **${escapeMarkdown(source)}**.${note}`);
  return {
    invocationMessage: `Reading ${'error' in capacity ? 'the capacity data' : capacity.label}`,
    confirmationMessages: { title: `Pushback: ${title}?`, message },
  };
}

function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}
