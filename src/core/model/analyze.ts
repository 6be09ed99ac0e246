import type { Capacity, Commitment } from '../schema/capacity';
import type { Request } from '../schema/request';
import type { Analysis, Delay, Funding, InformCio, PlacedRequest, PlanDate } from './analysis';
import { dayNumber, toIsoDate } from './civilDate';
import {
  type TeamCalendar,
  buildTeamCalendar,
  capacityThrough,
  firstDayWhere,
  workingDaysThrough,
} from './teamCalendar';

/** "Reaches" and "exceeds" compare with this tolerance (spec: Precisions). */
export const TOLERANCE = 1e-9;

/**
 * The capacity model of `spec/capacity-model.md`: the team is one pool that works
 * through its items in priority order. Pure and deterministic: the same input
 * always gives the same analysis, and nothing depends on the clock or time zone.
 */
/**
 * The analysis of a request, reused while the capacity is the same object and
 * nothing analyze reads of the request changed ({@link analysisKey}): typing the
 * title or the outcome in the composer does not plan 2,000 commitments again.
 * The result is shared, so it must not be modified (nothing does).
 */
export function analyzeReusing(capacity: Capacity, request: Request): Analysis {
  const key = analysisKey(request);
  const last = lastAnalyses.get(capacity);
  if (last?.key === key) return last.analysis;
  const analysis = analyze(capacity, request);
  lastAnalyses.set(capacity, { key, analysis });
  return analysis;
}

const lastAnalyses = new WeakMap<Capacity, { key: string; analysis: Analysis }>();

/** Every field of the request {@link analyze} reads (a test checks the others change nothing). */
export function analysisKey(request: Request): string {
  return JSON.stringify([request.effortDays, request.rank, request.neededBy, request.informsCio ?? null, request.requester.name]);
}

export function analyze(capacity: Capacity, request: Request): Analysis {
  const warnings: string[] = [];
  const horizonEnd = dayNumber(capacity.horizon.end);
  const neededBy = request.neededBy === null ? null : dayNumber(request.neededBy);
  const calendar = calendarFor(capacity, neededBy ?? horizonEnd);

  const availableDays = capacityThrough(calendar, horizonEnd);
  const horizonWorkingDays = workingDaysThrough(calendar, horizonEnd);
  const committedDays = sum(capacity.commitments.map((c) => c.effortDays));
  const demandDays = committedDays + request.effortDays;
  const noCapacity = availableDays <= 0;
  if (noCapacity) warnings.push('The horizon has no capacity: no working day in it has anyone available.');
  const rawOverflow = Math.max(0, demandDays - availableDays);
  const overflowDays = rawOverflow <= TOLERANCE ? 0 : rawOverflow;

  // Equal ranks keep file order: Array.prototype.sort is stable.
  const ranked = [...capacity.commitments].sort((a, b) => a.rank - b.rank);
  const insertAt = ranked.findIndex((c) => c.rank >= request.rank);
  const requestIndex = insertAt < 0 ? ranked.length : insertAt;

  const baseline = finishDates(calendar, ranked.map((c) => c.effortDays));
  const acceptedEfforts = ranked.map((c) => c.effortDays);
  acceptedEfforts.splice(requestIndex, 0, request.effortDays);
  const accepted = finishDates(calendar, acceptedEfforts);

  const effortBeforeRequest = sum(acceptedEfforts.slice(0, requestIndex));
  const placed = placeRequest(calendar, effortBeforeRequest, accepted[requestIndex], neededBy);
  const deferred = placeRequest(calendar, committedDays, baselineAfterAll(calendar, committedDays, request.effortDays), neededBy);

  const delays = findDelays(capacity, calendar, ranked, baseline, (k) => accepted[k < requestIndex ? k : k + 1]);
  if ([placed.finish, deferred.finish, ...delays.map((d) => d.acceptedFinish)].includes('never')) {
    warnings.push('Some work would finish more than 10 years after the horizon starts: the team has no capacity left for it.');
  }

  const lockedWarning = lockedSlipsWarning(ranked, delays, request.rank);
  if (lockedWarning) warnings.push(lockedWarning);

  const funding = fundingFor(capacity, overflowDays, horizonWorkingDays);
  const informCio = informCioFor(capacity, request, delays, overflowDays, placed.start, warnings);

  return {
    availableDays,
    committedDays,
    utilizationBefore: noCapacity ? null : committedDays / availableDays,
    utilizationAfter: noCapacity ? null : demandDays / availableDays,
    overflowDays,
    horizonWorkingDays,
    request: placed,
    delays,
    totalCostOfDelay: sum(delays.map((d) => d.costOfDelay ?? 0)),
    funding,
    alternatives: {
      defer: deferred,
      descope: descopeFor(calendar, committedDays, request.effortDays, neededBy ?? horizonEnd),
      swap: swapFor(ranked.slice(requestIndex), request.effortDays),
      fund: { ...funding },
    },
    informCio,
    warnings,
  };
}

/**
 * The composer analyzes the same capacity object on every keystroke while only
 * the request changes: its calendar (ten years of days) is built once per object.
 */
const calendars = new WeakMap<Capacity, TeamCalendar>();

function calendarFor(capacity: Capacity, lastDayNeeded: number): TeamCalendar {
  const cached = calendars.get(capacity);
  if (cached && cached.firstDay + cached.length - 1 >= lastDayNeeded) return cached;
  const calendar = buildTeamCalendar(capacity, lastDayNeeded);
  calendars.set(capacity, calendar);
  return calendar;
}

/** Day index of each item's finish, walking the cumulative efforts in order; -1 means never. */
function finishDates(calendar: TeamCalendar, efforts: readonly number[]): number[] {
  const finishes: number[] = [];
  let cumulativeEffort = 0;
  let from = 0;
  for (const effort of efforts) {
    cumulativeEffort += effort;
    const target = cumulativeEffort - TOLERANCE;
    const index = dayWithCapacityFrom(calendar, firstDayWhere(calendar, from, (c) => c >= target));
    finishes.push(withinTenYears(calendar, index));
    // Later items finish no earlier: the next search starts here (one walk in all).
    if (index >= 0) from = index;
  }
  return finishes;
}

function baselineAfterAll(calendar: TeamCalendar, committedDays: number, effort: number): number {
  return finishDates(calendar, [committedDays, effort])[1];
}

/** Start: the first day on which cumulative capacity exceeds the effort before the request. */
function placeRequest(calendar: TeamCalendar, effortBefore: number, finish: number, neededBy: number | null): PlacedRequest {
  const start =
    effortBefore === 0
      ? dayWithCapacityFrom(calendar, 0)
      : firstDayWhere(calendar, 0, (c) => c > effortBefore + TOLERANCE);
  const finishDay = finish < 0 ? null : calendar.firstDay + finish;
  return {
    start: planDate(calendar, withinTenYears(calendar, start)),
    finish: planDate(calendar, finish),
    meetsNeededBy: neededBy === null ? null : finishDay !== null && finishDay <= neededBy,
  };
}

/**
 * A start or finish never falls on a day with zero capacity: pass such days, by a
 * binary search for the first day whose capacity adds to the sum (a team away for
 * years would otherwise be walked day by day).
 */
function dayWithCapacityFrom(calendar: TeamCalendar, index: number): number {
  if (index < 0) return -1;
  const before = capacityThrough(calendar, calendar.firstDay + index - 1);
  return firstDayWhere(calendar, index, (cumulative) => cumulative > before);
}

function withinTenYears(calendar: TeamCalendar, index: number): number {
  return index >= 0 && calendar.firstDay + index <= calendar.neverAfter ? index : -1;
}

function planDate(calendar: TeamCalendar, index: number): PlanDate {
  return index < 0 ? 'never' : toIsoDate(calendar.firstDay + index);
}

function findDelays(
  capacity: Capacity,
  calendar: TeamCalendar,
  ranked: readonly Commitment[],
  baseline: readonly number[],
  acceptedFinishOf: (k: number) => number,
): Delay[] {
  const workdaysPerWeek = capacity.calendar.workdays.length;
  const delays: Delay[] = [];
  ranked.forEach((commitment, k) => {
    const before = baseline[k];
    const after = acceptedFinishOf(k);
    if (!isLater(after, before)) return;
    const deadline = commitment.deadline === null ? null : dayNumber(commitment.deadline);
    const late = (index: number) => deadline !== null && (index < 0 || calendar.firstDay + index > deadline);
    const delayWorkingDays =
      after < 0
        ? null
        : calendar.cumulativeWorkingDays[after] - calendar.cumulativeWorkingDays[before];
    delays.push({
      id: commitment.id,
      title: commitment.title,
      baselineFinish: planDate(calendar, before),
      acceptedFinish: planDate(calendar, after),
      delayWorkingDays,
      costOfDelay: delayWorkingDays === null ? null : (commitment.costOfDelayPerWeek * delayWorkingDays) / workdaysPerWeek,
      deadline: commitment.deadline,
      missesDeadline: late(after) && !late(before),
      alreadyLate: late(before),
    });
  });
  return delays;
}

/** Day indexes where -1 (never) is later than every date. */
function isLater(after: number, before: number): boolean {
  if (before < 0) return false;
  return after < 0 || after > before;
}

function fundingFor(capacity: Capacity, overflowDays: number, horizonWorkingDays: number): Funding {
  const rate = capacity.funding.contractorDailyRate ?? defaultContractorRate(capacity);
  if (horizonWorkingDays === 0) {
    return { extraFte: null, fteRequested: null, cost: null, note: 'The horizon has no working days.' };
  }
  const extraFte = overflowDays > 0 ? overflowDays / (horizonWorkingDays * capacity.focusFactor) : 0;
  const increment = capacity.funding.fteIncrement;
  const fteRequested = extraFte > 0 ? Math.ceil(extraFte / increment - TOLERANCE) * increment : 0;
  if (rate === null) {
    return {
      extraFte,
      fteRequested,
      cost: null,
      note: 'No contractor daily rate is known: set funding.contractorDailyRate or a dailyCost on members.',
    };
  }
  return { extraFte, fteRequested, cost: fteRequested * horizonWorkingDays * rate };
}

/** The mean `dailyCost` over members that give one, zeros included; null when none does. */
export function defaultContractorRate(capacity: Capacity): number | null {
  const costs = capacity.members.flatMap((m) => (m.dailyCost === null ? [] : [m.dailyCost]));
  return costs.length === 0 ? null : sum(costs) / costs.length;
}

/** Capacity left for the request by `until` once every commitment is done, capped at its effort. */
function descopeFor(calendar: TeamCalendar, committedDays: number, effort: number, until: number) {
  const fitDays = Math.min(effort, Math.max(0, capacityThrough(calendar, until) - committedDays));
  return { fitDays, fraction: fitDays / effort };
}

/** Commitments the request goes before, least important first, unlocked, until they free its effort. */
function swapFor(after: readonly Commitment[], effort: number) {
  const ids: string[] = [];
  let freedDays = 0;
  for (let k = after.length - 1; k >= 0; k--) {
    const commitment = after[k];
    if (commitment.locked) continue;
    ids.push(commitment.id);
    freedDays += commitment.effortDays;
    if (freedDays >= effort - TOLERANCE) return { ids, freedDays };
  }
  return null;
}

function informCioFor(
  capacity: Capacity,
  request: Request,
  delays: readonly Delay[],
  overflowDays: number,
  by: PlanDate,
  warnings: string[],
): InformCio {
  const who = request.informsCio ?? capacity.org.defaultCioInformer;
  let owner: string | null = request.requester.name;
  if (who === 'me') {
    owner = capacity.org.me.name;
    if (owner === null) warnings.push('The CIO is to be informed by "me", but org.me.name is not set.');
  } else if (who === 'sponsor') {
    const sponsorOf = new Map(capacity.commitments.map((c) => [c.id, c.sponsor]));
    owner = delays.map((d) => sponsorOf.get(d.id)).find((s) => s != null) ?? request.requester.name;
  }
  return {
    owner,
    by,
    // A missed deadline is always a delay too, so "any delay" already covers it.
    needed: delays.length > 0 || overflowDays > 0,
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Locked commitments were agreed not to move, yet the model places the request where it
 * is ranked and lets them slip like any other. The figures stay as the spec computes them;
 * this warning says it, and what rank keeps them in place.
 */
function lockedSlipsWarning(ranked: readonly Commitment[], delays: readonly Delay[], requestRank: number): string | undefined {
  const locked = new Map(ranked.filter((c) => c.locked).map((c) => [c.id, c]));
  const slipping = delays.filter((d) => locked.has(d.id));
  if (slipping.length === 0) return undefined;
  const by = (d: Delay) => (d.delayWorkingDays === null ? 'until it no longer finishes' : `by ${d.delayWorkingDays} working ${d.delayWorkingDays === 1 ? 'day' : 'days'}`);
  const listed = slipping.map((d) => `${d.title} (${d.id}) ${by(d)}`).join('; ');
  const keepRank = Math.max(...slipping.map((d) => (locked.get(d.id) as Commitment).rank)) + 1;
  const them = slipping.length === 1 ? 'it' : 'them';
  return `Ranked ${requestRank}, the request goes ahead of ${slipping.length === 1 ? 'a locked commitment' : `${slipping.length} locked commitments`}, which would slip: ${listed}. Locked work was agreed not to move: rank the request ${keepRank} or lower to keep ${them} in place, or agree the change with ${slipping.length === 1 ? 'its sponsor' : 'their sponsors'} first.`;
}
