import {describe, expect, it, beforeAll} from 'vitest';
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {main} from '../../src/cli/main.js';
import {fixture, HTML_2023, HTML_2024, PDF_2023, root, SEED_2023, SEED_2024} from '../helpers.js';

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

async function score(comparisonPath: string): Promise<Record<string, string | number>> {
  const {stdout} = await promisify(execFile)(process.execPath, [fixture('golden', 'score-comparison.mjs'), fixture('golden', 'nhs-2023-24-vs-2024-25.json'), comparisonPath]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, string | number>;
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'guidance-diff-'));
const EXPECTED = {previousFound: '31/32', currentFound: '32/32', spuriousPrevious: 0, spuriousCurrent: 0, status: '42/43', pairs: '23/23', changes: '6/6'};

describe('guidance-diff compare', () => {
  let out: string;
  beforeAll(async () => {
    out = tmp();
    expect((await run('compare', SEED_2023, SEED_2024, '--out', out)).code).toBe(0);
  });

  it('writes comparison.md, .json and .csv that score against the golden table with the independent scorer', async () => {
    expect(readdirSync(out).toSorted()).toEqual(['comparison.csv', 'comparison.html', 'comparison.json', 'comparison.md']);
    const result = await score(join(out, 'comparison.json'));
    // Thresholds of the brief: previous 31/32 (the 32nd is not in the source), current 32/32, nothing spurious,
    // status ≥ 42/43, pairs ≥ 22/23, changes ≥ 5/6. We reach the ceiling: measured here exactly.
    expect(result).toEqual(EXPECTED);
  });

  it('scores the same from the HTML renditions', async () => {
    const dir = tmp();
    expect((await run('compare', HTML_2023, HTML_2024, '--out', dir, '--format', 'json')).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['comparison.json']);
    expect(await score(join(dir, 'comparison.json'))).toEqual(EXPECTED);
  });

  it('gives byte-identical files on a second run', async () => {
    const again = tmp();
    await run('compare', SEED_2023, SEED_2024, '--out', again);
    for (const name of readdirSync(out)) expect(readFileSync(join(again, name)), name).toEqual(readFileSync(join(out, name)));
  });

  it('with --exit-code exits 0 when the output is unchanged and 1 when it differs', async () => {
    expect((await run('compare', SEED_2023, SEED_2024, '--out', out, '--exit-code')).code).toBe(0);
    const dir = tmp();
    writeFileSync(join(dir, 'comparison.md'), 'old\n');
    expect((await run('compare', SEED_2023, SEED_2024, '--out', dir, '--exit-code', '--format', 'md')).code).toBe(1);
    expect((await run('compare', SEED_2023, SEED_2024, '--out', dir, '--exit-code', '--format', 'md')).code).toBe(0);
  });
});

describe('errors: one line on stderr naming the file, exit 2, earlier output untouched', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing path', () => join(tmp(), 'nope.txt'), /nope\.txt: Cannot read document: no such file$/],
    ['a directory', () => tmp(), /: Cannot read document: it is a directory$/],
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: Cannot read document: the file is empty$/],
    ['binary junk', () => file('junk.bin', Buffer.from(Array.from({length: 512}, (_, i) => (i * 97) % 256))), /junk\.bin: Cannot read document: the bytes are not PDF, HTML, Markdown or text$/],
    ['a document with no objectives table', () => file('prose.md', '# Guidance\n\nOnly prose here.\n'), /prose\.md: Cannot find objectives: the document has no table, list or commitment sentences$/],
    ['HTML with no objectives table', () => file('page.html', '<!doctype html><title>x</title><h1>Guidance</h1><p>Prose.</p><table><tr><td>1</td><td>2</td></tr></table>'), /page\.html: Cannot find objectives: the document has no table, list or commitment sentences$/],
    ['a truncated PDF', () => file('cut.pdf', readFileSync(PDF_2023).subarray(0, 20_000)), /cut\.pdf: Cannot read PDF: it is corrupt or truncated \(Invalid PDF structure\.\)$/],
    ['a corrupt PDF', () => file('bad.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41)])), /bad\.pdf: Cannot read PDF: it is corrupt or truncated/],
    ['an encrypted PDF', () => fixture('pdf-layouts', 'encrypted.pdf'), /encrypted\.pdf: Cannot read PDF: it is encrypted \(password required\)$/],
    ['a scanned PDF with no text layer', () => fixture('pdf-layouts', 'scanned-no-text.pdf'), /scanned-no-text\.pdf: Cannot read PDF: it has no text layer \(a scanned image\?\); OCR is needed$/],
    ['HTML nested too deeply to parse', () => file('deep.html', `<!doctype html><body>${'<div>'.repeat(20_000)}x`), /deep\.html: Cannot parse HTML: nesting too deep$/],
  ];
  function file(name: string, content: string | Buffer): string {
    const path = join(tmp(), name);
    writeFileSync(path, content);
    return path;
  }
  for (const [label, make, message] of cases) {
    it(`refuses ${label}`, async () => {
      const out = tmp();
      writeFileSync(join(out, 'comparison.md'), 'earlier output\n');
      const result = await run('compare', SEED_2023, make(), '--out', out);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
      expect(readdirSync(out)).toEqual(['comparison.md']);
      expect(readFileSync(join(out, 'comparison.md'), 'utf8')).toBe('earlier output\n');
    });
  }

  it('refuses a file over --max-bytes', async () => {
    const result = await run('--max-bytes', '1000', 'compare', SEED_2023, SEED_2024, '--out', tmp());
    expect(result).toMatchObject({code: 2, stderr: expect.stringMatching(/001_93485f810e474ae5\.txt: Cannot read document: 4409 bytes is over the limit of 1000 bytes/)});
  });

  it('refuses an output directory that cannot be written, leaving no temporary files', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: use a path whose parent is a file instead.
      const parent = join(tmp(), 'file');
      writeFileSync(parent, 'x');
      const result = await run('compare', SEED_2023, SEED_2024, '--out', join(parent, 'out'));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/out: Cannot write output: (part of the path is a file, not a folder|a file is in the way)/);
      expect(result.stderr).not.toMatch(/E[A-Z]{3,}/);
      return;
    }
    const out = tmp();
    chmodSync(out, 0o500);
    const result = await run('compare', SEED_2023, SEED_2024, '--out', out);
    expect(result.code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 2 on a usage error', async () => {
    expect((await run('compare', SEED_2023)).code).toBe(2);
    expect((await run('compare', SEED_2023, SEED_2024, '--format', 'xls')).code).toBe(2);
  });
});

describe('guidance-diff extract and ingest', () => {
  it('extract prints the objectives as JSON, Markdown or CSV', async () => {
    const json = JSON.parse((await run('extract', SEED_2024)).stdout) as {objectives: unknown[]; areas: unknown[]};
    expect([json.objectives.length, json.areas.length]).toEqual([32, 12]);
    expect((await run('extract', SEED_2023, '--format', 'md')).stdout).toContain('31 objectives in 12 areas');
    expect((await run('extract', SEED_2023, '--format', 'csv')).stdout.split('\r\n')[0]).toBe('Area,Objective,Targets,Deadlines,Source');
  });

  it('ingest prints format, encoding and blocks with provenance', async () => {
    const {stdout, code} = await run('ingest', SEED_2024);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^file: .*002_6b21c1411abdb729\.txt\n/);
    expect(stdout).toContain('format: markdown');
    expect(stdout).toContain('l90\t  row\tPrimary and community services | Improve community services waiting times');
  });
});

describe('guidance-diff (the manifest job)', () => {
  it('regenerates output/ from sources/manifest.json exactly as committed', async () => {
    const out = tmp();
    const result = await run('batch', join(root, 'sources', 'manifest.json'), '--out', out, '--cache-dir', join(out, '.cache'));
    expect(result.code).toBe(0);
    const events = result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as {event: string}).event);
    expect([events[0], events.at(-1), ...events.slice(1, -1).toSorted()]).toEqual(['start', 'summary', 'comparison', 'document', 'document', 'lineage']);
    for (const name of ['comparison.md', 'comparison.json', 'comparison.csv']) {
      const committed = readFileSync(join(root, 'output', 'nhs-2023-24-vs-2024-25', name), 'utf8');
      expect(readFileSync(join(out, 'nhs-2023-24-vs-2024-25', name), 'utf8'), `output/${name} is stale: run npx guidance-diff`).toBe(committed);
    }
    for (const name of ['lineage.md', 'lineage.json']) {
      const committed = readFileSync(join(root, 'output', 'nhs-national-objectives', name), 'utf8');
      expect(readFileSync(join(out, 'nhs-national-objectives', name), 'utf8'), `output/${name} is stale: run npx guidance-diff`).toBe(committed);
    }
  });

  it('exits 3 when a document fails and still writes the rest', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.txt'), readFileSync(SEED_2023));
    writeFileSync(join(dir, 'docs', 'b.md'), readFileSync(SEED_2024));
    writeFileSync(join(dir, 'docs', 'bad.txt'), '');
    const sha = (p: string) => createHash('sha256').update(readFileSync(join(dir, p))).digest('hex');
    const editions = [
      {id: 'a', series: 's', publisher: 'P', planYear: '2023/24', file: 'docs/a.txt', sha256: sha('docs/a.txt')},
      {id: 'b', series: 's', publisher: 'P', planYear: '2024/25', file: 'docs/b.md', sha256: sha('docs/b.md')},
      {id: 'bad', series: 't', publisher: 'P', planYear: '2024/25', file: 'docs/bad.txt', sha256: sha('docs/bad.txt')},
    ];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({editions}));
    const out = join(dir, 'out');
    const result = await run('batch', join(dir, 'manifest.json'), '--out', out, '--no-cache');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/docs\/bad\.txt: Cannot read document: the file is empty/);
    expect(statSync(join(out, 'a-vs-b', 'comparison.json')).isFile()).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {summary: Record<string, number>};
    expect(report.summary).toEqual({documents: 3, comparisons: 1, lineages: 1, success: 4, partial: 0, failure: 1, skipped: 0});
  });

  it('names the entry and field of an invalid manifest', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({editions: [{id: 'a', series: 's', publisher: 'P', planYear: '2023', file: 'a.txt', sha256: 'x'}]}));
    const result = await run('batch', join(dir, 'manifest.json'), '--no-cache');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/manifest\.json: Invalid manifest at editions\[0\]\.planYear: Expected a plan year such as `2024\/25`/);
  });
});

describe('cache', () => {
  it('parses a document once: a second run reads every edition from the cache', async () => {
    const out = tmp();
    const cache = join(out, '.cache');
    const events = async () =>
      (await run('batch', join(root, 'sources', 'manifest.json'), '--out', out, '--cache-dir', cache, '--json')).stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as {event: string; cached?: boolean})
        .filter((e) => e.event === 'document')
        .map((e) => e.cached);
    expect(await events()).toEqual([false, false]);
    expect(await events()).toEqual([true, true]);
    // An output removed or edited by hand is written again from the cache.
    const md = join(out, 'nhs-2023-24-vs-2024-25', 'comparison.md');
    const before = readFileSync(md, 'utf8');
    writeFileSync(md, 'edited\n');
    expect(await events()).toEqual([true, true]);
    expect(readFileSync(md, 'utf8')).toBe(before);
    const again = await run('batch', join(root, 'sources', 'manifest.json'), '--out', out, '--cache-dir', cache, '--no-cache');
    expect(again.stdout).toContain('"cached":false');
  });
});

describe('the installed command', () => {
  it('runs as a process and sets the exit code', async () => {
    const exec = promisify(execFile);
    const cli = join(root, 'src', 'cli', 'main.ts');
    const ok = await exec(process.execPath, ['--import', 'tsx', cli, '--version'], {cwd: root});
    expect(ok.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}).version);
    const failed = await exec(process.execPath, ['--import', 'tsx', cli, 'extract', 'no-such-file.pdf'], {cwd: root}).catch((e: {code: number; stderr: string}) => e);
    expect(failed).toMatchObject({code: 2, stderr: 'guidance-diff: no-such-file.pdf: Cannot read document: no such file\n'});
  });
});

describe('guidance-diff ingest on mis-decoded text', () => {
  it('prints seed 004 repaired: “remains, and no 鈥 anywhere in the report', async () => {
    const {stdout, code} = await run('ingest', fixture('seeds', '004_3f042af60005a1b8.txt'), '--format', 'text');
    expect(code).toBe(0);
    expect(stdout).toContain('“remains the recovery of core services');
    expect(stdout).not.toContain('鈥');
    expect(stdout).toMatch(/repairs: 35\n {2}l12: U\+9225 U\+6E1E → “r\n/);
  });
});
