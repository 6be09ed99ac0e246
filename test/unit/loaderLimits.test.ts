import assert from 'node:assert/strict';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadCapacity, loadRequest } from '../../src/core/load/loadData';
import { MAX_DATA_FILE_BYTES, MAX_NESTING, MAX_YAML_ENTRIES, parseSource } from '../../src/core/load/sourceDocument';
import { MAX_PROBLEMS, type Problem, type Result, problemCount } from '../../src/core/problems';

/**
 * Files built to hurt: nesting that would overflow the stack, floods of mistakes,
 * repeated keys, sizes past the cap. Each must come back as located problems,
 * never a throw, and never more lines than a person can read.
 */

function problemsOf<T>(result: Result<T>): Problem[] {
  assert.equal(result.ok, false, 'expected the load to fail');
  return (result as { problems: Problem[] }).problems;
}

const line = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`;

const request = (title = 'X') => `{"title": ${JSON.stringify(title)}, "requester": {"name": "A"}, "effortDays": 1}`;

describe('data files built to hurt', () => {
  it('reports JSON nested thousands deep as a located problem, not a stack overflow', () => {
    for (const depth of [MAX_NESTING + 1, 5_000, 200_000]) {
      const text = `{"title": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const problems = problemsOf(parseSource('/w/r.json', text));
      assert.deepEqual(problems.map(line), [`/w/r.json:1:${11 + MAX_NESTING - 1} : values are nested more than ${MAX_NESTING} levels deep here`]);
    }
    // Brackets inside strings and comments are not nesting.
    assert.ok(parseSource('/w/r.json', `{"a": "${'['.repeat(5_000)}" /* ${'{'.repeat(5_000)} */}`).ok);
  });

  it('reports YAML nested thousands deep, in flow and block style, as a located problem', () => {
    const flow = `title: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    assert.match(line(problemsOf(parseSource('/w/r.yaml', flow))[0]), /^\/w\/r\.yaml:1:\d+ : values are nested more than 64 levels deep here$/);
    const block = `${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;
    assert.match(line(problemsOf(parseSource('/w/r.yaml', block))[0]), /^\/w\/r\.yaml:\d+:\d+ : values are nested more than 64 levels deep here$/);
    const dashes = `${'- '.repeat(50_000)}1\n`;
    assert.match(line(problemsOf(parseSource('/w/r.yaml', dashes))[0]), /nested more than 64 levels/);
  });

  it('accepts JSON with a byte-order mark, columns counted after it', async () => {
    const result = await loadRequest(memoryFileSystem({ '/w/r.json': `\uFEFF${request()}` }), '/w/r.json');
    assert.ok(result.ok);
    const bad = await loadRequest(memoryFileSystem({ '/w/r.json': '\uFEFF{"title": 1, "requester": {"name": "A"}, "effortDays": 1}' }), '/w/r.json');
    assert.deepEqual(problemsOf(bad).map(line), ['/w/r.json:1:11 title: must be text, not 1']);
  });

  it('refuses a key written twice in JSON, naming both places, as YAML does', async () => {
    const json = '{\n  "title": "X",\n  "requester": {"name": "A", "name": "B"},\n  "effortDays": 1,\n  "title": "Y"\n}';
    const result = await loadRequest(memoryFileSystem({ '/w/r.json': json }), '/w/r.json');
    assert.deepEqual(problemsOf(result).map(line).sort(), [
      '/w/r.json:3:30 : the key "name" is written twice (first at line 3, column 17)',
      '/w/r.json:5:3 : the key "title" is written twice (first at line 2, column 3)',
    ]);
    const yaml = 'title: X\nrequester: {name: A, name: B}\neffortDays: 1\n';
    assert.deepEqual(problemsOf(await loadRequest(memoryFileSystem({ '/w/r.yaml': yaml }), '/w/r.yaml')).map(line), [
      '/w/r.yaml:2:22 : the key "name" is written twice (first at line 2, column 13)',
    ]);
  });

  it('lists the first 100 of 5,000 unknown keys and says how many more there are', async () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `extra${i}: 1`).join('\n');
    const result = await loadRequest(memoryFileSystem({ '/w/r.yaml': `title: X\nrequester: {name: A}\neffortDays: 1\n${keys}\n` }), '/w/r.yaml');
    const problems = problemsOf(result);
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.equal(line(problems[0]), '/w/r.yaml:4:1 extra0: unknown field "extra0"');
    assert.equal(line(problems[99]), '/w/r.yaml:103:1 extra99: unknown field "extra99"');
    assert.equal(problems[100].message, 'and 4,900 more problems');
    assert.equal(problemCount(problems), 5_000);
  });

  it('lists the first 100 of 5,000 bad values in JSON', async () => {
    const commitments = Array.from({ length: 5_000 }, (_, i) => `{"id": "C${i}", "title": "T", "effortDays": "lots", "rank": 1}`).join(',\n');
    const text = `{"team": "T", "horizon": {"start": "2027-01-04", "end": "2027-01-15"}, "members": [{"name": "A"}],\n"commitments": [\n${commitments}\n]}`;
    const problems = problemsOf(await loadCapacity(memoryFileSystem({ '/w/c.json': text }), '/w/c.json'));
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.equal(line(problems[1]), '/w/c.json:4:42 commitments[1].effortDays: must be a number, not "lots"');
    assert.equal(problemCount(problems), 5_000);
  });

  it('lists the first 100 of thousands of JSON syntax errors', () => {
    const problems = problemsOf(parseSource('/w/r.json', `[${'1 '.repeat(5_000)}]`));
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.equal(problemCount(problems), 4_999);
  });

  it(`refuses YAML past ${MAX_YAML_ENTRIES.toLocaleString('en-US')} lines and bracketed items where it passes them, before the yaml library reads it`, () => {
    const tooMany = `YAML file has more than ${MAX_YAML_ENTRIES.toLocaleString('en-US')} lines and bracketed items by here`;
    const keys = Array.from({ length: MAX_YAML_ENTRIES + 5 }, (_, i) => `extra${i}: 1\n`).join('');
    assert.deepEqual(problemsOf(parseSource('/w/r.yaml', keys)).map(line), [`/w/r.yaml:${MAX_YAML_ENTRIES + 1}:1 : the ${tooMany}`]);
    // One line of a long list, and aliases fanned out over a few lines, count at their commas.
    const list = `a: [${'1, '.repeat(MAX_YAML_ENTRIES + 5)}1]\n`;
    assert.deepEqual(problemsOf(parseSource('/w/r.yaml', list)).map(line), [`/w/r.yaml:1:${4 + 3 * MAX_YAML_ENTRIES} : the ${tooMany}`]);
    const aliases = `a: &a [x, x]\n${Array.from({ length: MAX_YAML_ENTRIES / 4 }, (_, i) => `k${i}: [*a, *a, *a, *a, *a]\n`).join('')}`;
    assert.match(line(problemsOf(parseSource('/w/r.yaml', aliases))[0]), new RegExp(`^/w/r\\.yaml:\\d+:\\d+ : the ${tooMany}$`));
    // Up to the cap it is data; commas in quotes, comments and plain text outside brackets are not items.
    assert.ok(parseSource('/w/r.yaml', keys.split('\n').slice(0, MAX_YAML_ENTRIES).join('\n')).ok);
    assert.ok(parseSource('/w/r.yaml', `a: "${', '.repeat(MAX_YAML_ENTRIES)}" # ${','.repeat(MAX_YAML_ENTRIES)}\nb: x${', y'.repeat(MAX_YAML_ENTRIES)}\n`).ok);
  });

  it('refuses a data file over the size cap before parsing it', () => {
    const text = `{"title": "${'x'.repeat(MAX_DATA_FILE_BYTES)}"}`;
    assert.deepEqual(problemsOf(parseSource('/w/r.json', text)).map(line), ['/w/r.json:1:1 : the file is 5 MB, over the 5 MB a data file may be']);
  });
});
