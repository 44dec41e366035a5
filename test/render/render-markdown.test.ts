import {describe, expect, it} from 'vitest';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';
import type {Table} from 'mdast';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {tinyComparison} from './tiny-comparison.js';

describe('renderMarkdown', () => {
  it('escapes pipes so that each row keeps its five cells', () => {
    const md = renderMarkdown(tinyComparison('a | b', 'c|d'));
    const tree = fromMarkdown(md, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});
    const table = tree.children.find((n): n is Table => n.type === 'table')!;
    expect(table.children.map((row) => row.children.length)).toEqual([5, 5]);
    expect(md).toContain('Uplift from 1 to 2');
  });

  it('shows the word diff: removed words struck through, added words in bold', () => {
    const comparison = tinyComparison('Reduce waits', 'Reduce long waits');
    comparison.rows[0]!.wordDiff = [
      {op: 'equal', text: 'Reduce '},
      {op: 'insert', text: 'long '},
      {op: 'equal', text: 'waits'},
      {op: 'delete', text: ' soon'},
    ];
    expect(renderMarkdown(comparison)).toContain('Reduce **long** waits ~~soon~~ _(l. 3)_');
  });
});
