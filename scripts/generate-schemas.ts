// Writes media/schemas/*.json from the zod schemas. Run by `npm run build`;
// test/unit/jsonSchemas.test.ts fails when the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonSchemas } from '../src/core/schema/jsonSchemas';

const dir = path.resolve(__dirname, '../media/schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(path.join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
}
