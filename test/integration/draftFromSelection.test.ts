import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import type { Prompts } from '../../src/extension/prompts';
import type { DraftForm } from '../../src/core/draft/draftForm';
import { pushbackApi, waitFor } from './helpers';

/**
 * Draft Reply from Selection over a draft that already has a request: it asks first
 * (Replace / Merge / Cancel), Merge keeps every field the selection does not state, and
 * whatever changed can be undone from the notification. The questions are answered
 * through `services.prompts`, the seam the command shows them through.
 */

/** What the command returns (src/extension/draftFromSelection), as far as the test relies on it. */
interface Result {
  draft: DraftForm;
  change: string;
}

const message = `From: Maria Lopez <maria.lopez@northwind.example>
Subject: Supplier onboarding portal

Hi Sam,

Could your team build the supplier onboarding portal by 12 March? The vendor sized it at 20 days of work.

Thanks,
Maria
CFO
`;

/** Answers questions as told, and records every question and notification. */
class ScriptedPrompts implements Prompts {
  readonly asked: string[] = [];
  readonly informed: { message: string; actions: string[]; click(action: string | undefined): void }[] = [];
  answers: (string | undefined)[] = [];

  ask<T extends string>(question: string, _detail: string, ...choices: T[]): Thenable<T | undefined> {
    this.asked.push(question);
    const answer = this.answers.shift();
    assert.ok(answer === undefined || choices.includes(answer as T), `"${answer}" is not among the choices ${choices.join(', ')}`);
    return Promise.resolve(answer as T | undefined);
  }

  inform<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
    return new Promise((resolve) => this.informed.push({ message: text, actions, click: (action) => resolve(action as T | undefined) }));
  }
}

describe('draft from selection over an existing draft', () => {
  let prompts: ScriptedPrompts;
  let original: Prompts;
  let existing: DraftForm;

  before(async () => {
    const { services } = await pushbackApi();
    original = services.prompts;
  });

  beforeEach(async () => {
    const { services, drafts } = await pushbackApi();
    prompts = new ScriptedPrompts();
    services.prompts = prompts;
    existing = {
      ...drafts.get(),
      title: 'Visitor Wi-Fi',
      requesterName: 'Grace Kim',
      requesterTitle: 'Head of Facilities',
      effortDays: '6',
      neededBy: '2027-02-26',
      rank: '3',
      costOfDelayPerWeek: '1500',
      outcome: 'guests online in a minute',
      informsCio: 'me',
      proposal: 'defer',
    };
    await drafts.update(existing);
  });

  after(async () => {
    (await pushbackApi()).services.prompts = original;
  });

  const chronoLoaded = () => Object.keys(require.cache).some((file) => /[\\/]dist[\\/]lazy[\\/]chrono-node\.js$/.test(file));

  it('loads the date parser (chrono-node) on first use, not at activation', async () => {
    assert.equal(chronoLoaded(), false, 'chrono-node was loaded before any text was read');
    prompts.answers = ['Merge'];
    await run();
    assert.equal(chronoLoaded(), true, 'reading the text did not load dist/lazy/chrono-node.js');
  });

  const run = () => vscode.commands.executeCommand<Result | undefined>(COMMANDS.draftFromSelection, message, { today: '2027-01-06', dayFirst: false, openComposer: false });

  it('asks before touching a draft that has a request, and Cancel leaves it exactly as it was', async () => {
    prompts.answers = [undefined];
    const result = await run();
    assert.equal(prompts.asked.length, 1, 'no question was asked');
    assert.match(prompts.asked[0], /already has a request \(“Visitor Wi-Fi”\)/);
    assert.equal(result?.change, 'cancel');
    assert.deepEqual((await pushbackApi()).drafts.get(), existing);
    assert.equal(prompts.informed.length, 0, 'nothing changed, so there is nothing to undo');
  });

  it('merges: writes what the selection states and keeps every other field, then Undo restores the draft', async () => {
    const { drafts } = await pushbackApi();
    prompts.answers = ['Merge'];
    const result = await run();
    assert.equal(result?.change, 'merge');
    assert.deepEqual(drafts.get(), {
      ...existing,
      title: 'Supplier onboarding portal',
      requesterName: 'Maria Lopez',
      requesterTitle: 'CFO',
      effortDays: '20',
      neededBy: '2027-03-12',
    });
    const notice = await waitFor('the notification offering Undo', () => prompts.informed[0], (n) => n !== undefined);
    assert.deepEqual(notice.actions, ['Undo']);
    assert.match(notice.message, /Merged the selection into the draft/);
    notice.click('Undo');
    await waitFor('the draft to be as it was', () => drafts.get(), (draft) => JSON.stringify(draft) === JSON.stringify(existing));
  });

  it('replaces: starts a new request from the selection, and Undo brings the old one back', async () => {
    const { drafts } = await pushbackApi();
    prompts.answers = ['Replace'];
    const result = await run();
    assert.equal(result?.change, 'replace');
    const replaced = drafts.get();
    assert.equal(replaced.title, 'Supplier onboarding portal');
    assert.equal(replaced.rank, '1', 'a new request starts at the default rank');
    assert.equal(replaced.outcome, '', 'the old request\'s outcome does not carry over');
    assert.equal(replaced.capacityFile, existing.capacityFile, 'the capacity file stays');
    const notice = await waitFor('the notification offering Undo', () => prompts.informed[0], (n) => n !== undefined);
    notice.click('Undo');
    await waitFor('the draft to be as it was', () => drafts.get(), (draft) => JSON.stringify(draft) === JSON.stringify(existing));
  });

  it('asks again before an Undo that would lose edits made since', async () => {
    const { drafts } = await pushbackApi();
    prompts.answers = ['Merge', undefined];
    await run();
    const edited = { ...drafts.get(), outcome: 'typed after the merge' };
    await drafts.update(edited);
    const notice = await waitFor('the notification offering Undo', () => prompts.informed[0], (n) => n !== undefined);
    notice.click('Undo');
    await waitFor('the second question', () => prompts.asked.length, (n) => n === 2);
    assert.match(prompts.asked[1], /changed since/);
    assert.deepEqual(drafts.get(), edited, 'declining the Undo keeps the edits');
  });

  it('asks nothing for an empty draft, and still offers Undo', async () => {
    const { drafts } = await pushbackApi();
    await vscode.commands.executeCommand(COMMANDS.newDraft, { confirm: false });
    const empty = drafts.get();
    const result = await run();
    assert.equal(result?.change, 'new');
    assert.equal(prompts.asked.length, 0);
    assert.equal(drafts.get().requesterName, 'Maria Lopez');
    const notice = await waitFor('the notification offering Undo', () => prompts.informed[0], (n) => n !== undefined);
    notice.click('Undo');
    await waitFor('the empty draft back', () => drafts.get(), (draft) => JSON.stringify(draft) === JSON.stringify(empty));
  });
});
