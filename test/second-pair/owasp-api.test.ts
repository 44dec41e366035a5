import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {compareEditions} from '../../src/pipeline.js';
import {fixture} from '../helpers.js';
import {owaspEdition} from './owasp-api-editions.js';

// The second real pair of editions (OWASP API Security Top 10, 2019 and 2023), scored against our own
// labels with the independent scorer, as the seed pair is scored against the Confederation's table.
describe('OWASP API Security Top 10 2019 → 2023', async () => {
  const previous = await owaspEdition(fixture('owasp-api', 'owasp-api-top10-2019.md'), 'api-2019', '2019');
  const current = await owaspEdition(fixture('owasp-api', 'owasp-api-top10-2023.md'), 'api-2023', '2023');
  const comparison = compareEditions(previous, current);

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

  it('merges the two risks the 2023 edition says it combines, and flags the weak pairing for review', () => {
    const merged = comparison.rows.find((r) => r.previous.length === 2)!;
    expect(merged.previous.map((o) => o.text.split(' — ')[0])).toEqual(['Excessive Data Exposure', 'Mass Assignment']);
    expect(merged.current[0]!.text).toMatch(/^Broken Object Property Level Authorization/);
    expect(merged.review).toBe(true);
    expect(comparison.rows.filter((r) => r.status === 'dropped').map((r) => r.previous[0]!.text.split(' — ')[0])).toContain('Injection');
  });

  it('writes one note for a rewritten description, not one per clause', () => {
    const row = comparison.rows.find((r) => r.current[0]?.text.startsWith('Security Misconfiguration'))!;
    expect(row.changes.map((c) => c.summary)).toEqual(['Reworded throughout']);
  });
});
