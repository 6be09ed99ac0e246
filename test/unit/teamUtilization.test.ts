import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { loadCapacity } from '../../src/core/load/loadData';
import { analyze } from '../../src/core/model/analyze';
import { teamUtilization } from '../../src/core/model/utilization';
import { capacitySchema } from '../../src/core/schema/capacity';
import { requestSchema } from '../../src/core/schema/request';
import { samplePath } from './fixtures/sample';
import { workedExampleCapacity } from './fixtures/workedExample';

describe('teamUtilization: how full a team is before any request', () => {
  it('gives the worked example\'s 8 committed of 10 available days over 10 working days', () => {
    assert.deepEqual(teamUtilization(workedExampleCapacity), {
      team: 'Example',
      horizon: { start: '2027-01-04', end: '2027-01-15' },
      availableDays: 10,
      committedDays: 8,
      utilization: 0.8,
      horizonWorkingDays: 10,
    });
  });

  it('is null when the horizon has no capacity (a weekend, or nobody allocated)', () => {
    const weekend = teamUtilization({ ...workedExampleCapacity, horizon: { start: '2027-01-09', end: '2027-01-10' } });
    assert.equal(weekend.availableDays, 0);
    assert.equal(weekend.horizonWorkingDays, 0);
    assert.equal(weekend.utilization, null);
    const nobody = teamUtilization(capacitySchema.parse({ ...workedExampleCapacity, members: [{ name: 'Ana', allocation: 0 }] }));
    assert.equal(nobody.horizonWorkingDays, 10);
    assert.equal(nobody.utilization, null);
  });

  it('equals analyze\'s availableDays, committedDays and utilizationBefore for the sample team', async () => {
    const loaded = await loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml'));
    assert.ok(loaded.ok);
    const analysis = analyze(loaded.value, requestSchema.parse({ title: 'X', requester: { name: 'R' }, effortDays: 3 }));
    const load = teamUtilization(loaded.value);
    assert.equal(load.team, loaded.value.team);
    assert.equal(load.availableDays, analysis.availableDays);
    assert.equal(load.committedDays, analysis.committedDays);
    assert.equal(load.utilization, analysis.utilizationBefore);
    assert.equal(load.horizonWorkingDays, analysis.horizonWorkingDays);
  });

  it('always equals analyze\'s utilizationBefore exactly (random teams, seeded)', () => {
    const capacityArb = fc
      .record({
        length: fc.integer({ min: 1, max: 40 }),
        focusFactor: fc.double({ min: 0.05, max: 1, noNaN: true }),
        allocations: fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: 1, maxLength: 4 }),
        efforts: fc.array(fc.double({ min: 0.1, max: 30, noNaN: true }), { maxLength: 12 }),
      })
      .map(({ length, focusFactor, allocations, efforts }) =>
        capacitySchema.parse({
          team: 'T',
          horizon: { start: '2027-01-04', end: new Date(Date.UTC(2027, 0, 3 + length)).toISOString().slice(0, 10) },
          focusFactor,
          members: allocations.map((allocation, i) => ({ name: `M${i}`, allocation })),
          commitments: efforts.map((effortDays, i) => ({ id: `C${i}`, title: `C${i}`, effortDays, rank: (i % 3) + 1 })),
        }),
      );
    const request = requestSchema.parse({ title: 'X', requester: { name: 'R' }, effortDays: 1 });
    fc.assert(
      fc.property(capacityArb, (capacity) => {
        assert.equal(teamUtilization(capacity).utilization, analyze(capacity, request).utilizationBefore);
      }),
      { numRuns: 100, seed: 20270104 },
    );
  });
});
