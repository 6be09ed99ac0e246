import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadPack } from '../../src/core/pack/loadPack';
import { packFolderName, supportsPushback } from '../../src/core/pack/packManifest';
import { validatePack } from '../../src/core/pack/validatePack';
import { type Result, formatProblem } from '../../src/core/problems';

const TEMPLATE = '---\nid: note\nname: Note\ndescription: A note\ntone: plain\nchannel: email\n---\nHi {{request.requester.name}}\n';
const sampleDir = path.resolve(__dirname, '../../templates/sample');
const sample = {
  '/s/r.yaml': readFileSync(path.join(sampleDir, 'northwind.request.yaml'), 'utf8'),
  '/s/c.yaml': readFileSync(path.join(sampleDir, 'northwind.capacity.yaml'), 'utf8'),
};

function manifest(fields: Record<string, unknown>): string {
  return JSON.stringify({ id: '@acme/replies', name: 'Acme', version: '1.0.0', templates: [{ file: 'note.hbs' }], ...fields }, null, 2);
}

function problems(result: Result<unknown>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

async function load(fields: Record<string, unknown>, files: Record<string, string> = {}, pushbackVersion?: string) {
  return loadPack(memoryFileSystem({ '/p/pushback-pack.json': manifest(fields), '/p/note.hbs': TEMPLATE, ...files }), '/p', { pushbackVersion });
}

describe('the pack manifest', () => {
  it('refuses a pack made for another Pushback, at engines.pushback', async () => {
    const result = await load({ engines: { pushback: '^2.0.0' } }, {}, '0.1.0');
    assert.equal(problems(result).length, 1);
    assert.match(problems(result)[0], /^\/p\/pushback-pack\.json:\d+:\d+: engines\.pushback: this pack works with Pushback \^2\.0\.0, not 0\.1\.0/);
    assert.ok((await load({ engines: { pushback: '>=0.1 <2' } }, {}, '0.1.0')).ok);
    assert.ok((await load({ engines: { pushback: '^2.0.0' } })).ok, 'unchecked without a version');
  });

  it('requires a semver version and a valid semver range', async () => {
    assert.match(problems(await load({ version: '1.0' }))[0], /version: must be a semantic version/);
    assert.match(problems(await load({ version: 'v1.0.0' }))[0], /version: must be a semantic version/);
    assert.match(problems(await load({ engines: { pushback: 'soon' } }))[0], /engines\.pushback: must be a semver range/);
    assert.ok((await load({ version: '1.2.3-beta.1' })).ok);
  });

  it('checks what the manifest repeats of a template against its front matter, at the manifest line', async () => {
    const result = await load({ templates: [{ file: 'note.hbs', id: 'note', name: 'Memo', channel: 'teams' }] });
    assert.deepEqual(
      problems(result).map((p) => p.replace(/ \(.*\)$/, '')),
      ['/p/pushback-pack.json:9:15: templates[0].name: says "Memo" but note.hbs says "Note"', '/p/pushback-pack.json:10:18: templates[0].channel: says "teams" but note.hbs says "email"'],
    );
    assert.ok((await load({ templates: [{ file: 'note.hbs', id: 'note', name: 'Note', description: 'A note', tone: 'plain', channel: 'email' }] })).ok);
  });

  it('keeps every path inside the pack', async () => {
    for (const bad of ['../secret.hbs', '/etc/passwd', 'a/../../b.hbs', 'C:\\x.hbs', '..\\x.hbs']) {
      assert.match(problems(await load({ partials: { x: bad } }))[0], /partials\.x: must be a relative path inside the pack/, bad);
    }
    assert.match(problems(await load({ templates: [{ file: '../note.hbs' }] }))[0], /templates\[0\]\.file: must be a relative path/);
  });

  it('validates defaults', async () => {
    assert.match(problems(await load({ defaults: { currency: 'XYZ' } }))[0], /defaults\.currency/);
    assert.ok((await load({ defaults: { currency: 'EUR', signature: 'Sam' } })).ok);
  });

  it('derives a safe folder name from the id, and compares versions with pre-releases', () => {
    assert.equal(packFolderName('@acme/finance-replies'), 'acme__finance-replies');
    assert.throws(() => packFolderName('@acme/../x'));
    assert.throws(() => packFolderName('acme'));
    assert.equal(supportsPushback({ engines: { pushback: '^0.1.0' } }, '0.1.5-beta.1'), true);
    assert.equal(supportsPushback({}, '9.9.9'), true);
  });
});

describe('validatePack', () => {
  const files = (extra: Record<string, string> = {}, fields: Record<string, unknown> = {}) =>
    memoryFileSystem({ '/p/pushback-pack.json': manifest(fields), '/p/note.hbs': TEMPLATE, ...sample, ...extra });
  const options = { sample: { requestFile: '/s/r.yaml', capacityFile: '/s/c.yaml' } };

  it('passes a sound pack', async () => {
    assert.deepEqual(problems(await validatePack(files(), '/p', options)), []);
  });

  it('finds a field the data does not have, in the template or in a partial, at its line', async () => {
    const template = TEMPLATE.replace('Hi {{request.requester.name}}', 'Hi {{request.requester.nmae}}\n{{> sign}}');
    const result = await validatePack(files({ '/p/note.hbs': template, '/p/sign.hbs': '\n{{org.me.nmae}}' }, { partials: { sign: 'sign.hbs' } }), '/p', options);
    assert.deepEqual(problems(result).map((p) => p.replace(/ \(.*\)$/, '')), ['/p/note.hbs:8:6: the field "nmae" is not in the data']);
    const partialOnly = await validatePack(files({ '/p/note.hbs': TEMPLATE.replace('Hi', '{{> sign}}'), '/p/sign.hbs': '\n{{org.me.nmae}}' }, { partials: { sign: 'sign.hbs' } }), '/p', options);
    assert.deepEqual(problems(partialOnly).map((p) => p.replace(/ \(.*\)$/, '')), ['/p/sign.hbs:2:3: the field "nmae" is not in the data']);
  });

  it('checks the examples: their template and files', async () => {
    const example = { template: 'memo', request: 'missing.yaml', capacity: '../s/c.yaml', expected: 'note.md' };
    const result = await validatePack(files(), '/p', options);
    assert.ok(result.ok);
    const broken = await validatePack(files({}, { examples: [{ ...example, capacity: 'c.yaml' }] }), '/p', options);
    assert.deepEqual(problems(broken).map((p) => p.replace(/:\d+:\d+:/, ':').replace(/ \(.*\)$/, '')), [
      '/p/pushback-pack.json: examples[0].template: no template "memo" in this pack',
      '/p/pushback-pack.json: examples[0].request: missing.yaml does not exist',
      '/p/pushback-pack.json: examples[0].capacity: c.yaml does not exist',
      '/p/pushback-pack.json: examples[0].expected: note.md does not exist',
    ]);
  });

  it('renders templates on their own examples', async () => {
    const own = { '/p/r.yaml': sample['/s/r.yaml'], '/p/c.yaml': sample['/s/c.yaml'], '/p/note.md': 'x' };
    const template = TEMPLATE.replace('Hi', '{{request.nope}}');
    const result = await validatePack(files({ ...own, '/p/note.hbs': template }, { examples: [{ template: 'note', request: 'r.yaml', capacity: 'c.yaml', expected: 'note.md' }] }), '/p');
    assert.match(problems(result)[0], /^\/p\/note\.hbs:8:3: the field "nope" is not in the data/);
  });

  it('keeps package.json in step with the manifest', async () => {
    const good = JSON.stringify({ name: '@acme/replies', version: '1.0.0', keywords: ['pushback-pack'] });
    assert.ok((await validatePack(files({ '/p/package.json': good }), '/p', options)).ok);
    const drifted = JSON.stringify({ name: '@acme/other', version: '1.0.1', keywords: [] }, null, 2);
    assert.deepEqual(problems(await validatePack(files({ '/p/package.json': drifted }), '/p', options)).map((p) => p.replace(/ \(.*\)$/, '')), [
      '/p/package.json:2:11: name: is "@acme/other" but the pack\'s id is "@acme/replies"',
      '/p/package.json:3:14: version: is "1.0.1" but the pack\'s version is "1.0.0"',
      '/p/package.json:4:15: keywords: lacks the keyword "pushback-pack"',
    ]);
    assert.match(problems(await validatePack(files({ '/p/package.json': '{ nope' }), '/p', options))[0], /^\/p\/package\.json:1:/);
  });
});
