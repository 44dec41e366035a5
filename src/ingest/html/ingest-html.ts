import rehypeParse from 'rehype-parse';
import {unified} from 'unified';
import type {Root} from 'hast';
import {hastToBlocks} from './hast-blocks.js';
import type {Block} from '../../model/document.js';

/** Parsed HTML: blocks in document order and the document title (`<title>` or first heading). */
export interface HtmlContent {
  blocks: Block[];
  title?: string;
}

function firstHeading(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) if (block.kind === 'heading') return block.text;
  return undefined;
}

/**
 * Parse an HTML document (or fragment) with rehype-parse and read its blocks.
 *
 * @example
 * ingestHtml('<table><tr><th>Area</th><th>Objective</th></tr></table>').blocks[0].kind; // 'table'
 */
export function ingestHtml(text: string, options: {fragment?: boolean; lineOffset?: number} = {}): HtmlContent {
  const tree = unified().use(rehypeParse, {fragment: options.fragment ?? false}).parse(text) as Root;
  const blocks = hastToBlocks(tree, {lineOffset: options.lineOffset ?? 0});
  let title: string | undefined;
  const findTitle = (node: Root | Root['children'][number]): void => {
    if (title !== undefined) return;
    if (node.type === 'element' && node.tagName === 'title') {
      const t = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('').replace(/\s+/g, ' ').trim();
      if (t) title = t;
      return;
    }
    if ('children' in node) for (const child of node.children) findTitle(child);
  };
  findTitle(tree);
  title ??= firstHeading(blocks);
  return title === undefined ? {blocks} : {blocks, title};
}
