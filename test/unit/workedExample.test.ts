import assert from 'node:assert/strict';
import { analyze } from '../../src/core/model/analyze';
import { workedExampleCapacity, workedExampleRequest } from './fixtures/workedExample';

/** The worked example of spec/capacity-model.md, with its exact numbers. */
describe('the capacity model: the spec\'s worked example', () => {
  const analysis = analyze(workedExampleCapacity, workedExampleRequest);

  it('has 10 working days and 10 available days', () => {
    assert.equal(analysis.horizonWorkingDays, 10);
    assert.equal(analysis.availableDays, 10);
    assert.equal(analysis.committedDays, 8);
  });

  it('places the request first, finishing 2027-01-07 and meeting neededBy', () => {
    assert.deepEqual(analysis.request, { start: '2027-01-04', finish: '2027-01-07', meetsNeededBy: true });
  });

  it('delays A by 4 days at no cost and B by 4 days costing 800, B already late', () => {
    assert.deepEqual(analysis.delays, [
      {
        id: 'A', title: 'A', baselineFinish: '2027-01-07', acceptedFinish: '2027-01-13',
        delayWorkingDays: 4, costOfDelay: 0, deadline: null, missesDeadline: false, alreadyLate: false,
      },
      {
        id: 'B', title: 'B', baselineFinish: '2027-01-13', acceptedFinish: '2027-01-19',
        delayWorkingDays: 4, costOfDelay: 800, deadline: '2027-01-12', missesDeadline: false, alreadyLate: true,
      },
    ]);
    assert.equal(analysis.totalCostOfDelay, 800);
  });

  it('reports utilization 0.8 → 1.2 and 2 days of overflow', () => {
    assert.equal(analysis.utilizationBefore, 0.8);
    assert.equal(analysis.utilizationAfter, 1.2);
    assert.equal(analysis.overflowDays, 2);
  });

  it('asks for 0.5 FTE costing 3000', () => {
    assert.deepEqual(analysis.funding, { extraFte: 0.4, fteRequested: 0.5, cost: 3000 });
    assert.deepEqual(analysis.alternatives.fund, analysis.funding);
  });

  it('defers to 2027-01-14 → 2027-01-19, missing neededBy; descope fits 0 days', () => {
    assert.deepEqual(analysis.alternatives.defer, { start: '2027-01-14', finish: '2027-01-19', meetsNeededBy: false });
    assert.deepEqual(analysis.alternatives.descope, { fitDays: 0, fraction: 0 });
  });

  it('swaps out B, freeing 4 days', () => {
    assert.deepEqual(analysis.alternatives.swap, { ids: ['B'], freedDays: 4 });
  });

  it('has the requester inform the CIO by 2027-01-04', () => {
    assert.deepEqual(analysis.informCio, { owner: 'Riya', by: '2027-01-04', needed: true });
    assert.deepEqual(analysis.warnings, []);
  });
});
