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
