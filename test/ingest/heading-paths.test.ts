import {describe, expect, it} from 'vitest';
import {headingPaths} from '../../src/ingest/heading-paths.js';
import {ingestHtml} from '../../src/ingest/html/ingest-html.js';

describe('headingPaths', () => {
  it('gives each block the headings above it, outermost first', () => {
    const blocks = headingPaths(ingestHtml('<h1>Plan</h1><h2>Transport</h2><p>a</p><h3>Buses</h3><ul><li>b</li></ul><h2>Housing</h2><p>c</p>').blocks);
    expect(blocks.map((b) => [b.kind, b.path])).toEqual([
      ['heading', []],
      ['heading', ['Plan']],
      ['paragraph', ['Plan', 'Transport']],
      ['heading', ['Plan', 'Transport']],
      ['list', ['Plan', 'Transport', 'Buses']],
      ['heading', ['Plan']],
      ['paragraph', ['Plan', 'Housing']],
    ]);
  });
});
