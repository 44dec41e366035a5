import {describe, expect, it} from 'vitest';
import type {Block, ListBlock, ListItem} from '../../../src/model/document.js';
import type {PageLine} from '../../../src/ingest/pdf/page-lines.js';
import {headingLevel, pageText, textFrame, textStyle} from '../../../src/ingest/pdf/page-text.js';

/** Characters are 5 points wide at size 10 (scaled by size), as Liberation Sans roughly is. */
function line(index: number, y: number, x: number, text: string, size = 10, parts?: [string, number][]): PageLine {
  const width = text.length * size * 0.5;
  const starts: [number, number][] = parts ? parts.map(([p, px]) => [text.indexOf(p), px]) : [[0, x]];
  return {page: 1, index, y, size, x0: x, x1: x + width, chunks: [{text, x0: x, x1: x + width, starts}]};
}

/** Lines top to bottom, each [x, text, size?, gap before it in points (default 13)]. */
function page(rows: [number, string, number?, number?][]): PageLine[] {
  let y = 780;
  return rows.map(([x, text, size, gap], k) => {
    if (k > 0) y -= gap ?? 13;
    return line(k + 1, y, x, text, size ?? 10);
  });
}

function read(lines: PageLine[]): Block[] {
  const style = textStyle([lines]);
  return pageText(lines, style, textFrame(lines, 595, style.bodySize), {lastLevel: 0});
}

const outline = (items: readonly ListItem[], depth = 0): string[] => items.flatMap((i) => [`${'  '.repeat(depth)}${i.marker ?? '-'} ${i.text}`, ...outline(i.items, depth + 1)]);

describe('pageText', () => {
  it('reads bullets under short labels as lists under headings one level below the heading above', () => {
    const blocks = read(
      page([
        [40, 'Housing Strategy', 24],
        [40, 'What we will do', 18, 40],
        [40, 'Preventing homelessness', 10, 25],
        [61, '• Prevent homelessness for 60% of households at risk', 10, 20],
        [61, '• Work with landlords to sustain tenancies'],
        [40, 'Ending rough sleeping', 10, 20],
        [61, '• Offer everyone sleeping rough a place to stay', 10, 20],
      ]),
    );
    expect(blocks.map((b) => (b.kind === 'heading' ? `h${b.level} ${b.text}` : b.kind))).toEqual([
      'h1 Housing Strategy',
      'h2 What we will do',
      'h3 Preventing homelessness',
      'list',
      'h3 Ending rough sleeping',
      'list',
    ]);
    expect(outline((blocks[3] as ListBlock).items)).toEqual(['• Prevent homelessness for 60% of households at risk', '• Work with landlords to sustain tenancies']);
  });

  it('nests indented items without markers (bullets drawn as shapes), joining a line that ran to the right edge with the next', () => {
    const long = 'Increase the number of adults who are physically active for at least 150 minutes a week and';
    const blocks = read(
      page([
        [45, 'Aims and objectives', 13],
        [75, 'A smokefree generation', 10, 25],
        [105, 'Reduce smoking prevalence among adults to 15%'],
        [105, 'Make every playground smokefree'],
        [75, 'Active lives'],
        [105, long],
        [105, 'every weekend'],
        [105, 'Open school sports facilities to the community'],
        [45, 'Progress will be reported annually to the board.', 10, 23],
      ]),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'list', 'paragraph']);
    const list = blocks[1] as ListBlock;
    expect(list.ordered).toBe(false);
    expect(outline(list.items)).toEqual([
      '- A smokefree generation',
      '  - Reduce smoking prevalence among adults to 15%',
      '  - Make every playground smokefree',
      '- Active lives',
      `  - ${long} every weekend`,
      '  - Open school sports facilities to the community',
    ]);
  });

  it('reads a numbered list nested by indent, a wrapped item continuing at its hanging indent', () => {
    const lines = page([
      [40, 'Our goals', 18],
      [61, '1. Safe places to go', 10, 25],
      [97, '1. Reopen youth centres on weekday evenings'],
      [97, '2. Fund detached youth workers in the six wards'],
      [61, '2. Skills for life'],
      [97, '1. Raise the share of pupils reaching the expected standard in reading and writing at the end of'],
      [108, 'key stage 2 to 72%'],
    ]);
    // The marker is drawn apart from the text: the text starts at 108.
    lines[5] = line(6, lines[5]!.y, 97, '1. Raise the share of pupils reaching the expected standard in reading and writing at the end of', 10, [['1.', 97], ['Raise', 108]]);
    const blocks = read(lines);
    const list = blocks[1] as ListBlock;
    expect(list.ordered).toBe(true);
    expect(outline(list.items)).toEqual([
      '1. Safe places to go',
      '  1. Reopen youth centres on weekday evenings',
      '  2. Fund detached youth workers in the six wards',
      '2. Skills for life',
      '  1. Raise the share of pupils reaching the expected standard in reading and writing at the end of key stage 2 to 72%',
    ]);
  });

  it('joins the lines of a heading, and gives levels by the document’s heading sizes', () => {
    const blocks = read(
      page([
        [40, 'Police and Crime Plan for Harrowdale 2025 to', 24],
        [40, '2029', 24, 36],
        [40, 'This plan sets out what the Commissioner expects.', 10, 29],
        [40, 'Our priorities', 18, 38],
        [40, 'Text under the priorities.', 10, 25],
      ]),
    );
    expect(blocks.map((b) => (b.kind === 'heading' ? `h${b.level} ${b.text}` : b.kind))).toEqual(['h1 Police and Crime Plan for Harrowdale 2025 to 2029', 'paragraph', 'h2 Our priorities', 'paragraph']);
    expect(headingLevel({bodySize: 10, headingSizes: [24, 18, 13]}, 13)).toBe(3);
  });

  it('reads no list in centred lines (a title page) or in a poem whose lines indent by turns', () => {
    // Centred in a text width of 40–555: as far from the right edge as from the margin.
    const centred = (index: number, y: number, text: string): PageLine => line(index, y, 297.5 - text.length * 2.5, text);
    const title = [line(1, 780, 40, 'Annual Report', 24), centred(2, 740, 'Published by the Harbour Trust'), centred(3, 727, 'March 2026'), line(4, 700, 40, 'The trust looks after the harbour walls, its moorings and the lifeboat station at the quay.')];
    expect(read(title).map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
    const poem = page([
      [40, 'Give truth, and your gift will be paid in kind,', 10],
      [60, 'And honour will honour meet;', 10, 13],
      [40, 'And the smile which is sweet will surely find', 10, 13],
      [60, 'A smile that is just as sweet.', 10, 13],
    ]);
    expect(read(poem).map((b) => b.kind)).not.toContain('list');
  });

  it('keeps a paragraph with an indented first line, and a short line with no list below it, as paragraphs', () => {
    const blocks = read(
      page([
        [60, 'The council declared a climate emergency in 2021 and has since set out its plan for net zero by the', 10],
        [40, 'year 2040 across all of its buildings, its fleet and the homes it owns and manages.'],
        [40, 'Further reading', 10, 25],
        [40, 'The annual report explains progress.', 10, 25],
      ]),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect((blocks[0] as {text: string}).text).toMatch(/^The council .* manages\.$/);
  });
});
