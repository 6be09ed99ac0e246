import assert from 'node:assert/strict';
import { analyze } from '../../src/core/model/analyze';
import { type CapacityInput, capacitySchema } from '../../src/core/schema/capacity';
import { type RequestInput, requestSchema } from '../../src/core/schema/request';

/**
 * Hand-computed examples for the Definitions and each bullet of "Precisions" in
 * spec/capacity-model.md. Unless a test says otherwise the horizon is
 * Mon 2027-01-04 … Fri 2027-01-15 (10 working days) and the team is one person
 * at allocation 1 with focusFactor 1: capacity 1.0 a day.
 */

const HORIZON = { start: '2027-01-04', end: '2027-01-15' };

function run(capacity: Partial<CapacityInput>, request: Partial<RequestInput> = {}) {
  return analyze(
    capacitySchema.parse({
      team: 'Team',
      horizon: HORIZON,
      focusFactor: 1,
      members: [{ name: 'Ana' }],
      ...capacity,
    }),
    requestSchema.parse({ title: 'Request', requester: { name: 'Riya' }, effortDays: 1, ...request }),
  );
}

function near(actual: number | null, expected: number, message?: string) {
  assert.ok(actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), message ?? `${actual} is not ${expected}`);
}

describe('the capacity model: definitions', () => {
  it('a working day is a listed weekday that is not a holiday', () => {
    // Mon 4 … Sun 17 Jan: 10 weekdays, minus the Wed 6 holiday; the Sat 9 holiday and one past the end change nothing.
    const a = run({
      horizon: { start: '2027-01-04', end: '2027-01-17' },
      focusFactor: 0.5,
      calendar: { holidays: ['2027-01-06', '2027-01-09', '2027-01-20'] },
    });
    assert.equal(a.horizonWorkingDays, 9);
    assert.equal(a.availableDays, 4.5);
  });

  it('workdays may be any weekdays, e.g. a weekend team', () => {
    const a = run({ horizon: { start: '2027-01-04', end: '2027-01-17' }, calendar: { workdays: ['Sat', 'Sun'] } }, { effortDays: 3 });
    assert.equal(a.horizonWorkingDays, 4);
    assert.equal(a.availableDays, 4);
    // Sat 9, Sun 10, Sat 16.
    assert.deepEqual(a.request, { start: '2027-01-09', finish: '2027-01-16', meetsNeededBy: null });
  });

  it('member capacity is allocation × focusFactor, 0 in time off; team capacity is the sum', () => {
    const a = run({
      horizon: { start: '2027-01-04', end: '2027-01-08' },
      focusFactor: 0.8,
      members: [
        { name: 'Ana', allocation: 1 }, // 0.8 × 5 = 4
        { name: 'Ben', allocation: 0.5, timeOff: [{ from: '2027-01-05', to: '2027-01-06' }] }, // 0.4 × 3 = 1.2
        { name: 'Chi', allocation: 0.25, timeOff: [{ from: '2026-12-20', to: '2027-01-04' }] }, // 0.2 × 4 = 0.8
        // Overlapping ranges count once: away Tue–Thu, so 0.4 × 2 = 0.8.
        { name: 'Dee', allocation: 0.5, timeOff: [{ from: '2027-01-05', to: '2027-01-06' }, { from: '2027-01-06', to: '2027-01-07' }] },
      ],
    });
    near(a.availableDays, 4 + 1.2 + 0.8 + 0.8);
    assert.equal(a.horizonWorkingDays, 5);
  });

  it('committedDays sums the efforts; utilization may exceed 1', () => {
    const a = run(
      { horizon: { start: '2027-01-04', end: '2027-01-08' }, commitments: [{ id: 'A', title: 'A', effortDays: 3, rank: 1 }, { id: 'B', title: 'B', effortDays: 4.5, rank: 2 }] },
      { effortDays: 2.5, rank: 3 },
    );
    assert.equal(a.committedDays, 7.5);
    assert.equal(a.availableDays, 5);
    assert.equal(a.utilizationBefore, 1.5);
    assert.equal(a.utilizationAfter, 2);
    assert.equal(a.overflowDays, 5);
  });

  it('the calendar continues past horizon.end under the same rules; capacity figures use the horizon only', () => {
    // Horizon Mon 4 … Fri 8. After it: Sat/Sun off, Mon 11 a holiday, Tue 12 Ana's time off, so day 6 is Wed 13.
    const a = run(
      {
        horizon: { start: '2027-01-04', end: '2027-01-08' },
        calendar: { holidays: ['2027-01-11'] },
        members: [{ name: 'Ana', timeOff: [{ from: '2027-01-12', to: '2027-01-12' }] }],
      },
      { effortDays: 6 },
    );
    assert.equal(a.request.finish, '2027-01-13');
    assert.equal(a.availableDays, 5);
    assert.equal(a.horizonWorkingDays, 5);
    assert.equal(a.overflowDays, 1);
  });

  it('dates are calendar dates: the same result in every time zone', () => {
    const saved = process.env.TZ;
    const results: unknown[] = [];
    try {
      for (const zone of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Australia/Sydney']) {
        process.env.TZ = zone;
        results.push(
          run(
            {
              horizon: { start: '2028-02-28', end: '2028-03-10' },
              calendar: { holidays: ['2028-03-01'] },
              commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1, deadline: '2028-03-02' }],
            },
            { effortDays: 2, neededBy: '2028-02-29' },
          ),
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    for (const r of results) assert.deepEqual(r, results[0]);
    // Mon 28, Tue 29 Feb; Wed 1 Mar holiday; Thu 2, Fri 3.
    assert.deepEqual((results[0] as ReturnType<typeof run>).request, { start: '2028-02-28', finish: '2028-02-29', meetsNeededBy: true });
    assert.equal((results[0] as ReturnType<typeof run>).delays[0].acceptedFinish, '2028-03-03');
  });

  it('reports exactly the fields of the Outputs table', () => {
    const a = run({ commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1 }] }, { neededBy: '2027-01-20' });
    assert.deepEqual(Object.keys(a).sort(), [
      'alternatives', 'availableDays', 'committedDays', 'delays', 'funding', 'horizonWorkingDays', 'informCio',
      'overflowDays', 'request', 'totalCostOfDelay', 'utilizationAfter', 'utilizationBefore', 'warnings',
    ]);
    assert.deepEqual(Object.keys(a.delays[0]).sort(), [
      'acceptedFinish', 'alreadyLate', 'baselineFinish', 'costOfDelay', 'deadline', 'delayWorkingDays', 'id', 'missesDeadline', 'title',
    ]);
    assert.deepEqual(Object.keys(a.alternatives).sort(), ['defer', 'descope', 'fund', 'swap']);
    assert.deepEqual(Object.keys(a.informCio).sort(), ['by', 'needed', 'owner']);
    assert.deepEqual(Object.keys(a.request).sort(), ['finish', 'meetsNeededBy', 'start']);
    // No rate is known here, so funding carries a note; nothing else is added.
    assert.deepEqual(Object.keys(a.funding).sort(), ['cost', 'extraFte', 'fteRequested', 'note']);
    assert.deepEqual(a.warnings, []);
  });
});

describe('the capacity model: precisions', () => {
  describe('tolerance', () => {
    it('"reaches" allows 1e-9: ten days of 0.1 (0.9999999999999999) finish an effort of 1 on day 10', () => {
      const a = run({ focusFactor: 0.1 }, { effortDays: 1 });
      assert.equal(a.request.finish, '2027-01-15');
      // Demand 1 − available 0.9999999999999999 ≤ 1e-9: no overflow, nothing to fund, no one to inform.
      assert.equal(a.overflowDays, 0);
      assert.deepEqual(a.funding, { extraFte: 0, fteRequested: 0, cost: null, note: a.funding.note });
      assert.equal(a.informCio.needed, false);
    });

    it('efforts 0.1 + 0.2 (0.30000000000000004) reach a capacity of 0.3', () => {
      const a = run(
        {
          focusFactor: 0.3,
          commitments: [
            { id: 'A', title: 'A', effortDays: 0.1, rank: 1 },
            { id: 'B', title: 'B', effortDays: 0.2, rank: 2 },
          ],
        },
        { effortDays: 0.3, rank: 1 },
      );
      // Baseline: both on Mon 4. Accepted: request Mon 4, then 0.4 and 0.6000000000000001 both reach 0.6 on Tue 5.
      assert.deepEqual(
        a.delays.map((d) => [d.id, d.baselineFinish, d.acceptedFinish, d.delayWorkingDays]),
        [
          ['A', '2027-01-04', '2027-01-05', 1],
          ['B', '2027-01-04', '2027-01-05', 1],
        ],
      );
    });

    it('"exceeds" needs more than 1e-9: a start waits for the day after 0.1+0.1+0.1 = 0.30000000000000004 > 0.3', () => {
      const a = run(
        { focusFactor: 0.1, commitments: [{ id: 'A', title: 'A', effortDays: 0.3, rank: 1 }] },
        { effortDays: 0.1, rank: 2 },
      );
      assert.deepEqual(a.request, { start: '2027-01-07', finish: '2027-01-07', meetsNeededBy: null });
      assert.deepEqual(a.alternatives.defer, a.request);
    });

    it('overflow within 1e-9 counts as 0', () => {
      const a = run(
        { commitments: [{ id: 'A', title: 'A', effortDays: 4, rank: 1 }], funding: { contractorDailyRate: 100 } },
        { effortDays: 6 + 1e-10, rank: 2 },
      );
      assert.equal(a.overflowDays, 0);
      assert.deepEqual(a.funding, { extraFte: 0, fteRequested: 0, cost: 0 });
      assert.equal(a.request.finish, '2027-01-15');
      assert.equal(a.informCio.needed, false);
    });

    it('fteRequested = ⌈extraFte / fteIncrement − 1e-9⌉ × fteIncrement: 0.5000000000000001 asks for 0.5', () => {
      // available = 0.9999999999999999; overflow = 1.5 − that = 0.5000000000000001; extraFte = overflow / (10 × 0.1).
      const a = run({ focusFactor: 0.1, funding: { contractorDailyRate: 100 } }, { effortDays: 1.5 });
      near(a.funding.extraFte, 0.5);
      assert.ok((a.funding.extraFte ?? 0) > 0.5, 'the example relies on extraFte being a hair above 0.5');
      assert.equal(a.funding.fteRequested, 0.5);
      assert.equal(a.funding.cost, 500);
    });
  });

  describe('working days are a calendar fact', () => {
    // Mon 4 … Fri 8; the whole team (both members) is away on Wed 6.
    const awayWednesday = {
      horizon: { start: '2027-01-04', end: '2027-01-08' },
      focusFactor: 0.5,
      members: [
        { name: 'Ana', timeOff: [{ from: '2027-01-06', to: '2027-01-06' }] },
        { name: 'Ben', timeOff: [{ from: '2027-01-06', to: '2027-01-06' }] },
      ],
      commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1, costOfDelayPerWeek: 500 }],
    };

    it('a whole-team-away day counts in horizonWorkingDays and delayWorkingDays', () => {
      const a = run(awayWednesday, { effortDays: 1, rank: 1 });
      assert.equal(a.horizonWorkingDays, 5);
      assert.equal(a.availableDays, 4);
      // A: baseline Tue 5; accepted: 3 days of capacity by Thu 7. Delayed Wed 6 and Thu 7 = 2 working days.
      assert.deepEqual(a.delays, [
        {
          id: 'A', title: 'A', baselineFinish: '2027-01-05', acceptedFinish: '2027-01-07',
          delayWorkingDays: 2, costOfDelay: 200, deadline: null, missesDeadline: false, alreadyLate: false,
        },
      ]);
    });

    it('and in extraFte: overflow / (5 working days × focusFactor)', () => {
      const a = run(awayWednesday, { effortDays: 4, rank: 2 });
      assert.equal(a.overflowDays, 2);
      near(a.funding.extraFte, 2 / (5 * 0.5));
      assert.equal(a.funding.fteRequested, 1);
    });

    it('a start or finish never falls on a day with zero team capacity', () => {
      // The request comes after A (2 days): cumulative capacity is still 2 on Wed 6, exceeds it on Thu 7.
      const after = run(awayWednesday, { effortDays: 1, rank: 2 });
      assert.deepEqual(after.request, { start: '2027-01-07', finish: '2027-01-07', meetsNeededBy: null });
      // Away on Mon 4: even a tiny effort, "reached" at once within the tolerance, starts and finishes on Tue 5.
      const awayMonday = run(
        { members: [{ name: 'Ana', timeOff: [{ from: '2027-01-04', to: '2027-01-04' }] }] },
        { effortDays: 1e-12 },
      );
      assert.deepEqual(awayMonday.request, { start: '2027-01-05', finish: '2027-01-05', meetsNeededBy: null });
      assert.equal(awayMonday.informCio.by, '2027-01-05');
    });
  });

  it('weeks for cost of delay: Mon–Thu is a week of 4, holidays not subtracted', () => {
    // Mon–Thu team, holiday Thu 7. Request 3 days first: Mon 4, Tue 5, Wed 6.
    // A (2 days): baseline Tue 5; accepted: Mon 11, Tue 12. Delayed working days: Wed 6, Mon 11, Tue 12 = 3.
    const a = run(
      {
        horizon: { start: '2027-01-04', end: '2027-01-14' },
        calendar: { workdays: ['Mon', 'Tue', 'Wed', 'Thu'], holidays: ['2027-01-07'] },
        commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1, costOfDelayPerWeek: 1000 }],
      },
      { effortDays: 3, rank: 1 },
    );
    assert.equal(a.horizonWorkingDays, 7);
    assert.equal(a.delays[0].acceptedFinish, '2027-01-12');
    assert.equal(a.delays[0].delayWorkingDays, 3);
    assert.equal(a.delays[0].costOfDelay, 750); // 1000 × 3 / 4
    assert.equal(a.totalCostOfDelay, 750);
  });

  describe('deadlines and needed-by dates', () => {
    const withDeadline = (deadline?: string) =>
      run(
        { commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1, ...(deadline ? { deadline } : {}) }] },
        { effortDays: 2, rank: 1 },
      ); // A: baseline Tue 5, accepted Thu 7.

    it('finishing on the deadline meets it', () => {
      const d = withDeadline('2027-01-07').delays[0];
      assert.deepEqual([d.deadline, d.missesDeadline, d.alreadyLate], ['2027-01-07', false, false]);
    });

    it('finishing after it misses it; a baseline on the deadline is not already late', () => {
      const a = withDeadline('2027-01-06');
      assert.deepEqual([a.delays[0].missesDeadline, a.delays[0].alreadyLate], [true, false]);
      assert.equal(a.informCio.needed, true);
      const onIt = withDeadline('2027-01-05').delays[0];
      assert.deepEqual([onIt.missesDeadline, onIt.alreadyLate], [true, false]);
    });

    it('a baseline after the deadline is already late, not a new miss', () => {
      const d = withDeadline('2027-01-04').delays[0];
      assert.deepEqual([d.missesDeadline, d.alreadyLate], [false, true]);
    });

    it('a delayed commitment without a deadline: deadline null, missesDeadline false, alreadyLate false', () => {
      const d = withDeadline().delays[0];
      assert.deepEqual([d.deadline, d.missesDeadline, d.alreadyLate], [null, false, false]);
      assert.equal(d.delayWorkingDays, 2);
    });

    it('the request meets a neededBy it finishes on, and misses the day before', () => {
      assert.deepEqual(run({}, { effortDays: 4, neededBy: '2027-01-07' }).request, { start: '2027-01-04', finish: '2027-01-07', meetsNeededBy: true });
      assert.equal(run({}, { effortDays: 4, neededBy: '2027-01-06' }).request.meetsNeededBy, false);
      // Defer likewise: after A (2 days), 4 more days finish Mon 11.
      const a = run({ commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1 }] }, { effortDays: 4, neededBy: '2027-01-11' });
      assert.deepEqual(a.alternatives.defer, { start: '2027-01-06', finish: '2027-01-11', meetsNeededBy: true });
      assert.equal(run({ commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1 }] }, { effortDays: 4, neededBy: '2027-01-08' }).alternatives.defer.meetsNeededBy, false);
    });

    it('meetsNeededBy is null without neededBy, for the request and for defer', () => {
      const a = run({ commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1 }] }, { effortDays: 4 });
      assert.equal(a.request.meetsNeededBy, null);
      assert.equal(a.alternatives.defer.meetsNeededBy, null);
    });

    it('informCio.needed: a missed deadline, a delay or an overflow; nothing of these, not needed', () => {
      const quiet = run({ commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1 }] }, { effortDays: 2, rank: 2 });
      assert.deepEqual(quiet.delays, []);
      assert.equal(quiet.overflowDays, 0);
      assert.equal(quiet.informCio.needed, false);
      const overflowOnly = run({ commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1 }] }, { effortDays: 9, rank: 2 });
      assert.deepEqual(overflowOnly.delays, []);
      assert.equal(overflowOnly.overflowDays, 1);
      assert.equal(overflowOnly.informCio.needed, true);
    });
  });

  describe('descope', () => {
    // Horizon Mon 4 … Fri 8; A (4 days) leaves 1 day of the horizon.
    const base = { horizon: { start: '2027-01-04', end: '2027-01-08' }, commitments: [{ id: 'A', title: 'A', effortDays: 4, rank: 1 }] };

    it('counts capacity up to a neededBy past horizon.end', () => {
      // Through Fri 15: 10 days of capacity − 4 committed = 6 of 8.
      assert.deepEqual(run(base, { effortDays: 8, neededBy: '2027-01-15' }).alternatives.descope, { fitDays: 6, fraction: 0.75 });
      // Past the horizon the calendar's rules still apply: a holiday on Mon 11 leaves 5.
      assert.deepEqual(
        run({ ...base, calendar: { holidays: ['2027-01-11'] } }, { effortDays: 8, neededBy: '2027-01-15' }).alternatives.descope,
        { fitDays: 5, fraction: 0.625 },
      );
    });

    it('uses horizon.end without neededBy, caps at the effort, and is 0 for a neededBy before the start', () => {
      assert.deepEqual(run(base, { effortDays: 8 }).alternatives.descope, { fitDays: 1, fraction: 0.125 });
      assert.deepEqual(run(base, { effortDays: 2, neededBy: '2027-02-26' }).alternatives.descope, { fitDays: 2, fraction: 1 });
      assert.deepEqual(run(base, { effortDays: 2, neededBy: '2027-01-01' }).alternatives.descope, { fitDays: 0, fraction: 0 });
    });
  });

  describe('default contractor rate', () => {
    // 10 working days, capacity 1.0 a day (Ana and Ben at 0.5 focus, Chi at allocation 0).
    // Request 12 days: overflow 2, extraFte 2 / (10 × 0.5) = 0.4 → 0.5 FTE.
    const team = (costs: (number | undefined)[], rate?: number) => ({
      focusFactor: 0.5,
      members: costs.map((dailyCost, k) => ({
        name: ['Ana', 'Ben', 'Chi'][k],
        allocation: k === 2 ? 0 : 1,
        ...(dailyCost === undefined ? {} : { dailyCost }),
      })),
      ...(rate === undefined ? {} : { funding: { contractorDailyRate: rate } }),
    });

    it('is the mean over members with a dailyCost, zeros included', () => {
      // (600 + 0) / 2 = 300, not 600 (zeros dropped) nor 200 (all members).
      const a = run(team([600, 0, undefined]), { effortDays: 12 });
      assert.deepEqual(a.funding, { extraFte: 0.4, fteRequested: 0.5, cost: 0.5 * 10 * 300 });
      assert.deepEqual(a.alternatives.fund, a.funding);
    });

    it('gives way to funding.contractorDailyRate', () => {
      assert.equal(run(team([600, 0, undefined], 1000), { effortDays: 12 }).funding.cost, 5000);
    });

    it('without any: cost null with a note, the FTE figures still reported', () => {
      const a = run(team([undefined, undefined, undefined]), { effortDays: 12 });
      assert.equal(a.funding.extraFte, 0.4);
      assert.equal(a.funding.fteRequested, 0.5);
      assert.equal(a.funding.cost, null);
      assert.equal(typeof a.funding.note, 'string');
      assert.ok((a.funding.note ?? '').length > 0);
      assert.deepEqual(a.alternatives.fund, a.funding);
    });
  });

  describe('who informs the CIO', () => {
    // Request rank 2 goes before B, C, D (rank ≥ 2), not before A.
    const commitments = [
      { id: 'A', title: 'A', effortDays: 1, rank: 1, sponsor: 'Alpha' },
      { id: 'B', title: 'B', effortDays: 1, rank: 2 },
      { id: 'C', title: 'C', effortDays: 1, rank: 3, sponsor: ' Sam Lee ' },
      { id: 'D', title: 'D', effortDays: 1, rank: 4, sponsor: 'Tia' },
    ];

    it('sponsor: the first delay in rank order that has one, used as written', () => {
      const a = run({ commitments }, { rank: 2, informsCio: 'sponsor' });
      assert.deepEqual(a.delays.map((d) => d.id), ['B', 'C', 'D']);
      assert.equal(a.informCio.owner, ' Sam Lee ');
    });

    it('the request\'s informsCio wins over org.defaultCioInformer, which applies otherwise', () => {
      const org = { defaultCioInformer: 'sponsor' as const, me: { name: 'Lee' } };
      assert.equal(run({ commitments, org }, { rank: 2 }).informCio.owner, ' Sam Lee ');
      assert.equal(run({ commitments, org }, { rank: 2, informsCio: 'requester' }).informCio.owner, 'Riya');
      assert.equal(run({ commitments, org }, { rank: 2, informsCio: 'me' }).informCio.owner, 'Lee');
      assert.equal(run({ commitments }, { rank: 2 }).informCio.owner, 'Riya');
    });

    it('sponsor falls back to the requester when no delayed commitment has one', () => {
      // Only A has a sponsor and A is not delayed.
      const a = run({ commitments: [commitments[0], commitments[1]] }, { rank: 2, informsCio: 'sponsor' });
      assert.deepEqual(a.delays.map((d) => d.id), ['B']);
      assert.equal(a.informCio.owner, 'Riya');
      // And when nothing is delayed at all.
      assert.equal(run({ commitments }, { rank: 5, informsCio: 'sponsor' }).informCio.owner, 'Riya');
    });

    it('me without org.me.name: owner null and a warning', () => {
      const a = run({ commitments }, { rank: 2, informsCio: 'me' });
      assert.equal(a.informCio.owner, null);
      assert.equal(a.warnings.length, 1);
      assert.match(a.warnings[0], /org\.me\.name|me/);
      const named = run({ commitments, org: { me: { name: 'Lee' } } }, { rank: 2, informsCio: 'me' });
      assert.equal(named.informCio.owner, 'Lee');
      assert.deepEqual(named.warnings, []);
    });

    it('informCio.by is the request\'s start in the accepted plan', () => {
      assert.equal(run({ commitments }, { rank: 2 }).informCio.by, '2027-01-05');
    });
  });

  describe('never', () => {
    // Horizon starts Tue 29 Feb 2028, every day a workday. Ana works that day, then is away until
    // Sat 27 Feb 2038, so the next capacity is on Sun 28 Feb 2038, the last day that is not "never".
    const leap = {
      horizon: { start: '2028-02-29', end: '2028-03-06' },
      calendar: { workdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as ('Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun')[] },
      members: [{ name: 'Ana', timeOff: [{ from: '2028-03-01', to: '2038-02-27' }] }],
      commitments: [
        { id: 'A', title: 'A', effortDays: 1, rank: 1, costOfDelayPerWeek: 7 },
        { id: 'B', title: 'B', effortDays: 1, rank: 2, costOfDelayPerWeek: 700 },
      ],
    };

    it('a finish on the same date 10 years on (29 Feb → 28 Feb) is a date; one day later is "never"', () => {
      const a = run(leap, { effortDays: 1, rank: 1 });
      assert.deepEqual(a.request, { start: '2028-02-29', finish: '2028-02-29', meetsNeededBy: null });
      assert.deepEqual(a.delays, [
        {
          id: 'A', title: 'A', baselineFinish: '2028-02-29', acceptedFinish: '2038-02-28',
          delayWorkingDays: 3652, costOfDelay: 3652, deadline: null, missesDeadline: false, alreadyLate: false,
        },
        {
          id: 'B', title: 'B', baselineFinish: '2038-02-28', acceptedFinish: 'never',
          delayWorkingDays: null, costOfDelay: null, deadline: null, missesDeadline: false, alreadyLate: false,
        },
      ]);
      // B adds nothing to the total.
      assert.equal(a.totalCostOfDelay, 3652);
      assert.equal(a.warnings.length, 1, 'the analysis says why something is "never"');
      assert.equal(a.informCio.needed, true);
    });

    it('counts calendar years, not 3652 days: from Mon 4 Jan 2027 the last date is Sun 4 Jan 2037 (3653 days on)', () => {
      // Ana works Mon 4 Jan 2027, then is away until Sat 3 Jan 2037.
      const decade = {
        horizon: { start: '2027-01-04', end: '2027-01-08' },
        calendar: { workdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as ('Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun')[] },
        members: [{ name: 'Ana', timeOff: [{ from: '2027-01-05', to: '2037-01-03' }] }],
      };
      assert.equal(run(decade, { effortDays: 2 }).request.finish, '2037-01-04');
      assert.equal(run(decade, { effortDays: 3 }).request.finish, 'never');
      // Descope still counts capacity up to a neededBy beyond those 10 years: 4 Jan 2027 + 4…10 Jan 2037.
      assert.deepEqual(run(decade, { effortDays: 20, neededBy: '2037-01-10' }).alternatives.descope, { fitDays: 8, fraction: 0.4 });
    });

    it('a "never" finish misses a deadline the baseline met', () => {
      const withDeadline = { ...leap, commitments: [leap.commitments[0], { ...leap.commitments[1], deadline: '2040-01-01' }] };
      const b = run(withDeadline, { effortDays: 1, rank: 1 }).delays[1];
      assert.deepEqual([b.acceptedFinish, b.missesDeadline, b.alreadyLate], ['never', true, false]);
    });

    it('the request itself can be "never", start and finish', () => {
      const a = run(leap, { effortDays: 5, rank: 3 });
      assert.deepEqual(a.request, { start: 'never', finish: 'never', meetsNeededBy: null });
      assert.equal(a.informCio.by, 'never');
      assert.ok(a.warnings.length >= 1);
    });

    it('says why when the defer alternative is "never" (spec: "the analysis says why")', () => {
      // Bug check. A alone takes 100,000 working days: "never" in the baseline and in the accepted
      // plan, so it is not a delay. The request (rank 1) finishes Mon 4 Jan 2027; deferred after A,
      // it is "never". The analysis reports that "never" and must say why.
      const a = run({ commitments: [{ id: 'A', title: 'A', effortDays: 100_000, rank: 2 }] }, { effortDays: 1, rank: 1 });
      assert.equal(a.request.finish, '2027-01-04');
      assert.deepEqual(a.delays, []);
      assert.equal(a.alternatives.defer.finish, 'never');
      assert.ok(
        a.warnings.some((w) => /10 years|never|no capacity/i.test(w)),
        `no warning explains the "never" in alternatives.defer; warnings: ${JSON.stringify(a.warnings)}`,
      );
    });
  });

  describe('a horizon without working days or capacity', () => {
    it('no working days (Sat–Sun): extraFte, fteRequested and cost are null, utilizations null, with a warning', () => {
      const a = run({ horizon: { start: '2027-01-09', end: '2027-01-10' }, funding: { contractorDailyRate: 500 } }, { effortDays: 1 });
      assert.equal(a.horizonWorkingDays, 0);
      assert.equal(a.availableDays, 0);
      assert.equal(a.overflowDays, 1);
      assert.equal(a.funding.extraFte, null);
      assert.equal(a.funding.fteRequested, null);
      assert.equal(a.funding.cost, null);
      assert.equal(typeof a.funding.note, 'string');
      assert.deepEqual(a.alternatives.fund, a.funding);
      assert.equal(a.utilizationBefore, null);
      assert.equal(a.utilizationAfter, null);
      assert.ok(a.warnings.some((w) => /no capacity/i.test(w)));
      // Scheduling continues past the horizon: Mon 11.
      assert.deepEqual(a.request, { start: '2027-01-11', finish: '2027-01-11', meetsNeededBy: null });
    });

    it('working days but availableDays 0: utilizations null and a warning; extraFte still computed', () => {
      const a = run(
        { focusFactor: 0.5, members: [{ name: 'Ana', allocation: 0 }, { name: 'Ben', allocation: 0 }], commitments: [{ id: 'A', title: 'A', effortDays: 2, rank: 1 }] },
        { effortDays: 3, rank: 2 },
      );
      assert.equal(a.horizonWorkingDays, 10);
      assert.equal(a.availableDays, 0);
      assert.equal(a.utilizationBefore, null);
      assert.equal(a.utilizationAfter, null);
      assert.ok(a.warnings.some((w) => /no capacity/i.test(w)));
      assert.equal(a.overflowDays, 5);
      assert.equal(a.funding.extraFte, 1); // 5 / (10 × 0.5)
      assert.equal(a.funding.fteRequested, 1);
      assert.deepEqual(a.request, { start: 'never', finish: 'never', meetsNeededBy: null });
    });
  });

  describe('priority order', () => {
    it('equal ranks keep the order of the file', () => {
      const a = run(
        {
          commitments: [
            { id: 'X', title: 'X', effortDays: 1, rank: 2 },
            { id: 'Y', title: 'Y', effortDays: 1, rank: 1 },
            { id: 'Z', title: 'Z', effortDays: 1, rank: 2 },
          ],
        },
        { effortDays: 1, rank: 1 },
      );
      // Order Y, X, Z; the request (rank 1) goes before Y too.
      assert.deepEqual(
        a.delays.map((d) => [d.id, d.baselineFinish, d.acceptedFinish]),
        [
          ['Y', '2027-01-04', '2027-01-05'],
          ['X', '2027-01-05', '2027-01-06'],
          ['Z', '2027-01-06', '2027-01-07'],
        ],
      );
    });

    it('the request goes before every commitment of rank ≥ its rank, after those of lower rank', () => {
      const a = run(
        {
          commitments: [
            { id: 'R3', title: 'R3', effortDays: 1, rank: 3 },
            { id: 'R1', title: 'R1', effortDays: 2, rank: 1 },
            { id: 'R2a', title: 'R2a', effortDays: 1, rank: 2 },
            { id: 'R2b', title: 'R2b', effortDays: 1, rank: 2 },
          ],
        },
        { effortDays: 1, rank: 2 },
      );
      // R1 (Mon, Tue) first; then the request on Wed 6, before both rank-2 items and R3.
      assert.deepEqual(a.request, { start: '2027-01-06', finish: '2027-01-06', meetsNeededBy: null });
      assert.deepEqual(a.delays.map((d) => d.id), ['R2a', 'R2b', 'R3']);
      assert.equal(a.informCio.by, '2027-01-06');
    });
  });

  describe('swap', () => {
    // Request rank 2 goes before B, E (rank 2, file order B then E) and C, D (rank 3, C then D); not before A.
    const commitments = [
      { id: 'A', title: 'A', effortDays: 9, rank: 1 },
      { id: 'B', title: 'B', effortDays: 3, rank: 2 },
      { id: 'C', title: 'C', effortDays: 5, rank: 3, locked: true },
      { id: 'D', title: 'D', effortDays: 2, rank: 3 },
      { id: 'E', title: 'E', effortDays: 2, rank: 2 },
    ];

    it('walks from the least important (highest rank, later in file first), skipping locked ones', () => {
      // Walk: D (2), C locked, E (4), B (7 ≥ 5).
      assert.deepEqual(run({ commitments }, { effortDays: 5, rank: 2 }).alternatives.swap, { ids: ['D', 'E', 'B'], freedDays: 7 });
      // Stops as soon as the sum reaches the effort: D + E = 4.
      assert.deepEqual(run({ commitments }, { effortDays: 4, rank: 2 }).alternatives.swap, { ids: ['D', 'E'], freedDays: 4 });
    });

    it('is null when even all of them are not enough (A, before the request, and locked C do not count)', () => {
      assert.equal(run({ commitments }, { effortDays: 7.5, rank: 2 }).alternatives.swap, null);
      // Ranked after everything, the request goes before nothing.
      assert.equal(run({ commitments }, { effortDays: 1, rank: 4 }).alternatives.swap, null);
    });
  });
});
