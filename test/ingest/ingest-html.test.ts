import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {editionFile, fixture, HTML_2023, SEED_2023, sourceFile} from '../helpers.js';

describe('HTML guidance pages', () => {
  it('reads a web "long read": one row per objective, the area in a rowspan header cell, page furniture ignored', async () => {
    const ed = await editionFile(fixture('html', 'web-long-read.html'));
    expect(ed.title).toBe('Harbourside Transport » 2027/28 network delivery plan');
    expect(ed.planYear).toBe('2027/28');
    expect(ed.objectives.map((o) => [o.area, o.text])).toEqual([
      ['Buses and trams', 'Improve bus punctuality so that a minimum of 85% of services depart within 5 minutes of schedule in March 2028'],
      ['Buses and trams', 'Extend tram operating hours to midnight on all lines across 2027/28'],
      ['Buses and trams', 'Reduce the number of bus journeys cancelled for lack of a driver'],
      ['Active travel', 'Increase the share of school journeys made on foot or by bike to 45% by March 2028'],
      ['Active travel', 'Complete the 12-mile harbour cycleway to a segregated standard by December 2027'],
      ['Use of resources', 'Deliver a balanced operating budget for 2027/28'],
      ['Use of resources', 'Reduce spending on agency engineers by a minimum of 25% compared to 2026/27'],
    ]);
    expect(ed.objectives[0]!.fields).toEqual([{name: 'Source', value: 'Bus plan'}]);
    expect(ed.reading?.columns?.map((c) => c.role)).toEqual(['group', 'item', 'other']);
    expect(ed.diagnostics.map((d) => d.code)).not.toContain('count-mismatch');
  });

  it('never reads scripts, styles, navigation, cookie banners, headers or footers', async () => {
    const doc = await sourceFile(fixture('html', 'web-long-read.html'));
    const all = JSON.stringify(doc.blocks);
    for (const text of ['dataLayer', 'cookies', 'About us', 'Breadcrumb', 'report a problem', 'border-collapse']) expect(all).not.toContain(text);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({caption: 'Table 1: Network objectives 2027/28', columns: 3});
  });

  it('gets the same objectives from the HTML rendition as from the PDF text dump', async () => {
    const html = (await editionFile(HTML_2023)).objectives.map((o) => o.text);
    expect(html).toEqual((await editionFile(SEED_2023)).objectives.map((o) => o.text));
    expect(readFileSync(HTML_2023, 'utf8')).toContain('rowspan="3"');
  });
});
