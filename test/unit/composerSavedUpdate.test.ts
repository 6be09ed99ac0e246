import assert from 'node:assert/strict';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { loadCapacity } from '../../src/core/load/loadData';
import { renderDraft } from '../../src/shared/composerModel';
import { checkSavedUpdate, toSaved } from '../../src/shared/savedUpdate';
import { loadBuiltinPack, sampleDraftForm, samplePath } from './fixtures/sample';

/** The figures a page keeps for a reload: painted again only when they have the shape the page shows. */
describe('the composer page\'s saved figures (after a reload)', () => {
  async function rendered() {
    const capacity = await loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml'));
    const packs = [await loadBuiltinPack()];
    const { update } = renderDraft({ draft: sampleDraftForm, seq: 3, capacityFile: '/w/team.capacity.yaml', capacity, packs, today: '2027-01-04', signature: '', withTeamsCard: true });
    return update;
  }

  it('accepts an update as the page saved it (through the webview state, as JSON), without the Teams card', async () => {
    const update = await rendered();
    assert.ok(update.analysis && update.html, 'the sample renders figures and a reply');
    const saved = JSON.parse(JSON.stringify(toSaved({ ...update, renderMs: 12 })));
    assert.equal('teamsCard' in saved, false);
    assert.deepEqual(checkSavedUpdate(saved), saved);
  });

  it('accepts an update with no figures yet (a hint instead)', async () => {
    const update = { ...(await rendered()), analysis: null, html: '', hint: 'Fill in the effort to see the reply.' };
    assert.ok(checkSavedUpdate(JSON.parse(JSON.stringify(toSaved(update)))));
  });

  it('refuses anything else: another shape, a wrong type deep inside, nothing at all', async () => {
    const saved = JSON.parse(JSON.stringify(toSaved(await rendered())));
    const broken = [
      undefined,
      null,
      'update',
      [],
      { ...saved, html: 42 },
      { ...saved, seq: 'x' },
      { ...saved, errors: { title: 1 } },
      { ...saved, problems: [{ text: 'x' }] },
      { ...saved, analysis: { ...saved.analysis, figures: [{ label: 'x', value: 1 }] } },
      { ...saved, analysis: { ...saved.analysis, proposal: 'bribe' } },
      { ...saved, analysis: { ...saved.analysis, delays: [{}] } },
      { ...saved, analysis: { ...saved.analysis, warnings: [null] } },
      { ...saved, missingTemplate: 3 },
      { ...saved, cioNoteNeeded: 'yes' },
    ];
    for (const value of broken) assert.equal(checkSavedUpdate(value), undefined, JSON.stringify(value)?.slice(0, 80));
  });
});
