import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Analysis, PlanDate } from '../../src/core/model/analysis';
import { analyze } from '../../src/core/model/analyze';
import { type Capacity, type CapacityInput, capacitySchema } from '../../src/core/schema/capacity';
import { type Request, type RequestInput, requestSchema } from '../../src/core/schema/request';
import { loadCapacity, loadRequest } from '../../src/core/load/loadData';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { loadBuiltinPack } from './fixtures/sample';

/**
 * Properties of the capacity model (spec/capacity-model.md) over small random
 * teams: short horizons, a few members, a dozen commitments at most. Every input
 * goes through the schemas, so defaults are those a user gets. Runs are fixed and
 * seeded so a failure reproduces.
 */

const RUNS = 200;
const SEED = 20270104;
const params = { numRuns: RUNS, seed: SEED };

const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Independent of src: day number (days since 1970-01-01) ↔ ISO date, through UTC only. */
function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
function weekdayOf(day: number): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7];
}

const FIRST_START = dayOf('2026-01-01');

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

interface Scenario {
  capacity: Capacity;
  request: Request;
}

const allocationArb = fc.constantFrom(0, 0.25, 0.5, 1);
const effortArb = fc.oneof(
  fc.constantFrom(0.5, 1, 2, 2.5, 4, 5, 10, 20),
  fc.double({ min: 0.5, max: 20, noNaN: true, noDefaultInfinity: true }),
);

/** A capacity input whose dates lie around a horizon of 5–60 days. */
const capacityInputArb: fc.Arbitrary<CapacityInput> = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 1500 }), // 2026-01-01 … 2030-02: includes 29 Feb 2028
    length: fc.integer({ min: 5, max: 60 }),
  })
  .chain(({ startOffset, length }) => {
    const start = FIRST_START + startOffset;
    const end = start + length - 1;
    const dateAround = (before: number, after: number) =>
      fc.integer({ min: -before, max: length - 1 + after }).map((offset) => isoOf(start + offset));
    const timeOffArb = fc
      .record({ from: fc.integer({ min: -5, max: length + 5 }), span: fc.integer({ min: 0, max: 10 }) })
      .map(({ from, span }) => ({ from: isoOf(start + from), to: isoOf(start + from + span) }));
    const memberArb = fc.record(
      {
        name: fc.constantFrom('Ana', 'Ben', 'Chi', 'Dee', 'Eli', 'Fay'),
        role: fc.constantFrom('dev', 'ops'),
        allocation: allocationArb,
        dailyCost: fc.constantFrom(0, 300, 450.5, 800),
        timeOff: fc.array(timeOffArb, { maxLength: 2 }),
      },
      { requiredKeys: ['name'] },
    );
    const commitmentArb = fc.record(
      {
        title: fc.constantFrom('Audit', 'Billing', 'Cache', 'Docs'),
        effortDays: effortArb,
        rank: fc.integer({ min: 1, max: 5 }),
        deadline: dateAround(3, 20),
        costOfDelayPerWeek: fc.constantFrom(0, 100, 1000, 2500.5),
        sponsor: fc.constantFrom('Sam', 'Tia'),
        locked: fc.boolean(),
      },
      { requiredKeys: ['title', 'effortDays', 'rank'] },
    );
    return fc.record(
      {
        team: fc.constant('Team'),
        horizon: fc.constant({ start: isoOf(start), end: isoOf(end) }),
        calendar: fc.record(
          {
            workdays: fc.oneof(
              { weight: 3, arbitrary: fc.constant(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as (typeof WEEKDAYS)[number][]) },
              { weight: 2, arbitrary: fc.subarray([...WEEKDAYS], { minLength: 1 }) },
              { weight: 1, arbitrary: fc.subarray([...WEEKDAYS]) },
            ),
            holidays: fc.array(dateAround(2, 10), { maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
        focusFactor: fc.constantFrom(0.5, 0.8, 1, 0.3),
        members: fc.array(memberArb, { minLength: 1, maxLength: 6 }),
        commitments: fc
          .array(commitmentArb, { maxLength: 12 })
          .map((list) => list.map((c, k) => ({ id: `C${k + 1}`, ...c }))),
        funding: fc.record(
          {
            contractorDailyRate: fc.constantFrom(500, 650.25),
            fteIncrement: fc.constantFrom(0.25, 0.5, 1, 0.1),
          },
          { requiredKeys: [] },
        ),
        org: fc.record(
          {
            me: fc.record({ name: fc.constant('Lee') }, { requiredKeys: [] }),
            defaultCioInformer: fc.constantFrom('requester', 'me', 'sponsor'),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['team', 'horizon', 'members'] },
    ) as fc.Arbitrary<CapacityInput>;
  });

function requestInputArb(capacity: Capacity): fc.Arbitrary<RequestInput> {
  const start = dayOf(capacity.horizon.start);
  const end = dayOf(capacity.horizon.end);
  return fc.record(
    {
      title: fc.constant('Request'),
      requester: fc.constant({ name: 'Riya' }),
      effortDays: effortArb,
      rank: fc.integer({ min: 1, max: 6 }),
      neededBy: fc.integer({ min: -3, max: end - start + 30 }).map((offset) => isoOf(start + offset)),
      costOfDelayPerWeek: fc.constantFrom(0, 500),
      informsCio: fc.constantFrom('requester', 'me', 'sponsor'),
    },
    { requiredKeys: ['title', 'requester', 'effortDays'] },
  ) as fc.Arbitrary<RequestInput>;
}

const scenarioArb: fc.Arbitrary<Scenario> = capacityInputArb.chain((input) => {
  const capacity = capacitySchema.parse(input);
  return requestInputArb(capacity).map((r) => ({ capacity, request: requestSchema.parse(r) }));
});

/** `never` is later than every date; ISO dates compare as strings. */
function notLater(a: PlanDate, b: PlanDate): boolean {
  if (b === 'never') return true;
  if (a === 'never') return false;
  return a <= b;
}

function closeTo(actual: number, expected: number, relative = 1e-9): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

// ---------------------------------------------------------------------------
// A day-by-day reading of the spec, written without looking at the scheduler's
// data structures, to compare the analysis with.
// ---------------------------------------------------------------------------

const TOL = 1e-9;

function tenYearsAfter(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y + 10;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return Date.UTC(year, m - 1, m === 2 && d === 29 && !leap ? 28 : d) / MS_PER_DAY;
}

function oracle(capacity: Capacity, request: Request) {
  const first = dayOf(capacity.horizon.start);
  const end = dayOf(capacity.horizon.end);
  const neverAfter = tenYearsAfter(capacity.horizon.start);
  const neededBy = request.neededBy === null ? null : dayOf(request.neededBy);
  const last = Math.max(neverAfter, end, neededBy ?? end);
  const holidays = new Set(capacity.calendar.holidays);
  const working: boolean[] = [];
  const cap: number[] = [];
  for (let day = first; day <= last; day++) {
    const iso = isoOf(day);
    const isWorking = (capacity.calendar.workdays as string[]).includes(weekdayOf(day)) && !holidays.has(iso);
    working.push(isWorking);
    let total = 0;
    if (isWorking) {
      for (const m of capacity.members) {
        const away = m.timeOff.some((r) => r.from <= iso && iso <= r.to);
        if (!away) total += m.allocation * capacity.focusFactor;
      }
    }
    cap.push(total);
  }
  const capacityThrough = (day: number) => {
    let sum = 0;
    for (let i = 0; i <= day - first && i < cap.length; i++) sum += cap[i];
    return sum;
  };
  const date = (i: number): PlanDate => (i < 0 ? 'never' : isoOf(first + i));
  /** First day with capacity whose cumulative capacity passes `test`, within 10 years; -1 = never. */
  const scan = (test: (cumulative: number) => boolean): number => {
    let cumulative = 0;
    for (let i = 0; first + i <= neverAfter; i++) {
      cumulative += cap[i];
      if (cap[i] > 0 && test(cumulative)) return i;
    }
    return -1;
  };
  const finishes = (efforts: number[]) => {
    let cumulative = 0;
    return efforts.map((e) => {
      cumulative += e;
      const target = cumulative;
      return scan((c) => c >= target - TOL);
    });
  };
  const startAfter = (before: number | null) => scan((c) => (before === null ? true : c > before + TOL));

  let horizonWorkingDays = 0;
  for (let i = 0; i <= end - first; i++) if (working[i]) horizonWorkingDays++;
  const availableDays = capacityThrough(end);
  let committedDays = 0;
  for (const c of capacity.commitments) committedDays += c.effortDays;
  const rawOverflow = Math.max(0, committedDays + request.effortDays - availableDays);
  const overflowDays = rawOverflow <= TOL ? 0 : rawOverflow;

  const ranked = capacity.commitments
    .map((c, k) => ({ c, k }))
    .sort((a, b) => a.c.rank - b.c.rank || a.k - b.k)
    .map(({ c }) => c);
  let requestIndex = ranked.findIndex((c) => c.rank >= request.rank);
  if (requestIndex < 0) requestIndex = ranked.length;
  const baseline = finishes(ranked.map((c) => c.effortDays));
  const acceptedList = [...ranked.slice(0, requestIndex).map((c) => c.effortDays), request.effortDays, ...ranked.slice(requestIndex).map((c) => c.effortDays)];
  const accepted = finishes(acceptedList);
  let before = 0;
  for (const e of acceptedList.slice(0, requestIndex)) before += e;
  const meets = (i: number) => (neededBy === null ? null : i >= 0 && first + i <= neededBy);
  const requestFinish = accepted[requestIndex];
  const requestStart = startAfter(requestIndex === 0 ? null : before);
  const deferFinish = finishes([...ranked.map((c) => c.effortDays), request.effortDays])[ranked.length];
  const deferStart = startAfter(ranked.length === 0 ? null : committedDays);

  const workingBetween = (b: number, a: number) => {
    let n = 0;
    for (let i = b + 1; i <= a; i++) if (working[i]) n++;
    return n;
  };
  const delays = ranked.flatMap((c, k) => {
    const b = baseline[k];
    const a = accepted[k < requestIndex ? k : k + 1];
    const later = b >= 0 && (a < 0 || a > b);
    if (!later) return [];
    const deadline = c.deadline === null ? null : dayOf(c.deadline);
    const late = (i: number) => deadline !== null && (i < 0 || first + i > deadline);
    const delayWorkingDays = a < 0 ? null : workingBetween(b, a);
    return [
      {
        id: c.id,
        title: c.title,
        baselineFinish: date(b),
        acceptedFinish: date(a),
        delayWorkingDays,
        costOfDelay: delayWorkingDays === null ? null : (c.costOfDelayPerWeek * delayWorkingDays) / capacity.calendar.workdays.length,
        deadline: c.deadline,
        missesDeadline: late(a) && !late(b),
        alreadyLate: late(b),
      },
    ];
  });

  const costs = capacity.members.map((m) => m.dailyCost).filter((x): x is number => x !== null);
  const rate = capacity.funding.contractorDailyRate ?? (costs.length === 0 ? null : costs.reduce((s, x) => s + x, 0) / costs.length);
  let funding: { extraFte: number | null; fteRequested: number | null; cost: number | null };
  if (horizonWorkingDays === 0) {
    funding = { extraFte: null, fteRequested: null, cost: null };
  } else {
    const extraFte = overflowDays > 0 ? overflowDays / (horizonWorkingDays * capacity.focusFactor) : 0;
    const inc = capacity.funding.fteIncrement;
    const fteRequested = extraFte === 0 ? 0 : Math.ceil(extraFte / inc - TOL) * inc;
    funding = { extraFte, fteRequested, cost: rate === null ? null : fteRequested * horizonWorkingDays * rate };
  }

  const fitDays = Math.min(request.effortDays, Math.max(0, capacityThrough(neededBy ?? end) - committedDays));

  let swap: { ids: string[]; freedDays: number } | null = null;
  {
    const ids: string[] = [];
    let freed = 0;
    const candidates = ranked.slice(requestIndex).reverse();
    for (const c of candidates) {
      if (c.locked) continue;
      ids.push(c.id);
      freed += c.effortDays;
      if (freed >= request.effortDays - TOL) {
        swap = { ids, freedDays: freed };
        break;
      }
    }
  }

  const who = request.informsCio ?? capacity.org.defaultCioInformer;
  const sponsorOf = new Map(capacity.commitments.map((c) => [c.id, c.sponsor]));
  const owner =
    who === 'requester'
      ? request.requester.name
      : who === 'me'
        ? capacity.org.me.name
        : (delays.map((d) => sponsorOf.get(d.id)).find((s) => s != null) ?? request.requester.name);

  return {
    availableDays,
    committedDays,
    utilizationBefore: availableDays === 0 ? null : committedDays / availableDays,
    utilizationAfter: availableDays === 0 ? null : (committedDays + request.effortDays) / availableDays,
    overflowDays,
    horizonWorkingDays,
    request: { start: date(requestStart), finish: date(requestFinish), meetsNeededBy: meets(requestFinish) },
    delays,
    totalCostOfDelay: delays.reduce((s, d) => s + (d.costOfDelay ?? 0), 0),
    funding,
    alternatives: {
      defer: { start: date(deferStart), finish: date(deferFinish), meetsNeededBy: meets(deferFinish) },
      descope: { fitDays, fraction: fitDays / request.effortDays },
      swap,
    },
    informCio: {
      owner,
      by: date(requestStart),
      needed: delays.length > 0 || delays.some((d) => d.missesDeadline) || overflowDays > 0,
    },
  };
}

/** Deep comparison where numbers match within 1e-9 relative. */
function assertClose(actual: unknown, expected: unknown, path = 'analysis'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(closeTo(actual, expected), `${path}: ${actual} is not ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    assert.equal(actual, expected, path);
    return;
  }
  assert.ok(actual !== null && typeof actual === 'object', `${path}: not an object`);
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: not an array`);
    assert.equal(actual.length, expected.length, `${path}.length`);
    expected.forEach((item, k) => assertClose((actual as unknown[])[k], item, `${path}[${k}]`));
    return;
  }
  for (const [key, value] of Object.entries(expected)) {
    assertClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('the capacity model: properties', function () {
  this.timeout(120_000);

  it('agrees with a day-by-day reading of the spec', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const analysis = analyze(capacity, request);
        assertClose(analysis, oracle(capacity, request));
      }),
      params,
    );
  });

  it('agrees with the day-by-day reading on the built-in sample and on every example of the built-in pack', async () => {
    const pack = await loadBuiltinPack();
    const at = (relative: string) => nodeFileSystem.resolve(pack.manifestFile, relative);
    const pairs = new Map([['sample/northwind.request.yaml', 'sample/northwind.capacity.yaml'], ...pack.manifest.examples.map((e) => [e.request, e.capacity] as const)].map(([r, c]) => [`${r} ${c}`, [r, c]]));
    assert.ok(pairs.size >= 2, 'the sample and its small request at least');
    for (const [requestFile, capacityFile] of pairs.values()) {
      const [request, capacity] = await Promise.all([loadRequest(nodeFileSystem, at(requestFile)), loadCapacity(nodeFileSystem, at(capacityFile))]);
      assert.ok(request.ok && capacity.ok, `${requestFile} and ${capacityFile} load`);
      assertClose(analyze(capacity.value, request.value), oracle(capacity.value, request.value), `${requestFile} on ${capacityFile}`);
    }
  });

  it('never reports a negative delay or cost', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const analysis = analyze(capacity, request);
        for (const delay of analysis.delays) {
          if (delay.delayWorkingDays !== null) {
            assert.ok(Number.isInteger(delay.delayWorkingDays) && delay.delayWorkingDays > 0, `delayWorkingDays ${delay.delayWorkingDays}`);
          } else {
            assert.equal(delay.acceptedFinish, 'never');
          }
          if (delay.costOfDelay !== null) assert.ok(delay.costOfDelay >= 0, `costOfDelay ${delay.costOfDelay}`);
          assert.ok(notLater(delay.baselineFinish, delay.acceptedFinish) && delay.baselineFinish !== delay.acceptedFinish);
          assert.ok(!(delay.missesDeadline && delay.alreadyLate));
        }
        assert.ok(analysis.totalCostOfDelay >= 0);
        assert.ok(analysis.overflowDays >= 0);
      }),
      params,
    );
  });

  it('asks for no funding when nothing overflows', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const analysis = analyze(capacity, request);
        if (analysis.overflowDays !== 0) return;
        if (analysis.horizonWorkingDays === 0) {
          // Not reachable with effort ≥ 0.5: no working day means no capacity, so overflow.
          assert.fail('no working days but no overflow');
        }
        assert.equal(analysis.funding.extraFte, 0);
        assert.equal(analysis.funding.fteRequested, 0);
        assert.ok(analysis.funding.cost === 0 || analysis.funding.cost === null, `cost ${analysis.funding.cost}`);
        assert.deepEqual(analysis.alternatives.fund, analysis.funding);
      }),
      params,
    );
  });

  it('defer delays nobody: a request ranked after every commitment is placed exactly where defer says', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 3 }),
        ({ capacity, request }, extra) => {
          const maxRank = Math.max(0, ...capacity.commitments.map((c) => c.rank));
          const last = { ...request, rank: maxRank + extra };
          const analysis = analyze(capacity, last);
          assert.deepEqual(analysis.delays, []);
          assert.equal(analysis.totalCostOfDelay, 0);
          assert.deepEqual(analysis.request, analysis.alternatives.defer);
          // The request goes before nothing, so nothing can be swapped out for it.
          assert.equal(analysis.alternatives.swap, null);
          // Defer does not depend on where the requester ranks it.
          assert.deepEqual(analysis.alternatives.defer, analyze(capacity, request).alternatives.defer);
        },
      ),
      params,
    );
  });

  it('raises utilization by exactly effort / available', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const a = analyze(capacity, request);
        if (a.availableDays === 0) {
          assert.equal(a.utilizationBefore, null);
          assert.equal(a.utilizationAfter, null);
          return;
        }
        assert.ok(a.utilizationBefore !== null && a.utilizationAfter !== null);
        const expected = request.effortDays / a.availableDays;
        assert.ok(closeTo(a.utilizationAfter - a.utilizationBefore, expected), `${a.utilizationAfter} − ${a.utilizationBefore} ≠ ${expected}`);
        assert.ok(closeTo(a.utilizationBefore, a.committedDays / a.availableDays));
      }),
      params,
    );
  });

  it('never finishes later when a member gets more allocation', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.constantFrom(0.25, 0.5, 1), ({ capacity, request }, pick, raise) => {
        const index = pick % capacity.members.length;
        const member = capacity.members[index];
        const raised: Capacity = {
          ...capacity,
          members: capacity.members.map((m, k) => (k === index ? { ...m, allocation: Math.min(1, m.allocation + raise) } : m)),
        };
        fc.pre(raised.members[index].allocation > member.allocation);
        const before = analyze(capacity, request);
        const after = analyze(raised, request);
        for (const key of ['start', 'finish'] as const) {
          assert.ok(notLater(after.request[key], before.request[key]), `request.${key}: ${after.request[key]} > ${before.request[key]}`);
          assert.ok(
            notLater(after.alternatives.defer[key], before.alternatives.defer[key]),
            `defer.${key}: ${after.alternatives.defer[key]} > ${before.alternatives.defer[key]}`,
          );
        }
        assert.ok(after.availableDays >= before.availableDays);
        assert.ok(after.overflowDays <= before.overflowDays);
        assert.ok(after.alternatives.descope.fitDays >= before.alternatives.descope.fitDays);
        // Accepted finishes of the commitments that are delayed in both.
        const beforeById = new Map(before.delays.map((d) => [d.id, d]));
        for (const d of after.delays) {
          const old = beforeById.get(d.id);
          if (old) {
            assert.ok(notLater(d.acceptedFinish, old.acceptedFinish), `${d.id} accepted ${d.acceptedFinish} > ${old.acceptedFinish}`);
            assert.ok(notLater(d.baselineFinish, old.baselineFinish), `${d.id} baseline ${d.baselineFinish} > ${old.baselineFinish}`);
          }
        }
      }),
      params,
    );
  });

  it('is deterministic and does not touch its input', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const capacityCopy = structuredClone(capacity);
        const requestCopy = structuredClone(request);
        const first: Analysis = analyze(capacity, request);
        const second = analyze(capacity, request);
        assert.deepEqual(second, first);
        assert.deepEqual(analyze(structuredClone(capacity), structuredClone(request)), first);
        assert.deepEqual(capacity, capacityCopy);
        assert.deepEqual(request, requestCopy);
        // It is plain JSON: what the CLI prints is what the model computed.
        assert.deepEqual(JSON.parse(JSON.stringify(first)), first);
      }),
      params,
    );
  });

  it('requests whole fteIncrements, at least extraFte; a swap frees at least the effort', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const a = analyze(capacity, request);
        const { extraFte, fteRequested } = a.funding;
        const increment = capacity.funding.fteIncrement;
        if (a.horizonWorkingDays === 0) {
          assert.equal(extraFte, null);
          assert.equal(fteRequested, null);
          assert.equal(a.funding.cost, null);
        } else {
          assert.ok(extraFte !== null && fteRequested !== null);
          const steps = fteRequested / increment;
          assert.ok(Math.abs(steps - Math.round(steps)) < 1e-9, `${fteRequested} is not a multiple of ${increment}`);
          // ⌈extraFte / increment − 1e-9⌉: at least extraFte, up to the tolerance.
          assert.ok(fteRequested >= extraFte - 1e-9 * increment, `${fteRequested} < ${extraFte}`);
          assert.ok(fteRequested < extraFte + increment + 1e-12, `${fteRequested} is more than one step above ${extraFte}`);
          if (a.funding.cost === null) assert.equal(typeof a.funding.note, 'string');
          else assert.equal(a.funding.note, undefined);
        }
        const swap = a.alternatives.swap;
        if (swap !== null) {
          const byId = new Map(capacity.commitments.map((c) => [c.id, c]));
          assert.ok(swap.ids.every((id) => byId.get(id)?.locked === false), 'a locked commitment was swapped');
          assert.equal(new Set(swap.ids).size, swap.ids.length);
          const freed = swap.ids.reduce((s, id) => s + (byId.get(id)?.effortDays ?? NaN), 0);
          assert.ok(closeTo(swap.freedDays, freed));
          assert.ok(swap.freedDays >= request.effortDays - 1e-9, `freed ${swap.freedDays} < ${request.effortDays}`);
          // Minimal: without the last one walked, it would not have been enough.
          assert.ok(swap.freedDays - (byId.get(swap.ids[swap.ids.length - 1])?.effortDays ?? 0) < request.effortDays - 1e-9 + 1e-12);
          // Only commitments the request goes before, i.e. with rank ≥ the request's.
          assert.ok(swap.ids.every((id) => (byId.get(id)?.rank ?? 0) >= request.rank));
        }
        const { fitDays, fraction } = a.alternatives.descope;
        assert.ok(fitDays >= 0 && fitDays <= request.effortDays);
        assert.ok(closeTo(fraction, fitDays / request.effortDays) && fraction >= 0 && fraction <= 1);
      }),
      params,
    );
  });

  it('informs the CIO exactly when something is delayed or overflows', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const a = analyze(capacity, request);
        assert.equal(a.informCio.needed, a.delays.length > 0 || a.overflowDays > 0);
        if (a.delays.some((d) => d.missesDeadline)) assert.equal(a.informCio.needed, true);
        assert.equal(a.informCio.by, a.request.start);
      }),
      params,
    );
  });

  it('says why whenever it reports "never" or has no capacity', () => {
    fc.assert(
      fc.property(scenarioArb, ({ capacity, request }) => {
        const a = analyze(capacity, request);
        const dates = [a.request.start, a.request.finish, a.alternatives.defer.start, a.alternatives.defer.finish, ...a.delays.flatMap((d) => [d.baselineFinish, d.acceptedFinish])];
        if (dates.includes('never')) assert.ok(a.warnings.some((w) => /10 years/.test(w)), `"never" without a warning: ${JSON.stringify(a.warnings)}`);
        if (a.availableDays === 0) assert.ok(a.warnings.some((w) => /no capacity/i.test(w)), `no capacity without a warning: ${JSON.stringify(a.warnings)}`);
        // A locked commitment the request pushes back is warned about exactly when one slips.
        const lockedSlips = a.delays.some((d) => capacity.commitments.some((c) => c.id === d.id && c.locked));
        assert.equal(a.warnings.some((w) => /locked commitment/.test(w)), lockedSlips, `locked slips: ${lockedSlips}; warnings: ${JSON.stringify(a.warnings)}`);
        const others = a.warnings.filter((w) => !/locked commitment/.test(w));
        if (!dates.includes('never') && a.availableDays > 0 && a.informCio.owner !== null) assert.deepEqual(others, []);
      }),
      params,
    );
  });
});
