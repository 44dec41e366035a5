import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {ingestText, splitLines} from '../../src/ingest/text/ingest-text.js';
import {cellText} from '../../src/model/blocks.js';
import type {TableBlock} from '../../src/model/source-document.js';
import {LAYOUT_2023, SEED_2023} from '../helpers.js';

const tables = (text: string): TableBlock[] => ingestText(text).blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('ingestText', () => {
  it('reads a tab-separated dump as a table of physical rows with line numbers', () => {
    const [table] = tables(readFileSync(SEED_2023, 'utf8'));
    expect(table!.columns).toBe(3);
    expect(table!.header[0]!.cells.map(cellText)).toEqual(['', 'Area', 'Objective']);
    expect(table!.rows[0]!.physical).toBe(true);
    expect(table!.rows[0]!.at.line).toBe(4);
    expect(cellText(table!.rows[1]!.cells[1]!)).toBe('Urgent and emergency care*');
  });

  it('takes the first line as the title and joins wrapped paragraph lines', () => {
    const read = ingestText('National objectives 2024/25\n\nThe guidance includes\n32 objectives.\n');
    expect(read.title).toBe('National objectives 2024/25');
    expect(read.blocks[1]).toMatchObject({kind: 'paragraph', text: 'The guidance includes 32 objectives.', at: {line: 3}});
  });

  it('reads space-aligned layout text (pdftotext -layout) into columns, page by page', () => {
    const found = tables(readFileSync(LAYOUT_2023, 'utf8'));
    expect(found.length).toBeGreaterThanOrEqual(2);
    const first = found[0]!;
    expect(first.header[0]!.cells.map(cellText)).toEqual(['Area', 'Objective']);
    // "Urgent and emergency Improve A&E …" has a single space between the columns: snapped by position.
    expect(cellText(first.rows[0]!.cells[0]!)).toBe('Urgent and emergency');
    expect(cellText(first.rows[0]!.cells[1]!)).toMatch(/^Improve A&E waiting times/);
    expect(found[1]!.rows[0]!.at.page).toBe(2);
  });

  it('numbers pages at form feeds', () => {
    expect(splitLines('a\n\fb\nc').map((l) => [l.line, l.page])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
    ]);
  });
});
