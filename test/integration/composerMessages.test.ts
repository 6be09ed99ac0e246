import * as assert from 'node:assert/strict';
import { composerProvider, pushbackApi, visitorWifiDraft } from './helpers';

/**
 * Messages from the composer's page are untrusted input: the host parses each with the
 * protocol's schema, and one that does not parse is ignored and logged, never acted on.
 */
describe('composer messages', () => {
  it('ignores and logs a malformed message from the webview', async () => {
    const { services, drafts } = await pushbackApi();
    const draft = visitorWifiDraft(drafts.get());
    await drafts.update(draft);
    const logged: string[] = [];
    const { error } = services.logger;
    services.logger.error = (message) => void logged.push(message);
    try {
      const session = (await composerProvider()).session();
      // A form change whose draft is not a draft, an unknown type, and a non-object: each refused.
      await session.handle({ type: 'formChanged', seq: 1, draft: { title: 42 } });
      await session.handle({ type: 'runShell', command: 'rm -rf /' });
      await session.handle('ready');
    } finally {
      services.logger.error = error;
    }
    assert.equal(logged.length, 3, logged.join('\n'));
    for (const line of logged) assert.match(line, /^Ignored a malformed message from the composer: /);
    assert.deepEqual(drafts.get(), draft, 'the malformed form change reached the draft store');
  });
});
