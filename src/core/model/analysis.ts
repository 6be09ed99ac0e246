import type { IsoDate } from './civilDate';

/** A date in the plan, or `never` when it would lie more than 10 years after the horizon's start. */
export type PlanDate = IsoDate | 'never';

export interface Delay {
  id: string;
  title: string;
  baselineFinish: PlanDate;
  acceptedFinish: PlanDate;
  delayWorkingDays: number | null;
  costOfDelay: number | null;
  deadline: IsoDate | null;
  missesDeadline: boolean;
  alreadyLate: boolean;
}

export interface Funding {
  extraFte: number | null;
  fteRequested: number | null;
  cost: number | null;
  /** Why `cost` is null, when it is. */
  note?: string;
}

export interface PlacedRequest {
  start: PlanDate;
  finish: PlanDate;
  meetsNeededBy: boolean | null;
}

export interface Alternatives {
  defer: PlacedRequest;
  descope: { fitDays: number; fraction: number };
  swap: { ids: string[]; freedDays: number } | null;
  fund: Funding;
}

export interface InformCio {
  owner: string | null;
  by: PlanDate;
  needed: boolean;
}

/** The `analyze` result. Field names are the CLI's JSON contract (spec: Outputs). */
export interface Analysis {
  availableDays: number;
  committedDays: number;
  utilizationBefore: number | null;
  utilizationAfter: number | null;
  overflowDays: number;
  horizonWorkingDays: number;
  request: PlacedRequest;
  delays: Delay[];
  totalCostOfDelay: number;
  funding: Funding;
  alternatives: Alternatives;
  informCio: InformCio;
  warnings: string[];
}
