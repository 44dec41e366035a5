import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runBatch} from '../../src/batch/run-batch.js';
import {root} from '../helpers.js';

describe('makeLineage', () => {
  it('follows a series with the match sets its comparisons made as it would without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guidance-diff-'));
    try {
      cpSync(join(root, 'sources'), join(dir, 'sources'), {recursive: true});
      const manifest = JSON.parse(readFileSync(join(dir, 'sources', 'manifest.json'), 'utf8')) as {comparisons: {review?: string}[]};
      // With the comparison (no review file) the lineage takes its match set; with none it matches the pair itself.
      const paths = {reused: join(dir, 'sources', 'reused.json'), alone: join(dir, 'sources', 'alone.json')};
      writeFileSync(paths.reused, JSON.stringify({...manifest, comparisons: manifest.comparisons.map(({review: _review, ...c}) => c)}));
      writeFileSync(paths.alone, JSON.stringify({...manifest, comparisons: []}));
      const reused = await runBatch(paths.reused, {outDir: join(dir, 'reused'), cacheDir: false, concurrency: 1});
      const alone = await runBatch(paths.alone, {outDir: join(dir, 'alone'), cacheDir: false, concurrency: 1});
      expect([reused.report.summary.comparisons, alone.report.summary.comparisons]).toEqual([1, 0]);
      for (const name of ['lineage.json', 'lineage.md']) {
        const file = (out: string): string => readFileSync(join(dir, out, 'nhs-national-objectives', name), 'utf8');
        expect(file('reused')).toBe(file('alone'));
      }
      expect(readFileSync(join(dir, 'reused', 'nhs-national-objectives', 'lineage.json'), 'utf8')).toContain('"merged"');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
