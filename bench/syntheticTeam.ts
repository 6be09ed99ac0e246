import type { CapacityInput } from '../src/core/schema/capacity';

/** A deterministic pseudo-random generator (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A year-long capacity file: `members` people with time off, `commitments` items filling about a year. */
export function syntheticCapacity(members: number, commitments: number, seed = 42): CapacityInput {
  const random = seededRandom(seed);
  const day = (offset: number) => new Date(Date.UTC(2027, 0, 4 + offset)).toISOString().slice(0, 10);
  const yearlyCapacity = members * 0.8 * 250;
  return {
    team: 'Synthetic',
    horizon: { start: '2027-01-04', end: '2027-12-31' },
    calendar: { holidays: ['2027-01-18', '2027-05-31', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24'] },
    members: Array.from({ length: members }, (_, i) => {
      const leave = Math.floor(random() * 330);
      return {
        name: `Member ${i + 1}`,
        allocation: [1, 1, 0.8, 0.5][i % 4],
        dailyCost: 500 + Math.round(random() * 500),
        timeOff: [{ from: day(leave), to: day(leave + 4) }],
      };
    }),
    commitments: Array.from({ length: commitments }, (_, i) => ({
      id: `C-${i + 1}`,
      title: `Commitment ${i + 1}`,
      effortDays: Math.max(0.5, Math.round(((random() * 2 * yearlyCapacity) / commitments) * 10) / 10),
      rank: 1 + Math.floor(random() * 50),
      deadline: random() < 0.5 ? day(Math.floor(random() * 360)) : undefined,
      costOfDelayPerWeek: Math.round(random() * 5000),
      sponsor: random() < 0.3 ? `Sponsor ${i % 7}` : undefined,
      locked: random() < 0.1,
    })),
    funding: { contractorDailyRate: 800 },
  };
}
