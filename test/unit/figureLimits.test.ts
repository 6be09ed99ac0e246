import assert from 'node:assert/strict';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadCapacity, loadRequest } from '../../src/core/load/loadData';
import { analyze } from '../../src/core/model/analyze';
import { type Problem, type Result } from '../../src/core/problems';
import { type CapacityInput, capacitySchema } from '../../src/core/schema/capacity';
import { requestSchema } from '../../src/core/schema/request';
import { formatMoney } from '../../src/core/engine/helpers/money';
import { formatDays, formatNumber, formatPercent } from '../../src/core/engine/helpers/numbers';
import { tidyMarkdown } from '../../src/core/engine/renderReply';
import { escapeCardText } from '../../src/core/outputs/cardMarkdown';

/**
 * Numbers a hostile or mistaken file may hold (1e308 days, 5e-324 FTE, a horizon
 * from year 0 to 9999) are refused where they are written, so no figure of a reply
 * can be Infinity, NaN, exponent notation or a five-digit year.
 */

function problemsOf<T>(result: Result<T>): string[] {
  assert.equal(result.ok, false, 'expected the load to fail');
  return (result as { problems: Problem[] }).problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
}

const base = (fields: string) => `{"team": "T", "horizon": {"start": "2027-01-04", "end": "2027-03-26"}, "members": [{"name": "A"}], ${fields}}`;

async function capacityProblems(fields: string): Promise<string[]> {
  return problemsOf(await loadCapacity(memoryFileSystem({ '/w/c.json': base(fields) }), '/w/c.json'));
}

describe('figures that can never be absurd', () => {
  it('refuses numbers that would overflow or vanish, where they are written', async () => {
    assert.deepEqual(await capacityProblems('"commitments": [{"id": "A", "title": "A", "effortDays": 1e308, "rank": 1}]'), [
      '1:156 commitments[0].effortDays: must be at most 100000',
    ]);
    assert.deepEqual(await capacityProblems('"funding": {"fteIncrement": 5e-324}'), ['1:128 funding.fteIncrement: must be at least 0.01']);
    assert.deepEqual(await capacityProblems('"focusFactor": 1e-300'), ['1:115 focusFactor: must be at least 0.01']);
    assert.deepEqual(await capacityProblems('"funding": {"contractorDailyRate": 1e300}'), ['1:135 funding.contractorDailyRate: must be at most 1000000000']);
    const tiny = await loadCapacity(memoryFileSystem({ '/w/c.json': base('"focusFactor": 1').replace('{"name": "A"}', '{"name": "A", "allocation": 1e-300}') }), '/w/c.json');
    assert.deepEqual(problemsOf(tiny), ['1:112 members[0].allocation: must be 0 or at least 0.01']);
    const request = await loadRequest(memoryFileSystem({ '/w/r.json': '{"title": "X", "requester": {"name": "A"}, "effortDays": 1e308, "costOfDelayPerWeek": 1e20}' }), '/w/r.json');
    assert.deepEqual(problemsOf(request), ['1:58 effortDays: must be at most 100000', '1:87 costOfDelayPerWeek: must be at most 1000000000']);
  });

  it('bounds the horizon so that the ten-year "never" stays a four-digit year', async () => {
    const horizon = (start: string, end: string) => `{"team": "T", "horizon": {"start": "${start}", "end": "${end}"}, "members": [{"name": "A"}]}`;
    const load = async (start: string, end: string) => loadCapacity(memoryFileSystem({ '/w/c.json': horizon(start, end) }), '/w/c.json');
    assert.deepEqual(problemsOf(await load('0000-01-03', '9999-12-31')), ['1:57 horizon.end: must be at most 10 years after start (0000-01-03), the longest plan the model schedules']);
    assert.deepEqual(problemsOf(await load('9999-05-25', '9999-12-31')), ['1:36 horizon.start: must be on or before 9989-12-31, so that ten years later is still a date']);
    assert.ok((await load('2027-01-04', '2037-01-04')).ok);
    const late = await load('9989-12-31', '9999-12-31');
    assert.ok(late.ok);
    const request = requestSchema.parse({ title: 'X', requester: { name: 'A' }, effortDays: 100_000 });
    const analysis = analyze(late.value, request);
    assert.equal(analysis.request.finish, 'never');
    for (const date of JSON.stringify(analysis).match(/\d{4,}-\d\d-\d\d/g) ?? []) assert.match(date, /^\d{4}-/);
  });

  it('refuses more members and commitments than a team file can mean, and too many dates', async () => {
    const members = Array.from({ length: 1_001 }, (_, i) => `{"name": "M${i}"}`).join(',');
    const many = `{"team": "T", "horizon": {"start": "2027-01-04", "end": "2027-03-26"}, "members": [${members}]}`;
    assert.deepEqual(problemsOf(await loadCapacity(memoryFileSystem({ '/w/c.json': many }), '/w/c.json')), ['1:83 members: must list at most 1000 items']);
    const commitments = Array.from({ length: 20_001 }, (_, i) => `{"id": "C${i}", "title": "T", "effortDays": 1, "rank": 1}`).join(',');
    assert.deepEqual(await capacityProblems(`"commitments": [${commitments}]`), ['1:115 commitments: must list at most 20000 items']);
  });

  it('analyzes ten years of 1,000 members away across 0000–9999 with neededBy in 9999, as intervals', () => {
    // Summed day by day this took minutes (1,000 members × 3.65 million days); the mocha timeout guards it.
    const input: CapacityInput = {
      team: 'T',
      horizon: { start: '0000-01-03', end: '0009-12-31' },
      members: Array.from({ length: 1_000 }, (_, i) => ({
        name: `M${i}`,
        allocation: 0.5,
        timeOff: [{ from: '0000-01-01', to: '9999-12-31' }, { from: '0001-01-01', to: '0002-01-01' }],
      })),
    };
    input.members.push({ name: 'Present', allocation: 1, timeOff: [] });
    const capacity = capacitySchema.parse({ ...input, members: input.members.slice(0, 1_000) });
    const request = requestSchema.parse({ title: 'X', requester: { name: 'A' }, effortDays: 10, neededBy: '9999-12-31' });
    const analysis = analyze(capacity, request);
    assert.equal(analysis.availableDays, 0);
    assert.equal(analysis.utilizationAfter, null);
    assert.deepEqual(analysis.alternatives.descope, { fitDays: 0, fraction: 0 });
  });

  it('formats a figure that cannot be printed in words, never as Infinity, NaN or an exponent', () => {
    assert.equal(formatMoney(Infinity, 'USD'), 'an amount to be confirmed');
    assert.equal(formatMoney(Number.NaN, 'USD'), 'an amount to be confirmed');
    assert.equal(formatPercent(3.28e305), 'an unknown share');
    assert.equal(formatPercent(Number.NaN), 'an unknown share');
    assert.equal(formatPercent(1.2), '120%');
    assert.equal(formatNumber(Infinity, 1), 'an unknown number');
    assert.equal(formatNumber(1e300, 0).includes('e'), false);
    assert.equal(formatDays(1e-7), '0 days');
  });

  it('trims line ends and escapes card text in one pass over hostile text', () => {
    assert.equal(tidyMarkdown('a  \t\nb \r\nc\u2028  d   '), 'a\nb\r\nc\u2028  d\n');
    assert.equal(tidyMarkdown(`${' '.repeat(200_000)}x`), 'x\n');
    assert.equal(escapeCardText('  - a\n\n+ b\n# c\n 12. d\n\u00a0- e'), '  \\- a\n\n\\+ b\n\\# c\n 12\\. d\n\u00a0\\- e');
    assert.equal(escapeCardText('\n'.repeat(200_000)).length, 200_000);
  });
});
