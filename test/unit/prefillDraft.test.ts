import assert from 'node:assert/strict';
import type { StakeholderPrefill } from '../../src/core/selection/parseStakeholderText';
import { draftFromPrefill, mergePrefill, prefillSummary, recognisedAnything, requestHasContent } from '../../src/extension/draftFromSelection/prefillDraft';
import { emptyDraft } from '../../src/core/draft/draftForm';

const oldDraft = emptyDraft({
  title: 'Old request',
  requesterName: 'Someone Else',
  requesterTitle: 'CFO',
  effortDays: '30',
  neededBy: '2027-02-01',
  rank: '3',
  costOfDelayPerWeek: '1000',
  outcome: 'an old outcome',
  informsCio: 'me',
  proposal: 'swap',
  capacityFile: '/w/team.capacity.yaml',
  templateId: 'yes-with-funding',
});

const prefill: StakeholderPrefill = {
  title: 'Returns portal',
  requesterName: 'Dana Whitfield',
  requesterTitle: 'VP Sales',
  neededBy: '2027-03-31',
  evidence: { neededBy: 'before the end of Q1' },
  notes: ['Q1 read as the calendar quarter ending 2027-03-31'],
};

describe('Draft Reply from Selection: from the recognised text to the draft', () => {
  it('replaces the request fields, clearing what the text does not give, and keeps capacity and template', () => {
    assert.deepEqual(draftFromPrefill(oldDraft, prefill), {
      ...emptyDraft(),
      title: 'Returns portal',
      requesterName: 'Dana Whitfield',
      requesterTitle: 'VP Sales',
      neededBy: '2027-03-31',
      capacityFile: '/w/team.capacity.yaml',
      templateId: 'yes-with-funding',
    });
    assert.equal(draftFromPrefill(oldDraft, { ...prefill, effortDays: 15 }).effortDays, '15');
  });

  it('summarises what was recognised, what is still to fill in, and how dates were read', () => {
    assert.equal(
      prefillSummary(prefill),
      'Recognised “Returns portal”, from Dana Whitfield (VP Sales), needed by Wed 31 Mar 2027 (“before the end of Q1”). Still to fill in: the effort. Q1 read as the calendar quarter ending 2027-03-31.',
    );
    assert.equal(
      prefillSummary({ effortDays: 2.5, evidence: { effortDays: '20 hours of work' }, notes: ['Effort: 20 hours ÷ 8'] }),
      'Recognised effort 2.5 days (“20 hours of work”). Still to fill in: what is asked, who is asking, the date. Effort: 20 hours ÷ 8.',
    );
  });

  it('knows when nothing at all was recognised', () => {
    const nothing: StakeholderPrefill = { evidence: {}, notes: ['The effort is given as “2 sprints”: enter it in person-days.'] };
    assert.equal(recognisedAnything(nothing), false);
    assert.equal(recognisedAnything(prefill), true);
    assert.match(prefillSummary(nothing), /^Recognised nothing\. Still to fill in: what is asked, who is asking, the effort, the date\./);
  });

  it('merges: writes only what the selection states, keeping rank, cost of delay, outcome, CIO informer and proposal', () => {
    assert.deepEqual(mergePrefill(oldDraft, { effortDays: 12, neededBy: '2027-04-30', evidence: {}, notes: [] }), { ...oldDraft, effortDays: '12', neededBy: '2027-04-30' });
    assert.deepEqual(mergePrefill(oldDraft, prefill), { ...oldDraft, title: 'Returns portal', requesterName: 'Dana Whitfield', requesterTitle: 'VP Sales', neededBy: '2027-03-31' });
  });

  it('merges the requester\'s title with the requester: a different person named without one does not inherit it', () => {
    assert.equal(mergePrefill(oldDraft, { requesterName: 'Dana Whitfield', evidence: {}, notes: [] }).requesterTitle, '');
    assert.equal(mergePrefill(oldDraft, { requesterName: 'Someone', evidence: {}, notes: [] }).requesterTitle, 'CFO', 'the same first name keeps it');
    assert.equal(mergePrefill(oldDraft, { title: 'Portal', evidence: {}, notes: [] }).requesterTitle, 'CFO', 'no requester stated keeps it');
  });

  it('knows whether the draft has a request typed in, ignoring the capacity file, template and proposal', () => {
    assert.equal(requestHasContent(emptyDraft({ capacityFile: '/w/a.capacity.yaml', templateId: 'x', proposal: 'fund' })), false);
    assert.equal(requestHasContent(emptyDraft({ rank: '3' })), true);
    assert.equal(requestHasContent(oldDraft), true);
  });
});
