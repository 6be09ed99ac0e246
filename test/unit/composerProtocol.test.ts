import assert from 'node:assert/strict';
import { orderCapacityFiles } from '../../src/shared/capacityOrder';
import { acceptCapacityFile, ReportedFiles } from '../../src/shared/composerGuards';
import { emptyDraft } from '../../src/core/draft/draftForm';
import { LatestPending } from '../../src/extension/composer/latestPending';
import { ACTIONS, fromWebviewSchema } from '../../src/shared/protocol';

/** What the host accepts from the composer's page: every message is parsed, anything else refused. */
describe('the composer protocol (messages from the webview)', () => {
  it('accepts each kind of message the page sends', () => {
    const messages = [
      { type: 'ready' },
      { type: 'formChanged', seq: 3, draft: emptyDraft({ title: 'Visitor Wi-Fi' }) },
      { type: 'formChanged', seq: 4, draft: emptyDraft({ title: 'Visitor Wi-Fi' }), renderedInPage: true },
      ...ACTIONS.map((action) => ({ type: 'action', action })),
      { type: 'newDraft' },
      { type: 'previewMode', mode: 'teams' },
      { type: 'requestRichCopy' },
      { type: 'richCopied', ok: true },
      { type: 'openProblem', file: '/w/team.capacity.yaml', line: 4, column: 57 },
    ];
    for (const message of messages) assert.ok(fromWebviewSchema.safeParse(message).success, JSON.stringify(message));
  });

  it('fills in a partial draft with the form defaults', () => {
    const parsed = fromWebviewSchema.parse({ type: 'formChanged', seq: 1, draft: { title: 'x' } });
    assert.deepEqual(parsed.type === 'formChanged' && parsed.draft, emptyDraft({ title: 'x' }));
  });

  it('refuses malformed and unknown messages', () => {
    const refused = [
      'ready',
      null,
      { type: 'runShell', command: 'rm -rf /' },
      { type: 'formChanged', seq: 1, draft: { title: 42 } },
      { type: 'formChanged', seq: 1.5, draft: {} },
      { type: 'action', action: 'deleteEverything' },
      { type: 'previewMode', mode: 'fax' },
      { type: 'openProblem', file: '/w/x', line: 0, column: 1 },
      { type: 'openProblem', file: '/w/x', line: 4 },
      { type: 'formChanged', seq: 1, draft: { proposal: 'bribe' } },
      { type: 'formChanged', seq: 1, draft: {}, renderedInPage: 'yes' },
    ];
    for (const message of refused) assert.equal(fromWebviewSchema.safeParse(message).success, false, JSON.stringify(message));
  });
});

/** What the composer's host accepts from its page, the capacity files it offers, and what it holds for a hidden page. */
describe('composer protocol guards', () => {
  const offered = new Set(['/w/team.capacity.yaml', '/ext/sample.capacity.yaml']);

  it('takes a capacity file from the page only when it was offered', () => {
    const previous = emptyDraft({ capacityFile: '/w/team.capacity.yaml' });
    const chosen = emptyDraft({ capacityFile: '/ext/sample.capacity.yaml', title: 'x' });
    assert.equal(acceptCapacityFile(chosen, previous, offered), chosen);
    assert.equal(acceptCapacityFile(emptyDraft({ capacityFile: '' }), previous, offered).capacityFile, '');
    // The file the stored draft already has (chosen on the host) stays, offered yet or not.
    const stored = emptyDraft({ capacityFile: '/picked/with/browse.capacity.yaml' });
    assert.equal(acceptCapacityFile({ ...stored, title: 'typed' }, stored, new Set()).capacityFile, stored.capacityFile);
    const forged = acceptCapacityFile(emptyDraft({ capacityFile: '/etc/passwd', title: 'kept' }), previous, offered);
    assert.equal(forged.capacityFile, '/w/team.capacity.yaml');
    assert.equal(forged.title, 'kept', 'the rest of the change is kept');
    // The stored choice stays even when it is not offered (yet): the host put it there, not the page.
    assert.equal(acceptCapacityFile(emptyDraft({ capacityFile: '../x.yaml' }), emptyDraft({ capacityFile: '/gone.yaml' }), offered).capacityFile, '/gone.yaml');
  });

  it('opens only files a problem was reported in, as of the last report', () => {
    const reported = new ReportedFiles();
    assert.equal(reported.allows('/w/broken.capacity.json'), false);
    reported.remember([{ file: '/w/broken.capacity.json' }, { file: '' }]);
    assert.equal(reported.allows('/w/broken.capacity.json'), true);
    assert.equal(reported.allows('/etc/passwd'), false);
    assert.equal(reported.allows(''), false);
    reported.remember([]);
    assert.equal(reported.allows('/w/broken.capacity.json'), false);
  });

  it('orders capacity files: setting, last used, valid, with problems, sample; never pack examples', () => {
    const sample = { file: '/ext/sample.capacity.yaml', label: 'Sample' };
    const found = [
      { file: '/w/a-broken.capacity.yaml', label: 'a-broken.capacity.yaml', problem: 'line 3: bad' },
      { file: '/w/packs/mine/examples/sample.capacity.yaml', label: 'packs/mine/examples/sample.capacity.yaml' },
      { file: '/w/z-team.capacity.yaml', label: 'z-team.capacity.yaml' },
      { file: '/w/m-team.capacity.yaml', label: 'm-team.capacity.yaml' },
      { file: '/w/packs/mine-too.capacity.yaml', label: 'packs/mine-too.capacity.yaml' },
    ];
    const files = (inputs: Partial<Parameters<typeof orderCapacityFiles>[0]>) =>
      orderCapacityFiles({ found, packFolders: ['/w/packs/mine'], sample, ...inputs }).map((entry) => entry.file);
    assert.deepEqual(files({}), ['/w/m-team.capacity.yaml', '/w/packs/mine-too.capacity.yaml', '/w/z-team.capacity.yaml', '/w/a-broken.capacity.yaml', sample.file]);
    assert.deepEqual(files({ lastUsed: '/w/z-team.capacity.yaml' }).slice(0, 2), ['/w/z-team.capacity.yaml', '/w/m-team.capacity.yaml']);
    assert.deepEqual(files({ lastUsed: '/w/z-team.capacity.yaml', setting: '/w/a-broken.capacity.yaml' }).slice(0, 2), ['/w/a-broken.capacity.yaml', '/w/z-team.capacity.yaml']);
    // A setting the search did not find still comes first; one inside a pack does not.
    assert.equal(files({ setting: '/elsewhere/team.capacity.yaml' })[0], '/elsewhere/team.capacity.yaml');
    assert.equal(files({ setting: '/w/packs/mine/examples/sample.capacity.yaml' })[0], '/w/m-team.capacity.yaml');
    assert.equal(orderCapacityFiles({ found, packFolders: [], sample }).find((e) => e.file.endsWith('a-broken.capacity.yaml'))?.problem, 'line 3: bad');
    assert.deepEqual(orderCapacityFiles({ found: [], packFolders: [], sample }), [sample]);
    // Windows paths: a pack folder is a prefix only up to a separator.
    const windows = orderCapacityFiles({ found: [{ file: 'C:\\w\\pack\\x.capacity.yaml', label: 'x' }, { file: 'C:\\w\\package.capacity.yaml', label: 'p' }], packFolders: ['C:\\w\\pack'], sample });
    assert.deepEqual(windows.map((e) => e.label), ['p', 'Sample']);
  });

  it('holds only the newest message of each kind for a hidden page', () => {
    const pending = new LatestPending<{ type: string; n: number }>();
    pending.hold({ type: 'update', n: 1 });
    pending.hold({ type: 'choices', n: 2 });
    pending.hold({ type: 'update', n: 3 });
    pending.hold({ type: 'update', n: 4 });
    assert.equal(pending.size, 2);
    assert.deepEqual(pending.take(), [{ type: 'choices', n: 2 }, { type: 'update', n: 4 }]);
    assert.deepEqual(pending.take(), []);
  });
});
