import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {ingestMarkdown} from '../../src/ingest/markdown/ingest-markdown.js';
import {cellText} from '../../src/model/blocks.js';
import type {TableBlock} from '../../src/model/source-document.js';
import {SEED_2024} from '../helpers.js';

const table = (text: string): TableBlock => ingestMarkdown(text).blocks.find((b): b is TableBlock => b.kind === 'table')!;

describe('ingestMarkdown', () => {
  it('reads a GFM table whose cells hold HTML lists: one fragment per list item', () => {
    const md = '# Objectives\n\n| Area | Objective |\n| --- | --- |\n| Cancer | <ul><li>Reduce waits</li><li>Improve diagnosis</li></ul> |\n| Workforce | Retain staff<br>Cut agency spend |\n';
    const t = table(md);
    expect(t.header[0]!.cells.map(cellText)).toEqual(['Area', 'Objective']);
    expect(t.rows[0]!.cells[1]!.fragments.map((f) => f.text)).toEqual(['Reduce waits', 'Improve diagnosis']);
    expect(t.rows[1]!.cells[1]!.fragments.map((f) => f.text)).toEqual(['Retain staff', 'Cut agency spend']);
    expect(t.rows[0]!.at.line).toBe(5);
  });

  it('reads the seed guidance: a tab-separated table in a paragraph, HTML list in each cell', () => {
    const t = table(readFileSync(SEED_2024, 'utf8'));
    expect(t.rows).toHaveLength(12);
    expect(cellText(t.rows[2]!.cells[0]!)).toBe('Primary and community services');
    // The list lost its <li> markup: the cell is one run of text for the extractor to split.
    expect(t.rows[2]!.cells[1]!.fragments[0]!.text).toMatch(/^Improve community services waiting times, with a focus on reducing long waits Continue/);
    expect(t.rows[2]!.at.line).toBe(90);
  });

  it('reduces inline Markdown to text and keeps headings and list items', () => {
    const blocks = ingestMarkdown('# Title\n\nSee the [framework](#).\n\n- one\n- two\n').blocks;
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : `${b.kind}:${b.text}`))).toEqual([
      'heading:Title',
      'paragraph:See the framework.',
      'list-item:one',
      'list-item:two',
    ]);
  });
});
