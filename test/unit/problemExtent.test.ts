import assert from 'node:assert/strict';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadCapacity, loadRequest } from '../../src/core/load/loadData';
import { loadPack } from '../../src/core/pack/loadPack';
import { type ExtentFormat, extentFormatOf, problemExtent } from '../../src/core/problemExtent';
import type { Problem, Result } from '../../src/core/problems';

/** The text a problem's extent covers, as `line:text` for compact assertions. */
function underlined(text: string, line: number, column: number, format: ExtentFormat): string {
  const extent = problemExtent(text, { line, column }, format);
  const lineText = text.split(/\r\n|\r|\n/)[extent.line - 1];
  return `${extent.line}:${lineText.slice(extent.startColumn - 1, extent.endColumn - 1)}`;
}

/** What each problem of a failed load underlines in the file it names. */
function underlinedProblems(result: Result<unknown>, files: Record<string, string>): string[] {
  assert.equal(result.ok, false, 'expected the load to fail');
  return (result as { problems: Problem[] }).problems.map(
    (p) => `${p.path || '-'} ${underlined(files[p.file], p.line, p.column, extentFormatOf(p.file))}`,
  );
}

describe('problemExtent: the token a problem underlines', () => {
  it('picks the format from the file name', () => {
    assert.equal(extentFormatOf('/w/a.capacity.json'), 'json');
    assert.equal(extentFormatOf('/w/a.request.YML'), 'yaml');
    assert.equal(extentFormatOf('/w/a.capacity.yaml'), 'yaml');
    assert.equal(extentFormatOf('/w/team.csv'), 'csv');
    assert.equal(extentFormatOf('/w/reply.hbs'), 'text');
  });

  it('underlines YAML values, unknown keys and flow-collection members', async () => {
    const files = {
      '/w/r.request.yaml': `title: Portal
requester:
  name: Dana
effortDays: -3   # oops
neededBy: 2027-02-31
colour: blue
`,
      '/w/c.capacity.yaml': `team: Platform
horizon: { start: 2027-01-10, end: 2027-01-04 }
focusFactor: 2
members:
  - name: Ana
    allocation: "lots"
`,
    };
    const fs = memoryFileSystem(files);
    assert.deepEqual(underlinedProblems(await loadRequest(fs, '/w/r.request.yaml'), files), [
      'effortDays 4:-3',
      'neededBy 5:2027-02-31',
      'colour 6:colour',
    ]);
    assert.deepEqual(underlinedProblems(await loadCapacity(fs, '/w/c.capacity.yaml'), files), [
      'horizon.end 2:2027-01-04',
      'focusFactor 3:2',
      'members[0].allocation 6:"lots"',
    ]);
  });

  it('underlines JSON strings, numbers, keys and syntax errors', async () => {
    const files = {
      '/w/c.capacity.json': `{
  // comments are allowed
  "team": "",
  "horizon": { "start": "2027-01-04", "end": "2027-1-15" },
  "members": [],
  "commitments": [{ "id": "A", "title": "Alpha", "effortDays": 0, "rank": 1, "colour": "red" }],
}`,
      '/w/broken.request.json': '{ "title": "x" "requester": {} }',
    };
    const fs = memoryFileSystem(files);
    assert.deepEqual(underlinedProblems(await loadCapacity(fs, '/w/c.capacity.json'), files), [
      'team 3:""',
      'horizon.end 4:"2027-1-15"',
      'members 5:[]',
      'commitments[0].effortDays 6:0',
      'commitments[0].colour 6:"colour"',
    ]);
    assert.deepEqual(underlinedProblems(await loadRequest(fs, '/w/broken.request.json'), files), ['- 1:"requester"']);
  });

  it('underlines a CSV cell, quoted or not, in the CSV the capacity file names', async () => {
    const files = {
      '/w/c.capacity.yaml': 'team: T\nhorizon: { start: 2027-01-04, end: 2027-01-15 }\nmembers: { csv: ./team.csv }\ncommitments: { csv: ./work.csv }\n',
      '/w/team.csv': 'name,allocation\nAna,half\n"Ben, Jr.",2\n',
      '/w/work.csv': 'id,title,effortDays,rank\nA,"Alpha, the first",-1,1\n',
    };
    const fs = memoryFileSystem(files);
    assert.deepEqual(underlinedProblems(await loadCapacity(fs, '/w/c.capacity.yaml'), files), ['members[0].allocation 2:half']);
    files['/w/team.csv'] = 'name,allocation\n"Ben, Jr.",2\n';
    assert.deepEqual(underlinedProblems(await loadCapacity(fs, '/w/c.capacity.yaml'), files), [
      'members[0].allocation 2:2',
      'commitments[0].effortDays 2:-1',
    ]);
    assert.equal(underlined('A,"say ""hi"", twice",3', 1, 3, 'csv'), '1:"say ""hi"", twice"');
  });

  it('underlines a Handlebars tag, or the whole line of a template problem without a column', async () => {
    const files = {
      '/p/pushback-pack.json': '{ "id": "@t/p", "name": "P", "version": "1.0.0", "templates": [{ "file": "a.hbs" }, { "file": "b.hbs" }, { "file": "c.hbs" }] }',
      '/p/a.hbs': '---\nid: a\nname: A\ndescription: d\ntone: t\nchannel: fax\n---\nHi\n',
      '/p/b.hbs': '---\nid: b\nname: B\ndescription: d\ntone: t\nchannel: email\n---\nHi {{> signature }}\n',
      '/p/c.hbs': '---\nid: c\nname: C\ndescription: d\ntone: t\nchannel: email\n---\n\nHi  {{shout request.title}}!\n',
    };
    const result = await loadPack(memoryFileSystem(files), '/p');
    assert.deepEqual(underlinedProblems(result, files), [
      'channel 6:fax', // front matter problems point at the value, as in data files
      '- 8:{{> signature }}',
      '- 9:{{shout request.title}}',
    ]);
  });

  it('clamps positions past the text and falls back to the trimmed line', () => {
    assert.deepEqual(problemExtent('a: 1\n', { line: 9, column: 9 }, 'yaml'), { line: 2, startColumn: 1, endColumn: 1 });
    assert.equal(underlined('  key: value  ', 1, 40, 'yaml'), '1:key: value');
    assert.equal(underlined('  title: Hello, world  # said twice', 1, 10, 'yaml'), '1:Hello, world');
    assert.equal(underlined("  - 'it''s' # quoted", 1, 5, 'yaml'), "1:'it''s'");
    assert.equal(underlined('x: "unclosed  ', 1, 4, 'yaml'), '1:"unclosed');
    assert.equal(underlined('tags: [a, [b, c], d]', 1, 11, 'yaml'), '1:[b, c]');
    assert.equal(underlined('tags: [a, "x]", d]', 1, 7, 'yaml'), '1:[a, "x]", d]');
    assert.equal(underlined('{{#if x}} open', 1, 1, 'text'), '1:{{#if x}}');
    assert.equal(underlined('{{{raw}}} and', 1, 1, 'text'), '1:{{{raw}}}');
    assert.equal(underlined('  {{#if x', 1, 3, 'text'), '1:{{#if x');
    assert.equal(underlined('"a\\"b": 1', 1, 1, 'json'), '1:"a\\"b"');
    assert.equal(underlined('\r\n  "x": true,\r\n', 2, 8, 'json'), '2:true');
  });
});
