// The command as `npm install` builds it (tsc, then scripts/bundle-cli.mjs): the bundled dist/cli/main.js,
// its worker entry points and chunks. The other CLI tests run the source; these run what `bin` runs, so a
// path worked out from a module (data/, the workers, pdf.js's CMaps) that the bundle broke shows up here.
import {describe, expect, it, beforeAll} from 'vitest';
import {execFile, execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {fixture, PDF_2023, PDF_2024, root, SEED_2023, SEED_2024} from '../helpers.js';

const built = join(root, 'dist', 'cli', 'main.js');

/** Newest modification time under a folder (source files only). */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) max = Math.max(max, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return max;
}

async function cli(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return promisify(execFile)(process.execPath, [built, ...argv], {cwd: tmpdir(), maxBuffer: 1 << 26}).then(
    ({stdout, stderr}) => ({code: 0, stdout, stderr}),
    (e: {code: number; stdout: string; stderr: string}) => ({code: e.code, stdout: e.stdout, stderr: e.stderr}),
  );
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'guidance-diff-built-'));

describe('the built command (bundled dist/cli)', () => {
  beforeAll(() => {
    // Build when this checkout has no build or an older one than its source (CI builds it in `npm ci`).
    const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newest(join(root, 'src')), statSync(join(root, 'scripts', 'bundle-cli.mjs')).mtimeMs);
    if (stale) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'pipe', timeout: 180_000});
  }, 200_000);

  it('is executable with a shebang (npx runs it directly after npm install)', () => {
    expect(statSync(built).mode & 0o111).not.toBe(0);
    expect(readFileSync(built, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('loads a few bundled files, not the source module by module', () => {
    const files = readdirSync(join(root, 'dist', 'cli')).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['main.js', 'pdf-worker.js', 'batch-worker.js']));
    expect(readFileSync(built, 'utf8')).not.toMatch(/from ["']zod["']/);
  });

  it('compares the seed editions from any working directory, with the data files found', async () => {
    const out = tmp();
    const ran = await cli('compare', SEED_2023, SEED_2024, '--out', out, '--format', 'json');
    expect(ran.code).toBe(0);
    const {rows} = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as {rows: {status: string; changes: {kind: string}[]}[]};
    expect(rows.filter((r) => r.status === 'kept')).toHaveLength(21);
    // The aliases file (data/aliases.json) is read: IAPT → NHS Talking Therapies pairs.
    expect(ran.stderr).not.toMatch(/Cannot (read|find)/);
  });

  it('reads PDF on its worker thread with pdf.js found in node_modules', async () => {
    const out = tmp();
    const ran = await cli('compare', PDF_2023, PDF_2024, '--out', out, '--format', 'json');
    expect(ran.code).toBe(0);
    const {rows} = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as {rows: {current: unknown[]}[]};
    expect(rows.flatMap((r) => r.current)).toHaveLength(32);
  });

  it('runs a batch on its worker pool', async () => {
    const out = tmp();
    const ran = await cli('batch', join(root, 'sources', 'manifest.json'), '--out', out, '--no-cache', '-j', '2', '--json');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('"event":"summary"');
    expect(existsSync(join(out, 'nhs-2023-24-vs-2024-25', 'comparison.json'))).toBe(true);
  });

  it('fails a missing file with exit 2 and one line', async () => {
    const ran = await cli('extract', join(fixture('seeds'), 'no-such-file.pdf'));
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  });
});
