import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { integrationSuites } from '../host/integrationSuites';
import { uiTests } from '../host/runUi';

/** The harness finds its suites in their folders: a new file runs without being listed anywhere. */
describe('the test harness', () => {
  it('discovers integration suites from the folder; a *.restricted suite runs in Restricted Mode', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushback-suites-'));
    for (const file of ['b.test.ts', 'a.test.ts', 'trust.restricted.test.ts', 'helpers.ts', 'index.ts']) writeFileSync(path.join(dir, file), '');
    assert.deepEqual(integrationSuites(dir), [{ name: 'a' }, { name: 'b' }, { name: 'trust.restricted', restricted: true }]);
  });

  it("finds this repository's suites, the restricted ones among them", () => {
    const names = integrationSuites().map((s) => `${s.name}${s.restricted ? ' (restricted)' : ''}`);
    for (const expected of ['activation', 'composerMessages', 'teams', 'workspaceTrust.restricted (restricted)', 'packs.restricted (restricted)']) {
      assert.ok(names.includes(expected), `${expected} not in ${names.join(', ')}`);
    }
  });

  it('discovers the UI tests from test/ui', () => {
    assert.ok(uiTests().includes('composerPersistence.ui.ts'));
    assert.ok(uiTests().every((file) => file.endsWith('.ui.ts')));
  });
});
