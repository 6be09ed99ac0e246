import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { type ChatMetadata, type ChatStream, proposalFollowups } from '../../src/extension/chat/handleChatRequest';
import { closeAllEditorsWithoutSaving, pushbackApi, visitorWifiDraft, workspaceFolder, workspaceUri } from './helpers';

/**
 * Pushback in chat and agent mode, in the real extension host: the language-model tools
 * through vscode.lm.invokeTool (compared with the CLI on the same files), and the
 * @pushback participant's handler with a fake response stream and a fake model.
 */

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** What `pushback ARGS…` prints, run as a real process (asynchronously: a blocked extension host would stall the suite). */
function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(repoRoot, 'bin', 'pushback.js'), ...args], { cwd: workspaceFolder(), encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** The CLI's output for each set of arguments the suite compares with, run once, in parallel, before the tests. */
const cliOutputs = new Map<string, string>();
const DEMO = ['--request', 'demo.request.yaml', '--capacity', 'team.capacity.yaml'];
const CLI_RUNS = {
  analyze: ['analyze', ...DEMO],
  reply: ['draft', ...DEMO],
  betterYesDefer: ['draft', ...DEMO, '--template', 'better-yes-alternative', '--proposal', 'defer'],
  cioNote: ['draft', ...DEMO, '--template', 'inform-cio'],
  deferred: ['draft', ...DEMO, '--proposal', 'defer'],
};

function cli(run: keyof typeof CLI_RUNS): string {
  const output = cliOutputs.get(run);
  assert.ok(output !== undefined, `no CLI output for ${run}`);
  return output;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function textParts(result: vscode.LanguageModelToolResult): string[] {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''));
}

/** A response stream that records what the participant wrote and which buttons it offered. */
class RecordingStream implements ChatStream {
  markdownText = '';
  buttons: vscode.Command[] = [];
  progressMessages: string[] = [];
  markdown(value: string | vscode.MarkdownString): void {
    this.markdownText += typeof value === 'string' ? value : value.value;
  }
  button(command: vscode.Command): void {
    this.buttons.push(command);
  }
  progress(value: string): void {
    this.progressMessages.push(value);
  }
}

/** A LanguageModelChat whose answer is `rewrite(the prompt)`; records the prompts. */
function fakeModel(rewrite: (prompt: string) => string): vscode.LanguageModelChat & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    id: 'fake',
    name: 'Fake model',
    vendor: 'tests',
    family: 'fake',
    version: '1',
    maxInputTokens: 100_000,
    prompts,
    countTokens: async () => 0,
    async sendRequest(messages: vscode.LanguageModelChatMessage[]) {
      const prompt = messages.map((m) => m.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('')).join('\n');
      prompts.push(prompt);
      const answer = rewrite(prompt);
      async function* chunks() {
        // In pieces, as a real model streams.
        for (let i = 0; i < answer.length; i += 40) yield answer.slice(i, i + 40);
      }
      return { text: chunks(), stream: chunks() } as unknown as vscode.LanguageModelChatResponse;
    },
  } as vscode.LanguageModelChat & { prompts: string[] };
}

/** The reply part of the prompt the participant sends: everything after "The reply:". */
function replyInPrompt(prompt: string): string {
  return prompt.slice(prompt.indexOf('The reply:\n\n') + 'The reply:\n\n'.length);
}

describe('chat and agents', function () {
  this.timeout(60_000);
  let request: Record<string, unknown>;

  before(async () => {
    const { drafts } = await pushbackApi();
    // The composer holds exactly demo.request.yaml, so its replies can be compared with the CLI's.
    await drafts.update({ ...visitorWifiDraft(drafts.get()), rank: '1', costOfDelayPerWeek: '500', outcome: '' });
    request = parse(fs.readFileSync(workspaceUri('demo.request.yaml').fsPath, 'utf8')) as Record<string, unknown>;
    const today = localToday();
    await Promise.all(
      Object.entries(CLI_RUNS).map(async ([run, args]) => cliOutputs.set(run, await runCli(run === 'analyze' ? args : [...args, '--today', today]))),
    );
  });

  after(closeAllEditorsWithoutSaving);

  describe('language-model tools', () => {
    it('are registered with the names, tags and schemas package.json contributes', () => {
      const tools = vscode.lm.tools.filter((tool) => tool.name.startsWith('pushback_'));
      assert.deepEqual(tools.map((t) => t.name).sort(), ['pushback_analyzeRequest', 'pushback_draftReply']);
      for (const tool of tools) assert.ok(tool.inputSchema && tool.tags.includes('pushback'), tool.name);
    });

    it('pushback_analyzeRequest returns the same analysis as `pushback analyze` on the same files, and a summary', async () => {
      const result = await vscode.lm.invokeTool('pushback_analyzeRequest', { input: { request, capacityFile: 'team.capacity.yaml' }, toolInvocationToken: undefined });
      const [summary, json] = textParts(result);
      assert.deepEqual(JSON.parse(json), JSON.parse(cli('analyze')));
      assert.match(summary, /^Analysis against team\.capacity\.yaml: Visitor Wi-Fi for the new office \(4 days, asked by Dana Whitfield\) would take Integration Test Team from 80% to 120% of its capacity/);
    });

    it("uses the composer's capacity file when none is named", async () => {
      const result = await vscode.lm.invokeTool('pushback_analyzeRequest', { input: { request }, toolInvocationToken: undefined });
      assert.match(textParts(result)[0], /^Analysis against team\.capacity\.yaml:/);
    });

    it('pushback_draftReply returns the reply the CLI drafts, then the figures it contains', async () => {
      const result = await vscode.lm.invokeTool('pushback_draftReply', {
        input: { request, capacityFile: 'team.capacity.yaml', templateId: 'better-yes-alternative', proposal: 'defer' },
        toolInvocationToken: undefined,
      });
      const [reply, figures] = textParts(result);
      assert.equal(reply, cli('betterYesDefer'));
      assert.match(figures, /Drafted with the template "better-yes-alternative" against team\.capacity\.yaml/);
      assert.match(figures, /- People: Dana Whitfield; Elena Petrova/);
    });

    it('says what is wrong with an invalid request, and refuses a capacity file outside the workspace', async () => {
      const invalid = await vscode.lm.invokeTool('pushback_analyzeRequest', { input: { request: { ...request, effortDays: -1 } }, toolInvocationToken: undefined });
      assert.match(textParts(invalid)[0], /request\.effortDays: /);
      const outside = await vscode.lm.invokeTool('pushback_analyzeRequest', { input: { request, capacityFile: '../../etc/passwd.capacity.yaml' }, toolInvocationToken: undefined });
      assert.match(textParts(outside)[0], /is not a capacity file in this workspace/);
    });

    it('asks for confirmation naming the capacity file it will read', async () => {
      const tools = (await pushbackApi()).tools();
      assert.ok(tools);
      const prepared = await tools.analyze.prepareInvocation?.({ input: { request, capacityFile: 'team.capacity.yaml' } }, new vscode.CancellationTokenSource().token);
      const message = prepared?.confirmationMessages?.message;
      assert.match(typeof message === 'string' ? message : (message?.value ?? ''), /in \*\*team\\?\.capacity\\?\.yaml\*\*/);
      assert.match(String(prepared?.invocationMessage), /team\.capacity\.yaml/);
    });
  });

  describe('the @pushback participant', () => {
    const handle = async (prompt: string, command: string | undefined, model?: vscode.LanguageModelChat, history: ChatMetadata[] = []) => {
      const handler = (await pushbackApi()).chat();
      assert.ok(handler, 'the chat handler is not exposed');
      const stream = new RecordingStream();
      const result = await handler({ prompt, command, model }, stream, history);
      return { stream, result };
    };
    const templateReply = () => cli('reply');

    it("/draft answers with the computed reply of the composer's draft, then the three buttons", async () => {
      const { stream, result } = await handle('', 'draft');
      assert.equal(stream.markdownText, templateReply());
      assert.deepEqual(stream.buttons.map((b) => b.title), ['Insert at cursor', 'Open in Composer', 'Copy for email']);
      assert.equal(result.metadata.proposal, 'swap');
    });

    it('shows a tone rewrite that keeps every figure, saying every figure was checked', async () => {
      // The fake model reorders the paragraphs: same figures, other order.
      const model = fakeModel((prompt) => replyInPrompt(prompt).trimEnd().split('\n\n').reverse().join('\n\n'));
      const { stream } = await handle('shorter and warmer, for Teams', 'draft', model);
      assert.match(model.prompts[0], /^Rewrite the reply below as asked: shorter and warmer, for Teams/);
      assert.ok(stream.markdownText.startsWith(templateReply().trimEnd().split('\n\n').reverse().join('\n\n')), stream.markdownText);
      assert.match(stream.markdownText, /Every figure was checked against the computed reply: all \d+ kept\./);
      assert.equal(stream.buttons[0].arguments?.[0], templateReply().trimEnd().split('\n\n').reverse().join('\n\n'), 'Insert at cursor inserts what was shown');
    });

    it('refuses a tone rewrite that changes a figure, naming it, and shows the computed reply', async () => {
      const model = fakeModel((prompt) => replyInPrompt(prompt).replace('120%', '110%'));
      const { stream } = await handle('more upbeat', 'draft', model);
      assert.ok(stream.markdownText.startsWith(templateReply()), stream.markdownText);
      assert.match(stream.markdownText, /The rewrite "more upbeat" was not shown, because it did not keep the figures/);
      assert.match(stream.markdownText, /percentage "110%" is not in the original/);
      assert.match(stream.markdownText, /the utilization after, 120%, is missing from the rewrite/);
    });

    it('answers with the template reply when there is no language model, saying rewriting needs one', async () => {
      const { stream } = await handle('shorter', 'draft', undefined);
      assert.ok(stream.markdownText.startsWith(templateReply()));
      assert.match(stream.markdownText, /Rewriting it "shorter" needs a language model, and no language model is available/);
      const failing = fakeModel(() => {
        throw new Error('no Copilot here');
      });
      const second = await handle('shorter', 'draft', failing);
      assert.match(second.stream.markdownText, /needs a language model, and the language model failed \(no Copilot here\)/);
    });

    it('drafts from a stakeholder message in the prompt, read like Draft Reply from Selection', async () => {
      const message = 'Hi Sam, could we get single sign-on for the expenses app by 2027-01-14? It is about 2 days of work.\n\nThanks,\nChris Lee';
      const { stream, result } = await handle(message, 'draft');
      assert.match(stream.markdownText, /^Read your message as a stakeholder's request\. Recognised .*from Chris Lee/);
      assert.match(stream.markdownText, /Hi Chris,/);
      assert.equal(result.metadata.draft?.effortDays, '2');
    });

    it('/analyze, /alternatives and /cio answer with the analysis, the four alternatives side by side and the note to the CIO', async () => {
      assert.match((await handle('', 'analyze')).stream.markdownText, /^# Analysis: Visitor Wi-Fi for the new office/);
      const alternatives = (await handle('', 'alternatives')).stream.markdownText;
      assert.match(alternatives, /^\| \| Start it next in line \| Deliver a first phase \| Swap it in \(proposed\) \| Fund the extra capacity \|$/m);
      const cio = (await handle('', 'cio')).stream.markdownText;
      assert.equal(cio, cli('cioNote'));
    });

    it('follows up with the other proposals, and a follow-up drafts the same request with that proposal', async () => {
      const first = await handle('', 'draft');
      const followups = proposalFollowups(first.result.metadata);
      assert.deepEqual(followups.map((f) => f.label), ['Propose deferring instead', 'Propose a first phase instead', 'Propose funding instead']);
      const followup = await handle(followups[0].prompt, followups[0].command, undefined, [first.result.metadata]);
      assert.equal(followup.result.metadata.proposal, 'defer');
      assert.equal(followup.stream.markdownText, cli('deferred'));
    });
  });
});
