import {describe, expect, it} from 'vitest';
import {joinWrapped, pageBlocks} from '../../../src/ingest/pdf/page-blocks.js';
import type {PageLine} from '../../../src/ingest/pdf/page-lines.js';

const line = (index: number, y: number, chunks: [number, string][]): PageLine => ({
  page: 1,
  index,
  y,
  size: 10,
  x0: chunks[0]![0],
  x1: chunks.at(-1)![0] + 300,
  chunks: chunks.map(([x, text]) => ({text, x0: x, x1: x + Math.min(300, text.length * 5), starts: [[0, x]]})),
});

describe('pageBlocks', () => {
  it('reads a table whose label column is sparse as a table, even with its gutter near the middle of the page', () => {
    const lines: PageLine[] = [];
    let y = 760;
    const rows: [string | undefined, string][] = [
      ['Area', 'Objective'],
      ['People with a learning', 'Ensure 75% of people aged 14 and over on GP learning disability registers'],
      ['disability and autistic people', 'receive an annual health check in the year to 31 March 2026'],
      [undefined, 'Reduce reliance on mental health inpatient care for people with a learning'],
      [undefined, 'disability and autistic people, to the target of no more than 30 adults'],
      ['Workforce', 'Improve the working lives of all staff and increase staff retention and'],
      [undefined, 'attendance through systematic implementation of all elements of the People'],
      [undefined, 'Provide sufficient clinical placements and apprenticeship pathways to meet'],
    ];
    rows.forEach(([area, objective], k) => {
      lines.push(line(k + 1, y, area ? [[60, area], [220, objective]] : [[220, objective]]));
      y -= 12;
    });
    const {blocks} = pageBlocks(lines, 595);
    // A table is handed on as physical lines (it may continue on the next page) for the shared row builder.
    expect(blocks.map((b) => b.kind)).toEqual(['physical']);
  });

  it('joins wrapped lines with a space, except inside scripts written without spaces', () => {
    expect(joinWrapped('Improve access to', 'general practice')).toBe('Improve access to general practice');
    expect(joinWrapped('リスク', '中立確率')).toBe('リスク中立確率');
    expect(joinWrapped('取引できない商品', 'がマクロ経済変数')).toBe('取引できない商品がマクロ経済変数');
    expect(joinWrapped('BM であることを', 'Use')).toBe('BM であることを Use');
    expect(joinWrapped('국민 건강', '보험')).toBe('국민 건강 보험');
  });

  it('reads right-aligned prose whose lines start at varying indents as text, not as a table', () => {
    // Lines ending at the same x with ragged starts: columns that never meet on a line.
    const starts = [180, 228, 175, 231, 224, 178, 302];
    const lines = starts.map((x, k) => ({...line(k + 1, 700 - k * 13, [[x, 'Gooloo was a very old woman and a very wicked one']]), x1: 555, chunks: [{text: 'Gooloo was a very old woman and a very wicked one', x0: x, x1: 555, starts: [[0, x]] as [number, number][]}]}));
    const {blocks} = pageBlocks([line(0, 740, [[60, 'A heading on the left margin']]), ...lines], 595);
    expect(blocks.map((b) => b.kind)).not.toContain('physical');
  });

  it('reads two tables with the same header but their own columns, one per section, as two tables with the section heading between', () => {
    // Each section's table laid out to its own content: the second's measure column starts further right.
    const rows: [number, [number, string][]][] = [
      [700, [[41, 'Objective'], [278, 'How we will measure it']]],
      [688, [[41, 'Manage a third of our grassland'], [278, 'Hectares under a meadow regime']]],
      [676, [[41, 'Restore the river corridor'], [278, 'Condition score of the river']]],
      [652, [[41, 'People']]],
      [640, [[41, 'Objective'], [336, 'How we will measure it']]],
      [628, [[41, 'Make sure every household lives within a walk'], [336, 'Share of households within 800 metres']]],
      [616, [[41, 'Grow the number of friends of parks groups'], [336, 'Number of groups and volunteer hours']]],
    ];
    // The section heading is set larger, as headings are.
    const {blocks} = pageBlocks(rows.map(([y, chunks], k) => ({...line(k + 1, y, chunks), ...(chunks.length === 1 ? {size: 13} : {})})), 595);
    expect(blocks.map((b) => b.kind)).toEqual(['physical', 'heading', 'physical']);
    const second = blocks[2]!;
    if (second.kind !== 'physical') throw new Error('not a table');
    expect(second.input.lines[0]!.pieces.map((piece) => piece?.text)).toEqual(['Objective', 'How we will measure it']);
  });

  it('reads a section label followed by the header again as a new table under that label, even at the same positions', () => {
    // The label is set as a plain row (body size), with space above it: it still heads its section, as a sibling of the heading above.
    const rows: [number, [number, string][]][] = [
      [712, [[41, 'Council operations']]],
      [700, [[41, 'Objective'], [200, 'How we will measure it']]],
      [688, [[41, 'Manage a third of our grassland'], [200, 'Hectares under a meadow regime']]],
      [676, [[41, 'Restore the river corridor'], [200, 'Condition score of the river']]],
      [658, [[41, 'People']]],
      [646, [[41, 'Objective'], [200, 'How we will measure it']]],
      [634, [[41, 'Make sure every household lives within a walk'], [200, 'Share of households within 800 metres']]],
      [622, [[41, 'Grow the number of friends of parks groups'], [200, 'Number of groups and volunteer hours']]],
    ];
    const {blocks} = pageBlocks(rows.map(([y, chunks], k) => ({...line(k + 1, y, chunks), ...(k === 0 ? {size: 13} : {})})), 595);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'physical', 'heading', 'physical']);
    const [outer, , label] = blocks as {level?: number}[];
    expect(label!.level).toBe(outer!.level);
  });

  it('keeps a header repeated at the same positions with no label above it in one table', () => {
    const rows: [number, [number, string][]][] = [
      [700, [[41, 'Objective'], [200, 'How we will measure it']]],
      [688, [[41, 'Manage a third of our grassland'], [200, 'Hectares under a meadow regime']]],
      [676, [[41, 'Restore the river corridor'], [200, 'Condition score of the river']]],
      [664, [[41, 'Objective'], [200, 'How we will measure it']]],
      [652, [[41, 'Make sure every household lives within a walk'], [200, 'Share of households within 800 metres']]],
      [640, [[41, 'Grow the number of friends of parks groups'], [200, 'Number of groups and volunteer hours']]],
    ];
    const {blocks} = pageBlocks(rows.map(([y, chunks], k) => line(k + 1, y, chunks)), 595);
    expect(blocks.map((b) => b.kind)).toEqual(['physical']);
  });

  it('does not take a wrapped cell line just above a repeated header for a section label', () => {
    // The last row's first cell wraps onto a line of its own, at the usual pitch, and the header is set again
    // at the same positions: no label, no heading made of a cell's words.
    const rows: [number, [number, string][]][] = [
      [700, [[41, 'Objective'], [200, 'How we will measure it']]],
      [688, [[41, 'Manage a third of our grassland'], [200, 'Hectares under a meadow regime']]],
      [676, [[41, 'Restore the river corridor for'], [200, 'Condition score of the river']]],
      [664, [[41, 'wildlife']]],
      [652, [[41, 'Objective'], [200, 'How we will measure it']]],
      [640, [[41, 'Make sure every household lives within a walk'], [200, 'Share of households within 800 metres']]],
      [628, [[41, 'Grow the number of friends of parks groups'], [200, 'Number of groups and volunteer hours']]],
    ];
    const {blocks} = pageBlocks(rows.map(([y, chunks], k) => line(k + 1, y, chunks)), 595);
    expect(blocks.map((b) => b.kind)).toEqual(['physical']);
  });
});
