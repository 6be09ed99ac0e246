import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonSchemas } from '../../src/core/schema/jsonSchemas';

describe('JSON Schemas for editors', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    it(`media/schemas/${name} matches the zod schema (run "npm run build" after changing a schema)`, () => {
      const committed = JSON.parse(readFileSync(path.resolve(__dirname, '../../media/schemas', name), 'utf8'));
      assert.deepEqual(committed, JSON.parse(JSON.stringify(schema)));
    });
  }

  it('rejects unknown fields and requires what the spec requires', () => {
    const capacity = jsonSchemas()['capacity.schema.json'] as { required: string[]; additionalProperties: boolean };
    assert.deepEqual([...capacity.required].sort(), ['horizon', 'members', 'team']);
    assert.equal(capacity.additionalProperties, false);
  });
});
