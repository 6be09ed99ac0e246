import assert from 'node:assert/strict';
import { emptyDraft } from '../../src/core/draft/draftForm';
import { ACTIONS, fromWebviewSchema } from '../../src/shared/protocol';

/** What the host accepts from the composer's page: every message is parsed, anything else refused. */
describe('the composer protocol (messages from the webview)', () => {
  it('accepts each kind of message the page sends', () => {
    const messages = [
      { type: 'ready' },
      { type: 'formChanged', seq: 3, draft: emptyDraft({ title: 'Visitor Wi-Fi' }) },
      ...ACTIONS.map((action) => ({ type: 'action', action })),
      { type: 'newDraft' },
      { type: 'previewMode', mode: 'teams' },
      { type: 'requestRichCopy' },
      { type: 'openProblem', file: '/w/team.capacity.yaml', line: 4 },
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
      { type: 'openProblem', file: '/w/x', line: 0 },
      { type: 'formChanged', seq: 1, draft: { proposal: 'bribe' } },
    ];
    for (const message of refused) assert.equal(fromWebviewSchema.safeParse(message).success, false, JSON.stringify(message));
  });
});
