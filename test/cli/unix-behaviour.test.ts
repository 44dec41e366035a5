import {describe, expect, it} from 'vitest';
import {execFile, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {main, withDefaultCommand} from '../../src/cli/main.js';
import {root, SEED_2023, SEED_2024} from '../helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'guidance-diff-cli-'));
const CLI = join(root, 'src', 'cli', 'main.ts');
/** tsx's loader by absolute URL, so the CLI runs from any working directory. */
const TSX = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

async function run(argv: string[], options: {env?: Record<string, string>; signal?: AbortSignal; isTTY?: boolean; onStdout?: (s: string) => void} = {}): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: (s) => {
        stdout += s;
        options.onStdout?.(s);
        return true;
      },
      stderr: (s) => void (stderr += s),
      drain: () => Promise.resolve(),
      env: options.env ?? {},
      ...(options.isTTY === undefined ? {} : {isTTY: options.isTTY, isErrorTTY: options.isTTY}),
    },
    options.signal ? {signal: options.signal} : {},
  );
  return {code, stdout, stderr};
}

/** A small manifest of the two seed editions in a folder of its own. */
function archive(): {dir: string; manifest: string} {
  const dir = tmp();
  mkdirSync(join(dir, 'docs'));
  cpSync(SEED_2023, join(dir, 'docs', 'a-2023.txt'));
  cpSync(SEED_2024, join(dir, 'docs', 'b-2024.md'));
  const sha = (p: string) => createHash('sha256').update(readFileSync(join(dir, p))).digest('hex');
  const editions = [
    {id: 'a', series: 's', publisher: 'P', planYear: '2023/24', file: 'docs/a-2023.txt', sha256: sha('docs/a-2023.txt')},
    {id: 'b', series: 's', publisher: 'P', planYear: '2024/25', file: 'docs/b-2024.md', sha256: sha('docs/b-2024.md')},
  ];
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({editions}, null, 2)}\n`);
  return {dir, manifest: join(dir, 'manifest.json')};
}

describe('commands', () => {
  it('answers a mistyped command with "did you mean" and exit 2', async () => {
    const result = await run(['comapre', 'a', 'b']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("guidance-diff: unknown command 'comapre' (did you mean compare?)\n");
  });

  it('runs batch when no command is named, before the first option that is not global', () => {
    expect(withDefaultCommand([])).toEqual(['batch']);
    expect(withDefaultCommand(['--quiet', '--no-cache', '--cache-dir', 'x'])).toEqual(['--quiet', 'batch', '--no-cache', '--cache-dir', 'x']);
    expect(withDefaultCommand(['--aliases', 'a.json', '-j', '2'])).toEqual(['--aliases', 'a.json', 'batch', '-j', '2']);
    expect(withDefaultCommand(['comapre', 'a'])).toEqual(['comapre', 'a']);
    expect(withDefaultCommand(['--help'])).toEqual(['--help']);
  });

  it('shows examples and exit codes in every help text', async () => {
    for (const command of [[], ['compare'], ['batch'], ['add'], ['publish'], ['extract'], ['ingest']]) {
      const {stdout, code} = await run([...command, '--help']);
      expect(code).toBe(0);
      expect(stdout, command.join(' ')).toContain('Examples:');
      expect(stdout, command.join(' ')).toMatch(/Exit codes:[\s\S]*130/);
    }
  });
});

describe('compare', () => {
  it('prints one format on stdout without --out, or with --out -, and writes nothing', async () => {
    const dir = tmp();
    const plain = await run(['compare', SEED_2023, SEED_2024]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^# /);
    expect((await run(['compare', SEED_2023, SEED_2024, '--out', '-', '-f', 'csv'])).stdout.split('\r\n')[0]).toMatch(/^row,area,/);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync('-')).toBe(false);
    const two = await run(['compare', SEED_2023, SEED_2024, '-f', 'md,json']);
    expect(two).toMatchObject({code: 2, stderr: 'guidance-diff: Cannot print 2 formats on stdout: give one with --format, or a folder with --out\n'});
    expect((await run(['compare', SEED_2023, SEED_2024, '--exit-code'])).code).toBe(2);
  });

  it('removes temporary files a run that died left in --out', async () => {
    const out = tmp();
    const dead = 2 ** 22 + 54321;
    writeFileSync(join(out, `.comparison.md.${dead}.deadbeef.tmp`), 'half');
    expect((await run(['compare', SEED_2023, SEED_2024, '--out', out])).code).toBe(0);
    expect(readdirSync(out).toSorted()).toEqual(['comparison.csv', 'comparison.html', 'comparison.json', 'comparison.md']);
  });

  it('gives a one-line notice for identical inputs, which --quiet leaves out', async () => {
    const noisy = await run(['compare', SEED_2023, SEED_2023]);
    expect(noisy.code).toBe(0);
    expect(noisy.stderr.trim().split('\n')).toHaveLength(1);
    expect(noisy.stderr).toMatch(/note: .* are identical \(same sha256\)/);
    expect((await run(['--quiet', 'compare', SEED_2023, SEED_2023])).stderr).toBe('');
    expect((await run(['compare', SEED_2023, SEED_2024, '--out', tmp(), '-q'])).stderr).toBe('');
  });

  it('colours stderr with --color, never with --no-color or NO_COLOR, and by default only on a terminal', async () => {
    const missing = join(tmp(), 'nope.txt');
    const red = /\u001b\[31m/;
    expect((await run(['--color', 'extract', missing])).stderr).toMatch(red);
    expect((await run(['extract', missing], {isTTY: true})).stderr).toMatch(red);
    expect((await run(['extract', missing], {isTTY: true, env: {NO_COLOR: '1'}})).stderr).not.toMatch(red);
    expect((await run(['--no-color', 'extract', missing], {isTTY: true})).stderr).not.toMatch(red);
    expect((await run(['extract', missing])).stderr).toBe(`guidance-diff: ${missing}: Cannot read document: no such file\n`);
  });

  it('writes the same bytes from three working directories and as the batch does, and --exit-code is 0', async () => {
    const {dir, manifest} = archive();
    const out = join(tmp(), 'batch');
    expect((await run(['batch', manifest, '--out', out, '--no-cache'])).code).toBe(0);
    const exec = promisify(execFile);
    // A folder beside the batch's: comparison.html links to the documents relative to where it sits.
    const cmp = join(out, 'copy-of-a-vs-b');
    cpSync(join(out, 'a-vs-b'), cmp, {recursive: true});
    const places: [string, string, string][] = [
      [dir, 'docs/a-2023.txt', 'docs/b-2024.md'],
      [join(dir, 'docs'), 'a-2023.txt', './b-2024.md'],
      [tmpdir(), join(dir, 'docs', 'a-2023.txt'), join(dir, 'docs', 'b-2024.md')],
    ];
    for (const [k, [cwd, a, b]] of places.entries()) {
      const result = await exec(process.execPath, ['--import', TSX, CLI, 'compare', a, b, '--out', cmp, '--exit-code'], {cwd}).then(
        () => 0,
        (e: {code: number}) => e.code,
      );
      expect(result, `run ${k} from ${cwd}`).toBe(0);
      for (const name of ['comparison.md', 'comparison.json', 'comparison.csv', 'comparison.html']) {
        expect(readFileSync(join(cmp, name), 'utf8'), `${name} from ${cwd}`).toBe(readFileSync(join(out, 'a-vs-b', name), 'utf8'));
      }
    }
    expect(readFileSync(join(cmp, 'comparison.json'), 'utf8')).toContain('"file": "docs/a-2023.txt"');
  });
});

describe('batch', () => {
  it('with --exit-code exits 1 when any output changed and 0 when none did; refuses --out -', async () => {
    const {manifest} = archive();
    const out = join(tmp(), 'out');
    expect((await run(['batch', manifest, '--out', out, '--exit-code', '--no-cache'])).code).toBe(1);
    expect((await run(['batch', manifest, '--out', out, '--exit-code', '--no-cache'])).code).toBe(0);
    expect((await run(['batch', manifest, '--out', '-'])).code).toBe(2);
    expect(existsSync('-')).toBe(false);
  });

  it('on an interrupt ends with exit 130 (143 for SIGTERM) and report.json saying so, leaving nothing behind', async () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const {manifest} = archive();
      const parent = tmp();
      const out = join(parent, 'out');
      const controller = new AbortController();
      // Interrupt as soon as the first document is read.
      const result = await run(['batch', manifest, '--out', out, '--no-cache', '--json'], {
        signal: controller.signal,
        onStdout: (s) => {
          if (s.includes('"event":"document"')) controller.abort(signal);
        },
      });
      expect(result.code).toBe(code);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {interrupted: boolean; summary: {skipped: number}};
      expect(report.interrupted).toBe(true);
      expect(report.summary.skipped).toBeGreaterThan(0);
      expect(readdirSync(parent)).toEqual(['out']);
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    }
  });

  it('cleans up what a run that died left: staging folders, and an old folder it had moved aside', async () => {
    const {manifest} = archive();
    const parent = tmp();
    const out = join(parent, 'out');
    expect((await run(['batch', manifest, '--out', out, '--no-cache'])).code).toBe(0);
    const dead = 2 ** 22 + 12345; // above the usual pid_max: no such process
    mkdirSync(join(parent, `.out.staging-${dead}`));
    writeFileSync(join(parent, `.out.staging-${dead}`, 'half.json'), '{');
    // A run that died between its two renames: the output folder is aside, under .out.old-<pid>.
    cpSync(out, join(parent, `.out.old-${dead}`), {recursive: true});
    const before = readFileSync(join(out, 'a-vs-b', 'comparison.md'), 'utf8');
    spawnSync('rm', ['-rf', out]);
    expect((await run(['batch', manifest, '--out', out, '--no-cache'])).code).toBe(0);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(out, 'a-vs-b', 'comparison.md'), 'utf8')).toBe(before);
  });

  it('refuses an output folder that is not empty and not a batch output', async () => {
    const {manifest} = archive();
    const out = tmp();
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    const result = await run(['batch', manifest, '--out', out, '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot write a batch into this folder: it is not empty and holds no report\.json/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('keeps what is not a batch product across the switch (a cache inside the output, a README)', async () => {
    const {manifest} = archive();
    const out = join(tmp(), 'out');
    expect((await run(['batch', manifest, '--out', out, '--cache-dir', join(out, '.cache')])).code).toBe(0);
    writeFileSync(join(out, 'README.md'), 'about this folder\n');
    const again = await run(['batch', manifest, '--out', out, '--cache-dir', join(out, '.cache'), '--json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('"cached":true');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('about this folder\n');
    expect(again.stdout).toMatch(/"event":"lineage","series":"s","status":"success","lineages":\d+/);
  });
});

describe('add', () => {
  it('adds an edition with its sha256, relative path, default id and publisher, and its comparison', async () => {
    const {dir, manifest} = archive();
    const withComparisons = JSON.parse(readFileSync(manifest, 'utf8')) as {comparisons?: object[]};
    withComparisons.comparisons = [{previous: 'a', current: 'b'}];
    writeFileSync(manifest, JSON.stringify(withComparisons));
    writeFileSync(join(dir, 'docs', 'c-2025.md'), readFileSync(SEED_2024, 'utf8').replace('78%', '80%'));
    const result = await run(['add', join(dir, 'docs', 'c-2025.md'), '--series', 's', '--year', '2025/26', '--manifest', manifest]);
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(manifest, 'utf8')) as {editions: Record<string, string>[]; comparisons: Record<string, string>[]};
    expect(written.editions.at(-1)).toEqual({
      id: 's-2025-26',
      series: 's',
      publisher: 'P',
      planYear: '2025/26',
      file: 'docs/c-2025.md',
      sha256: createHash('sha256').update(readFileSync(join(dir, 'docs', 'c-2025.md'))).digest('hex'),
    });
    expect(written.comparisons.at(-1)).toEqual({id: 'b-vs-s-2025-26', previous: 'b', current: 's-2025-26'});
    const twice = await run(['add', join(dir, 'docs', 'c-2025.md'), '--series', 's', '--year', '2025/26', '--manifest', manifest, '--id', 'other']);
    expect(twice).toMatchObject({code: 2, stderr: expect.stringMatching(/it is already in the manifest as `s-2025-26`/)});
    expect((await run(['batch', manifest, '--out', join(tmp(), 'out'), '--no-cache'])).code).toBe(0);
  });
});

describe('lineage ids in a batch', () => {
  it('stay the same when an earlier edition is added to the series', async () => {
    const {dir, manifest} = archive();
    const out = join(tmp(), 'out');
    const ids = (): Map<string, string> => {
      const lineage = JSON.parse(readFileSync(join(out, 's', 'lineage.json'), 'utf8')) as {lineages: {id: string; cells: {status: string; objectives: string[]}[]}[]};
      return new Map(lineage.lineages.flatMap((l) => l.cells.flatMap((c) => (['merged', 'dropped', 'absent'].includes(c.status) ? [] : c.objectives.map((o) => [o, l.id] as const)))));
    };
    expect((await run(['batch', manifest, '--out', out, '--no-cache'])).code).toBe(0);
    const before = ids();
    // An earlier edition: the 2023/24 objectives with two of them reworded and one left out.
    const lines = readFileSync(SEED_2023, 'utf8').split('\n');
    writeFileSync(join(dir, 'docs', 'z-2022.txt'), lines.map((l) => l.replace('76%', '75%').replace('Improve', 'Increase')).join('\n'));
    expect((await run(['add', join(dir, 'docs', 'z-2022.txt'), '--series', 's', '--year', '2022/23', '--manifest', manifest])).code).toBe(0);
    expect((await run(['batch', manifest, '--out', out, '--no-cache'])).code).toBe(0);
    const after = ids();
    expect(after.size).toBeGreaterThan(before.size);
    const renamed = [...before].filter(([objective, id]) => after.get(objective) !== id);
    expect(renamed).toEqual([]);
  });
});

describe('a closed stdout', () => {
  it('ends the command quietly (no EPIPE stack trace)', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" --import "${TSX}" "${CLI}" ingest "${SEED_2024}" --format json | head -c 200 > /dev/null`], {cwd: root, encoding: 'utf8'});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
