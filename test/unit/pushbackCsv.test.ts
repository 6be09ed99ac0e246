import assert from 'node:assert/strict';
import { type CsvRecords, MAX_CSV_ROWS, readCsvTable } from '../../src/core/load/csvTable';
import { readCommitmentsCsv, readMembersCsv } from '../../src/core/load/pushbackCsv';
import type { Problem, Result } from '../../src/core/problems';
import { commitmentSchema, memberSchema } from '../../src/core/schema/capacity';
import { LIMITS } from '../../src/core/schema/fields';

function value(result: Result<CsvRecords>): CsvRecords {
  if (!result.ok) assert.fail(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problems(result: Result<CsvRecords>): Problem[] {
  if (result.ok) assert.fail(`expected problems, got ${JSON.stringify(result.value.records)}`);
  return result.problems;
}

const brief = (found: Problem[]) => found.map(({ line, column, path, message }) => ({ line, column, path, message }));

describe('readMembersCsv', () => {
  const text =
    '\uFEFFname,role,allocation,dailyCost,timeOff\r\n' +
    'Ana,Lead,0.5,800,2027-01-04..2027-01-08; 2027-02-01..2027-02-01\r\n' +
    'Ben,,,,\r\n' +
    ',,,,\r\n' + // a spreadsheet's empty trailing row
    '"Cy, Jr.",Dev,1,0,2027-03-10\r\n';

  it('turns cells into member fields, leaving empty cells out so defaults apply', () => {
    assert.deepEqual(value(readMembersCsv('team.csv', text)).records, [
      {
        name: 'Ana',
        role: 'Lead',
        allocation: 0.5,
        dailyCost: 800,
        timeOff: [
          { from: '2027-01-04', to: '2027-01-08' },
          { from: '2027-02-01', to: '2027-02-01' },
        ],
      },
      { name: 'Ben' },
      { name: 'Cy, Jr.', role: 'Dev', allocation: 1, dailyCost: 0, timeOff: [{ from: '2027-03-10', to: '2027-03-10' }] },
    ]);
  });

  it('gives records the member schema accepts', () => {
    for (const record of value(readMembersCsv('team.csv', text)).records) {
      assert.equal(memberSchema.safeParse(record).success, true);
    }
  });

  it('locates a record and field at its cell, past blank rows', () => {
    const members = value(readMembersCsv('team.csv', text));
    assert.deepEqual(members.locate(0, 'timeOff'), { line: 2, column: 18 });
    assert.deepEqual(members.locate(1, 'allocation'), { line: 3, column: 6 });
    assert.deepEqual(members.locate(2, 'dailyCost'), { line: 5, column: 17 });
    assert.deepEqual(members.locate(2), { line: 5, column: 1 });
    assert.deepEqual(members.locate(2, 'nonsense'), { line: 5, column: 1 });
  });

  it('counts columns in characters, not bytes, and accepts old Mac line endings', () => {
    const members = value(readMembersCsv('team.csv', 'name,allocation\rZoë 🚀,0.5\r"B\rc",1\r'));
    assert.deepEqual(members.locate(0, 'allocation'), { line: 2, column: 8 }); // the rocket is two UTF-16 units, as in VS Code
    assert.deepEqual(members.locate(1, 'allocation'), { line: 4, column: 4 });
  });

  it('reports a time-off entry that is not a date or range', () => {
    const found = problems(readMembersCsv('team.csv', 'name,timeOff\nAna,2027-01-04 - 2027-01-08\nBen,2027-01-04..\n'));
    assert.deepEqual(brief(found), [
      { line: 3, column: 5, path: 'members[1].timeOff', message: 'time off "2027-01-04.." is not a date or a range FROM..TO' },
    ]);
  });

  it('needs a name column', () => {
    const found = problems(readMembersCsv('team.csv', 'role,allocation\nLead,1\n'));
    assert.deepEqual(brief(found), [{ line: 1, column: 1, path: '', message: 'missing column "name"' }]);
    assert.equal(found[0].hint, 'the first line must name the columns: name,role,allocation,dailyCost,timeOff (name required)');
  });
});

describe('readCommitmentsCsv', () => {
  const text =
    'ID,Title,Effort Days,rank,deadline,costOfDelayPerWeek,tags,sponsor,LOCKED\n' +
    'A,"Audit, part ""one""\nand two",4,1,2027-01-12,1000,security; compliance,Dana,yes\n' +
    'B,Billing,2.5,2,,,,,\n' +
    'C,Reports,1,3,,0,,,0\n';

  it('converts numbers, tag lists and booleans; headers match in any case and spacing', () => {
    assert.deepEqual(value(readCommitmentsCsv('work.csv', text)).records, [
      {
        id: 'A',
        title: 'Audit, part "one"\nand two',
        effortDays: 4,
        rank: 1,
        deadline: '2027-01-12',
        costOfDelayPerWeek: 1000,
        tags: ['security', 'compliance'],
        sponsor: 'Dana',
        locked: true,
      },
      { id: 'B', title: 'Billing', effortDays: 2.5, rank: 2 },
      { id: 'C', title: 'Reports', effortDays: 1, rank: 3, costOfDelayPerWeek: 0, locked: false },
    ]);
  });

  it('locates cells of a record whose title spans two lines', () => {
    const work = value(readCommitmentsCsv('work.csv', text));
    assert.deepEqual(work.locate(0, 'title'), { line: 2, column: 3 });
    assert.deepEqual(work.locate(0, 'effortDays'), { line: 3, column: 10 });
    assert.deepEqual(work.locate(0, 'locked'), { line: 3, column: 56 });
    assert.deepEqual(work.locate(1, 'id'), { line: 4, column: 1 });
    assert.deepEqual(work.locate(2, 'locked'), { line: 5, column: 20 });
  });

  it('lets the capacity schema point its complaints at the cell', () => {
    const work = value(readCommitmentsCsv('work.csv', 'id,title,effortDays,rank,deadline\nA,Audit,4,1,12/01/2027\n'));
    const parsed = commitmentSchema.safeParse(work.records[0]);
    assert.equal(parsed.success, false);
    const field = parsed.error?.issues[0].path[0];
    assert.equal(field, 'deadline');
    assert.deepEqual(work.locate(0, String(field)), { line: 2, column: 13 });
  });

  it('accepts the words true, false, yes, no, 1 and 0 for locked, in any case', () => {
    const rows = ['TRUE', 'False', 'Yes', 'no', '1', '0'].map((word, index) => `c${index},t,1,1,${word}`);
    const work = value(readCommitmentsCsv('work.csv', ['id,title,effortDays,rank,locked', ...rows].join('\n')));
    assert.deepEqual(
      work.records.map((record) => record.locked),
      [true, false, true, false, true, false],
    );
  });

  it('reports every cell that is not a number or a yes/no, with its position', () => {
    const found = problems(
      readCommitmentsCsv('work.csv', 'id,title,effortDays,rank,locked\nA,Audit,four,1,no\nB,Billing,"1,5",2,maybe\n'),
    );
    assert.deepEqual(brief(found), [
      { line: 2, column: 9, path: 'commitments[0].effortDays', message: '"four" is not a number' },
      { line: 3, column: 11, path: 'commitments[1].effortDays', message: '"1,5" is not a number' },
      { line: 3, column: 19, path: 'commitments[1].locked', message: '"maybe" is not yes or no' },
    ]);
    assert.equal(found[0].hint, 'write plain digits with a dot for decimals, like 1200 or 0.5');
  });

  it('names each missing required column and lists the expected header', () => {
    const found = problems(readCommitmentsCsv('work.csv', 'id,title\nA,Audit\n'));
    assert.deepEqual(brief(found), [
      { line: 1, column: 1, path: '', message: 'missing column "effortDays"' },
      { line: 1, column: 1, path: '', message: 'missing column "rank"' },
    ]);
    assert.equal(
      found[0].hint,
      'the first line must name the columns: id,title,effortDays,rank,deadline,costOfDelayPerWeek,tags,sponsor,locked (id, title, effortDays, rank required)',
    );
  });

  it('reports unknown and repeated columns at their header cell', () => {
    const found = problems(readCommitmentsCsv('work.csv', 'id,title,efort,effortDays,rank,Rank\nA,Audit,3,3,1,1\n'));
    assert.deepEqual(brief(found), [
      { line: 1, column: 10, path: '', message: 'unknown column "efort"' },
      { line: 1, column: 32, path: '', message: 'column "Rank" appears twice (first at column 27)' },
    ]);
  });

  it('ignores nameless empty columns but not nameless columns holding values', () => {
    assert.equal(value(readCommitmentsCsv('work.csv', 'id,title,effortDays,rank,,\nA,Audit,3,1,,\n')).records.length, 1);
    const found = problems(readCommitmentsCsv('work.csv', 'id,title,effortDays,rank,\nA,Audit,3,1,x\n'));
    assert.deepEqual(brief(found), [{ line: 1, column: 26, path: '', message: 'column 5 has values but no name' }]);
  });

  it('reports an empty file once', () => {
    assert.deepEqual(brief(problems(readCommitmentsCsv('work.csv', '\uFEFF'))), [
      { line: 1, column: 1, path: '', message: 'the file is empty' },
    ]);
  });

  it('gives no records for a header without rows', () => {
    assert.deepEqual(value(readCommitmentsCsv('work.csv', 'id,title,effortDays,rank\n')).records, []);
  });
});

describe('CSV files built to be slow', () => {
  const tooMany = (rows: number) => `the file has more than ${rows.toLocaleString('en-US')} rows below its header`;

  it(`refuses more than ${MAX_CSV_ROWS.toLocaleString('en-US')} commitment rows, and more than ${LIMITS.members.toLocaleString('en-US')} member rows, at the first one too many, without reading the rest`, () => {
    // Short rows under a long header: csv-parse builds an error for each row of another length.
    const rows = (count: number) => `${'a\n'.repeat(count)}"never closed\n`;
    const commitments = `id,title,effortDays,rank${','.repeat(1_000)}\n${rows(MAX_CSV_ROWS + 5)}`;
    assert.deepEqual(brief(problems(readCommitmentsCsv('work.csv', commitments))), [{ line: MAX_CSV_ROWS + 2, column: 1, path: '', message: tooMany(MAX_CSV_ROWS) }]);
    const members = `name,allocation${','.repeat(1_000)}\n${rows(LIMITS.members + 5)}`;
    assert.deepEqual(brief(problems(readMembersCsv('team.csv', members))), [{ line: LIMITS.members + 2, column: 1, path: '', message: tooMany(LIMITS.members) }]);
    assert.equal(value(readCommitmentsCsv('work.csv', `id,title,effortDays,rank\n${'A,T,1,1\n'.repeat(MAX_CSV_ROWS)}`)).records.length, MAX_CSV_ROWS);
    assert.equal(value(readMembersCsv('team.csv', `name\n${'A\n'.repeat(LIMITS.members)}`)).records.length, LIMITS.members);
  });

  it('counts records, not lines: a quoted line break does not make a row, a blank row does', () => {
    const text = 'a,b\n"1\n2",3\n,\n4,5\n';
    const table = readCsvTable('t.csv', text, 3);
    assert.equal(table.ok && table.value.rows.length, 2);
    const over = readCsvTable('t.csv', text, 2);
    assert.deepEqual(over.ok ? [] : brief(over.problems), [{ line: 5, column: 1, path: '', message: tooMany(2) }]);
  });

  it('locates the listed problems among thousands, each at its cell', () => {
    const rows = Array.from({ length: MAX_CSV_ROWS }, (_, i) => (i % 2 ? `"C ""${i}""",T,lots,1\n` : `C${i},"T\nT",lots,1\n`));
    const found = problems(readCommitmentsCsv('work.csv', `id,title,effortDays,rank\n${rows.join('')}`));
    assert.equal(found.length, 101);
    assert.deepEqual(brief(found.slice(0, 2)), [
      { line: 3, column: 4, path: 'commitments[0].effortDays', message: '"lots" is not a number' },
      { line: 4, column: 13, path: 'commitments[1].effortDays', message: '"lots" is not a number' },
    ]);
    assert.equal(found[100].message, `and ${(MAX_CSV_ROWS - 100).toLocaleString('en-US')} more problems`);
  });
});
