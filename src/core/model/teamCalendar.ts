import type { Capacity } from '../schema/capacity';
import { addYears, dayNumber, weekdayName } from './civilDate';

/**
 * The team's calendar from `horizon.start` to the last day the model can ask
 * about, built once. Every question the scheduler asks ("when does cumulative
 * capacity reach X?", "how many working days lie between two dates?") is then a
 * binary search or an array read, so 10,000 commitments cost a sort and a walk,
 * never a day-by-day loop per item.
 */
export interface TeamCalendar {
  readonly firstDay: number;
  /** The last day a finish may fall on; anything later is reported as `never`. */
  readonly neverAfter: number;
  readonly length: number;
  /** Team capacity on each day (0 on non-working days). */
  readonly capacity: Float64Array;
  /** Capacity of days 0..i inclusive. */
  readonly cumulativeCapacity: Float64Array;
  /** Working days (a calendar fact: time off ignored) among days 0..i inclusive. */
  readonly cumulativeWorkingDays: Int32Array;
}

export function buildTeamCalendar(capacity: Capacity, lastDayNeeded: number): TeamCalendar {
  const firstDay = dayNumber(capacity.horizon.start);
  const neverAfter = addYears(firstDay, 10);
  const lastDay = Math.max(neverAfter, lastDayNeeded, dayNumber(capacity.horizon.end));
  const length = lastDay - firstDay + 1;

  const workdays = new Set<string>(capacity.calendar.workdays);
  const holidays = new Set(capacity.calendar.holidays.map(dayNumber));
  const isWorking = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    isWorking[i] = workdays.has(weekdayName(day)) && !holidays.has(day) ? 1 : 0;
  }

  // Each member adds allocation × focusFactor on every working day except their
  // time off. Most days nobody is away and the day has the full team's capacity;
  // only days with an absence are summed member by member. Both sums run in
  // member order, so every day's figure is exactly the spec's "sum over members"
  // while the cost stays one pass over the days, not members × days.
  const daily = capacity.members.map((member) => member.allocation * capacity.focusFactor);
  const away = capacity.members.map((member) => mergedRanges(member.timeOff, firstDay, length));
  const absences = new Int32Array(length + 1);
  for (const ranges of away) {
    for (const [from, to] of ranges) {
      absences[from] += 1;
      absences[to + 1] -= 1;
    }
  }
  const fullTeam = daily.reduce((total, value) => total + value, 0);
  const capacityPerDay = new Float64Array(length);
  let absent = 0;
  for (let i = 0; i < length; i++) {
    absent += absences[i];
    if (!isWorking[i]) continue;
    capacityPerDay[i] = absent === 0 ? fullTeam : presentCapacity(daily, away, i);
  }

  const cumulativeCapacity = new Float64Array(length);
  const cumulativeWorkingDays = new Int32Array(length);
  let capacitySum = 0;
  let workingSum = 0;
  for (let i = 0; i < length; i++) {
    capacitySum += capacityPerDay[i];
    workingSum += isWorking[i];
    cumulativeCapacity[i] = capacitySum;
    cumulativeWorkingDays[i] = workingSum;
  }

  return { firstDay, neverAfter, length, capacity: capacityPerDay, cumulativeCapacity, cumulativeWorkingDays };
}

/** The sum over members who are not away on day `index`, in member order. */
function presentCapacity(daily: readonly number[], away: readonly [number, number][][], index: number): number {
  let total = 0;
  for (let m = 0; m < daily.length; m++) {
    if (!away[m].some(([from, to]) => from <= index && index <= to)) total += daily[m];
  }
  return total;
}

/** A member's time off as day-index ranges clipped to the calendar, overlaps merged. */
function mergedRanges(timeOff: readonly { from: string; to: string }[], firstDay: number, length: number): [number, number][] {
  const ranges = timeOff
    .map(({ from, to }): [number, number] => [Math.max(dayNumber(from) - firstDay, 0), Math.min(dayNumber(to) - firstDay, length - 1)])
    .filter(([from, to]) => from <= to)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Capacity from the first day through `day` inclusive (0 before the first day). */
export function capacityThrough(calendar: TeamCalendar, day: number): number {
  const index = Math.min(day - calendar.firstDay, calendar.length - 1);
  return index < 0 ? 0 : calendar.cumulativeCapacity[index];
}

/** Working days from the first day through `day` inclusive. */
export function workingDaysThrough(calendar: TeamCalendar, day: number): number {
  const index = Math.min(day - calendar.firstDay, calendar.length - 1);
  return index < 0 ? 0 : calendar.cumulativeWorkingDays[index];
}

/** The first day index at or after `from` whose cumulative capacity satisfies `test`, or -1. */
export function firstDayWhere(calendar: TeamCalendar, from: number, test: (cumulative: number) => boolean): number {
  // cumulativeCapacity never decreases, so the days that pass form a suffix: binary search it.
  let low = from;
  let high = calendar.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(calendar.cumulativeCapacity[mid])) high = mid;
    else low = mid + 1;
  }
  return low < calendar.length ? low : -1;
}
