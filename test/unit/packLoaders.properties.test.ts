import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDecisionRecord } from '../../src/core/decisions/decisionRecord';
import { parseTemplateFile } from '../../src/core/engine/frontMatter';
import { memoryFileSystem } from '../../src/core/fileSystem';
import { loadPack } from '../../src/core/pack/loadPack';
import type { Problem, Result } from '../../src/core/problems';

/**
 * Whatever a shared pack or decision log holds, the loaders answer with a value or
 * with located problems: never an exception, never a problem without a place.
 * Seeded (FC_SEED overrides it); fast-check prints the seed and path of a failure,
 * so `FC_SEED=<seed> npx mocha --spec <this file>` reproduces it.
 */
const SEED = Number(process.env.FC_SEED ?? 20270104);
const params = { numRuns: 150, seed: SEED };

function assertValueOrLocatedProblems<T>(result: Result<T>): void {
  if (result.ok) return;
  assert.ok(result.problems.length > 0, 'a failure names at least one problem');
  for (const problem of result.problems as Problem[]) {
    assert.equal(typeof problem.file, 'string');
    assert.ok(Number.isInteger(problem.line) && problem.line >= 1, `line ${problem.line}`);
    assert.ok(Number.isInteger(problem.column) && problem.column >= 1, `column ${problem.column}`);
    assert.ok(typeof problem.message === 'string' && problem.message.length > 0, 'a message');
    assert.equal(typeof problem.hint, 'string');
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was not touched');
}

/** Scalars and fragments that trip YAML parsers: tags, anchors, aliases, merges, odd numbers, control characters. */
const yamlScalar = fc.oneof(
  fc.constantFrom(
    'x', '1', '-0', '1e309', '-1e309', '.nan', '.inf', '0x1F', 'null', '~', 'true', 'yes', '2027-02-30', '"q\\u0000\\e[2J"', "'it''s'",
    '!!binary aGk=', '!!js/function "f"', '!!python/object:os.system x', '!custom x', '*a', '&a x', '*undefined', '{', '[', '}', ']', '|', '>-',
    '"unclosed', '{polluted: 1}', '[*a, *a, *a]', '{ <<: *a }', '\u202eevil', '\t',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
);
const yamlKey = (keys: readonly string[]) => fc.oneof(fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype', '<<', '? x', '- x', '&a k', '*a'), fc.string({ maxLength: 8 }));
const yamlLine = (keys: readonly string[]) =>
  fc.tuple(fc.constantFrom('', '  ', '    ', '- ', '  - '), yamlKey(keys), fc.constantFrom(': ', ':', ' : ', ': &a ', ': !!str ', ': *a '), yamlScalar).map((parts) => parts.join(''));
const yamlBlock = (keys: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(yamlLine(keys), { maxLength: 12 }).map((lines) => lines.join('\n')) },
    { weight: 1, arbitrary: fc.constant(['a: &a [x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c]'].join('\n')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  );

const FRONT_MATTER_KEYS = ['id', 'name', 'description', 'tone', 'channel', 'subject', 'inputs', 'fields', 'kind', 'required', 'default', 'options'];
const RECORD_KEYS = ['format', 'date', 'request', 'title', 'requester', 'effortDays', 'proposal', 'kind', 'figures', 'delays', 'informCio', 'template', 'pack', 'via'];

/** A file with front matter: usually well fenced, sometimes not (missing fence, CRLF, a BOM, nothing after it). */
const withFrontMatter = (keys: readonly string[]) =>
  fc.tuple(fc.constantFrom('---\n', '---\r\n', '\ufeff---\n', '', '--- \n'), yamlBlock(keys), fc.constantFrom('\n---\n', '\r\n---\r\n', '\n---', '\n--', ''), fc.string({ maxLength: 40 })).map((parts) => parts.join(''));

describe('property: hostile pack and decision files give a value or located problems, never a throw', () => {
  it('template front matter', () => {
    fc.assert(
      fc.property(withFrontMatter(FRONT_MATTER_KEYS), (text) => assertValueOrLocatedProblems(parseTemplateFile('/p/t.hbs', text))),
      params,
    );
  });

  it('decision records', () => {
    fc.assert(
      fc.property(withFrontMatter(RECORD_KEYS), (text) => assertValueOrLocatedProblems(parseDecisionRecord('/d/r.md', text))),
      params,
    );
  });

  /** A manifest built from the fields a pack may have, each given any JSON value (or a plausible one), then written out or damaged. */
  const manifestValue = fc.record(
    {
      id: fc.oneof(fc.constant('@acme/replies'), fc.jsonValue()),
      name: fc.oneof(fc.constant('Acme'), fc.jsonValue()),
      version: fc.oneof(fc.constant('1.0.0'), fc.jsonValue()),
      engines: fc.oneof(fc.constant({ pushback: '^0.1.0' }), fc.jsonValue()),
      templates: fc.oneof(fc.constant([{ file: 't.hbs' }]), fc.array(fc.record({ file: fc.oneof(fc.constantFrom('t.hbs', '../x.hbs', '/etc/passwd', 'missing.hbs', 't.hbs/'), fc.jsonValue()) }, { requiredKeys: [] }), { maxLength: 3 }), fc.jsonValue()),
      partials: fc.oneof(fc.constant({ p: 't.hbs' }), fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 3 })),
      examples: fc.oneof(fc.constant([]), fc.jsonValue()),
      __proto__: fc.jsonValue(),
    },
    { requiredKeys: [] },
  );
  const manifestText = fc.oneof(
    { weight: 3, arbitrary: manifestValue.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.tuple(manifestValue.map((value) => JSON.stringify(value)), fc.nat(), fc.string({ maxLength: 5 })).map(([text, at, junk]) => text.slice(0, at % (text.length + 1)) + junk) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  );

  it('pack manifests, with a template of any front matter', async () => {
    await fc.assert(
      fc.asyncProperty(manifestText, withFrontMatter(FRONT_MATTER_KEYS), async (manifest, template) => {
        const fs = memoryFileSystem({ '/p/pushback-pack.json': manifest, '/p/t.hbs': template });
        assertValueOrLocatedProblems(await loadPack(fs, '/p', { pushbackVersion: '0.1.0' }));
      }),
      params,
    );
  });
});
