import assert from 'node:assert/strict';
import fc from 'fast-check';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { importJiraCsv } from '../../src/core/load/jiraCsv';
import { loadCapacity, loadRequest } from '../../src/core/load/loadData';
import { readCommitmentsCsv, readMembersCsv } from '../../src/core/load/pushbackCsv';
import { validate } from '../../src/core/load/schemaProblems';
import { parseSource } from '../../src/core/load/sourceDocument';
import { analyze } from '../../src/core/model/analyze';
import { MAX_PROBLEMS, type Problem, type Result } from '../../src/core/problems';
import { renderReply } from '../../src/core/engine/renderReply';
import type { Proposal } from '../../src/core/engine/replyContext';
import { buildAdaptiveCard } from '../../src/core/outputs/adaptiveCard';
import { type CapacityInput, capacitySchema } from '../../src/core/schema/capacity';
import { LIMITS } from '../../src/core/schema/fields';
import { requestSchema } from '../../src/core/schema/request';
import type { TemplatePack } from '../../src/core/pack/loadPack';
import { loadBuiltinPack } from './fixtures/sample';

/**
 * Fuzzing of everything that reads a file or turns figures into words: any text
 * or value gives a value or located problems, never a throw; no figure is NaN or
 * Infinity and no reply prints one; the cost of reporting problems does not grow
 * with how many there are. Seeded (FC_SEED overrides), so a failure reproduces:
 * fast-check prints the seed and the shrunk counterexample.
 */

const SEED = Number(process.env.FC_SEED ?? 20261201);
const params = (numRuns: number) => ({ numRuns, seed: SEED });

/** Located problems: 1-based positions, a message, at most 100 listed (plus one "and N more"). */
function assertLocated(result: Result<unknown>): void {
  if (result.ok) return;
  assert.ok(result.problems.length > 0 && result.problems.length <= MAX_PROBLEMS + 1, `${result.problems.length} problems`);
  for (const problem of result.problems) assertProblem(problem);
}

function assertProblem(problem: Problem): void {
  assert.ok(Number.isInteger(problem.line) && problem.line >= 1, `line ${problem.line}`);
  assert.ok(Number.isInteger(problem.column) && problem.column >= 1, `column ${problem.column}`);
  assert.equal(typeof problem.message, 'string');
  assert.ok(problem.message.length > 0);
}

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => numbersIn(child, `${path}.${key}`));
}

// Text that looks like data: brackets, quotes, colons, dashes, newlines, a BOM, control characters.
const dataChar = fc.constantFrom(...'{}[]",:-# \n\t\'"\\01aZ.é\uFEFF\u0000\r&*!|>'.split(''));
const dataText = fc.oneof(
  fc.string({ unit: dataChar, maxLength: 300 }),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 3_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth % 7 === 0 ? 0 : depth)}`),
  fc.integer({ min: 1, max: 3_000 }).map((depth) => `a: ${'{x: '.repeat(depth)}1${'}'.repeat(depth)}`),
);

/** A capacity-file-shaped value with some fields replaced by anything at all. */
const roughCapacity = fc.record(
  {
    team: fc.oneof(fc.constant('T'), fc.anything()),
    horizon: fc.oneof(fc.constant({ start: '2027-01-04', end: '2027-03-26' }), fc.anything()),
    members: fc.oneof(fc.constant([{ name: 'A' }]), fc.array(fc.dictionary(fc.string(), fc.anything(), { maxKeys: 4 }), { maxLength: 4 }), fc.anything()),
    commitments: fc.oneof(fc.constant([]), fc.array(fc.dictionary(fc.constantFrom('id', 'title', 'effortDays', 'rank', 'x'), fc.anything()), { maxLength: 4 })),
    focusFactor: fc.oneof(fc.double(), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

const csvCell = fc.oneof(fc.string({ unit: fc.constantFrom(...'ab1.-;," \n\r2027'.split('')), maxLength: 12 }), fc.constantFrom('2027-01-04', '1e308', '-1', 'NaN', 'yes', ''));
const csvText = (header: string) =>
  fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 12 }).map((rows) => [header, ...rows.map((row) => row.join(','))].join('\n'));

describe('hostile inputs (property tests)', () => {
  it('parses any text as JSON or YAML into a value or located problems, never a throw', () => {
    fc.assert(
      fc.property(dataText, fc.constantFrom('json', 'yaml') as fc.Arbitrary<'json' | 'yaml'>, (text, format) => {
        assertLocated(parseSource(`/w/x.${format}`, text, format));
      }),
      params(300),
    );
  });

  it('loads any capacity or request text into a value or located problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(roughCapacity.map((value) => JSON.stringify(value) ?? 'null'), dataText), fc.boolean(), async (text, yaml) => {
        const file = yaml ? '/w/c.capacity.yaml' : '/w/c.capacity.json';
        assertLocated(await loadCapacity(memoryFileSystem({ [file]: text }), file));
        assertLocated(await loadRequest(memoryFileSystem({ [file]: text }), file));
      }),
      params(200),
    );
  });

  it('reads any CSV, Pushback or Jira, into records or located problems', () => {
    fc.assert(
      fc.property(
        fc.oneof(csvText('name,role,allocation,dailyCost,timeOff'), csvText('id,title,effortDays,rank,deadline,locked'), csvText('Issue key,Summary,Story Points,Due date,Status,Original Estimate'), fc.string({ maxLength: 200 })),
        (text) => {
          assertLocated(readMembersCsv('/w/m.csv', text));
          assertLocated(readCommitmentsCsv('/w/c.csv', text));
          assertLocated(importJiraCsv('/w/j.csv', text, { daysPerPoint: 1 }));
        },
      ),
      params(300),
    );
  });

  it('locates at most 100 problems however many a value has (the cost of reporting stays linear)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: LIMITS.members - 1 }), (unknownKeys, badMembers) => {
        const value: Record<string, unknown> = { team: 'T', horizon: { start: '2027-01-04', end: '2027-01-15' } };
        for (let i = 0; i < unknownKeys; i++) value[`x${i}`] = 1;
        value.members = Array.from({ length: badMembers + 1 }, (_, i) => (i === 0 ? { name: 'A' } : { name: 1, allocation: 'all' }));
        let located = 0;
        const result = validate(capacitySchema, value, '/w/c.json', () => {
          located++;
          return { line: 1, column: 1 };
        });
        const expected = unknownKeys + 2 * badMembers;
        assert.ok(located <= MAX_PROBLEMS, `${located} problems located`);
        if (expected === 0) return assert.ok(result.ok);
        assert.ok(!result.ok);
        const listed = result.problems.filter((problem) => problem.omitted === undefined).length;
        assert.equal(listed + (result.problems.at(-1)?.omitted ?? 0), expected);
      }),
      params(40),
    );
  });

  describe('figures and replies at the bounds', () => {
    let pack: TemplatePack;
    before(async () => {
      pack = await loadBuiltinPack();
    });

    // Numbers anywhere in their allowed range, the extremes most of all.
    const bounded = (min: number, max: number) => fc.oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    const positive = (max: number) => fc.oneof(fc.constantFrom(Number.MIN_VALUE, 1e-9, max), fc.double({ min: Number.MIN_VALUE, max, noNaN: true }));
    const YEAR_0 = Date.parse('0000-01-01T00:00:00Z');
    const date = fc.integer({ min: 0, max: 9999 * 365 }).map((day) => new Date(YEAR_0 + day * 86_400_000).toISOString().slice(0, 10));
    const capacityArb: fc.Arbitrary<CapacityInput> = fc
      .record({
        start: fc.oneof(fc.constantFrom('0000-01-03', '2027-01-04', '9989-12-31'), date.filter((d) => d >= '0000' && d <= '9989-12-31')),
        days: fc.integer({ min: 0, max: 3_650 }),
        focusFactor: bounded(LIMITS.focusFactor.min, 1),
        members: fc.array(fc.record({ allocation: fc.oneof(fc.constant(0), bounded(0.01, 1)), dailyCost: bounded(0, LIMITS.money.max), away: fc.integer({ min: -5, max: 4_000 }) }), { minLength: 1, maxLength: 4 }),
        commitments: fc.array(fc.record({ effortDays: positive(LIMITS.effortDays.max), rank: fc.integer({ min: 1, max: LIMITS.rank.max }), cost: bounded(0, LIMITS.money.max), locked: fc.boolean() }), { maxLength: 5 }),
        rate: fc.option(positive(LIMITS.money.max)),
        fteIncrement: bounded(LIMITS.fteIncrement.min, LIMITS.fteIncrement.max),
      })
      .map(({ start, days, focusFactor, members, commitments, rate, fteIncrement }) => {
        const startDay = Date.parse(`${start}T00:00:00Z`);
        const iso = (offset: number) => new Date(startDay + offset * 86_400_000).toISOString().slice(0, 10);
        const end = iso(Math.min(days, Math.floor((Date.parse('9999-12-31T00:00:00Z') - startDay) / 86_400_000)));
        return {
          team: 'T',
          horizon: { start, end: end < start ? start : end },
          focusFactor,
          members: members.map((m, i) => ({ name: `M${i}`, allocation: m.allocation, dailyCost: m.dailyCost, timeOff: m.away < 0 ? [] : [{ from: start, to: iso(Math.min(m.away, days)) }] })),
          commitments: commitments.map((c, i) => ({ id: `C${i}`, title: `C${i}`, effortDays: c.effortDays, rank: c.rank, costOfDelayPerWeek: c.cost, locked: c.locked, deadline: start })),
          funding: { contractorDailyRate: rate, fteIncrement },
        };
      });
    // neededBy stays within a few years of the horizon: each far one makes a calendar of millions of days.
    const requestArb = fc.record({
      effortDays: positive(LIMITS.effortDays.max),
      rank: fc.integer({ min: 1, max: LIMITS.rank.max }),
      costOfDelayPerWeek: bounded(0, LIMITS.money.max),
      neededBy: fc.option(fc.integer({ min: -400, max: 4_000 })),
    });

    it('never gives NaN or Infinity in an analysis, nor prints one (or an exponent, or a 5-digit year) in a reply', () => {
      fc.assert(
        fc.property(capacityArb, requestArb, fc.constantFrom<Proposal>('defer', 'descope', 'swap', 'fund'), fc.constantFrom('yes-and-tradeoffs', 'yes-with-funding', 'teams-quick-reply'), (capacityInput, requestInput, proposal, templateId) => {
          const capacity = capacitySchema.safeParse(capacityInput);
          assert.ok(capacity.success, JSON.stringify(capacity.error?.issues.slice(0, 2)));
          const neededBy = requestInput.neededBy === null ? null : new Date(Date.parse(`${capacity.data.horizon.start}T00:00:00Z`) + requestInput.neededBy * 86_400_000).toISOString().slice(0, 10);
          const request = requestSchema.parse({ title: 'X', requester: { name: 'A' }, ...requestInput, neededBy: /^\d{4}-/.test(neededBy ?? '') ? neededBy : null });
          const analysis = analyze(capacity.data, request);
          for (const [path, value] of numbersIn(analysis)) assert.ok(Number.isFinite(value), `${path} is ${value}`);
          const template = pack.templates.find((t) => t.frontMatter.id === templateId);
          assert.ok(template);
          const input = { request, capacity: capacity.data, analysis, today: '2027-01-04', proposal };
          const reply = renderReply(template, input);
          assert.ok(reply.ok, reply.ok ? '' : reply.problems[0].message);
          const card = buildAdaptiveCard({ input, markdown: reply.value, frontMatter: template.frontMatter });
          for (const text of [reply.value, card.ok ? JSON.stringify(card.value) : '']) {
            assert.doesNotMatch(text, /Infinity|NaN|∞|\d[eE][+-]?\d/, text.slice(0, 300));
            assert.doesNotMatch(text, /\b\d{5,}-\d\d-\d\d\b/);
          }
        }),
        params(60),
      );
    });
  });
});
