import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {ingestMarkdown} from '../../src/ingest/markdown/ingest-markdown.js';
import type {ListBlock, TableBlock} from '../../src/model/document.js';
import {SEED_2024} from '../helpers.js';

const table = (text: string): TableBlock => ingestMarkdown(text).blocks.find((b): b is TableBlock => b.kind === 'table')!;

describe('ingestMarkdown', () => {
  it('reads a GFM table whose cells hold HTML lists: one fragment per list item', () => {
    const md = '# Objectives\n\n| Area | Objective |\n| --- | --- |\n| Cancer | <ul><li>Reduce waits</li><li>Improve diagnosis</li></ul> |\n| Workforce | Retain staff<br>Cut agency spend |\n';
    const t = table(md);
    expect(t.method).toBe('markup');
    expect(t.header[0]!.cells.map((c) => c.text)).toEqual(['Area', 'Objective']);
    expect(t.rows[0]!.cells[1]!.fragments.map((f) => [f.marker, f.text])).toEqual([
      ['•', 'Reduce waits'],
      ['•', 'Improve diagnosis'],
    ]);
    expect(t.rows[1]!.cells[1]!.fragments.map((f) => f.text)).toEqual(['Retain staff', 'Cut agency spend']);
    expect(t.rows[0]!.at.line).toBe(5);
  });

  it('reads the seed guidance: a tab-separated table in a paragraph, one row per line, HTML list in each cell', () => {
    const t = table(readFileSync(SEED_2024, 'utf8'));
    expect(t.method).toBe('delimited');
    expect(t.rows).toHaveLength(13);
    expect(t.rows[0]!.cells.map((c) => c.text)).toEqual(['Area', 'Objective']);
    expect(t.rows[3]!.cells[0]!.text).toBe('Primary and community services');
    // The list lost its <li> markup: the cell is one run of text for the extractor to split.
    expect(t.rows[3]!.cells[1]!.fragments[0]!.text).toMatch(/^Improve community services waiting times, with a focus on reducing long waits Continue/);
    expect(t.rows[3]!.at.line).toBe(90);
  });

  it('reduces inline Markdown to text; keeps headings, and lists with their nesting and numbers', () => {
    const blocks = ingestMarkdown('# Title\n\nSee the [framework](#).\n\n3. one\n4. two\n   - two a\n').blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list']);
    expect(blocks[1]).toMatchObject({text: 'See the framework.'});
    const list = blocks[2] as ListBlock;
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => [i.marker, i.text, i.items.map((c) => c.text)])).toEqual([
      ['3.', 'one', []],
      ['4.', 'two', ['two a']],
    ]);
  });
});

describe('ingestMarkdown: plain pipe tables read from the lines', () => {
  // Each document is read twice, with and without the direct reading of plain tables: the blocks must
  // be the same, whatever surrounds the tables.
  const documents: Record<string, string> = {
    'one table between paragraphs': '# Plan\n\nIntro text.\n\n| Area | Objective |\n| --- | :-: |\n| Cancer | Reduce waits to 62 days |\n|  Workforce|Cut agency spend by 3.2% | \n\nAfter the table.\n',
    'tables without a trailing pipe, one column, an empty cell': '| Goal\n|---\n| Improve care\n\n| a | b |\n|---|---|\n|  | x |\n| y |  |\n',
    'a table after a list, then an indented line': '- first item\n- second item\n\n| Area | Objective |\n|---|---|\n| A | Do this |\n\n  indented after the table\n\n    code block\n',
    'a table in a list item (indented: left to the parser)': '- item\n\n  | a | b |\n  |---|---|\n  | c | d |\n',
    'a table right under a paragraph (left to the parser)': 'Some words\n| a | b |\n|---|---|\n| c | d |\n',
    'a row without pipes continues the table (left to the parser)': '| a | b |\n|---|---|\n| c | d |\ne\n\nnext\n',
    'uneven rows (left to the parser)': '| a | b |\n|---|---|\n| c |\n| d | e | f |\n',
    'markup in a cell (left to the parser)': '| a | b |\n|---|---|\n| **Bold** | `code` |\n| x &amp; y | A&E 4 hours |\n\n| a | b |\n|---|---|\n| A&E | 76% <br> 78% |\n',
    'a fence: the whole document is parsed': '```\n\n| a | b |\n|---|---|\n| c | d |\n```\n\n| e | f |\n|---|---|\n| g | h |\n',
    'an HTML comment across blank lines': '<!-- note\n\n| a | b |\n|---|---|\n| c | d |\n\n-->\n',
    'not a delimiter row': '| a | b |\n| c | d |\n\n| a | b |\n|---|---|---|\n| c | d |\n',
    'CRLF line ends and a blockquote before': '> quoted\n\r\n| Area | Objective |\r\n|---|---|\r\n| North | Open 3 clinics |\r\n',
  };
  for (const [name, md] of Object.entries(documents)) {
    it(`same blocks as the parser: ${name}`, () => {
      expect(ingestMarkdown(md)).toEqual(ingestMarkdown(md, {plainTables: false}));
    });
  }

  it('reads a plain table with rows, header and line numbers', () => {
    const t = table('Title\n\n| Area | Objective |\n|---|---|\n| Cancer | Reduce waits |\n| Mental health | Expand access |\n');
    expect(t.header[0]!.cells.map((c) => [c.text, c.header])).toEqual([
      ['Area', true],
      ['Objective', true],
    ]);
    expect(t.rows.map((r) => [r.at.line, ...r.cells.map((c) => c.text)])).toEqual([
      [5, 'Cancer', 'Reduce waits'],
      [6, 'Mental health', 'Expand access'],
    ]);
  });
});
