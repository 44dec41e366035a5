import {describe, expect, it} from 'vitest';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {main} from '../../src/cli/main.js';
import {fixture} from '../helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'guidance-diff-read-'));

async function run(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {stdout: (s) => ((stdout += s), true), stderr: (s) => void (stderr += s), drain: () => Promise.resolve(), env: {}});
  return {code, stdout, stderr};
}

/** A document whose stated count disagrees with its table: the reading is partial. */
function miscounted(): string {
  const path = join(tmp(), 'plan.md');
  writeFileSync(
    path,
    '# Plan 2026/27\n\nThere are 5 objectives.\n\n| Theme | Objective |\n| --- | --- |\n| Housing | Build 400 new council homes by 2028 |\n| Housing | Bring 150 empty homes back into use |\n| Parks | Open two new parks in the north of the borough |\n',
  );
  return path;
}

describe('never silently wrong, on the command line', () => {
  it('prints one stderr line per warning of a partial result, and exits 0', async () => {
    const result = await run('extract', miscounted(), '--format', 'md');
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/plan\.md:3: warning: The document states `5 objectives` but 3 item\(s\) were read \(count-mismatch\)$/);
    // extract --format md shows how it read the document, and the same finding in a Checks section.
    expect(result.stdout).toMatch(/Read table .* — Theme = group, Objective = item; score \d\.\d\d\./);
    expect(result.stdout).toMatch(/## Checks\n\n[-*] \*\*warning\*\* .*plan\.md l\. 3 `count-mismatch`: The document states \\?`5 objectives/);
  });

  it('with --strict, refuses a partial result: exit 2, one line naming the file', async () => {
    const path = miscounted();
    const result = await run('extract', path, '--strict', '--quiet');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/plan\.md: Cannot accept a partial reading with --strict: 1 finding\(s\), first: The document states `5 objectives`/);
  });

  it('lets the user choose the item and group columns where the evidence cannot', async () => {
    const path = join(tmp(), 'two.md');
    writeFileSync(path, '# Plan\n\n| Goal | Indicator |\n| --- | --- |\n| Clean air for everyone | Roadside nitrogen dioxide |\n| Clean air for everyone | Smoke control complaints |\n| Healthy rivers | Rivers at good status |\n');
    const steered = JSON.parse((await run('extract', path, '--item-column', 'Goal', '--group-column', '2')).stdout);
    expect(steered.reading).toMatchObject({steered: true, columns: [{header: 'Goal', role: 'item'}, {header: 'Indicator', role: 'group'}]});
    expect(steered.objectives.map((o: {text: string}) => o.text)).toEqual(['Clean air for everyone', 'Clean air for everyone', 'Healthy rivers']);
    const chosen = JSON.parse((await run('extract', fixture('shapes', 'action-table-first-charity', 'doc.html'), '--table', '1')).stdout);
    expect(chosen.reading.description).toMatch(/items from column "Action"/);
  });

  it('takes extra header words from --vocabulary files', async () => {
    const vocabulary = join(tmp(), 'words.json');
    writeFileSync(vocabulary, JSON.stringify({terms: [{term: 'zorbl', roles: {group: 1}}, {term: 'quillet', roles: {item: 1}}]}));
    const path = join(tmp(), 'odd.md');
    writeFileSync(path, '# Plan\n\n| Zorbl | Quillet |\n| --- | --- |\n| Housing | Build 400 new council homes by 2028 |\n| Housing | Bring 150 empty homes back into use |\n');
    const edition = JSON.parse((await run('extract', path, '--vocabulary', vocabulary)).stdout);
    expect(edition.reading.columns.map((c: {role: string}) => c.role)).toEqual(['group', 'item']);
  });

  it('still refuses a document it cannot read at all: exit 2 with the reason', async () => {
    const path = join(tmp(), 'prose.md');
    writeFileSync(path, '# Notes\n\nNothing here commits to anything at all.\n');
    const result = await run('compare', path, path);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/prose\.md: Cannot find objectives: /);
  });

  it('warns when the number of items changes by more than half between editions', async () => {
    const dir = tmp();
    const before = join(dir, 'a.md');
    const after = join(dir, 'b.md');
    const rows = (n: number): string => Array.from({length: n}, (_, k) => `| Area ${k % 2} | Reduce the waiting list for service number ${k + 1} by a quarter |`).join('\n');
    writeFileSync(before, `# Plan 2025/26\n\n| Area | Objective |\n| --- | --- |\n${rows(10)}\n`);
    writeFileSync(after, `# Plan 2026/27\n\n| Area | Objective |\n| --- | --- |\n${rows(3)}\n`);
    const result = await run('compare', before, after, '--out', join(dir, 'out'));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: The previous edition has 10 items and the current 3: one of them may have been read wrongly \(items-count-changed\)/);
    expect((await run('compare', before, after, '--out', join(dir, 'out2'), '--strict')).code).toBe(2);
  });
});
