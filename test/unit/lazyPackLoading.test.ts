import assert from 'node:assert/strict';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadPack } from '../../src/core/pack/loadPack';
import { renderReply } from '../../src/core/engine/renderReply';
import { analyze } from '../../src/core/model/analyze';
import { capacitySchema } from '../../src/core/schema/capacity';
import { requestSchema } from '../../src/core/schema/request';

const manifest = JSON.stringify({ id: '@t/lazy', name: 'Lazy', version: '1.0.0', templates: [{ file: 'ok.hbs' }, { file: 'broken.hbs' }] });
const front = (id: string) => `---\nid: ${id}\nname: ${id}\ndescription: d\ntone: t\nchannel: email\n---\n`;
const files = {
  '/p/pushback-pack.json': manifest,
  '/p/ok.hbs': `${front('ok')}Hi {{request.requester.name}}`,
  '/p/broken.hbs': `${front('broken')}line\n{{#if request.title}}never closed`,
};

describe('loading a pack without checking (a one-shot draft)', () => {
  const capacity = capacitySchema.parse({ team: 'T', horizon: { start: '2027-01-04', end: '2027-01-15' }, members: [{ name: 'A' }] });
  const request = requestSchema.parse({ title: 'X', requester: { name: 'Dana' }, effortDays: 1 });
  const input = { request, capacity, analysis: analyze(capacity, request), today: '2027-01-04' };

  it('reports a broken template when the pack loads, by default', async () => {
    const checked = await loadPack(memoryFileSystem(files), '/p');
    assert.equal(checked.ok, false);
  });

  it('defers compiling: the good template renders, the broken one reports its line at render', async () => {
    const lazy = await loadPack(memoryFileSystem(files), '/p', { check: false });
    assert.ok(lazy.ok);
    const [ok, broken] = lazy.value.templates;
    assert.deepEqual(renderReply(ok, input), { ok: true, value: 'Hi Dana\n' });
    const failed = renderReply(broken, input);
    assert.equal(failed.ok, false);
    const [problem] = (failed as { problems: { file: string; line: number; message: string }[] }).problems;
    assert.equal(problem.file, '/p/broken.hbs');
    assert.ok(problem.line >= 8, `line ${problem.line}`);
    assert.match(problem.message, /template syntax error/);
  });
});
