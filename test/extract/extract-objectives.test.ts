import {describe, expect, it} from 'vitest';
import {extractObjectives} from '../../src/extract/extract-objectives.js';
import {edition, editionFile, HTML_2023, HTML_2024, LAYOUT_2023, SEED_2023, SEED_2024, source} from '../helpers.js';

describe('extractObjectives', () => {
  it('reads all 31 objectives of the 2023/24 PDF text dump, junk removed, areas rejoined', async () => {
    const ed = await editionFile(SEED_2023, 'nhs-2023-24');
    expect(ed.objectives).toHaveLength(31);
    expect(ed.areas).toEqual([
      'Urgent and emergency care',
      'Community health services',
      'Primary care',
      'Elective care',
      'Cancer',
      'Diagnostics',
      'Maternity',
      'Use of resources',
      'Workforce',
      'Mental health',
      'People with a learning disability and autistic people',
      'Prevention and health inequalities',
    ]);
    expect(ed.planYear).toBe('2023/24');
    const first = ed.objectives[0]!;
    expect(first.text).toBe('Improve A&E waiting times so that no less than 76% of patients are seen within 4 hours by March 2024 with further improvement in 2024/25');
    expect(first.provenance).toMatchObject({file: '001_93485f810e474ae5.txt', line: 4, endLine: 5});
    expect(ed.objectives.map((o) => o.text).join(' ')).not.toMatch(/\bity\b|Ξ|\*\/05|Recovering our core services/);
    expect(ed.objectives.find((o) => o.text.startsWith('Deliver the system'))!.text).toBe('Deliver the system-specific activity target (agreed through the operational planning process)');
    // The side label's debris: symbols removed as junk, words kept as a field of the row they sit on.
    expect(ed.diagnostics.filter((d) => d.code === 'junk-removed').map((d) => d.line)).toEqual([15, 43]);
    expect(ed.objectives.find((o) => o.text.startsWith('Eliminate waits'))!.fields).toEqual([{name: 'Column 1', value: 'Recovering our core services and improving productivity'}]);
    expect(ed.reading?.columns?.map((c) => c.role)).toEqual(['other', 'group', 'item']);
    expect(ed.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads all 32 objectives in 12 areas of the 2024/25 Markdown guidance', async () => {
    const ed = await editionFile(SEED_2024, 'nhs-2024-25');
    expect(ed.objectives).toHaveLength(32);
    expect(ed.areas).toHaveLength(12);
    expect(ed.objectives.filter((o) => o.area === 'Mental health')).toHaveLength(5);
    expect(ed.objectives[1]).toMatchObject({area: 'Urgent and emergency care', provenance: {line: 89}});
    expect(ed.objectives[1]!.targets.map((t) => [t.value, t.unit])).toEqual([
      [78, 'percent'],
      [4, 'hours'],
    ]);
  });

  it('gets the same objectives from the HTML renditions and from pdftotext -layout output', async () => {
    const text = (await editionFile(SEED_2023)).objectives.map((o) => [o.area, o.text]);
    expect((await editionFile(HTML_2023)).objectives.map((o) => [o.area, o.text])).toEqual(text);
    expect((await editionFile(LAYOUT_2023)).objectives.map((o) => [o.area, o.text])).toEqual(text);
    const md = (await editionFile(SEED_2024)).objectives.map((o) => [o.area, o.text]);
    expect((await editionFile(HTML_2024)).objectives.map((o) => [o.area, o.text])).toEqual(md);
  });

  it('gives objectives ids stable across runs and independent of position', async () => {
    const a = await edition('T 2024/25\n\n\tArea\tObjective\n\tCancer\tReduce waits\n\t\tImprove diagnosis\n', 'a.txt', 'ed');
    const b = await edition('T 2024/25\n\n\tArea\tObjective\n\tCancer\tImprove diagnosis\n\t\tReduce waits\n', 'a.txt', 'ed');
    expect(a.objectives.map((o) => o.id).toSorted()).toEqual(b.objectives.map((o) => o.id).toSorted());
    expect(a.objectives[0]!.id).toMatch(/^ed:cancer:[0-9a-f]{8}$/);
  });

  it('warns when the document states a different number of objectives', async () => {
    const md = 'Guidance\n\nThe guidance includes 3 objectives, covering 2 areas.\n\n| Area | Objective |\n| --- | --- |\n| Cancer | Reduce waits |\n| Workforce | Retain staff |\n';
    const ed = await edition(md, 'g.md');
    expect(ed.diagnostics.filter((d) => d.code === 'count-mismatch').map((d) => d.message)).toEqual(['The document states `3 objectives` but 2 item(s) were read']);
    expect(ed.diagnostics.find((d) => d.code === 'count-mismatch')).toMatchObject({severity: 'warning', line: 3});
  });

  it('warns when a list under a heading beside the lists read is set aside (one structure read in part)', async () => {
    const md = [
      '# Greenway Pledges 2026', '', 'We are a network of food banks.', '',
      '## No one goes hungry for lack of a referral', '', '- Self-referral available at every member food bank', '- Every visitor offered advice on benefits, debt and energy bills', '',
      '## Help people out of crisis, not just through it', '', '- £1.5m of unclaimed income secured for the people we support', '- Tonnes of surplus food redistributed from supermarkets and farms', '',
    ].join('\n');
    const result = extractObjectives(await source(md, 'pledges.md'));
    expect(result.status).toBe('partial');
    expect(result.diagnostics.find((d) => d.code === 'list-ignored')).toMatchObject({severity: 'warning', line: 7});
    expect(result.diagnostics.find((d) => d.code === 'list-ignored')!.message).toContain('No one goes hungry');
  });

  it('warns when paragraphs open with the header of the table read (a copy of the table read as text)', async () => {
    const md = [
      '# Parks Strategy', '', '## Nature', '', 'Objective Manage a third of our grassland as wildflower meadow', '', 'How we will measure it Hectares of grassland under meadow management', '',
      '## People', '', '| Objective | How we will measure it |', '| --- | --- |', '| Grow the number of friends of parks groups | Number of groups each year |', '| Improve the accessibility of play areas | Play areas with inclusive equipment |', '',
    ].join('\n');
    const result = extractObjectives(await source(md, 'parks.md'));
    expect(result.status).toBe('partial');
    expect(result.diagnostics.filter((d) => d.code === 'table-as-text')).toHaveLength(1);
    expect(result.diagnostics.find((d) => d.code === 'table-as-text')).toMatchObject({severity: 'warning', line: 5});
    // A paragraph that merely starts with the same word is no copy of the table.
    const plain = md.replace('How we will measure it Hectares', 'We will count hectares');
    expect((await extractObjectives(await source(plain, 'parks.md'))).diagnostics.some((d) => d.code === 'table-as-text')).toBe(false);
  });

  it('groups the rows above the first group row of a table under the heading the table sits under', async () => {
    const html = (title: string): string =>
      `<h1>Climate Action Plan</h1>${title}<table><tr><th>Commitment</th><th>2027 target</th></tr>` +
      '<tr><td>Cut emissions from council buildings</td><td>40%</td></tr><tr><td>Switch the fleet to zero emission vehicles</td><td>50%</td></tr>' +
      '<tr><td colspan="2">Transport</td></tr><tr><td>Install public charge points</td><td>250</td></tr><tr><td>Increase journeys to school on foot</td><td>45%</td></tr></table>';
    const under = await edition(html('<h2>Council operations</h2>'), 'plan.html');
    expect(under.objectives.map((o) => o.groups.join(' > '))).toEqual(['Council operations', 'Council operations', 'Transport', 'Transport']);
    // Directly under the document's title, the title is no group.
    const top = await edition(html(''), 'plan.html');
    expect(top.objectives.map((o) => o.groups.join(' > '))).toEqual(['', '', 'Transport', 'Transport']);
  });

  it('asks for a check when the items come from a column without a header and the reading is not clearly good', async () => {
    const rows = '| Transport | Cut average bus waits to 8 minutes by 2027 |\n| Transport | Build 40 km of protected cycle lanes by 2028 |\n| Housing | Deliver 1,200 affordable homes by March 2028 |\n| Housing | End rough sleeping by 2027 |\n';
    const headerless = extractObjectives(await source(`# Plan\n\n| | |\n| --- | --- |\n${rows}`, 'plan.md'));
    expect(headerless.status).toBe('partial');
    expect(headerless.value!.objectives).toHaveLength(4);
    expect(headerless.diagnostics.find((d) => d.code === 'reading-uncertain')!.message).toContain('column without a header');
    const headed = extractObjectives(await source(`# Plan\n\n| Area | Objective |\n| --- | --- |\n${rows}`, 'plan.md'));
    expect(headed.status).toBe('success');
    expect(headed.value!.objectives).toHaveLength(4);
  });

  it('fails with table-not-found when there is no objectives table', async () => {
    const result = extractObjectives(await source('# Heading\n\nJust prose, no table.\n', 'p.md'));
    expect(result.status).toBe('failure');
    expect(result.diagnostics.at(-1)).toMatchObject({code: 'table-not-found', severity: 'error', file: 'p.md'});
  });

  it('reports a row with an area but no objective as unparsed, and the result as partial', async () => {
    const html = '<table><tr><th>Area</th><th>Objective</th></tr><tr><td>Cancer</td><td>Reduce waits</td></tr><tr><td>Workforce</td><td></td></tr></table>';
    const result = extractObjectives(await source(html, 'p.html'));
    expect(result.status).toBe('partial');
    expect(result.value!.objectives.map((o) => o.text)).toEqual(['Reduce waits']);
    expect(result.diagnostics.filter((d) => d.code === 'row-unparsed')).toEqual([expect.objectContaining({severity: 'warning', line: 1})]);
  });
});
