// The committed output/ is the reviewed table: regenerated from a copy of sources/ laid out as in the
// repository (so that comparison.html's links to the sources are the same), every file matches.
import {cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../src/cli/main.js';
import {root} from '../helpers.js';

async function run(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {stdout: (s) => ((stdout += s), true), stderr: (s) => void (stderr += s), drain: () => Promise.resolve()});
  return {code, stdout, stderr};
}

describe('the main job with the committed review', () => {
  it('regenerates every committed file, HTML included, and applies the review named by the manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guidance-diff-'));
    cpSync(join(root, 'sources'), join(dir, 'sources'), {recursive: true});
    const result = await run('batch', join(dir, 'sources', 'manifest.json'), '--out', join(dir, 'output'), '--no-cache');
    expect(result.code).toBe(0);
    for (const folder of ['nhs-2023-24-vs-2024-25', 'nhs-national-objectives']) {
      const names = readdirSync(join(root, 'output', folder)).toSorted();
      expect(readdirSync(join(dir, 'output', folder)).toSorted()).toEqual(names);
      for (const name of names) {
        expect(readFileSync(join(dir, 'output', folder, name), 'utf8'), `output/${folder}/${name} is stale: run npx guidance-diff`).toBe(
          readFileSync(join(root, 'output', folder, name), 'utf8'),
        );
      }
    }
    const comparison = JSON.parse(readFileSync(join(root, 'output', 'nhs-2023-24-vs-2024-25', 'comparison.json'), 'utf8')) as {review: {file: string; applied: number; stale: unknown[]}};
    expect(comparison.review).toMatchObject({file: 'reviews/nhs-2023-24-vs-2024-25.yaml', applied: 43, stale: []});
    const html = readFileSync(join(root, 'output', 'nhs-2023-24-vs-2024-25', 'comparison.html'), 'utf8');
    expect(html).toContain('<a href="../../sources/nhs/2023-24-objectives.txt">2023-24-objectives.txt l. 4</a>');
  });

  it('reports a stale entry in report.json and on the comparison, and still writes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guidance-diff-'));
    cpSync(join(root, 'sources'), join(dir, 'sources'), {recursive: true});
    const path = join(dir, 'sources', 'reviews', 'nhs-2023-24-vs-2024-25.yaml');
    // One more entry, naming an objective that no edition has, just before the manual rows.
    const extra = '  - label: an objective nobody wrote\n    previous: [{text: Build a lunar hospital by 2031}]\n    status: dropped\n';
    writeFileSync(path, readFileSync(path, 'utf8').replace('\nmanual:\n', `\n${extra}manual:\n`));
    const result = await run('batch', join(dir, 'sources', 'manifest.json'), '--out', join(dir, 'output'), '--no-cache');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'output', 'report.json'), 'utf8')) as {items: {id: string; diagnostics: {code: string; file: string; message: string}[]}[]};
    const item = report.items.find((i) => i.id === 'nhs-2023-24-vs-2024-25')!;
    expect(item.diagnostics).toEqual([
      expect.objectContaining({code: 'review-stale', file: 'reviews/nhs-2023-24-vs-2024-25.yaml', message: expect.stringMatching(/^Cannot apply review an objective nobody wrote: previous objective "Build a lunar hospital by 2031" not found in [a-z0-9-]+/)}),
    ]);
    const comparison = JSON.parse(readFileSync(join(dir, 'output', 'nhs-2023-24-vs-2024-25', 'comparison.json'), 'utf8')) as {review: {applied: number; entries: number; stale: {entry: string}[]}};
    expect([comparison.review.entries, comparison.review.applied, comparison.review.stale.map((s) => s.entry)]).toEqual([44, 43, ['an objective nobody wrote']]);
  });

  it('fails the comparison (exit 3) when the review file it names is missing, naming the file, and writes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guidance-diff-'));
    cpSync(join(root, 'sources'), join(dir, 'sources'), {recursive: true});
    const manifest = join(dir, 'sources', 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('reviews/nhs-2023-24-vs-2024-25.yaml', 'reviews/missing.yaml'));
    const result = await run('batch', manifest, '--out', join(dir, 'output'), '--no-cache');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('guidance-diff: reviews/missing.yaml: Cannot read review file: no such file');
    expect(readdirSync(join(dir, 'output', 'nhs-national-objectives'))).toContain('lineage.html');
  });
});
