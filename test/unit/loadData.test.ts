import assert from 'node:assert/strict';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadCapacity, loadRequest } from '../../src/core/load/loadData';
import type { Problem, Result } from '../../src/core/problems';

/** The problems of a failed load, as `line:column path message` lines for compact assertions. */
function problemsOf<T>(result: Result<T>): string[] {
  assert.equal(result.ok, false, 'expected the load to fail');
  return (result as { problems: Problem[] }).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`);
}

const validCapacity = `{
  // comments are allowed
  "team": "Platform",
  "horizon": { "start": "2027-01-04", "end": "2027-01-15" },
  "members": [{ "name": "Ana" }],
  "commitments": [
    { "id": "A", "title": "Alpha", "effortDays": 3, "rank": 1 },
  ],
}`;

describe('loading capacity and request files', () => {
  it('loads JSON with comments and trailing commas, applying the spec defaults', async () => {
    const result = await loadCapacity(memoryFileSystem({ '/w/team.capacity.json': validCapacity }), '/w/team.capacity.json');
    assert.ok(result.ok);
    assert.equal(result.value.currency, 'USD');
    assert.equal(result.value.focusFactor, 0.8);
    assert.deepEqual(result.value.calendar.workdays, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    assert.equal(result.value.members[0].allocation, 1);
    assert.equal(result.value.funding.fteIncrement, 0.5);
    assert.equal(result.value.org.defaultCioInformer, 'requester');
    assert.equal(result.value.org.cio.title, 'CIO');
    assert.equal(result.value.commitments[0].locked, false);
  });

  it('points at a bad date, an end before the start and a negative effort', async () => {
    const text = `team: Platform
horizon:
  start: 2027-02-30
  end: 2027-01-01
members:
  - name: Ana
commitments:
  - id: A
    title: Alpha
    effortDays: -2
    rank: 1
`;
    const result = await loadCapacity(memoryFileSystem({ '/w/c.yaml': text }), '/w/c.yaml');
    assert.deepEqual(problemsOf(result), [
      '/w/c.yaml:3:10 horizon.start: must be a real calendar date written YYYY-MM-DD, like 2027-01-19',
      '/w/c.yaml:10:17 commitments[0].effortDays: must be greater than 0',
    ]);
    const reversed = await loadCapacity(memoryFileSystem({ '/w/c.yaml': text.replace('2027-02-30', '2027-01-10') }), '/w/c.yaml');
    assert.deepEqual(problemsOf(reversed), [
      '/w/c.yaml:4:8 horizon.end: must not be before start (2027-01-10)',
      '/w/c.yaml:10:17 commitments[0].effortDays: must be greater than 0',
    ]);
  });

  it('reports duplicate commitment ids at the second one', async () => {
    const text = validCapacity.replace(
      '{ "id": "A", "title": "Alpha", "effortDays": 3, "rank": 1 },',
      '{ "id": "A", "title": "Alpha", "effortDays": 3, "rank": 1 },\n    { "id": "A", "title": "Again", "effortDays": 1, "rank": 2 },',
    );
    const result = await loadCapacity(memoryFileSystem({ '/w/c.json': text }), '/w/c.json');
    const [problem] = (result as { problems: Problem[] }).problems;
    assert.deepEqual([problem.line, problem.column, problem.path], [8, 13, 'commitments[1].id']);
    assert.match(problem.message, /duplicate commitment id "A" \(also used by commitment 1\)/);
    assert.equal(problem.hint, 'give each commitment its own id');
  });

  it('rejects an unknown field at its key and suggests the likely one', async () => {
    const text = validCapacity.replace('"team": "Platform",', '"team": "Platform",\n  "focusFacter": 0.7,');
    const result = await loadCapacity(memoryFileSystem({ '/w/c.json': text }), '/w/c.json');
    const [problem] = (result as { problems: Problem[] }).problems;
    assert.deepEqual([problem.line, problem.column, problem.path, problem.message], [4, 3, 'focusFacter', 'unknown field "focusFacter"']);
    assert.match(problem.hint, /did you mean "focusFactor"\?/);
  });

  it('says a required field is required, at its parent', async () => {
    const result = await loadRequest(memoryFileSystem({ '/w/r.json': '{"title": "X", "effortDays": 2}' }), '/w/r.json');
    const [problem] = (result as { problems: Problem[] }).problems;
    assert.deepEqual([problem.line, problem.column, problem.path, problem.message], [1, 1, 'requester', 'is required']);
    assert.match(problem.hint, /add "requester"/);
  });

  it('gives YAML and JSON syntax errors with their position', async () => {
    const yaml = await loadRequest(memoryFileSystem({ '/w/r.yaml': 'title: X\nrequester: [unclosed\n' }), '/w/r.yaml');
    const [yamlProblem] = (yaml as { problems: Problem[] }).problems;
    assert.equal(yamlProblem.file, '/w/r.yaml');
    assert.match(yamlProblem.message, /^YAML syntax error/);
    assert.ok(yamlProblem.line >= 2);
    const json = await loadRequest(memoryFileSystem({ '/w/r.json': '{\n  "title": "X"\n  "effortDays": 2\n}' }), '/w/r.json');
    assert.deepEqual(problemsOf(json), ['/w/r.json:3:3 : JSON syntax error: comma expected']);
  });

  it('reports a YAML alias bomb as a problem, not a crash', async () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const result = await loadRequest(memoryFileSystem({ '/w/r.yaml': bomb }), '/w/r.yaml');
    assert.match(problemsOf(result)[0], /^\/w\/r\.yaml:1:1 : YAML error: /);
  });

  it('rejects a repeated YAML key instead of letting the last one win', async () => {
    const result = await loadRequest(memoryFileSystem({ '/w/r.yaml': 'title: X\ntitle: Y\nrequester: {name: A}\neffortDays: 1\n' }), '/w/r.yaml');
    assert.deepEqual(problemsOf(result), ['/w/r.yaml:2:1 : the key "title" is written twice (first at line 1, column 1)']);
  });

  it('reports a missing file, and a missing CSV at the field that names it', async () => {
    const missing = await loadRequest(memoryFileSystem({}), '/w/nope.json');
    assert.deepEqual(problemsOf(missing), ['/w/nope.json:1:1 : /w/nope.json does not exist']);
    const text = validCapacity.replace(/"commitments": \[[\s\S]*?\],/, '"commitments": { "csv": "./work.csv" },');
    const result = await loadCapacity(memoryFileSystem({ '/w/c.json': text }), '/w/c.json');
    assert.deepEqual(problemsOf(result), ['/w/c.json:6:27 commitments.csv: /w/work.csv does not exist']);
  });

  it('reads commitments from a CSV beside the file and points problems into the CSV', async () => {
    const text = validCapacity.replace(/"commitments": \[[\s\S]*?\],/, '"commitments": { "csv": "work.csv" },');
    const csv = 'id,title,effortDays,rank,deadline\nA,Alpha,3,1,2027-01-08\nB,Beta,2,2,2027-13-01\n';
    const result = await loadCapacity(memoryFileSystem({ '/w/c.json': text, '/w/work.csv': csv }), '/w/c.json');
    const [problem] = (result as { problems: Problem[] }).problems;
    assert.equal(problem.file, '/w/work.csv');
    assert.equal(problem.line, 3);
    assert.equal(problem.path, 'commitments[1].deadline');
    const good = await loadCapacity(memoryFileSystem({ '/w/c.json': text, '/w/work.csv': csv.replace('2027-13-01', '2027-01-13') }), '/w/c.json');
    assert.ok(good.ok);
    assert.deepEqual(good.value.commitments.map((c) => [c.id, c.effortDays, c.deadline]), [['A', 3, '2027-01-08'], ['B', 2, '2027-01-13']]);
  });

  it('reads commitments from a Jira export named by the capacity file', async () => {
    const text = validCapacity.replace(/"commitments": \[[\s\S]*?\],/, '"commitments": { "csv": "jira.csv", "format": "jira", "daysPerPoint": 2 },');
    const csv = 'Issue key,Summary,Story Points,Status\nOPS-1,Patch servers,3,To Do\nOPS-2,Old thing,5,Done\n';
    const result = await loadCapacity(memoryFileSystem({ '/w/c.json': text, '/w/jira.csv': csv }), '/w/c.json');
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.commitments.map((c) => [c.id, c.effortDays, c.rank]), [['OPS-1', 6, 1]]);
  });

  it('refuses CSV paths outside the capacity file\'s folder', async () => {
    for (const csv of ['/etc/passwd', '../secrets/team.csv', 'sub/../../x.csv', 'C:\\\\data\\\\team.csv']) {
      const text = validCapacity.replace('"members": [{ "name": "Ana" }],', `"members": { "csv": ${JSON.stringify(csv)} },`);
      const result = await loadCapacity(memoryFileSystem({ '/w/c.json': text, '/etc/passwd': 'root:x:0:0' }), '/w/c.json');
      assert.match(problemsOf(result)[0], /members\.csv: ".*" is outside this capacity file's folder/);
    }
  });

  it('refuses a Jira format for members', async () => {
    const text = validCapacity.replace('"members": [{ "name": "Ana" }],', '"members": { "csv": "m.csv", "format": "jira" },');
    const result = await loadCapacity(memoryFileSystem({ '/w/c.json': text }), '/w/c.json');
    assert.match(problemsOf(result)[0], /members\.format: a Jira export holds commitments, not members/);
  });
});
