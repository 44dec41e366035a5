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
});
