import {describe, expect, it} from 'vitest';
import {continuesTable, continueTable} from '../../../src/ingest/pdf/continue-table.js';
import type {Cell, Row, TableBlock} from '../../../src/model/document.js';

/** A cell: text (with its box from x0 to x1), '↑r,c' for a slot spanned from (r, c), '' for empty. */
function cell(spec: string, x0: number, x1: number, rowSpan = 1): Cell {
  const span = /^↑(\d+),(\d+)$/.exec(spec);
  if (span) return {text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false, spannedFrom: {row: Number(span[1]), column: Number(span[2])}};
  return {text: spec, fragments: spec ? [{text: spec, at: {line: 1}}] : [], rowSpan, colSpan: 1, header: false, bbox: [x0, 0, x1, 10]};
}
function table(page: number, left: number, rows: (string | [string, number])[][]): TableBlock {
  const body: Row[] = rows.map((cells) => ({
    cells: cells.map((c, k) => {
      const [text, span] = Array.isArray(c) ? c : [c, 1];
      return cell(text, left + k * 150, left + (k + 1) * 150 - (k === 0 ? 0 : 0), span);
    }),
    at: {line: 1, page},
  }));
  return {kind: 'table', method: 'lattice', path: [], columns: rows[0]!.length, header: [], rows: body, at: {line: 1, page}, pages: [page, page]};
}
const texts = (t: TableBlock): string[][] => t.rows.map((r) => r.cells.map((c) => (c.spannedFrom ? `↑${c.spannedFrom.row}` : c.text)));

describe('continuesTable and continueTable', () => {
  const page1 = table(1, 60, [
    ['Area', 'Objective'],
    [['Money', 2], 'Deliver a balanced budget and'],
    ['↑1,0', 'Cut agency spending'],
  ]);

  it('continues a table whose columns have the same widths, shifted on the new page', () => {
    const page2 = table(2, 66, [['', 'Reduce the backlog']]);
    expect(continuesTable(page1, page2)).toBe(true);
    expect(continuesTable(page1, table(2, 66, [['', 'x', 'y']]))).toBe(false);
    const narrower: TableBlock = {...page2, rows: page2.rows.map((r) => ({...r, cells: r.cells.map((c) => ({...c, bbox: [0, 0, 80, 10] as [number, number, number, number]}))}))};
    expect(continuesTable(page1, narrower)).toBe(false);
  });

  it('drops the repeated header and extends a label that spans rows over the break', () => {
    const page2 = table(2, 66, [
      ['Area', 'Objective'],
      ['', 'Reduce the backlog'],
      ['Staff', 'Improve retention'],
    ]);
    const joined = continueTable(page1, page2);
    expect(texts(joined)).toEqual([
      ['Area', 'Objective'],
      ['Money', 'Deliver a balanced budget and'],
      ['↑1', 'Cut agency spending'],
      ['↑1', 'Reduce the backlog'],
      ['Staff', 'Improve retention'],
    ]);
    expect(joined.rows[1]!.cells[0]!.rowSpan).toBe(3);
    expect(joined.pages).toEqual([1, 2]);
  });

  it('joins a row cut by the page break into the row above', () => {
    const cutPage1 = table(1, 60, [
      ['Area', 'Objective'],
      ['Money', 'Deliver a balanced budget across'],
    ]);
    const page2 = table(2, 60, [
      ['', 'the system in 2025/26'],
      ['Staff', 'Improve retention'],
    ]);
    expect(texts(continueTable(cutPage1, page2))).toEqual([
      ['Area', 'Objective'],
      ['Money', 'Deliver a balanced budget across the system in 2025/26'],
      ['Staff', 'Improve retention'],
    ]);
  });

  it('does not join a first row that starts a sentence of its own', () => {
    const done = table(1, 60, [
      ['Area', 'Objective'],
      ['Money', 'Deliver a balanced budget.'],
    ]);
    expect(texts(continueTable(done, table(2, 60, [['Staff', 'Improve retention']])))).toEqual([
      ['Area', 'Objective'],
      ['Money', 'Deliver a balanced budget.'],
      ['Staff', 'Improve retention'],
    ]);
  });

  it('keeps the rows of a page that repeats the whole table: content, not a header', () => {
    const again = table(2, 60, [
      ['Area', 'Objective'],
      [['Money', 2], 'Deliver a balanced budget and'],
      ['↑1,0', 'Cut agency spending'],
    ]);
    expect(continueTable(page1, again).rows).toHaveLength(6);
  });
});
