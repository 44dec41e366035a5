import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {main} from '../../src/cli/main.js';
import {fixture, root, SEED_2023, SEED_2024} from '../helpers.js';

async function run(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => {
      stdout += s;
      return true;
    },
    stderr: (s) => void (stderr += s),
    drain: () => Promise.resolve(),
  });
  return {code, stdout, stderr};
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'guidance-diff-'));
const MANIFEST = join(root, 'sources', 'manifest.json');
const COMMITTED = join(root, 'sources', 'reviews', 'nhs-2023-24-vs-2024-25.yaml');
const SEED_000 = fixture('seeds', '000_5e96173beba4c6c8.txt');
const withoutSchema = (text: string): string => text.replace(/^\$schema: .*\n/m, '');

describe('guidance-diff review', () => {
  it('import: turns seed 000 into the committed review file, reporting the one row it cannot anchor', async () => {
    const out = join(tmp(), 'review.yaml');
    const result = await run('review', 'import', SEED_000, 'nhs-2023-24-vs-2024-25', '--manifest', MANIFEST, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/000_5e96173beba4c6c8\.txt:57: warning: Cannot anchor the previous objective "Refresh whole system workforce plans/);
    expect(result.stderr).toContain('review import: 43 rows → 42 entries and 1 manual rows; 1 text could not be anchored');
    // The committed file is data made by this command, not written by hand.
    expect(withoutSchema(readFileSync(out, 'utf8'))).toBe(withoutSchema(readFileSync(COMMITTED, 'utf8')));
    // A reviewer's work is never overwritten without --force.
    writeFileSync(out, 'entries: []\n');
    const again = await run('review', 'import', SEED_000, 'nhs-2023-24-vs-2024-25', '--manifest', MANIFEST, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/review\.yaml: Cannot write review file: it exists/);
    expect(readFileSync(out, 'utf8')).toBe('entries: []\n');
  });

  it('init: one entry per row of two documents; check: every entry applies', async () => {
    const dir = tmp();
    const out = join(dir, 'start.yaml');
    const init = await run('review', 'init', SEED_2023, SEED_2024, '--out', out);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('review init: 40 entries (one per row, no correction yet)');
    expect(readFileSync(out, 'utf8')).toMatch(/# machine: kept · Uplift from 76% to 78% · similarity 0\.\d+\n {2}- previous:/);
    const check = await run('review', 'check', SEED_2023, SEED_2024, '--review', out);
    expect(check.code).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(40);
    expect(check.stderr).toContain('review check: 40 entries: 40 apply (0 re-anchored), 0 stale');
  });

  it('check --strict exits 1 when an entry is stale, naming it', async () => {
    const path = join(tmp(), 'r.yaml');
    writeFileSync(path, 'entries:\n  - label: imagined\n    previous: [{text: Build a lunar hospital by 2031}]\n    status: dropped\n');
    const check = await run('review', 'check', SEED_2023, SEED_2024, '--review', path, '--strict');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^imagined\t2\tstale\tprevious "Build a lunar hospital by 2031": not found in 001-93485f810e474ae5/);
  });

  it('compare --review applies the file; --csv-bom and xlsx are written on request', async () => {
    const out = tmp();
    const result = await run('compare', SEED_2023, SEED_2024, '--out', out, '--review', COMMITTED, '--format', 'json,csv,xlsx,html', '--csv-bom');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/review .*nhs-2023-24-vs-2024-25\.yaml: 43 of 43 entries applied \(0 re-anchored\), 0 stale/);
    const {stdout} = await promisify(execFile)(process.execPath, [fixture('golden', 'score-comparison.mjs'), fixture('golden', 'nhs-2023-24-vs-2024-25.json'), join(out, 'comparison.json')]);
    expect(JSON.parse(stdout)).toMatchObject({status: '43/43', pairs: '23/23', changes: '6/6'});
    expect([...readFileSync(join(out, 'comparison.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(join(out, 'comparison.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(out, 'comparison.html'), 'utf8')).toContain('Completed in 2023/24, with the NHS&#39;s 15-year Long Term Workforce Plan');
  });

  it('refuses an invalid review file with exit 2, naming the file, line and field, and writes nothing', async () => {
    const dir = tmp();
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'entries:\n  - previous: [{text: A}]\n    status: maybe\n');
    const result = await run('compare', SEED_2023, SEED_2024, '--out', join(dir, 'out'), '--review', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml: Invalid review file at entries\[0\]\.status: /);
    expect(() => readFileSync(join(dir, 'out', 'comparison.json'))).toThrow();
  });
});
