import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {ingestText} from '../../src/ingest/text/ingest-text.js';
import {splitLines} from '../../src/ingest/text/text-lines.js';
import {finishTable} from '../../src/ingest/table/finish-table.js';
import type {ListBlock, TableBlock} from '../../src/model/document.js';
import {LAYOUT_2023, SEED_2023} from '../helpers.js';

const tables = (text: string): TableBlock[] => ingestText(text).blocks.filter((b): b is TableBlock => b.kind === 'table').map(finishTable);

describe('ingestText', () => {
  it('reads a tab-separated dump into logical rows: wrapped lines joined, a label spanning rows', () => {
    const [table] = tables(readFileSync(SEED_2023, 'utf8'));
    expect(table!.method).toBe('delimited');
    expect(table!.columns).toBe(3);
    expect(table!.header[0]!.cells.map((c) => c.text)).toEqual(['', 'Area', 'Objective']);
    expect(table!.rows).toHaveLength(31);
    expect(table!.rows[0]!.at.line).toBe(4);
    expect(table!.rows[0]!.cells[2]!.text).toBe('Improve A&E waiting times so that no less than 76% of patients are seen within 4 hours by March 2024 with further improvement in 2024/25');
    expect(table!.rows[0]!.cells[1]!.text).toBe('Urgent and emergency care*');
    // "Community / health services / Services" spans the two objectives beside it.
    expect(table!.rows[3]!.cells[1]).toMatchObject({text: 'Community health services Services', rowSpan: 2});
    expect(table!.rows[4]!.cells[1]!.spannedFrom).toEqual({row: 4, column: 1});
  });

  it('takes the first line as the title, joins wrapped paragraph lines, reads headings and nested lists', () => {
    const read = ingestText('National objectives 2024/25\n\nThe guidance includes\n32 objectives.\n\nTransport\n\n1. Cut bus waits\n   a) at peak times\n2. Build cycle lanes across\n   the city centre\n');
    expect(read.title).toBe('National objectives 2024/25');
    expect(read.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'list']);
    expect(read.blocks[1]).toMatchObject({kind: 'paragraph', text: 'The guidance includes 32 objectives.', at: {line: 3}});
    const list = read.blocks[3] as ListBlock;
    expect(list.items.map((i) => [i.marker, i.text, i.items.map((c) => c.text)])).toEqual([
      ['1.', 'Cut bus waits', ['at peak times']],
      ['2.', 'Build cycle lanes across the city centre', []],
    ]);
  });

  it('reads space-aligned layout text (pdftotext -layout) into columns, a table continued on the next page joined', () => {
    const found = tables(readFileSync(LAYOUT_2023, 'utf8'));
    expect(found).toHaveLength(1);
    const first = found[0]!;
    expect(first.method).toBe('layout');
    expect(first.header[0]!.cells.map((c) => c.text)).toEqual(['Area', 'Objective']);
    // "Urgent and emergency Improve A&E …" has a single space between the columns: cut at the column start.
    expect(first.rows[0]!.cells[0]!.text).toBe('Urgent and emergency care*');
    expect(first.rows[0]!.cells[1]!.text).toMatch(/^Improve A&E waiting times .* in 2024\/25$/);
    expect(first.rows.at(-1)!.at.page).toBe(2);
    expect(first.pages).toEqual([1, 2]);
    expect(first.rows).toHaveLength(31);
  });

  it('numbers pages at form feeds', () => {
    expect(splitLines('a\n\fb\nc').map((l) => [l.line, l.page])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
    ]);
  });
});
