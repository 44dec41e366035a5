import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {renderCsv} from '../../src/render/render-csv.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {statusText, whatChanged} from '../../src/render/review-words.js';
import {reviewedComparison} from './reviewed-comparison.js';

describe('reviewed cells in Markdown and CSV', () => {
  it('marks statuses and notes a reviewer set, with the machine\'s status where it differs', async () => {
    const comparison = await reviewedComparison();
    const weekend = comparison.rows.find((r) => r.current[0]?.text.startsWith('Offer'))!;
    expect(statusText(weekend)).toBe('Kept ✎ (machine: New; pairing set by a reviewer)');
    expect(statusText(comparison.rows.find((r) => r.previous[0]?.text.startsWith('Expand'))!)).toBe('Dropped ✎ (pairing set by a reviewer)');
    expect(statusText(comparison.rows.find((r) => r.previous[0]?.text.startsWith('Audit'))!)).toBe('Dropped ✎ (row added by a reviewer)');
    expect(statusText(comparison.rows.find((r) => r.previous[0]?.text.startsWith('Train'))!)).toBe('Dropped');
    expect(whatChanged(weekend)).toBe('Clinics move from evenings to weekends ✎');
    const waits = comparison.rows.find((r) => r.previous[0]?.text.startsWith('Cut'))!;
    expect(whatChanged(waits)).toBe('Lowered from 12 weeks to 10 weeks ✎; Two weeks shorter ✎');
  });

  it('adds a Commentary column and a legend to Markdown', async () => {
    const md = renderMarkdown(await reviewedComparison());
    expect(md).toContain('✎ marks what a reviewer set in `reviews/plan.yaml`: 4 of 5 entries applied; 1 stale (see Checks).');
    expect(md).toContain('| Area | Objective 2030/31 | Objective 2031/32 | Status | What changed | Commentary |');
    expect(md).toContain('First paragraph.<br>Second paragraph.');
    expect(md).toContain("_(reviewer's row, reviews/plan.yaml l. 19)_");
    expect(md).toMatch(/\*\*warning\*\* reviews\/plan\.yaml l\. 15 `review-stale`: Cannot apply review gone objective/);
  });

  it('fills commentary, reviewed and machine_status in CSV, and starts with a BOM when asked', async () => {
    const comparison = await reviewedComparison();
    const csv = renderCsv(comparison);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const records = parse(csv, {columns: true}) as Record<string, string>[];
    const weekend = records.find((r) => r['current_objective']!.startsWith('Offer'))!;
    expect([weekend['status'], weekend['reviewed'], weekend['machine_status']]).toEqual(['Kept', 'pair* status* notes*', 'New']);
    const withBom = renderCsv(comparison, {bom: true});
    expect(withBom).toBe(`\uFEFF${csv}`);
    // Written as UTF-8, the file starts EF BB BF: the mark Excel needs to read "12–15" as UTF-8.
    expect([...new TextEncoder().encode(withBom).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
