import {describe, expect, it} from 'vitest';
import {physicalTable} from '../../../src/ingest/table/physical-table.js';
import {finishTable} from '../../../src/ingest/table/finish-table.js';
import type {PhysicalLine, PhysicalTableInput} from '../../../src/ingest/table/physical-lines.js';

/** Lines of a two-column table in characters: [left, right] text, gap above in line pitches. */
function layout(rows: [string, string, number?][], geometry = true, width = 40): PhysicalTableInput {
  const lines: PhysicalLine[] = rows.map(([left, right, gap], i) => ({
    at: {line: i + 1},
    gapAbove: i === 0 ? 0 : (gap ?? 1),
    pieces: [
      left ? {text: left, at: {line: i + 1}, x0: 0, x1: left.length} : undefined,
      right ? {text: right, at: {line: i + 1}, x0: 20, x1: 20 + right.length} : undefined,
    ],
  }));
  return {method: 'layout', lines, columns: [[0, 20], [20, 20 + width]], geometry, path: []};
}

const cells = (input: PhysicalTableInput): string[][] =>
  finishTable(physicalTable(input)).rows.map((r) => r.cells.map((c) => (c.spannedFrom ? '↑' : c.text)));

describe('physicalTable', () => {
  it('joins wrapped lines, starts a row at each new item, and spans a label over the rows it reaches', () => {
    const input = layout([
      ['Theme', 'Measure'],
      ['Safer', 'Proportion of residents who feel safe'],
      ['streets', 'after dark in their neighbourhood'],
      ['', 'Number of burglaries per 1,000 homes'],
      ['Clean air', 'Days with nitrogen dioxide above the'],
      ['', 'legal limit'],
    ]);
    expect(cells(input)).toEqual([
      ['Safer streets', 'Proportion of residents who feel safe after dark in their neighbourhood'],
      // The label reaches only its own lines: the blank below continues the group (the extractor carries it down).
      ['', 'Number of burglaries per 1,000 homes'],
      ['Clean air', 'Days with nitrogen dioxide above the legal limit'],
    ]);
  });

  it('keeps a lower-case line below one ending mid-phrase in its cell across a gap a row would leave', () => {
    // Rows 2 pitches apart; the last item's wrap is as far below it (a label centred beside it, say).
    const input: PhysicalTableInput = {
      ...layout([
        ['Priority', 'Measure'],
        ['Victims', 'Charge rate above 20%', 2],
        ['', 'Repeat victims offered support', 2],
        ['', 'within 2 days and', 1],
        ['', 'a named contact', 1],
        ['', 'Victims contacted about the progress of their', 2],
        ['', 'case', 2],
      ]),
      method: 'stream',
    };
    expect(cells(input).map((r) => r[1])).toEqual([
      'Charge rate above 20%',
      'Repeat victims offered support within 2 days and a named contact',
      'Victims contacted about the progress of their case',
    ]);
  });

  it('measures the line pitch between lines of one column, not across a label centred between items', () => {
    const input: PhysicalTableInput = {
      ...layout([
        ['Ambition', 'What good looks like'],
        ['', 'Every child takes part in five activities before leaving primary', 1.8],
        ['', 'school', 1.5],
        ['Culture for everyone', '', 1],
        ['', 'Free performances at every venue each month', 0.8],
        ['', 'Audiences that reflect the city', 1.8],
        ['', 'Studio space in every district', 1.8],
        ['Artists thrive', '', 0.9],
        ['', 'A grants programme for 100 artists', 0.9],
      ], true, 70),
      method: 'stream',
    };
    expect(physicalTable(input).rows.map((r) => r.cells[1]!.text).filter(Boolean)).toEqual([
      'What good looks like',
      'Every child takes part in five activities before leaving primary school',
      'Free performances at every venue each month',
      'Audiences that reflect the city',
      'Studio space in every district',
      'A grants programme for 100 artists',
    ]);
  });

  it('starts a new item where the line above ended early (its next word would have fitted)', () => {
    const input = layout([
      ['Area', 'Objective'],
      ['Housing', 'Build 400 homes'],
      ['', 'Bring empty homes back into use'],
    ]);
    expect(cells(input)).toEqual([
      ['Housing', 'Build 400 homes'],
      ['', 'Bring empty homes back into use'],
    ]);
  });

  it('starts a row at a line below a word that only usually continues a phrase when a label starts beside it, but not after a month', () => {
    const input = layout([
      ['Priority', 'Measure'],
      ['Longer lives', 'Residents offered a health check who take'],
      ['', 'one up'],
      ['', 'Adults who are physically active for'],
      ['Fairer health', 'Gap in healthy life expectancy between'],
      ['', 'the most and least deprived tenths'],
      ['', 'Cancers found at an early stage by March'],
      ['Early years', '2027 in every district of the county'],
    ]);
    expect(cells(input)).toEqual([
      ['Longer lives', 'Residents offered a health check who take one up'],
      ['', 'Adults who are physically active for'],
      ['Fairer health', 'Gap in healthy life expectancy between the most and least deprived tenths'],
      // The date goes on; the label beside its second line joins the row its lines reach.
      ['Early years', 'Cancers found at an early stage by March 2027 in every district of the county'],
    ]);
  });

  it('trusts gaps where the table shows two kinds: a line with no gap continues the cell', () => {
    const input = layout([
      ['Area', 'Objective', 0],
      ['Parks', 'Open two new parks in the north of the', 2],
      ['', 'Borough by 2028', 1],
      ['', 'Plant 5,000 street trees', 2],
    ]);
    expect(cells(input)).toEqual([
      ['Parks', 'Open two new parks in the north of the Borough by 2028'],
      ['', 'Plant 5,000 street trees'],
    ]);
  });

  it('without geometry, in a table whose lines wrap, starts a new item at a capital after a line that ends a phrase', () => {
    const input = layout(
      [
        ['Area', 'Objective'],
        ['Cancer', 'Reduce waits over 62 days by March'],
        ['', '2025 with further improvement'],
        ['', 'Meet the faster diagnosis standard for'],
        ['', 'patients referred urgently'],
      ],
      false,
    );
    expect(cells(input).map((r) => r[1])).toEqual(['Reduce waits over 62 days by March 2025 with further improvement', 'Meet the faster diagnosis standard for patients referred urgently']);
  });

  it('without geometry, in a table whose lines never wrap (a spreadsheet pasted as text), reads one item per line', () => {
    const input = layout(
      [
        ['Priority', 'Success measure'],
        ['Protecting people', 'Number of stalking protection orders applied for'],
        ['', 'Victims of rape offered specialist support within 2 days'],
      ],
      false,
    );
    expect(cells(input).map((r) => r[1])).toEqual(['Number of stalking protection orders applied for', 'Victims of rape offered specialist support within 2 days']);
  });

  it('makes a line marked wide (a tab-less label in a tab table) a full-width group row', () => {
    const input = layout([['Outcome', 'Measure'], ['Theme A: Safer streets', ''], ['Less violence', 'Violent offences in the town centre']], false);
    const wide = {...input, lines: input.lines.map((l, i) => (i === 1 ? {...l, wide: true} : l))};
    const table = finishTable(physicalTable(wide));
    expect(table.rows.map((r) => [r.section === true, r.cells[0]!.text, r.cells[0]!.colSpan])).toEqual([
      [true, 'Theme A: Safer streets', 2],
      [false, 'Less violence', 1],
    ]);
  });

  it('keeps a bullet as the fragment marker, one fragment per item in a cell', () => {
    const input: PhysicalTableInput = {
      ...layout([['Area', 'Objective'], ['Schools', 'Raise attendance at every primary school'], ['', 'Cut exclusions from secondary schools by half']], true, 60),
    };
    const lines = input.lines.map((l, i) => (i === 0 ? l : {...l, pieces: [l.pieces[0], l.pieces[1] && {...l.pieces[1], marker: '•'}]}));
    const table = finishTable(physicalTable({...input, lines}));
    expect(table.rows.map((r) => r.cells[1]!.fragments.map((f) => [f.marker, f.text]))).toEqual([[['•', 'Raise attendance at every primary school']], [['•', 'Cut exclusions from secondary schools by half']]]);
  });
});
