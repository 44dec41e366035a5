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

  it('says once how the groups were regrouped, and marks a weak pairing for review', () => {
    const comparison = tinyComparison('Meet the standard', 'Meet the standard');
    comparison.groups = [
      {kind: 'merged', previous: ['Cancer', 'Elective care', 'Diagnostics'], current: ['Reduce the time people wait for elective care'], items: 7, summary: 'Cancer + Elective care + Diagnostics → Reduce the time people wait for elective care'},
      {kind: 'same', previous: ['A'], current: ['A'], items: 1, summary: 'A → A'},
    ];
    comparison.rows[0]!.confidence = 0.31;
    comparison.rows[0]!.uncertain = true;
    const md = renderMarkdown(comparison);
    expect(md).toContain('## Groups\n\n- **Merged**: Cancer + Elective care + Diagnostics → Reduce the time people wait for elective care (7 objectives)\n');
    expect(md).not.toContain('A → A');
    expect(md).toContain('Kept (check pairing: confidence 0.31)');
    const tree = fromMarkdown(md, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});
    expect(tree.children.filter((n) => n.type === 'table')).toHaveLength(1);
  });

  it('escapes Markdown syntax in cell text so that it reads back as the same text', () => {
    const text = 'Cut *waits* for A&E_2 by [half] <now> ~~ `x` \\ |';
    const md = renderMarkdown(tinyComparison(text, text));
    const tree = fromMarkdown(md, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});
    const table = tree.children.find((n): n is Table => n.type === 'table')!;
    const cell = table.children[1]!.children[1]!;
    const plain = (node: {value?: string; children?: unknown[]}): string => node.value ?? (node.children ?? []).map((c) => plain(c as never)).join('');
    expect(plain(cell as never)).toBe(`${text} (l. 3)`);
  });
});
