import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { saveDecision } from '../../src/cli/decisionFiles';
import { packageRoot, runBuiltCli, runCli } from './fixtures/cli';
import { sampleDecisionSource } from './fixtures/sample';

/** A team whose plan is 300 one-day commitments, and a rank-1 request that delays every one. */
function crowdedTeam(): { request: string; capacity: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushback-crowded-'));
  const commitments = Array.from({ length: 300 }, (_, i) => `  - { id: W-${i + 1}, title: Work item number ${i + 1} ${'with a title long enough to fill a card '.repeat(15)}, effortDays: 1, rank: ${i + 2}, costOfDelayPerWeek: 500 }`);
  const capacity = path.join(dir, 'team.capacity.yaml');
  writeFileSync(capacity, ['team: Crowded', 'horizon: { start: 2027-01-04, end: 2027-03-26 }', 'members:', '  - { name: Ana, dailyCost: 500 }', 'commitments:', ...commitments, 'org: { me: { name: Sam } }', ''].join('\n'));
  const request = path.join(dir, 'urgent.request.yaml');
  writeFileSync(request, 'title: Urgent thing\nrequester: { name: Dana }\neffortDays: 5\nrank: 1\n');
  return { request, capacity };
}

describe('the pushback command line: Teams, email and the decision log', () => {
  it('prints the Adaptive Card with --format teams-card', async () => {
    const { code, stdout } = await runCli('draft', '--format', 'teams-card', '--today', '2027-01-04');
    assert.equal(code, 0);
    const card = JSON.parse(stdout);
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.5');
    assert.ok(card.body.some((e: { id?: string; type: string }) => e.id === 'keyFigures' && e.type === 'FactSet'));
  });

  it('prints the whole webhook body with --format teams-message', async () => {
    const { code, stdout } = await runCli('draft', '--format', 'teams-message', '--template', 'teams-quick-reply', '--today', '2027-01-04');
    assert.equal(code, 0);
    const message = JSON.parse(stdout);
    assert.equal(message.type, 'message');
    assert.equal(message.attachments.length, 1);
    assert.equal(message.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(message.attachments[0].content.type, 'AdaptiveCard');
  });

  it('refuses a card too big for Teams (exit 1), naming the chat-sized template', async () => {
    const { request, capacity } = crowdedTeam();
    const big = await runCli('draft', '--format', 'teams-card', '--request', request, '--capacity', capacity, '--today', '2027-01-04');
    assert.equal(big.code, 1);
    assert.equal(big.stdout, '');
    assert.match(big.stderr, /^<teams card>:1:1: the Teams card is \d+\.\d KB, over the 28 KB Teams accepts \(use the chat-sized template "teams-quick-reply"/);
    const chat = await runCli('draft', '--format', 'teams-card', '--template', 'teams-quick-reply', '--request', request, '--capacity', capacity, '--today', '2027-01-04');
    assert.equal(chat.code, 0, chat.stderr);
  });

  it('makes --format html an email-ready document with inline styles', async () => {
    const { code, stdout } = await runCli('draft', '--format', 'html', '--today', '2027-01-04');
    assert.equal(code, 0);
    assert.match(stdout, /^<!DOCTYPE html>/);
    assert.match(stdout, /<title>Re: Customer self-service order-tracking portal — yes, and here is what moves<\/title>/);
    assert.match(stdout, /<table style="border-collapse:collapse;/);
    assert.doesNotMatch(stdout, /class=|<script/);
  });

  it('writes an .eml draft with --format eml --out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushback-eml-'));
    const out = path.join(dir, 'reply.eml');
    const { code } = await runCli('draft', '--format', 'eml', '--out', out, '--today', '2027-01-04');
    assert.equal(code, 0);
    const eml = readFileSync(out, 'utf8');
    assert.match(eml, /^MIME-Version: 1\.0\r\nDate: Mon, 04 Jan 2027 12:00:00 \+0000\r\nSubject: =\?UTF-8\?B\?/);
    assert.match(eml, /\r\nX-Unsent: 1\r\nContent-Type: multipart\/alternative; boundary="=_pushback_alternative"\r\n/);
    assert.deepEqual(readdirSync(dir), ['reply.eml']);
  });

  it('keeps markdown, text and json as they were, and lists every format on a wrong one', async () => {
    assert.equal((await runCli('draft', '--today', '2027-01-04')).stdout, readFileSync(path.join(packageRoot, 'templates/examples/yes-and-tradeoffs.md'), 'utf8'));
    assert.deepEqual(Object.keys(JSON.parse((await runCli('draft', '--format', 'json', '--today', '2027-01-04')).stdout)), ['template', 'analysis', 'reply']);
    const wrong = await runCli('draft', '--format', 'pdf');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--format must be one of markdown, html, text, json, teams-card, teams-message, eml, not "pdf"/);
  });

  describe('pushback decisions', () => {
    it('saves records atomically under unique names, and lists them as text and JSON', async () => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pushback-decisions-')), '.pushback', 'decisions');
      const source = await sampleDecisionSource();
      const funded = { ...source, input: { ...source.input, proposal: 'fund' as const } };
      const first = await saveDecision(dir, source);
      const second = await saveDecision(dir, { ...funded, channels: ['posted to Teams'] });
      // The same reply as the second, sent another way: no third record, one more channel.
      assert.equal(await saveDecision(dir, { ...funded, channels: ['copied'] }), second);
      assert.equal(path.basename(first), '2027-01-04-customer-self-service-order-tracking-portal.md');
      assert.equal(path.basename(second), '2027-01-04-customer-self-service-order-tracking-portal-2.md');
      assert.deepEqual(readdirSync(dir).sort(), [path.basename(first), path.basename(second)].sort(), 'no temporary files left');

      const text = await runCli('decisions', '--dir', dir);
      assert.equal(text.code, 0);
      const lines = text.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0], /^2027-01-04  swap  Customer self-service order-tracking portal \(Dana Whitfield\)  .*portal\.md$/);
      const json = await runCli('decisions', '--dir', dir, '--format', 'json');
      const rows = JSON.parse(json.stdout);
      assert.deepEqual(rows.map((r: { channels: string[] }) => r.channels), [[], ['posted to Teams', 'copied']]);
      assert.equal(rows[0].file, first);
      assert.deepEqual(rows[0].pack, { id: '@pushback/builtin', version: '1.0.0' });
    });

    it('lists the readable records and reports a damaged one (exit 1)', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'pushback-decisions-'));
      await saveDecision(dir, await sampleDecisionSource());
      writeFileSync(path.join(dir, '2027-01-05-damaged.md'), '# no front matter\n');
      const { code, stdout, stderr } = await runCli('decisions', '--dir', dir);
      assert.equal(code, 1);
      assert.equal(stdout.trimEnd().split('\n').length, 1);
      assert.match(stderr, /2027-01-05-damaged\.md:1:1: is not a decision record/);
      assert.match(stderr, /1 decision record could not be read\./);
    });

    it('says so when there are none, has --help, and exits 2 on wrong usage', async () => {
      const empty = await runCli('decisions', '--dir', path.join(tmpdir(), 'pushback-no-such-folder'));
      assert.equal(empty.code, 0);
      assert.equal(empty.stdout, '');
      assert.match(empty.stderr, /no decisions recorded in .* yet/);
      assert.equal((await runCli('decisions', '--dir', path.join(tmpdir(), 'pushback-no-such-folder'), '--format', 'json')).stdout, '[]\n');
      const help = await runCli('decisions', '--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^pushback decisions \[--dir DIR\]/);
      assert.equal((await runCli('decisions', '--format', 'yaml')).code, 2);
      assert.equal((await runCli('decisions', '--bogus')).code, 2);
      assert.match((await runCli('--help')).stdout, /pushback decisions/);
    });
  });

  it('prints a Teams card from the built bundle', function () {
    this.timeout(120_000); // a cold process on a shared machine, with coverage on: a generous bound, not a speed check
    const result = runBuiltCli('draft', '--format', 'teams-card', '--today', '2027-01-04');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).type, 'AdaptiveCard');
  });
});
