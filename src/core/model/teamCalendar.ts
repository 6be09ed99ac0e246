import type { Capacity } from '../schema/capacity';
import { WEEKDAYS, addYears, dayNumber, weekdayIndex } from './civilDate';

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
  /** Capacity of days 0..i inclusive. */
  readonly cumulativeCapacity: Float64Array;
  /** Working days (a calendar fact: time off ignored) among days 0..i inclusive. */
  readonly cumulativeWorkingDays: Int32Array;
}

export function buildTeamCalendar(capacity: Capacity, lastDayNeeded: number): TeamCalendar {
  const firstDay = dayNumber(capacity.horizon.start);
  const neverAfter = addYears(firstDay, 10);
  // Descope counts capacity up to neededBy even past the ten-year "never": at most
  // 0000–9999, about 3.65 million days, which the interval sums below build in well under a second.
  const lastDay = Math.max(neverAfter, lastDayNeeded, dayNumber(capacity.horizon.end));
  const length = lastDay - firstDay + 1;

  // By weekday index, with the holidays (sorted) struck out as the walk reaches them, and the team's
  // capacity read from runs of days: one pass over a calendar that may run millions of days, with
  // no string or set lookup per day and no array but the two sums (a pass per array took a second).
  const workdays = new Set<string>(capacity.calendar.workdays);
  const weekPattern = WEEKDAYS.map((name) => (workdays.has(name) ? 1 : 0));
  const holidays = [...new Set(capacity.calendar.holidays.map((holiday) => dayNumber(holiday) - firstDay))]
    .filter((index) => index >= 0 && index < length)
    .sort((a, b) => a - b);
  const intervals = teamCapacityIntervals(capacity, firstDay, length);

  const cumulativeCapacity = new Float64Array(length);
  const cumulativeWorkingDays = new Int32Array(length);
  let capacitySum = 0;
  let workingSum = 0;
  let holiday = 0;
  let interval = 0;
  for (let i = 0, weekday = weekdayIndex(firstDay); i < length; i++, weekday = weekday === 6 ? 0 : weekday + 1) {
    let working = weekPattern[weekday];
    if (holidays[holiday] === i) {
      working = 0;
      holiday++;
    }
    while (intervals[interval].to < i) interval++;
    if (working) {
      capacitySum += intervals[interval].capacity;
      workingSum++;
    }
    cumulativeCapacity[i] = capacitySum;
    cumulativeWorkingDays[i] = workingSum;
  }

  return { firstDay, neverAfter, length, cumulativeCapacity, cumulativeWorkingDays };
}


/**
 * The team's capacity on a working day, as runs of days over which nobody's
 * presence changes. Each member adds allocation × focusFactor except on their
 * time off. Who is away changes only where some time off starts or ends, so the
 * sum over the members present (in member order, so every figure is exactly the
 * spec's "sum over members") is taken once per run, not once per day: the cost
 * is runs × members, and runs are bounded by the calendar's length and by the
 * number of absences, however long the horizon or the absences are.
 */
function teamCapacityIntervals(capacity: Capacity, firstDay: number, length: number): { from: number; to: number; capacity: number }[] {
  const daily = capacity.members.map((member) => member.allocation * capacity.focusFactor);
  // change[i]: members whose absence starts (+1) or ends (-1) on day i.
  const changes = new Map<number, { member: number; delta: number }[]>();
  const change = (day: number, member: number, delta: number) => {
    const list = changes.get(day);
    if (list) list.push({ member, delta });
    else changes.set(day, [{ member, delta }]);
  };
  capacity.members.forEach((member, m) => {
    for (const [from, to] of mergedRanges(member.timeOff, firstDay, length)) {
      change(from, m, 1);
      change(to + 1, m, -1);
    }
  });
  const away = new Int32Array(daily.length);
  let absentCount = 0;
  const present = () => {
    let total = 0;
    for (let m = 0; m < daily.length; m++) if (away[m] === 0) total += daily[m];
    return total;
  };
  const fullTeam = present();
  const boundaries = [...changes.keys()].filter((day) => day < length).sort((a, b) => a - b);
  const intervals: { from: number; to: number; capacity: number }[] = [];
  let from = 0;
  let current = fullTeam;
  for (const day of boundaries) {
    if (day > from) intervals.push({ from, to: day - 1, capacity: current });
    for (const { member, delta } of changes.get(day) ?? []) {
      const wasAway = away[member] > 0;
      away[member] += delta;
      absentCount += Number(away[member] > 0) - Number(wasAway);
    }
    current = absentCount === 0 ? fullTeam : present();
    from = day;
  }
  if (from < length) intervals.push({ from, to: length - 1, capacity: current });
  return intervals;
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
