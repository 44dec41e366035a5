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
