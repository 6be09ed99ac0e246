import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { runPackExamples } from '../../src/core/pack/runPackExamples';
import { formatProblem } from '../../src/core/problems';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { loadBuiltinPack } from './fixtures/sample';

/**
 * Golden tests: each example in templates/pushback-pack.json, rendered on the
 * sample, must equal its checked-in expected output. After a deliberate change
 * to a template, run `UPDATE_GOLDEN=1 npx mocha test/unit/builtinPack.golden.test.ts`
 * and review the diff of templates/examples/ before committing it.
 */
describe('the built-in pack: golden outputs', () => {
  it('loads without problems and has an example for every template', async () => {
    const pack = await loadBuiltinPack();
    const ids = pack.templates.map((t) => t.frontMatter.id).sort();
    const withExamples = [...new Set(pack.manifest.examples.map((e) => e.template))].sort();
    assert.deepEqual(withExamples, ids);
  });

  it('renders every example exactly as checked in', async () => {
    const outcomes = await runPackExamples(nodeFileSystem, await loadBuiltinPack());
    assert.ok(outcomes.length > 0);
    for (const outcome of outcomes) {
      assert.deepEqual(outcome.problems.map(formatProblem), [], `${outcome.template} rendered with problems`);
      if (process.env.UPDATE_GOLDEN && outcome.actual !== undefined) writeFileSync(outcome.expectedFile, outcome.actual);
      else assert.equal(outcome.actual, outcome.expected, `${outcome.template} differs from ${outcome.expectedFile}`);
    }
  });
});
