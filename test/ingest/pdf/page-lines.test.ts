import {describe, expect, it} from 'vitest';
import {pageLines, type TextItemLike} from '../../../src/ingest/pdf/page-lines.js';
import {findFurniture} from '../../../src/ingest/pdf/furniture.js';

const item = (str: string, x: number, y: number, width: number, size = 10, rotate = 0): TextItemLike => {
  const r = (rotate * Math.PI) / 180;
  return {str, width, height: size, transform: [size * Math.cos(r), size * Math.sin(r), -size * Math.sin(r), size * Math.cos(r), x, y]};
};

describe('pageLines', () => {
  it('clusters items by baseline and splits chunks at column gaps', () => {
    const {lines} = pageLines(
      [item('Objective text continues', 180, 700.4, 120), item('Area', 60, 700, 22), item('here', 302, 700.2, 20), item('Next line', 180, 688, 45)],
      1,
    );
    expect(lines.map((l) => l.chunks.map((c) => c.text))).toEqual([['Area', 'Objective text continues here'], ['Next line']]);
    expect(lines[0]).toMatchObject({page: 1, index: 1});
  });

  it('keeps a bullet with its text however far apart they are drawn', () => {
    const {lines} = pageLines([item('•', 200, 500, 3.5), item('Improve access', 214, 500, 70)], 1);
    expect(lines[0]!.chunks.map((c) => c.text)).toEqual(['• Improve access']);
  });

  it('sets rotated text apart as one string, never inside the lines', () => {
    const {lines, rotated} = pageLines([item('Recovering our', 40, 100, 80, 12, 90), item('core services', 40, 190, 70, 12, 90), item('Cancer', 60, 300, 30)], 1);
    expect(rotated).toEqual(['Recovering our core services']);
    expect(lines.flatMap((l) => l.chunks.map((c) => c.text))).toEqual(['Cancer']);
  });
});

describe('findFurniture', () => {
  it('finds running headers, footers and page numbers repeated in the margins', () => {
    const page = (n: number) => ({
      height: 842,
      lines: pageLines([item('NHS England | Guidance', 60, 805, 100, 8), item(`Page ${n} of 3`, 490, 30, 40, 8), item('Body text', 60, 400, 40)], n).lines,
    });
    const pages = [page(1), page(2), page(3)];
    const furniture = findFurniture(pages);
    expect([...furniture].map((l) => l.chunks[0]!.text).toSorted()).toEqual(['NHS England | Guidance', 'NHS England | Guidance', 'NHS England | Guidance', 'Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']);
  });
});
