import {describe, expect, it} from 'vitest';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {diagnosticsTable, jsonSchemas} from '../../src/model/json-schemas.js';
import {root} from '../helpers.js';

describe('schemas/', () => {
  it('is what the zod models generate (run `npm run schemas` after changing a model)', () => {
    for (const [name, text] of Object.entries(jsonSchemas())) {
      const path = join(root, 'schemas', name);
      if (process.env['UPDATE'] && !process.env['CI']) writeFileSync(path, text);
      expect(readFileSync(path, 'utf8'), `schemas/${name} has drifted`).toBe(text);
    }
  });

  it("lists every diagnostic code in the README's table", () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(diagnosticsTable());
  });

  it('refuses UPDATE under CI', () => {
    expect(Boolean(process.env['UPDATE'] && process.env['CI']), 'UPDATE must not be set in CI').toBe(false);
  });
});

describe('the committed outputs against the committed JSON Schemas (Ajv, draft 2020-12)', () => {
  it('output/…/comparison.json and lineage.json validate', async () => {
    const {Ajv2020} = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({strict: false, allErrors: true});
    const check = (schema: string, file: string): void => {
      const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', schema), 'utf8')) as object);
      const ok = validate(JSON.parse(readFileSync(join(root, file), 'utf8')));
      expect(ok, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    };
    check('comparison.schema.json', 'output/nhs-2023-24-vs-2024-25/comparison.json');
    check('lineage.schema.json', 'output/nhs-national-objectives/lineage.json');
    check('manifest.schema.json', 'sources/manifest.json');
    check('aliases.schema.json', 'data/aliases.json');
  });
});
