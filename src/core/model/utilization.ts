import type { Capacity } from '../schema/capacity';
import type { IsoDate } from './civilDate';
import { dayNumber } from './civilDate';
import { buildTeamCalendar, capacityThrough, workingDaysThrough } from './teamCalendar';

/** How full a team is before any new request: the model's `utilizationBefore`, on its own. */
export interface TeamUtilization {
  team: string;
  horizon: { start: IsoDate; end: IsoDate };
  /** Team capacity over the horizon's working days, in person-days. */
  availableDays: number;
  /** Sum of the commitments' effort, in person-days. */
  committedDays: number;
  /** committedDays / availableDays; null when the horizon has no capacity. */
  utilization: number | null;
  horizonWorkingDays: number;
}

/**
 * The team's load with no request in view (a capacity file open on its own).
 * Uses the same calendar and the same summation order as `analyze`, so the figure
 * always equals the `utilizationBefore` of any analysis of this capacity.
 */
export function teamUtilization(capacity: Capacity): TeamUtilization {
  const horizonEnd = dayNumber(capacity.horizon.end);
  const calendar = buildTeamCalendar(capacity, horizonEnd);
  const availableDays = capacityThrough(calendar, horizonEnd);
  let committedDays = 0;
  for (const commitment of capacity.commitments) committedDays += commitment.effortDays;
  return {
    team: capacity.team,
    horizon: { start: capacity.horizon.start, end: capacity.horizon.end },
    availableDays,
    committedDays,
    utilization: availableDays <= 0 ? null : committedDays / availableDays,
    horizonWorkingDays: workingDaysThrough(calendar, horizonEnd),
  };
}
