import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {editionFile, fixture, HTML_2023, SEED_2023, sourceFile} from '../helpers.js';

describe('HTML guidance pages', () => {
  it('reads a web "long read": one row per objective, the area in a rowspan header cell, page furniture ignored', async () => {
    const ed = await editionFile(fixture('html', 'web-long-read.html'));
    expect(ed.title).toBe('NHS England » 2025/26 priorities and operational planning guidance');
    expect(ed.planYear).toBe('2025/26');
    expect(ed.objectives.map((o) => [o.area, o.text])).toEqual([
      ['Urgent and emergency care', 'Improve A&E waiting times so that a minimum of 80% of patients are seen within 4 hours in March 2026'],
      ['Urgent and emergency care', 'Improve category 2 ambulance response times to an average of 30 minutes across 2025/26'],
      ['Urgent and emergency care', 'Reduce the proportion of patients who spend more than 12 hours in an emergency department'],
      ['Elective care', 'Increase the percentage of patients waiting no longer than 18 weeks for elective treatment to 65% by March 2026'],
      ['Elective care', 'Improve performance against the headline 62-day cancer standard to 75% by March 2026'],
      ['Use of resources', 'Deliver a balanced net system financial position for 2025/26'],
      ['Use of resources', 'Reduce agency spending by a minimum of 30% compared to 2024/25'],
    ]);
    expect(ed.diagnostics.map((d) => d.code)).not.toContain('count-mismatch');
  });

  it('never reads scripts, styles, navigation, cookie banners, headers or footers', async () => {
    const doc = await sourceFile(fixture('html', 'web-long-read.html'));
    const all = JSON.stringify(doc.blocks);
    for (const text of ['dataLayer', 'cookies', 'About us', 'Breadcrumb', 'report a problem', 'border-collapse']) expect(all).not.toContain(text);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({caption: 'Table 1: National NHS objectives 2025/26', columns: 3});
  });

  it('gets the same objectives from the HTML rendition as from the PDF text dump', async () => {
    const html = (await editionFile(HTML_2023)).objectives.map((o) => o.text);
    expect(html).toEqual((await editionFile(SEED_2023)).objectives.map((o) => o.text));
    expect(readFileSync(HTML_2023, 'utf8')).toContain('rowspan="3"');
  });
});
