import {describe, expect, it} from 'vitest';
import {finishTable} from '../../../src/ingest/table/finish-table.js';
import type {Cell, Row, TableBlock} from '../../../src/model/document.js';

const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({text, fragments: text ? [{text, at: {line: 1}}] : [], rowSpan: 1, colSpan: 1, header: false, ...extra});
const row = (...texts: string[]): Row => ({cells: texts.map((t) => cell(t)), at: {line: 1}});
const table = (rows: Row[], header: Row[] = []): TableBlock => ({kind: 'table', method: 'layout', path: [], columns: rows[0]!.cells.length, header, rows, at: {line: 1}});

describe('finishTable', () => {
  it('takes a first row of labels over rows of sentences as the header, whatever the words', () => {
    const t = finishTable(table([row('Zorbl', 'Quillet'), row('Housing', 'Build 400 council homes on brownfield land by 2028'), row('Parks', 'Open two new parks in the north of the borough')]));
    expect(t.header.map((r) => r.cells.map((c) => [c.text, c.header]))).toEqual([
      [
        ['Zorbl', true],
        ['Quillet', true],
      ],
    ]);
    expect(t.rows).toHaveLength(2);
  });

  it('takes a second row of periods under a spanning label as a second header row', () => {
    const first: Row = {cells: [cell('Commitment'), cell('Target', {colSpan: 2}), {...cell(''), spannedFrom: {row: 0, column: 1}}], at: {line: 1}};
    const t = finishTable(table([first, row('', '2026/27', '2028/29'), row('Cut leakage from the network', '15%', '20%'), row('Reduce supply interruptions', '6 min', '5 min')]));
    expect(t.header).toHaveLength(2);
    expect(t.rows.map((r) => r.cells[0]!.text)).toEqual(['Cut leakage from the network', 'Reduce supply interruptions']);
  });

  it('spans labels centred beside their items (lines of their own below the first item) over those items, not as group rows', () => {
    const at = (line: number, r: Row): Row => ({...r, at: {line}});
    const t = finishTable({
      ...table([
        at(4, row('Ambition', 'What good looks like')),
        at(5, row('', 'Every child takes part in five cultural activities before leaving primary school')),
        at(7, row('Culture for everyone', '')),
        at(8, row('', 'Free or pay-what-you-can performances at every major venue each month')),
        at(9, row('', 'Audiences that reflect the diversity of the city')),
        at(10, row('', 'Affordable studio and rehearsal space in every district')),
        at(11, row('A city where artists can thrive', '')),
        at(12, row('', 'A grants programme that funds 100 independent artists a year')),
        at(13, row('Culture that brings the city together', 'A year-round programme of outdoor events in our parks')),
        at(14, row('', 'Heritage buildings brought back into cultural use')),
      ]),
      method: 'stream',
    });
    expect(t.rows.map((r) => [r.section === true, r.cells[0]!.spannedFrom ? '↑' : r.cells[0]!.text])).toEqual([
      [false, 'Culture for everyone'],
      [false, '↑'],
      [false, '↑'],
      [false, 'A city where artists can thrive'],
      [false, '↑'],
      [false, 'Culture that brings the city together'],
      [false, '↑'],
    ]);
  });

  it('does not take a row of sentences or values for a header', () => {
    expect(finishTable(table([row('Reduce waits for planned care.', '65%'), row('Increase cancer screening uptake.', '70%')])).header).toHaveLength(0);
  });

  it('removes a header repeated in the body (a table continued on a new page) and marks rows of one cell as groups', () => {
    const body = [row('Goal 1: clean water for every home', '', ''), row('', 'Cut leakage from mains', 'Litres lost a day per property'), row('Area', 'Objective', 'Measure'), row('Goal 2: a resilient supply', '', ''), row('', 'Reduce supply interruptions', 'Minutes lost per property')];
    const t = finishTable(table(body, [{...row('Area', 'Objective', 'Measure'), cells: row('Area', 'Objective', 'Measure').cells.map((c) => ({...c, header: true}))}]));
    expect(t.rows.map((r) => [r.section === true, r.cells.map((c) => c.text).join('|')])).toEqual([
      [true, 'Goal 1: clean water for every home||'],
      [false, '|Cut leakage from mains|Litres lost a day per property'],
      [true, 'Goal 2: a resilient supply||'],
      [false, '|Reduce supply interruptions|Minutes lost per property'],
    ]);
  });
});
