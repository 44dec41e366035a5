import {describe, expect, it} from 'vitest';
import {ingestHtml} from '../../src/ingest/html/ingest-html.js';
import type {TableBlock} from '../../src/model/document.js';

describe('hastToBlocks', () => {
  it('resolves rowspan and colspan into a grid whose spanned slots point at their owner', () => {
    const html = `<table><caption>National objectives</caption>
<tr><th>Area</th><th>Objective</th></tr>
<tr><td rowspan="2">Cancer</td><td>Reduce waits</td></tr>
<tr><td>Improve diagnosis</td></tr>
<tr><td colspan="2">Note spanning both</td></tr></table>`;
    const table = ingestHtml(html).blocks[0] as TableBlock;
    expect(table.caption).toBe('National objectives');
    expect(table.columns).toBe(2);
    expect(table.rows[1]!.cells[0]!.spannedFrom).toEqual({row: 1, column: 0});
    expect(table.rows[1]!.cells[1]!.text).toBe('Improve diagnosis');
    expect(table.rows[2]!.section).toBe(true);
    expect(table.method).toBe('markup');
    expect(table.rows[2]!.cells[1]!.spannedFrom).toEqual({row: 3, column: 0});
  });

  it('ignores scripts, styles, navigation, headers, footers and cookie banners', () => {
    const html = `<html><head><title>T</title><style>p{}</style></head><body>
<header>Site header</header><nav>Menu</nav><div id="cookie-banner"><p>We use cookies</p></div>
<main><h1>Guidance</h1><p>Body text</p><script>alert(1)</script></main><footer>Footer</footer></body></html>`;
    const read = ingestHtml(html);
    expect(read.title).toBe('T');
    expect(read.blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['Guidance', 'Body text']);
  });

  it('reads nested lists with their numbering, and lists inside table cells as marked fragments', () => {
    const html = '<ol start="3"><li>Transport<ul><li>Cut bus waits</li><li>Build cycle lanes</li></ul></li><li>Housing</li></ol><table><tr><th>Area</th><th>Objective</th></tr><tr><td>A</td><td><ol><li>One</li><li>Two</li></ol></td></tr></table>';
    const [list, table] = ingestHtml(html).blocks as [import('../../src/model/document.js').ListBlock, TableBlock];
    expect(list.items.map((i) => [i.marker, i.text, i.items.map((c) => c.text)])).toEqual([
      ['3.', 'Transport', ['Cut bus waits', 'Build cycle lanes']],
      ['4.', 'Housing', []],
    ]);
    expect(table.rows[0]!.cells[1]!.fragments.map((f) => [f.marker, f.text])).toEqual([
      ['1.', 'One'],
      ['2.', 'Two'],
    ]);
  });
});
