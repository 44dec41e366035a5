import {describe, expect, it} from 'vitest';
import {pageLines, uprightFrame, type TextItemLike} from '../../../src/ingest/pdf/page-lines.js';
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

describe('uprightFrame', () => {
  it('leaves a page of upright text with a rotated side label as it is', () => {
    const frame = uprightFrame([item('Body text of the page', 60, 700, 120), item('Label', 30, 100, 30, 10, 90)], 595, 842);
    expect(frame.turned).toBe(0);
    expect(frame.items[0]!.transform).toEqual(item('Body text of the page', 60, 700, 120).transform);
  });

  it('turns a page whose text runs at 90° (a landscape table on a portrait page), so its lines read upright', () => {
    // Two lines rotated 90° counter-clockwise: reading upward, the first line further left.
    const items = [item('First line of rotated text', 100, 100, 140, 10, 90), item('Second line', 114, 100, 60, 10, 90), item('7', 300, 30, 5)];
    const frame = uprightFrame(items, 595, 842);
    expect(frame.turned).toBe(90);
    expect([frame.width, frame.height].map(Math.round)).toEqual([842, 595]);
    const {lines, rotated} = pageLines(frame.items, 1);
    expect(lines.map((l) => l.chunks.map((c) => c.text).join(' '))).toEqual(['First line of rotated text', 'Second line']);
    expect(rotated).toEqual(['7']);
  });

  it('turns a page whose text runs at 270° (a /Rotate 90 page with upright text, seen in page space)', () => {
    const frame = uprightFrame([item('Hello world', 210, 370, 194, 36, -90)], 612, 792);
    expect(frame.turned).toBe(270);
    expect(pageLines(frame.items, 1).lines.map((l) => l.chunks[0]!.text)).toEqual(['Hello world']);
  });
});

describe('findFurniture', () => {
  it('removes nothing from a one-page document, whatever sits in its margins', () => {
    const page = {height: 842, lines: pageLines([item('vi', 68, 790, 10), item('2', 295, 30, 5)], 1).lines};
    expect(findFurniture([page]).size).toBe(0);
  });

  it('keeps lines that repeat on every page when they are all the text there is', () => {
    const page = (n: number) => ({height: 612, lines: pageLines([item('Hello world', 210, 20, 194, 36)], n).lines});
    expect(findFurniture([page(1), page(2), page(3)]).size).toBe(0);
  });

  it('does not take a margin word made of roman-numeral letters ("civic") for a page number', () => {
    const page = (n: number, word: string) => ({height: 842, lines: pageLines([item(word, 60, 30, 30), item('Body text', 60, 400, 40)], n).lines});
    expect(findFurniture([page(1, 'civic'), page(2, 'ill'), page(3, 'mix')]).size).toBe(0);
    expect([...findFurniture([page(1, 'iv'), page(2, 'v'), page(3, 'vi')])].map((l) => l.chunks[0]!.text)).toEqual(['iv', 'v', 'vi']);
  });

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
