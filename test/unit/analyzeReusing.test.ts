import assert from 'node:assert/strict';
import { requestFromDraft } from '../../src/core/draft/draftForm';
import { analysisKey, analyze, analyzeReusing } from '../../src/core/model/analyze';
import { loadCapacity } from '../../src/core/load/loadData';
import type { Request } from '../../src/core/schema/request';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { sampleDraftForm, samplePath } from './fixtures/sample';

/** The composer reuses the analysis while typing text analyze does not read: that must be all it does not read. */
describe('analyzeReusing', () => {
  const request = (): Request => {
    const parsed = requestFromDraft({ ...sampleDraftForm, informsCio: 'sponsor' });
    assert.ok(parsed.ok);
    return parsed.request;
  };

  /** The sample team, the sample request, and the analysis analyzeReusing keeps for them. */
  const sampleAnalysis = async () => {
    const loaded = await loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml'));
    assert.ok(loaded.ok);
    const base = request();
    return { loaded, base, first: analyzeReusing(loaded.value, base) };
  };

  it('gives what analyze gives when only fields outside the key change, and reuses the analysis', async () => {
    const { loaded, base, first } = await sampleAnalysis();
    for (const other of [
      { ...base, title: 'Another title' },
      { ...base, outcome: 'another outcome' },
      { ...base, requester: { ...base.requester, title: 'CFO' } },
      { ...base, costOfDelayPerWeek: 99_999 },
    ]) {
      assert.equal(analysisKey(other), analysisKey(base));
      assert.deepEqual(analyze(loaded.value, other), first);
      assert.equal(analyzeReusing(loaded.value, other), first);
    }
  });

  it('analyzes again when a field it reads changes', async () => {
    const { loaded, base, first } = await sampleAnalysis();
    for (const other of [
      { ...base, effortDays: base.effortDays + 1 },
      { ...base, rank: base.rank + 1 },
      { ...base, neededBy: null },
      { ...base, informsCio: 'me' as const },
      { ...base, requester: { ...base.requester, name: 'Someone Else' } },
    ]) {
      assert.notEqual(analysisKey(other), analysisKey(base));
      const again = analyzeReusing(loaded.value, other);
      assert.notEqual(again, first);
      assert.deepEqual(again, analyze(loaded.value, other));
    }
  });
});
