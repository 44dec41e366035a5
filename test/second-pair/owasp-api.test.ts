import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {compareEditions, readEdition} from '../../src/pipeline.js';
import type {Edition} from '../../src/model/objective.js';
import {fixture} from '../helpers.js';

// The second real pair of editions (OWASP API Security Top 10, 2019 and 2023, as published), read and
// compared as any user's editions are, and scored against our own labels with the independent scorer,
// as the seed pair is scored against the Confederation's table.
async function read(name: string): Promise<Edition> {
  const result = await readEdition(new Uint8Array(readFileSync(fixture('owasp-api', name))), {file: name});
  if (result.status === 'failure') throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.value;
}

describe('OWASP API Security Top 10 2019 → 2023', async () => {
  const comparison = compareEditions(await read('owasp-api-top10-2019.md'), await read('owasp-api-top10-2023.md'));
  const risk = (o: {fields?: {value: string}[] | undefined}) => o.fields?.[0]?.value.replace(/^API\d+:\d{4} - /, '');

  it('scores at least 12/13 statuses, 7/8 pairs and 2/2 changes against our golden', () => {
    const dir = mkdtempSync(join(tmpdir(), 'owasp-'));
    writeFileSync(join(dir, 'comparison.json'), JSON.stringify(comparison));
    const out = execFileSync(process.execPath, [fixture('golden', 'score-comparison.mjs'), fixture('golden', 'owasp-api-2019-vs-2023.json'), join(dir, 'comparison.json')], {encoding: 'utf8'});
    const score = JSON.parse(out) as {status: string; pairs: string; changes: string};
    const [status, pairs, changes] = [score.status, score.pairs, score.changes].map((s) => Number(s.split('/')[0]));
    expect(status).toBeGreaterThanOrEqual(12);
    expect(pairs).toBeGreaterThanOrEqual(7);
    expect(changes).toBe(2);
  });

  it('merges the two risks the 2023 edition says it combines (their names are a column of their own), and flags the weak pairing for review', () => {
    const merged = comparison.rows.find((r) => r.previous.length === 2)!;
    expect(merged.previous.map(risk)).toEqual(['Excessive Data Exposure', 'Mass Assignment']);
    expect(risk(merged.current[0]!)).toBe('Broken Object Property Level Authorization');
    expect(merged.uncertain).toBe(true);
    expect(comparison.rows.filter((r) => r.status === 'dropped').map((r) => risk(r.previous[0]!))).toEqual(['Lack of Resources & Rate Limiting', 'Injection', 'Insufficient Logging & Monitoring']);
  });

  it('writes one note for a rewritten description, not one per clause', () => {
    const row = comparison.rows.find((r) => risk(r.current[0] ?? {}) === 'Security Misconfiguration')!;
    expect(row.changes.map((c) => c.summary)).toEqual(['Reworded throughout']);
  });
});
