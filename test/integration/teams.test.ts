import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseDecisionRecord } from '../../src/core/decisions/decisionRecord';
import { COMMANDS } from '../../src/extension/commandIds';
import type { CioNoteResult } from '../../src/extension/cioNote';
import type { PostReplyResult } from '../../src/extension/teams';
import { VISITOR_WIFI_TITLE, closeAllEditorsWithoutSaving, pushbackApi, visitorWifiDraft, waitFor, workspaceFolder } from './helpers';

/** Where the Teams feature keeps the URL (src/extension/teams/index.ts, WEBHOOK_SECRET_KEY). */
const WEBHOOK_SECRET_KEY = 'pushback.teamsWebhookUrl';
const SIGNATURE = 'TOPSECRETSIGNATURE0042';
const TITLE = VISITOR_WIFI_TITLE;

interface Received {
  path: string;
  contentType: string | undefined;
  body: string;
}

/**
 * Teams, email, the CIO note and the decision log, end to end in the extension host:
 * a webhook on 127.0.0.1 (plain http is accepted for loopback alone) receives the post.
 */
describe('Teams, email, the CIO note and the decision log', () => {
  const received: Received[] = [];
  let server: http.Server;
  let webhookUrl: string;
  let posted: PostReplyResult | undefined;

  before(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/workflows/integration/triggers/manual/paths/invoke?sig=${SIGNATURE}`;

    const { drafts } = await pushbackApi();
    const draft = visitorWifiDraft(drafts.get());
    await drafts.update(draft);
  });

  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.clearTeamsWebhookUrl);
    await closeAllEditorsWithoutSaving();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const secret = async () => (await pushbackApi()).services.context.secrets.get(WEBHOOK_SECRET_KEY);

  it('refuses a plain-http webhook URL that is not on this computer', async () => {
    const saved = await vscode.commands.executeCommand(COMMANDS.setTeamsWebhookUrl, `http://example.com/hook?sig=${SIGNATURE}`);
    assert.equal(saved, undefined, 'the command should have failed');
    assert.equal(await secret(), undefined);
  });

  it('keeps a loopback webhook URL in SecretStorage, and nowhere in the settings', async () => {
    const saved = await vscode.commands.executeCommand(COMMANDS.setTeamsWebhookUrl, webhookUrl);
    assert.equal(saved, true);
    assert.equal(await secret(), webhookUrl);
    const settings = JSON.stringify(vscode.workspace.getConfiguration());
    assert.ok(settings.includes('"pushback"'), 'the configuration snapshot should include the pushback section');
    assert.ok(!settings.includes(SIGNATURE), 'the webhook URL is in the settings');
    const pushbackSettings = vscode.workspace.getConfiguration('pushback');
    assert.ok(!JSON.stringify(pushbackSettings).includes(SIGNATURE));
    const settingsFile = path.join(workspaceFolder(), '.vscode', 'settings.json');
    assert.ok(!fs.readFileSync(settingsFile, 'utf8').includes(SIGNATURE));
  });

  it('posts the current draft to the webhook as an Adaptive Card in the Workflows envelope', async () => {
    posted = await vscode.commands.executeCommand<PostReplyResult | undefined>(COMMANDS.postToTeams);
    assert.ok(posted, 'the post failed (see the Pushback log)');
    assert.equal(posted.status, 202);
    assert.equal(posted.attempts, 1);
    assert.equal(received.length, 1);
    const [request] = received;
    assert.equal(request.contentType, 'application/json');
    assert.ok(request.path.endsWith(`sig=${SIGNATURE}`));
    const message = JSON.parse(request.body);
    assert.equal(message.type, 'message');
    assert.equal(message.attachments.length, 1);
    const [attachment] = message.attachments;
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(attachment.content.type, 'AdaptiveCard');
    assert.equal(attachment.content.version, '1.5');
    assert.equal(attachment.content.body[0].text, TITLE);
    assert.ok(attachment.content.fallbackText.startsWith('Hi Dana,'), attachment.content.fallbackText.slice(0, 80));
  });

  it('records the posted reply in .pushback/decisions, without the webhook URL', async () => {
    assert.ok(posted?.decision, 'no decision was recorded');
    const file = vscode.Uri.parse(posted.decision);
    assert.equal(path.dirname(file.fsPath), path.join(workspaceFolder(), '.pushback', 'decisions'));
    assert.match(path.basename(file.fsPath), /^\d{4}-\d{2}-\d{2}-visitor-wi-fi-for-the-new-office\.md$/);
    const text = fs.readFileSync(file.fsPath, 'utf8');
    assert.ok(!text.includes(SIGNATURE));
    const record = parseDecisionRecord(file.fsPath, text);
    assert.ok(record.ok, record.ok ? '' : record.problems[0].message);
    assert.equal(record.value.request.title, TITLE);
    assert.deepEqual(record.value.channels, ['posted to Teams']);
    assert.equal(record.value.template.id, 'yes-and-tradeoffs');
    assert.equal(record.value.pack.id, '@pushback/builtin');
    const leftovers = fs.readdirSync(path.dirname(file.fsPath)).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('lists the record in the Decisions view, newest first, opening its file', async () => {
    const provider = (await pushbackApi()).decisions();
    assert.ok(provider, 'the Decisions view provider was not created on activation');
    const entries = await waitFor('the Decisions view to list the record', () => provider.getChildren(), (list) => list.length >= 1);
    const item = provider.getTreeItem(entries[0]);
    assert.equal(item.label, TITLE);
    assert.match(String(item.description), /^\d{4}-\d{2}-\d{2} · /);
    assert.equal(item.command?.command, 'vscode.open');
    assert.equal((item.command?.arguments?.[0] as vscode.Uri).toString(), posted?.decision);
  });

  it('copies the Teams card JSON', async () => {
    const json = await vscode.commands.executeCommand<string | undefined>(COMMANDS.copyTeamsCard);
    assert.ok(json, 'the copy failed (see the Pushback log)');
    const card = JSON.parse(json);
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.body[0].text, TITLE);
    assert.equal(await vscode.env.clipboard.readText(), json);
  });

  it('saves the reply as an .eml draft email', async () => {
    const target = path.join(workspaceFolder(), 'reply.eml');
    const saved = await vscode.commands.executeCommand<string | undefined>(COMMANDS.saveReplyAsEml, { target });
    assert.equal(saved, target);
    const eml = fs.readFileSync(target, 'utf8');
    assert.match(eml, /^MIME-Version: 1\.0\r\n/);
    assert.match(eml, /\r\nX-Unsent: 1\r\n/);
    assert.equal(subjectOf(eml), `Re: ${TITLE} — yes, and here is what moves`);
    assert.deepEqual(fs.readdirSync(workspaceFolder()).filter((name) => name.endsWith('.tmp')), []);
  });

  it('drafts the note to the CIO as a new Markdown document', async () => {
    const note = await vscode.commands.executeCommand<CioNoteResult | undefined>(COMMANDS.draftCioNote);
    assert.ok(note, 'no CIO note (see the Pushback log)');
    assert.equal(note.needed, true);
    assert.match(note.markdown, /^Hi Elena,\n/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), note.uri);
    assert.equal(editor?.document.languageId, 'markdown');
    assert.equal(editor?.document.getText(), note.markdown);
  });

  it('records nothing after an action while pushback.decisionLog is off; Save Decision still does', async () => {
    const config = vscode.workspace.getConfiguration('pushback');
    await config.update('decisionLog', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal(await vscode.commands.executeCommand(COMMANDS.recordDecision, 'inserted'), undefined);
      const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.recordDecision);
      assert.ok(saved, 'Save Decision wrote nothing');
      // The same reply as the one posted, copied as a card and saved as .eml: its one record, with every channel.
      assert.equal(saved.toString(), posted?.decision);
      const record = parseDecisionRecord(saved.fsPath, fs.readFileSync(saved.fsPath, 'utf8'));
      assert.ok(record.ok);
      assert.deepEqual(record.value.channels, ['posted to Teams', 'copied as a Teams card', 'saved as an email (.eml)']);
    } finally {
      await config.update('decisionLog', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('keeps one record when the same reply leaves the same way twice', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.recordDecision, 'copied');
    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.recordDecision, 'copied');
    assert.ok(first && second);
    assert.equal(second.toString(), first.toString());
    const record = parseDecisionRecord(first.fsPath, fs.readFileSync(first.fsPath, 'utf8'));
    assert.ok(record.ok);
    assert.deepEqual(record.value.channels, ['posted to Teams', 'copied as a Teams card', 'saved as an email (.eml)', 'copied'], 'each channel once');
  });

  it('keeps one record per reply: posted, copied as a card, saved as .eml, saved and copied are one decision', async () => {
    const provider = (await pushbackApi()).decisions();
    assert.ok(provider);
    const names = (await provider.getChildren()).map((entry) => entry.name.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
    assert.deepEqual(names, ['visitor-wi-fi-for-the-new-office.md']);
  });

  it('starts a new record when the reply changes, listing the newer first', async () => {
    const { drafts } = await pushbackApi();
    await drafts.update({ ...drafts.get(), proposal: 'fund' });
    const other = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.recordDecision, 'copied');
    assert.ok(other && other.toString() !== posted?.decision, 'a different proposal is a different reply');
    const provider = (await pushbackApi()).decisions();
    assert.ok(provider);
    const names = await waitFor('two records', async () => (await provider.getChildren()).map((entry) => entry.name.replace(/^\d{4}-\d{2}-\d{2}-/, '')), (list) => list.length === 2);
    assert.deepEqual(names, ['visitor-wi-fi-for-the-new-office-2.md', 'visitor-wi-fi-for-the-new-office.md']);
  });

  it('clears the webhook URL, after which nothing is posted', async () => {
    await vscode.commands.executeCommand(COMMANDS.clearTeamsWebhookUrl);
    assert.equal(await secret(), undefined);
    const before = received.length;
    assert.equal(await vscode.commands.executeCommand(COMMANDS.postToTeams), undefined);
    assert.equal(received.length, before);
  });
});

/** The Subject header, unfolded, its RFC 2047 encoded-words decoded. */
function subjectOf(eml: string): string {
  const header = /\r\nSubject: ((?:.*)(?:\r\n[ \t].*)*)/.exec(eml)?.[1] ?? '';
  const words = header.split(/\r\n[ \t]/);
  const encoded = words.every((word) => /^=\?UTF-8\?B\?[^?]*\?=$/.test(word));
  if (!encoded) return words.join(' ');
  // Encoded-words may split one text anywhere between characters: decode the bytes together.
  return Buffer.concat(words.map((word) => Buffer.from(word.slice('=?UTF-8?B?'.length, -2), 'base64'))).toString('utf8');
}
