// Writes schemas/*.schema.json from the zod models and the README's diagnostics table.
// Run with `npm run schemas`; test/model/json-schemas.test.ts fails when the committed files drift.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {diagnosticsTable, jsonSchemas} from '../src/model/json-schemas.js';

const root = join(import.meta.dirname, '..');
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(join(root, 'schemas', name), text);
  console.log(`wrote schemas/${name}`);
}
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = readme.replace(/(<!-- diagnostics:start -->)[\s\S]*?(<!-- diagnostics:end -->)/, `$1\n${diagnosticsTable()}\n$2`);
if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('updated the diagnostics table in README.md');
}
