import {describe, expect, it} from 'vitest';
import {ingestText} from '../../src/ingest/text/ingest-text.js';
import {findTextFurniture} from '../../src/ingest/text/text-furniture.js';
import {splitLines} from '../../src/ingest/text/text-lines.js';
import {finishTable} from '../../src/ingest/table/finish-table.js';
import type {TableBlock} from '../../src/model/document.js';

// Two pages as `pdftotext -layout` gives them: a running header and a footer with the page number on
// each page, a table that goes on to page 2 under its repeated header row.
const DUMP = [
  'Riverside Council | Parks plan 2026',
  '',
  'Parks plan 2026',
  'The plan sets out what the parks service will do over the year, with the area each objective belongs to.',
  '',
  ' Area                  Objective',
  ' Trees                 Plant 1,000 street trees in the wards with the least tree cover',
  '                       Survey every veteran tree in the borough parks',
  '',
  '',
  'Ref: RC-PK-2026                                                                     Page 1 of 2',
  '\fRiverside Council | Parks plan 2026',
  '',
  ' Area                  Objective',
  '                       Replace every tree lost to disease within the same season',
  ' Play                  Refurbish the ten oldest playgrounds',
  '                       Open a changing place toilet in each of the three largest parks',
  '',
  'Ref: RC-PK-2026                                                                     Page 2 of 2',
].join('\n');

describe('findTextFurniture', () => {
  it('finds running headers and numbered footers repeated on the pages of a dump, not a table header repeated on each page', () => {
    const lines = splitLines(DUMP);
    const found = [...findTextFurniture(lines)].map((i) => lines[i]!.line).sort((a, b) => a - b);
    expect(found).toEqual([1, 11, 12, 19]);
  });

  it('finds nothing in a dump of one page', () => {
    expect(findTextFurniture(splitLines(DUMP.split('\f')[0]!)).size).toBe(0);
  });

  it('lets the table go on across the page break once the furniture is gone', () => {
    const read = ingestText(DUMP);
    expect(read.furniture).toEqual({lines: 4, pages: 2});
    expect(read.title).toBe('Parks plan 2026');
    const tables = read.blocks.filter((b): b is TableBlock => b.kind === 'table').map(finishTable);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => [r.cells[0]!.spannedFrom ? '^' : r.cells[0]!.text, r.cells[1]!.text.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['Trees', 'Plant 1,000'],
      ['', 'Survey every'],
      ['', 'Replace every'],
      ['Play', 'Refurbish the'],
      ['', 'Open a'],
    ]);
  });
});
