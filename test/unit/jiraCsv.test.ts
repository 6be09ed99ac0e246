import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJiraCsv, jiraDate, type JiraImport } from '../../src/core/load/jiraCsv';
import type { Problem } from '../../src/core/problems';
import { commitmentSchema } from '../../src/core/schema/capacity';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/jira', name), 'utf8');

function imported(text: string, daysPerPoint?: number): JiraImport {
  const result = importJiraCsv('export.csv', text, daysPerPoint === undefined ? {} : { daysPerPoint });
  if (!result.ok) assert.fail(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problems(text: string, daysPerPoint?: number): Problem[] {
  const result = importJiraCsv('export.csv', text, daysPerPoint === undefined ? {} : { daysPerPoint });
  if (result.ok) assert.fail('expected problems');
  return result.problems;
}

describe('importJiraCsv', () => {
  describe('a Jira Server export (CRLF, Custom field (Story Points), repeated columns, multi-line Description)', () => {
    const result = imported(fixture('jira-server.csv'));

    it('imports the open issues in file order with efforts, deadlines and ranks', () => {
      assert.deepEqual(result.records, [
        { id: 'PAY-101', title: 'Checkout, step 2: card form', effortDays: 2, rank: 1, deadline: '2027-01-12' },
        { id: 'PAY-103', title: 'Fraud rules for 3-D Secure', effortDays: 5, rank: 2 },
        { id: 'PAY-105', title: 'Invoice PDF layout', effortDays: 1, rank: 3, deadline: '2027-02-03' },
        { id: 'PAY-109', title: 'Retry webhooks', effortDays: 0.5, rank: 4, deadline: '2027-02-28' },
      ]);
    });

    it('skips finished and unestimated issues, saying why', () => {
      assert.deepEqual(result.skipped, [
        { key: 'PAY-102', reason: 'finished (Resolution: Done)' },
        { key: 'PAY-104', reason: 'finished (Status: Closed)' },
        { key: 'PAY-106', reason: 'finished (Remaining Estimate: 0)' },
        { key: 'PAY-107', reason: 'no estimate' },
        { key: 'PAY-108', reason: 'finished (Status: resolved)' },
      ]);
    });

    it('locates each field in the file, also after a multi-line cell', () => {
      assert.deepEqual(result.locate(0, 'id'), { line: 2, column: 31 });
      assert.deepEqual(result.locate(0, 'deadline'), { line: 2, column: 127 });
      // The Remaining Estimate of PAY-101 sits on line 7, after the five line breaks of its Description.
      assert.deepEqual(result.locate(0, 'effortDays'), { line: 7, column: 10 });
      assert.deepEqual(result.locate(0, 'rank'), { line: 2, column: 1 });
      assert.deepEqual(result.locate(1, 'id'), { line: 9, column: 28 });
      assert.deepEqual(result.locate(2, 'deadline'), { line: 11, column: 110 });
      assert.deepEqual(result.locate(3, 'effortDays'), { line: 15, column: 150 });
      assert.deepEqual(result.locate(3), { line: 15, column: 1 });
    });

    it('produces commitments the capacity schema accepts', () => {
      for (const record of result.records) assert.equal(commitmentSchema.safeParse(record).success, true);
    });

    it('multiplies story points by daysPerPoint', () => {
      const halfDays = imported(fixture('jira-server.csv'), 0.5);
      assert.deepEqual(
        halfDays.records.map((record) => record.effortDays),
        [2, 2.5, 1, 0.25],
      );
    });
  });

  describe('a Jira Cloud export (BOM, LF, Story point estimate, Status Category, ISO dates)', () => {
    const result = imported(fixture('jira-cloud.csv'));

    it('imports the open issues', () => {
      assert.deepEqual(result.records, [
        { id: 'WEB-12', title: 'Onboarding wizard', effortDays: 8, rank: 1, deadline: '2027-01-29' },
        { id: 'WEB-14', title: 'SSO with Okta', effortDays: 3, rank: 2, deadline: '2027-03-01' },
        { id: 'WEB-15', title: 'Fix login redirect', effortDays: 0.25, rank: 3, deadline: '2027-01-15' },
      ]);
    });

    it('skips by Status Category and Resolution', () => {
      assert.deepEqual(result.skipped, [
        { key: 'WEB-13', reason: 'finished (Status Category: Done)' },
        { key: 'WEB-16', reason: "finished (Resolution: Won't Do)" },
        { key: 'WEB-17', reason: 'no estimate' },
      ]);
    });

    it('locates cells on the lines after a multi-line Description', () => {
      assert.deepEqual(result.locate(0, 'id'), { line: 2, column: 19 });
      assert.deepEqual(result.locate(0, 'effortDays'), { line: 5, column: 49 });
      assert.deepEqual(result.locate(1, 'deadline'), { line: 7, column: 95 });
      assert.deepEqual(result.locate(2, 'effortDays'), { line: 8, column: 165 });
    });
  });

  it('matches lower-case headers', () => {
    const result = imported(fixture('jira-lowercase.csv'));
    assert.deepEqual(result.records, [
      { id: 'OPS-1', title: 'Rotate TLS certificates', effortDays: 2, rank: 1, deadline: '2027-01-12' },
      { id: 'OPS-3', title: 'Backup restore drill', effortDays: 1.5, rank: 2, deadline: '2027-02-15' },
    ]);
    assert.deepEqual(result.skipped, [
      { key: 'OPS-2', reason: 'finished (Status: DONE)' },
      { key: 'OPS-4', reason: 'no estimate' },
    ]);
  });

  describe('estimates', () => {
    const header = 'Issue key,Summary,Remaining Estimate,Original Estimate,Story Points\n';

    it('prefers Remaining, then Original, then story points', () => {
      const result = imported(`${header}A-1,a,14400,57600,9\nA-2,b,,57600,9\nA-3,c,,,9\n`);
      assert.deepEqual(
        result.records.map((record) => record.effortDays),
        [0.5, 2, 9],
      );
    });

    it('skips a zero Original Estimate or zero story points rather than import an empty commitment', () => {
      const result = imported(`${header}A-1,a,,0,3\nA-2,b,,,0\n`);
      assert.deepEqual(result.records, []);
      assert.deepEqual(result.skipped, [
        { key: 'A-1', reason: 'zero estimate (Original Estimate: 0)' },
        { key: 'A-2', reason: 'zero estimate (Story Points: 0)' },
      ]);
    });

    it('takes the first non-empty value of a repeated column', () => {
      const result = imported('Issue key,Summary,Story Points,Custom field (Story Points),Sprint,Sprint\nA-1,a,,3,,S2\n');
      assert.equal(result.records[0].effortDays, 3);
      assert.deepEqual(result.locate(0, 'effortDays'), { line: 2, column: 8 });
    });

    it('reports a non-numeric estimate at its cell', () => {
      assert.deepEqual(problems(`${header}A-1,a,,2h,\n`), [
        {
          file: 'export.csv',
          line: 2,
          column: 8,
          path: 'Original Estimate',
          message: '"2h" is not a number of seconds',
          hint: 'Jira exports estimates in seconds, like 28800 for one 8-hour day',
        },
      ]);
      assert.equal(problems(`${header}A-1,a,,,L\n`)[0].message, '"L" is not a number of story points');
      assert.equal(problems(`${header}A-1,a,-3600,,\n`)[0].message, '"-3600" is not a number of seconds');
    });

    it('refuses a daysPerPoint that is not above 0', () => {
      assert.equal(problems(`${header}A-1,a,,,1\n`, 0)[0].path, 'daysPerPoint');
    });
  });

  describe('finished rows', () => {
    it('treats a Resolution of "Unresolved" as open', () => {
      const result = imported('Issue key,Summary,Resolution,Status,Story Points\nA-1,a,Unresolved,Open,1\n');
      assert.equal(result.records.length, 1);
    });

    it('checks Resolution, then Status Category, then Status, in any case', () => {
      const result = imported(
        'Issue key,Summary,Resolution,Status Category,Status,Story Points\n' +
          "A-1,a,Won't Fix,To Do,Open,1\nA-2,b,,done,Open,1\nA-3,c,,In Progress,CLOSED,1\nA-4,d,,In Progress,Done,1\n",
      );
      assert.deepEqual(result.skipped, [
        { key: 'A-1', reason: "finished (Resolution: Won't Fix)" },
        { key: 'A-2', reason: 'finished (Status Category: done)' },
        { key: 'A-3', reason: 'finished (Status: CLOSED)' },
        { key: 'A-4', reason: 'finished (Status: Done)' },
      ]);
    });

    it('does not check the due date of a skipped row', () => {
      const result = imported('Issue key,Summary,Status,Due date,Story Points\nA-1,a,Done,someday,1\n');
      assert.deepEqual(result.skipped, [{ key: 'A-1', reason: 'finished (Status: Done)' }]);
    });
  });

  describe('problems', () => {
    it('names a missing Issue key or Summary column at line 1', () => {
      const found = problems('Key,Title,Story Points\nA-1,a,1\n');
      assert.deepEqual(
        found.map(({ line, column, message }) => ({ line, column, message })),
        [
          { line: 1, column: 1, message: 'missing column "Issue key"' },
          { line: 1, column: 1, message: 'missing column "Summary"' },
        ],
      );
      assert.match(found[0].hint, /Issue key and Summary/);
    });

    it('reports an empty file', () => {
      assert.equal(problems('')[0].message, 'the file is empty');
      assert.equal(problems('\uFEFF\r\n')[0].message, 'the file is empty');
    });

    it('reports an unparseable due date at its cell, after a multi-line quoted cell', () => {
      const text = 'Issue key,Description,Summary,Due date,Story Points\r\nA-1,"line one,\r\nline ""two""",Fix it,31/Feb/27 5:00 PM,2\r\n';
      assert.deepEqual(problems(text), [
        {
          file: 'export.csv',
          line: 3,
          column: 22,
          path: 'Due date',
          message: '"31/Feb/27 5:00 PM" is not a date',
          hint: 'Jira writes dates like 12/Jan/27 5:00 PM; ISO dates like 2027-01-12 work too',
        },
      ]);
    });

    it('reports a row without issue key, without summary, and a repeated key', () => {
      const found = problems('Issue key,Summary,Story Points\nA-1,a,1\n,b,1\nA-2,,1\nA-1,c,2\n');
      assert.deepEqual(
        found.map(({ line, column, path, message }) => ({ line, column, path, message })),
        [
          { line: 3, column: 1, path: 'Issue key', message: 'this row has no issue key' },
          { line: 4, column: 5, path: 'Summary', message: 'issue A-2 has no summary' },
          { line: 5, column: 1, path: 'Issue key', message: 'issue key A-1 appears again (first on line 2)' },
        ],
      );
    });

    it('reports a quote that is never closed at the row where it opens', () => {
      const found = problems('Issue key,Summary,Story Points\nA-1,a,1\n\nA-2,"b,1\nA-3,c,1\n');
      assert.deepEqual(
        found.map(({ line, column, message }) => ({ line, column, message })),
        [{ line: 4, column: 1, message: 'a quoted value that starts in this row is never closed' }],
      );
    });

    it('reports a row with more cells than the header at the first extra cell', () => {
      const found = problems('Issue key,Summary,Story Points\nA-1,Fix login, then logout,3\n');
      assert.deepEqual(
        found.map(({ line, column }) => ({ line, column })),
        [{ line: 2, column: 28 }],
      );
      assert.match(found[0].message, /4 cells but the first line names only 3 columns/);
    });
  });
});

describe('jiraDate', () => {
  const cases: [string, string | undefined][] = [
    ['12/Jan/27 5:00 PM', '2027-01-12'],
    ['1/Feb/27 12:00 AM', '2027-02-01'],
    ['28/FEB/27 11:59 pm', '2027-02-28'],
    ['12/Jan/99 1:00 AM', '2099-01-12'],
    ['12/Jan/27 17:00', '2027-01-12'],
    ['12/Jan/27', '2027-01-12'],
    ['  2027-01-12 ', '2027-01-12'],
    ['2027-01-12T23:30:00.000-1100', '2027-01-12'],
    ['2027-01-01T00:30:00.000+1400', '2027-01-01'],
    ['31/Feb/27 5:00 PM', undefined],
    ['2027-02-30', undefined],
    ['12/13/27', undefined],
    ['next Friday', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${String(expected)}`, () => assert.equal(jiraDate(text), expected));
  }
});
