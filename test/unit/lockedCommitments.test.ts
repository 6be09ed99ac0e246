import assert from 'node:assert/strict';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { replyContext, roleName } from '../../src/core/engine/replyContext';
import { loadCapacity, loadRequest } from '../../src/core/load/loadData';
import { analyze } from '../../src/core/model/analyze';
import type { Capacity } from '../../src/core/schema/capacity';
import type { Request } from '../../src/core/schema/request';
import { draftSample, samplePath } from './fixtures/sample';

/*
 * The sample team has two locked commitments: SEC-112 (rank 1) and FIN-045 (rank 3).
 * The model lets them slip like any other (its figures are the spec's); the analysis
 * warns, and the replies say so, whenever the request is ranked ahead of them.
 */

async function sample(): Promise<{ capacity: Capacity; request: Request }> {
  const [capacity, request] = await Promise.all([loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml')), loadRequest(nodeFileSystem, samplePath('northwind.request.yaml'))]);
  assert.ok(capacity.ok && request.ok);
  return { capacity: capacity.value, request: request.value };
}

describe('a request ranked ahead of locked commitments', () => {
  it('warns, naming each locked commitment that slips, by how much, and the rank that keeps them', async () => {
    const { capacity, request } = await sample();
    const analysis = analyze(capacity, { ...request, rank: 1 });
    const locked = analysis.delays.filter((d) => d.id === 'SEC-112' || d.id === 'FIN-045');
    assert.equal(locked.length, 2, 'both locked commitments slip at rank 1');
    const warning = analysis.warnings.find((w) => /locked/.test(w));
    assert.ok(warning, `no warning about locked commitments in ${JSON.stringify(analysis.warnings)}`);
    assert.match(warning, /^Ranked 1, the request goes ahead of 2 locked commitments, which would slip: /);
    for (const d of locked) assert.ok(warning.includes(`${d.title} (${d.id}) by ${d.delayWorkingDays} working days`), `${d.id} with its delay`);
    assert.match(warning, /rank the request 4 or lower to keep them in place, or agree the change with their sponsors first\.$/);
  });

  it('keeps the model\'s figures exactly as without the warning', async () => {
    const { capacity, request } = await sample();
    const analysis = analyze(capacity, { ...request, rank: 1 });
    const unlocked = analyze({ ...capacity, commitments: capacity.commitments.map((c) => ({ ...c, locked: false })) }, { ...request, rank: 1 });
    assert.deepEqual({ ...analysis, warnings: [] , alternatives: { ...analysis.alternatives, swap: null } }, { ...unlocked, warnings: [], alternatives: { ...unlocked.alternatives, swap: null } });
  });

  it('says nothing when the request is ranked after every locked commitment', async () => {
    const { capacity, request } = await sample();
    const analysis = analyze(capacity, { ...request, rank: 4 });
    assert.deepEqual(analysis.warnings.filter((w) => /locked/.test(w)), []);
    const context = replyContext({ request: { ...request, rank: 4 }, capacity, analysis, today: '2027-01-04' });
    assert.deepEqual(context.figures.lockedDelays, []);
    assert.equal(context.figures.rankAfterLocked, null);
  });

  it('names one locked commitment in the singular', async () => {
    const { capacity, request } = await sample();
    const analysis = analyze(capacity, { ...request, rank: 2 });
    assert.match(analysis.warnings.join('\n'), /goes ahead of a locked commitment, which would slip: ERP upgrade[^;]*\(FIN-045\) by \d+ working days\. .* rank the request 4 or lower to keep it in place, or agree the change with its sponsor first\./);
  });

  it('tells the requester in the default reply, and every reply that lists what slips', async () => {
    const draft = await draftSample('yes-and-tradeoffs');
    assert.match(draft.markdown, /ERP upgrade to the vendor's supported release is locked \(agreed not to move\), yet at rank 2 this request goes ahead of it; at rank 4, it would stay in place\./);
    for (const id of ['better-yes-alternative', 'executive-brief', 'inform-cio', 'phased-approach', 'yes-with-funding', 'align-on-outcomes']) {
      assert.match((await draftSample(id)).markdown, /is locked \(agreed not to move\)/, id);
    }
  });
});

describe('the CIO named with their role', () => {
  it('says "Elena Petrova, our CIO," in the default reply', async () => {
    const draft = await draftSample('yes-and-tradeoffs');
    assert.match(draft.markdown, /could you let Elena Petrova, our CIO, know by /);
  });

  it('shortens a chief\'s title to its initials and keeps any other title as written', () => {
    assert.equal(roleName('Chief Information Officer'), 'CIO');
    assert.equal(roleName('Chief Digital and Information Officer'), 'CDIO');
    assert.equal(roleName('CIO'), 'CIO');
    assert.equal(roleName('Head of IT'), 'Head of IT');
    assert.equal(roleName('chief information officer'), 'chief information officer');
  });

  it('is "the CIO" without a name', async () => {
    const { capacity, request } = await sample();
    const nameless = { ...capacity, org: { ...capacity.org, cio: { name: null, title: 'CIO' } } };
    const context = replyContext({ request, capacity: nameless, analysis: analyze(nameless, request), today: '2027-01-04' });
    assert.equal(context.figures.cioWithRole, 'the CIO');
    assert.equal(context.figures.cioRole, 'CIO');
  });

  it('gives translations the short role to place their own way ("Elena Petrova (CIO)")', async () => {
    const { capacity, request } = await sample();
    const context = replyContext({ request, capacity, analysis: analyze(capacity, request), today: '2027-01-04' });
    assert.equal(context.figures.cioRole, 'CIO');
  });
});
