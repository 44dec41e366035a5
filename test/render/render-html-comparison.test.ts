import {describe, expect, it} from 'vitest';
import {renderComparisonHtml} from '../../src/render/render-html-comparison.js';
import {renderLineageHtml} from '../../src/render/render-html-lineage.js';
import type {SeriesLineage} from '../../src/model/lineage.js';
import {reviewedComparison} from './reviewed-comparison.js';

describe('renderComparisonHtml', () => {
  it('is a standalone page: inline style and script pinned by a Content-Security-Policy, no URL to anywhere', async () => {
    const html = renderComparisonHtml(await reviewedComparison());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(html).not.toMatch(/(https?:)?\/\/[a-z]/i);
    expect(html).not.toMatch(/<(link|img|iframe|object)\b/);
    expect(renderComparisonHtml(await reviewedComparison())).toBe(html);
  });

  it('escapes every text: a reviewer\'s markup is shown, never run', async () => {
    const html = renderComparisonHtml(await reviewedComparison());
    expect(html).toContain('&lt;script&gt;alert(&quot;not the same clinics&quot;)&lt;/script&gt; &amp; more');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('uses table semantics a screen reader can follow: caption, column headers, a row group per area, row headers', async () => {
    const html = renderComparisonHtml(await reviewedComparison());
    expect(html).toContain('<caption>Objectives 2030/31 compared with 2031/32: 7 rows, one group per area.');
    expect(html.split('\n').find((l) => l.startsWith('<thead>'))!.match(/<th scope="col">/g)).toHaveLength(6);
    expect(html.match(/<tbody data-group="[^"]+">\n<tr><th scope="rowgroup" colspan="6"/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html.match(/<tr id="row-\d+"[^>]*><th scope="row">/g)).toHaveLength(7);
  });

  it('shows the previous and current texts side by side, each in its own words, with removed and added words marked', async () => {
    const html = renderComparisonHtml(await reviewedComparison());
    const row = html.split('\n').find((l) => l.includes('Cut waits'))!;
    // Plan years are compared relative to each edition, so March 2031 → March 2032 is no change; each side keeps its year.
    expect(row).toContain('<p>Cut waits for first outpatient appointments to <del>12</del> weeks by March 2031<span class="src">');
    expect(row).toContain('<p>Cut waits for first outpatient appointments to <ins>10</ins> weeks by March 2032<span class="src">');
  });

  it('marks every cell a reviewer set, with the machine\'s value where the reviewer changed it', async () => {
    const html = renderComparisonHtml(await reviewedComparison());
    const lines = html.split('\n');
    const weekend = lines.find((l) => l.includes('Offer weekend clinics') && l.includes('data-status'))!;
    expect(weekend).toContain('data-reviewed="pair status notes"');
    expect(weekend).toContain('<span class="machine">machine: New</span>');
    expect(weekend).toContain('<li>Clinics move from evenings to weekends <span class="rv" title="Set by a reviewer">✎');
    const waits = lines.find((l) => l.includes('Cut waits') && l.includes('data-status'))!;
    // A note that repeats the machine's summary confirms it; another is added; the commentary keeps its paragraphs.
    expect(waits).toMatch(/<li>Lowered from 12 weeks to 10 weeks <span class="rv"[^>]*>✎.*<li>Two weeks shorter <span class="rv"/);
    expect(waits).toContain('<td class="commentary reviewed"><p>First paragraph.</p><p>Second paragraph.</p></td>');
    const manual = lines.find((l) => l.includes('Audit hand hygiene monthly'))!;
    expect(manual).toContain('class="manual"');
    expect(manual).toContain('row added by a reviewer');
    expect(html).toContain('<h2 id="stale-h">Review entries that no longer apply (1)</h2>');
    expect(html).toContain('<th scope="row">gone objective</th>');
  });

  it('flags rows that need review (a weak pair) and links provenance to the source, PDF pages by #page=N', async () => {
    // The matcher's confidence in the never-event pair (48 → 24 hours) is 0.56: flag pairs below 0.6 here.
    const html = renderComparisonHtml(await reviewedComparison({pdf: true}), {sourceBase: '../../sources/', index: {href: '../index.html', label: 'All comparisons'}, lowConfidence: 0.6});
    expect(html).toContain('<a href="../../sources/plans/plan%202030.pdf#page=2">plan 2030.pdf p. 2</a>');
    expect(html).toContain('<a href="../../sources/plan-2031.md">plan-2031.md l. ');
    expect(html).toContain('<nav aria-label="Breadcrumb"><a href="../index.html">All comparisons</a></nav>');
    expect(html).toMatch(/data-needs-review="low-confidence pair \(similarity 0\.\d+\)"/);
    expect(html).toContain('<label><input type="checkbox" name="review"> Needs review only (1)</label>');
  });
});

describe('renderLineageHtml', () => {
  it('gives one row per lineage and one column per edition, flags merges and splits, and stays standalone', () => {
    const lineage: SeriesLineage = {
      series: 'plans',
      editions: [
        {id: 'a', title: 'Plan A', planYear: '2030/31'},
        {id: 'b', title: 'Plan B', planYear: '2031/32'},
      ],
      lineages: [
        {id: 'L-1', area: 'Access', text: 'Offer <weekend> clinics', cells: [{status: 'present', objectives: ['a:1']}, {status: 'changed', objectives: ['b:1']}]},
        {id: 'L-2', area: 'Access', text: 'Expand evening clinics', cells: [{status: 'present', objectives: ['a:2']}, {status: 'merged', objectives: ['b:1'], note: 'into L-1'}]},
      ],
    };
    const html = renderLineageHtml(lineage);
    expect(html).toContain('<th scope="col">2030/31</th><th scope="col">2031/32</th>');
    expect(html).toContain('Offer &lt;weekend&gt; clinics');
    expect(html).toContain('<tr id="L-2" data-status="merged" data-group="Access" data-needs-review="merged">');
    expect(html).not.toMatch(/(https?:)?\/\/[a-z]/i);
  });
});
