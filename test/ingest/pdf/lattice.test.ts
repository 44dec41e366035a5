import {describe, expect, it} from 'vitest';
import {latticeTables} from '../../../src/ingest/pdf/lattice.js';
import type {PageLine} from '../../../src/ingest/pdf/page-lines.js';
import type {Rulings} from '../../../src/ingest/pdf/rulings.js';

let index = 0;
/** A line at baseline y with chunks [x, text] (each chunk one text item, 5 pt a character). */
const line = (y: number, ...chunks: [number, string][]): PageLine => ({
  page: 1,
  index: ++index,
  y,
  size: 10,
  x0: chunks[0]![0],
  x1: chunks.at(-1)![0] + chunks.at(-1)![1].length * 5,
  chunks: chunks.map(([x, text]) => ({text, x0: x, x1: x + text.length * 5, starts: [[0, x]]})),
});

/** A grid: horizontal rules at ys (full width), vertical rules at xs (full height), minus `missing` vertical pieces. */
function grid(xs: number[], ys: number[], missing: {x: number; from: number; to: number}[] = []): Rulings {
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  const v = xs.flatMap((x) => {
    const gaps = missing.filter((m) => m.x === x).sort((a, b) => b.to - a.to);
    if (!gaps.length) return [{at: x, a: bottom, b: top}];
    // Vertical rule drawn cell by cell, skipping the missing stretch.
    const out = [];
    let upper = top;
    for (const gap of gaps) {
      if (upper > gap.to) out.push({at: x, a: gap.to, b: upper});
      upper = gap.from;
    }
    if (upper > bottom) out.push({at: x, a: bottom, b: upper});
    return out;
  });
  return {h: ys.map((y) => ({at: y, a: Math.min(...xs), b: Math.max(...xs)})), v};
}

describe('latticeTables', () => {
  it('builds cells from the grid, a full-width row with no inner border as a group row, text by centre', () => {
    const rulings = grid([50, 200, 500], [700, 680, 660, 630, 600], [{x: 200, from: 660, to: 680}]);
    const lines = [
      line(686, [55, 'Area'], [205, 'Objective']),
      line(666, [55, 'Goal 1: Faster access']),
      line(646, [55, 'Access'], [205, 'Reduce waits to 9 days']),
      line(635, [205, 'by March 2026']),
      line(615, [205, 'Open two more branches']),
      line(560, [55, 'A paragraph below the table.']),
    ];
    const {tables, rest} = latticeTables(rulings, lines, 1);
    expect(tables).toHaveLength(1);
    const {table} = tables[0]!;
    expect(table).toMatchObject({method: 'lattice', columns: 2, pages: [1, 1]});
    expect(table.rows.map((r) => r.cells.map((c) => (c.spannedFrom ? '↑' : c.text)))).toEqual([
      ['Area', 'Objective'],
      ['Goal 1: Faster access', '↑'],
      ['Access', 'Reduce waits to 9 days by March 2026'],
      ['', 'Open two more branches'],
    ]);
    expect(table.rows[1]).toMatchObject({section: true, cells: [{colSpan: 2}, {spannedFrom: {row: 1, column: 0}}]});
    expect(table.rows[2]!.cells[1]!.bbox).toEqual([200, 630, 500, 660]);
    expect(rest.map((l) => l.chunks[0]!.text)).toEqual(['A paragraph below the table.']);
  });

  it('merges slots across a missing horizontal border into a cell spanning rows', () => {
    const rulings: Rulings = {
      h: [
        {at: 700, a: 50, b: 500},
        {at: 670, a: 200, b: 500},
        {at: 640, a: 50, b: 500},
      ],
      v: [50, 200, 500].map((x) => ({at: x, a: 640, b: 700})),
    };
    const lines = [line(686, [55, 'Cancer'], [205, 'Improve the 62-day standard']), line(656, [205, 'Increase early diagnosis'])];
    const {table} = latticeTables(rulings, lines, 1).tables[0]!;
    expect(table.rows.map((r) => r.cells.map((c) => (c.spannedFrom ? '↑' : c.text)))).toEqual([
      ['Cancer', 'Improve the 62-day standard'],
      ['↑', 'Increase early diagnosis'],
    ]);
    expect(table.rows[0]!.cells[0]!.rowSpan).toBe(2);
  });

  it('splits a cell at bullets into fragments with their markers', () => {
    const rulings = grid([50, 200, 500], [700, 620]);
    const lines = [line(686, [55, 'Workforce'], [205, '• Improve retention']), line(675, [205, '• Provide placements']), line(664, [205, 'for students'])];
    const {tables} = latticeTables(rulings, lines, 1);
    // One row only: no table (a framed pair of boxes is not a table).
    expect(tables).toEqual([]);
    const two = latticeTables(grid([50, 200, 500], [720, 700, 620]), [line(706, [55, 'Area'], [205, 'Objective']), ...lines], 1).tables[0]!.table;
    expect(two.rows[1]!.cells[1]!.fragments.map((f) => [f.marker, f.text])).toEqual([
      ['•', 'Improve retention'],
      ['•', 'Provide placements for students'],
    ]);
  });

  it('finds no table in gridlines without text or a framed paragraph', () => {
    expect(latticeTables(grid([50, 150, 250, 350], [500, 400, 300, 200]), [line(600, [55, 'A chart title above its grid'])], 1).tables).toEqual([]);
    expect(latticeTables(grid([50, 500], [700, 600]), [line(680, [55, 'A boxed note.'])], 1).tables).toEqual([]);
  });
});
