import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { draftReplyFromFiles } from '../../src/core/draft/draftReplyFromFiles';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadPack } from '../../src/core/pack/loadPack';
import { runPackExamples } from '../../src/core/pack/runPackExamples';
import { validatePack } from '../../src/core/pack/validatePack';
import { renderReply } from '../../src/core/engine/renderReply';
import { analyze } from '../../src/core/model/analyze';
import { capacitySchema } from '../../src/core/schema/capacity';
import { requestSchema } from '../../src/core/schema/request';
import type { Problem } from '../../src/core/problems';
import { runCli } from './fixtures/cli';
import { samplePath } from './fixtures/sample';

const front = (id: string, extra = '') => `---\nid: ${id}\nname: ${id}\ndescription: d\ntone: t\nchannel: email\n${extra}---\n`;
const BRIEFING = 'fields:\n  - id: briefingDate\n    label: Date of the briefing\n    kind: date\n    required: true\n  - id: attach\n    kind: toggle\n    default: false\n';
const capacityYaml = 'team: T\ncurrency: USD\nhorizon: { start: 2027-01-04, end: 2027-01-15 }\nmembers: [{ name: A }]\norg: { me: { name: Sam Carter } }\n';
const requestYaml = 'title: X\nrequester: { name: Dana }\neffortDays: 1\n';

function pack(manifest: object, files: Record<string, string>) {
  return memoryFileSystem({
    '/p/pushback-pack.json': JSON.stringify({ id: '@t/fields', name: 'F', version: '1.0.0', ...manifest }, null, 2),
    '/p/sample/c.capacity.yaml': capacityYaml,
    '/p/sample/r.request.yaml': requestYaml,
    ...files,
  });
}

const example = (extra: object = {}) => ({ template: 'brief', request: 'sample/r.request.yaml', capacity: 'sample/c.capacity.yaml', expected: 'brief.md', ...extra });
const problemsOf = (result: { ok: boolean }) => (result as unknown as { problems?: Problem[] }).problems ?? [];

describe('fields, defaults, translations and inline partials in packs', () => {
  const capacity = capacitySchema.parse({ team: 'T', currency: 'USD', horizon: { start: '2027-01-04', end: '2027-01-15' }, members: [{ name: 'A' }], org: { me: { name: 'Sam Carter' } } });
  const request = requestSchema.parse({ title: 'X', requester: { name: 'Dana' }, effortDays: 1 });
  const input = { request, capacity, analysis: analyze(capacity, request), today: '2027-01-04' };

  it('pack test renders an example with its field values and locale', async () => {
    const fs = pack({ templates: [{ file: 'brief.hbs' }], examples: [example({ fields: { briefingDate: '2027-01-08', attach: true }, locale: 'de-DE' })] }, {
      '/p/brief.hbs': `${front('brief', BRIEFING)}{{date fields.briefingDate}}{{#if fields.attach}} +record{{/if}}`,
      '/p/brief.md': 'Fr., 8. Jan. 2027 +record\n',
    });
    const loaded = await loadPack(fs, '/p');
    assert.ok(loaded.ok, JSON.stringify(loaded));
    const [outcome] = await runPackExamples(fs, loaded.value);
    assert.deepEqual([outcome.actual, outcome.problems], ['Fr., 8. Jan. 2027 +record\n', []]);
  });

  it('pack test locates a wrong or missing example value in the manifest', async () => {
    const fs = pack({ templates: [{ file: 'brief.hbs' }], examples: [example({ fields: { attach: 'sometimes' } })] }, { '/p/brief.hbs': `${front('brief', BRIEFING)}x`, '/p/brief.md': 'x\n' });
    const loaded = await loadPack(fs, '/p');
    assert.ok(loaded.ok);
    const [outcome] = await runPackExamples(fs, loaded.value);
    assert.deepEqual(outcome.problems.map((p) => `${p.file}:${p.line} ${p.path}`), ['/p/pushback-pack.json:11 fields.briefingDate', '/p/pushback-pack.json:17 fields.attach']);
    assert.match(outcome.problems[0].hint, /add "briefingDate" to this example's "fields"/);
  });

  it('pack validate checks that partials use only fields every including template declares', async () => {
    const fs = pack({ templates: [{ file: 'brief.hbs' }, { file: 'plain.hbs' }], partials: { when: 'when.hbs', outer: 'outer.hbs' } }, {
      '/p/brief.hbs': `${front('brief', BRIEFING)}{{> outer}}`,
      '/p/plain.hbs': `${front('plain')}{{> outer}}`,
      '/p/outer.hbs': 'x {{> when}}',
      '/p/when.hbs': 'line one\n{{#if fields.briefingDate}}{{date fields.briefingDate}}{{/if}}',
    });
    const validated = await validatePack(fs, '/p', { sample: { requestFile: '/p/sample/r.request.yaml', capacityFile: '/p/sample/c.capacity.yaml' } });
    const found = problemsOf(validated).filter((p) => p.path === 'fields.briefingDate');
    assert.deepEqual(found.map((p) => `${p.file}:${p.line}:${p.column}`), ['/p/when.hbs:2:7', '/p/when.hbs:2:35']);
    assert.match(found[0].message, /not declared in the front matter of plain\.hbs, which includes this partial/);
  });

  it('applies the pack\'s defaults below the input\'s own settings', async () => {
    const fs = pack({ templates: [{ file: 'sign.hbs' }], defaults: { signature: 'Pat Lee\nHead of IT', currency: 'EUR', locale: 'de-DE' } }, {
      '/p/sign.hbs': `${front('sign')}{{org.me.name}} ({{org.me.title}}) {{money 1500}} {{percent 0.5}}`,
    });
    const loaded = await loadPack(fs, '/p');
    assert.ok(loaded.ok, JSON.stringify(loaded));
    const [template] = loaded.value.templates;
    const clean = (text: unknown) => String(text).replace(/[\u00a0\u202f]/g, ' ');
    assert.equal(clean((renderReply(template, input) as { value: string }).value), 'Pat Lee (Head of IT) 1.500 € 50 %\n');
    assert.equal(clean((renderReply(template, { ...input, signature: 'Alex Moreno', currency: 'GBP', locale: 'en-GB' }) as { value: string }).value), 'Alex Moreno () £1,500 50%\n');
  });

  describe('translations', () => {
    const files = {
      '/p/brief.hbs': `${front('brief', BRIEFING)}Briefing on {{date fields.briefingDate}}`,
      '/p/brief.de.hbs': `${front('brief', BRIEFING.replace('Date of the briefing', 'Datum des Briefings'))}Briefing am {{date fields.briefingDate}}`,
      '/p/fr/brief.hbs': `${front('brief', BRIEFING)}Point le {{date fields.briefingDate}}`,
    };
    it('uses the translation beside the template or named in the manifest, by locale then language, else the base', async () => {
      const fs = pack({ templates: [{ file: 'brief.hbs', translations: { fr: 'fr/brief.hbs' } }] }, files);
      const loaded = await loadPack(fs, '/p');
      assert.ok(loaded.ok, JSON.stringify(loaded));
      const [template] = loaded.value.templates;
      assert.deepEqual(Object.keys(template.translations ?? {}).sort(), ['de', 'fr']);
      const say = (locale?: string) => (renderReply(template, { ...input, fields: { briefingDate: '2027-01-08' }, ...(locale ? { locale } : {}) }) as { value: string }).value;
      assert.equal(say('de-DE'), 'Briefing am Fr., 8. Jan. 2027\n');
      assert.equal(say('fr-FR'), 'Point le ven. 8 janv. 2027\n');
      assert.equal(say('ja-JP'), 'Briefing on 2027年1月8日(金)\n');
      assert.equal(say(), 'Briefing on Fri 8 Jan 2027\n');
    });
    it('pack validate refuses a translation with other fields, another id or a missing file', async () => {
      const fs = pack({ templates: [{ file: 'brief.hbs', translations: { fr: 'fr/missing.hbs' } }] }, {
        ...files,
        '/p/brief.de.hbs': `${front('brief', 'fields:\n  - id: briefingDate\n    kind: text\n')}x`,
        '/p/brief.es.hbs': `${front('other', BRIEFING)}x`,
      });
      const found = problemsOf(await loadPack(fs, '/p'));
      assert.deepEqual(found.map((p) => `${p.file} ${p.path}`), ['/p/brief.de.hbs fields', '/p/brief.es.hbs id', '/p/pushback-pack.json templates[0].translations.fr']);
      assert.match(found[0].message, /the de translation differs from the template in attach, briefingDate/);
    });
  });

  it('supports inline partials, which are not missing partials', async () => {
    const fs = pack({ templates: [{ file: 'inline.hbs' }] }, { '/p/inline.hbs': `${front('inline')}{{#*inline "greeting"}}Hi {{request.requester.name}}{{/inline}}{{> greeting}}!` });
    const loaded = await loadPack(fs, '/p');
    assert.ok(loaded.ok, JSON.stringify(loaded));
    assert.deepEqual(renderReply(loaded.value.templates[0], input), { ok: true, value: 'Hi Dana!\n' });
  });

  it('draftReply passes the locale and the fields through', async () => {
    const fs = pack({ templates: [{ file: 'brief.hbs' }] }, { '/p/brief.hbs': `${front('brief', BRIEFING)}{{shortDate fields.briefingDate}}` });
    const loaded = await loadPack(fs, '/p');
    assert.ok(loaded.ok);
    const draft = await draftReplyFromFiles(fs, { requestFile: '/p/sample/r.request.yaml', capacityFile: '/p/sample/c.capacity.yaml', packs: [loaded.value], templateId: 'brief', today: '2027-01-04', locale: 'en-GB', fields: { briefingDate: '2027-01-08' } });
    assert.ok(draft.ok, JSON.stringify(draft));
    assert.equal(draft.value.markdown, 'Fri 8 Jan\n');
  });

  describe('the command line', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'pushback-fields-'));
      writeFileSync(path.join(root, 'pushback-pack.json'), JSON.stringify({ id: '@t/cli', name: 'C', version: '1.0.0', templates: [{ file: 'brief.hbs' }] }));
      writeFileSync(path.join(root, 'brief.hbs'), `${front('brief', `${BRIEFING}  - id: channel\n    kind: choice\n    options: [email, teams]\n`)}{{date fields.briefingDate}} {{fields.attach}} {{fields.channel}}`);
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));
    const draft = (...args: string[]) => runCli('draft', '--pack', root, '--template', 'brief', '--request', samplePath('northwind.request.yaml'), '--capacity', samplePath('northwind.capacity.yaml'), ...args);

    it('takes --field values (repeatable) and --locale', async () => {
      const result = await draft('--field', 'briefingDate=2027-01-08', '--field=attach=yes', '--field', 'channel=teams', '--locale', 'en-GB');
      assert.equal(result.stderr, '');
      assert.equal(result.stdout, 'Fri, 8 Jan 2027 true teams\n');
    });
    it('takes --fields from JSON or YAML, --field winning', async () => {
      writeFileSync(path.join(root, 'values.yaml'), 'briefingDate: 2027-01-08\nchannel: email\n');
      const result = await draft('--fields', path.join(root, 'values.yaml'), '--field', 'channel=teams');
      assert.equal(result.stdout, 'Fri 8 Jan 2027 false teams\n');
    });
    it('exits 1 with located messages for a wrong kind, a choice outside options and a missing required field', async () => {
      const result = await draft('--field', 'attach=maybe', '--field', 'channel=fax');
      assert.equal(result.code, 1);
      const lines = result.stderr.trim().split('\n');
      assert.deepEqual(lines.slice(0, 3).map((l) => l.split(': ').slice(0, 2).join(': ')), ['<arguments>:1:1: fields.briefingDate', '<arguments>:1:10: fields.attach', '<arguments>:1:12: fields.channel']);
      assert.match(result.stderr, /the field "briefingDate" \(Date of the briefing\) is required and has no value \(give it a value: add --field briefingDate=…\)/);
      assert.match(result.stderr, /must be one of email, teams, not "fax"/);
    });
    it('locates a wrong value in the --fields file', async () => {
      writeFileSync(path.join(root, 'values.json'), '{\n  "briefingDate": "2027-01-08",\n  "channel": "fax"\n}\n');
      const result = await draft('--fields', path.join(root, 'values.json'));
      assert.equal(result.code, 1);
      assert.match(result.stderr, /values\.json:3:14: fields\.channel: channel: must be one of email, teams/);
    });
    it('refuses a malformed --field, a bad --locale and a --fields file that is not an object', async () => {
      assert.equal((await draft('--field', 'nonsense')).code, 2);
      assert.equal((await draft('--locale', 'not a locale')).code, 2);
      writeFileSync(path.join(root, 'list.json'), '[1]');
      const list = await draft('--fields', path.join(root, 'list.json'));
      assert.equal(list.code, 1);
      assert.match(list.stderr, /must be an object of field values/);
      assert.match((await draft('--fields', path.join(root, 'nope.json'))).stderr, /nope\.json:1:1: cannot be read/);
    });
  });

  it('the built-in pack passes its manifest through the JSON Schema generator unchanged', () => {
    assert.ok(readFileSync(path.resolve(__dirname, '../../media/schemas/template-front-matter.schema.json'), 'utf8').includes('"toggle"'));
  });
});
