import assert from 'node:assert/strict';
import { compileTemplate } from '../../src/core/engine/compileTemplate';
import { RENDER_LIMITS, RenderLimitError, partialOfError } from '../../src/core/engine/renderGuard';
import { renderReply } from '../../src/core/engine/renderReply';
import type { ReplyInput } from '../../src/core/engine/replyContext';
import { createTemplateEnvironment } from '../../src/core/engine/templateEnvironment';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { analyze } from '../../src/core/model/analyze';
import { loadPack } from '../../src/core/pack/loadPack';
import { formatProblem } from '../../src/core/problems';
import { capacitySchema } from '../../src/core/schema/capacity';
import { requestSchema } from '../../src/core/schema/request';

const capacity = capacitySchema.parse({
  team: 'Platform',
  horizon: { start: '2027-01-04', end: '2027-01-15' },
  members: [{ name: 'Ana' }],
  commitments: Array.from({ length: 40 }, (_, i) => ({ id: `C${i}`, title: `Item ${i}`, effortDays: 1, rank: i + 1 })),
});
const request = requestSchema.parse({ title: 'Portal', requester: { name: 'Dana Whitfield' }, effortDays: 4 });
const input: ReplyInput = { request, capacity, analysis: analyze(capacity, request), today: '2027-01-04' };
const FRONT = '---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\n---\n';

declare global {
  var pushbackPwned: unknown;
}

/** Compile and render a body; the outcome as text, or the first problem's message. */
function attempt(body: string, data: object = input): { output?: string; problem?: string } {
  const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', FRONT + body);
  if (!compiled.ok) return { problem: compiled.problems[0].message };
  try {
    return { output: compiled.value.render(data) };
  } catch (error) {
    return { problem: String((error as Error).message) };
  }
}

/** A pack whose partials are given by name → body, with one template using them. */
async function packWith(partials: Record<string, string>, body: string) {
  const files: Record<string, string> = {
    '/p/pushback-pack.json': JSON.stringify({ id: '@t/p', name: 'P', version: '1.0.0', templates: [{ file: 't.hbs' }], partials: Object.fromEntries(Object.keys(partials).map((name) => [name, `${name}.hbs`])) }),
    '/p/t.hbs': FRONT + body,
  };
  for (const [name, text] of Object.entries(partials)) files[`/p/${name}.hbs`] = text;
  const pack = await loadPack(memoryFileSystem(files), '/p');
  assert.ok(pack.ok, pack.ok ? '' : pack.problems.map(formatProblem).join('\n'));
  return pack.value.templates[0];
}

describe('template safety', () => {
  afterEach(() => {
    assert.equal(globalThis.pushbackPwned, undefined, 'a template ran code');
  });

  describe("payloads of Handlebars' past advisories run no code and reach no prototype", () => {
    // npm advisory 755 / CVE-2019-20920 style: rebuild Function from String.prototype.sub's constructor.
    const functionFromSplit = `{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "globalThis.pushbackPwned = 1; return 1;"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}`;
    const payloads: Record<string, string> = {
      'Function via String.prototype (advisory 755)': functionFromSplit,
      'constructor.constructor called as a helper': '{{constructor.constructor "globalThis.pushbackPwned = 1"}}',
      'lookup of constructor': '{{lookup this "constructor"}}',
      'lookup of constructor, twice (CVE-2021-23383)': '{{#with (lookup this "constructor")}}{{#with (lookup this "constructor")}}{{this "globalThis.pushbackPwned = 1"}}{{/with}}{{/with}}',
      'with __proto__ (CVE-2019-19919)': '{{#with __proto__}}{{polluted}}{{/with}}',
      '__defineGetter__ on the context': '{{__defineGetter__ "x" "y"}}',
      'lookup __lookupGetter__': '{{#with (lookup this "__lookupGetter__")}}[{{this}}]{{/with}}',
      'constructor of a string': '{{#with request.title}}{{constructor.name}}{{/with}}',
      'constructor of a list item, through our list helper': '{{list capacity.commitments "constructor"}}',
      'prototype chain of an array': '{{#each (lookup capacity "commitments")}}{{#if @first}}{{lookup this "__proto__"}}{{/if}}{{/each}}',
      'log writes to the console': '{{log "secret"}}',
      'helperMissing called directly': '{{helperMissing "x"}}',
      'blockHelperMissing called directly': '{{#blockHelperMissing "x"}}y{{/blockHelperMissing}}',
      'an inline partial (no code, but unsupported)': '{{#*inline "x"}}{{constructor}}{{/inline}}{{> x}}',
      'a partial named constructor': '{{> constructor}}',
    };
    for (const [name, body] of Object.entries(payloads)) {
      it(name, () => {
        const { output, problem } = attempt(body);
        // Refused when compiled, stopped when rendered, or rendered without anything from a prototype.
        if (output !== undefined) assert.doesNotMatch(output, /function|native code|\[object|Object|prototype|polluted|^1$/, output);
        else assert.ok(problem && problem.length > 0);
      });
    }

    it('refuses code helpers and log when compiling, with a located problem', () => {
      assert.equal(attempt('{{log "x"}}').problem, 'unknown helper "log"');
      assert.equal(attempt('{{constructor.constructor "x"}}').problem, 'unknown helper "constructor"');
      assert.equal(attempt('{{> constructor}}').problem, 'missing partial "constructor"');
    });

    it('holds partials to the same rules as templates', async () => {
      const files = {
        '/p/pushback-pack.json': JSON.stringify({ id: '@t/p', name: 'P', version: '1.0.0', templates: [{ file: 't.hbs' }], partials: { sign: 'sign.hbs' } }),
        '/p/t.hbs': `${FRONT}{{> sign}}`,
        '/p/sign.hbs': 'Regards\n{{log "secret"}}',
      };
      const pack = await loadPack(memoryFileSystem(files), '/p');
      assert.deepEqual(pack.ok ? [] : pack.problems.map((p) => `${p.file}:${p.line}: ${p.message}`), ['/p/sign.hbs:2: unknown helper "log"']);
    });

    it('ignores data keys and runtime options that would open prototypes', () => {
      const polluted = JSON.parse('{"__proto__": {"polluted": "yes"}, "request": {"title": "T"}}');
      const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', `${FRONT}[{{lookup this "polluted"}}][{{lookup request "constructor"}}]`);
      assert.ok(compiled.ok);
      // Even a caller asking for prototype access does not get it.
      assert.equal(compiled.value.render(polluted, { allowProtoPropertiesByDefault: true, allowProtoMethodsByDefault: true }), '[][]');
    });

    it('treats a partial name taken from the data as a name, never as a template', () => {
      const ast = { type: 'Program', body: [{ type: 'ContentStatement', value: 'pwned' }] };
      const { output, problem } = attempt('{{> (lookup this "evil")}}', { ...input, evil: ast });
      assert.equal(output, undefined);
      assert.match(String(problem), /could not be found|partials must be strings|missing/);
    });
  });

  describe('the render guard', () => {
    it('stops a partial that includes itself, naming it, within the depth limit', async () => {
      const template = await packWith({ again: 'x{{> again}}' }, '{{> again}}');
      const rendered = renderReply(template, input);
      assert.equal(rendered.ok, false);
      const [problem] = (rendered as { problems: { file: string; line: number; message: string; hint: string }[] }).problems;
      assert.equal(problem.message, `partials nest more than ${RENDER_LIMITS.maxPartialDepth} deep at {{> again}}`);
      assert.match(problem.hint, /includes itself/);
      assert.equal(problem.file, '/p/t.hbs');
      assert.equal(problem.line, 8);
    });

    it('stops mutual recursion too, and says which partial it came out of', async () => {
      const template = await packWith({ ping: '{{> pong}}', pong: '{{> ping}}' }, 'start {{> ping}}');
      assert.throws(() => template.render({}), (error: unknown) => error instanceof RenderLimitError && partialOfError(error) !== undefined);
    });

    it('stops an exponential fan-out of partials by counting, before it finishes', async () => {
      // A million partials: without the guard this renders (slowly) to a million x's; the
      // guard's operation budget stops it long before. How fast is the bench's business.
      const ten = (name: string) => `{{> ${name}}}`.repeat(10);
      const template = await packWith({ a: 'x', b: ten('a'), c: ten('b'), d: ten('c'), e: ten('d'), f: ten('e'), g: ten('f') }, '{{> g}}');
      assert.throws(() => template.render({}), (error: unknown) => error instanceof RenderLimitError && /helpers, blocks and partials and was stopped/.test(error.message));
    });

    it('stops loops nested in loops over a long list', () => {
      const loop = (inner: string) => `{{#each @root.capacity.commitments}}${inner}{{/each}}`;
      const { problem } = attempt(loop(loop(loop(loop('.')))));
      assert.match(String(problem), /more than 100,000 helpers, blocks and partials/);
    });

    it('stops output past the size cap', async () => {
      const template = await packWith({ big: 'x'.repeat(100_000) }, '{{> big}}'.repeat(11));
      assert.throws(() => template.render({}), /grew past 1,000,000 characters/);
    });

    it('resets its counters for every render, so a long session never trips it', async () => {
      const template = await packWith({ row: '{{title}}\n' }, '{{#each capacity.commitments}}{{> row}}{{/each}}');
      for (let i = 0; i < 3000; i++) template.render(input);
      assert.match(template.render(input), /Item 39/);
    });
  });
});
