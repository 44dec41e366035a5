import type {Block, HeadingBlock, ParagraphBlock} from '../../model/document.js';
import {physicalTable} from '../table/physical-table.js';
import {delimitedTable, tabRuns} from './delimited-table.js';
import {findLayoutTables} from './layout-table.js';
import {textBlocks} from './text-blocks.js';
import {splitLines} from './text-lines.js';

/**
 * Read plain or layout text: tab-separated runs and space-aligned column runs become tables (through the
 * shared physical-line row builder), the rest headings, paragraphs and lists. The first line is the title.
 *
 * @example
 * ingestText('Title\n\n\tArea\tObjective\n\tCancer\tReduce waits\n').blocks.map((b) => b.kind); // ['heading', 'table']
 */
export function ingestText(text: string): {blocks: Block[]; title?: string} {
  const lines = splitLines(text);
  const tables = new Map<number, {end: number; block: Block}>();
  for (const [start, end] of tabRuns(lines)) tables.set(start, {end, block: physicalTable(delimitedTable(lines.slice(start, end + 1), []))});
  const taken = (i: number): boolean => [...tables].some(([s, t]) => i >= s && i <= t.end);
  for (const found of findLayoutTables(lines, taken)) tables.set(found.start, {end: found.end, block: physicalTable(found.input)});

  const blocks: Block[] = [];
  let from = 0;
  const starts = [...tables.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    blocks.push(...textBlocks(lines.slice(from, start), from === 0, true));
    const table = tables.get(start)!;
    blocks.push(table.block);
    from = table.end + 1;
  }
  blocks.push(...textBlocks(lines.slice(from), from === 0));
  const title = blocks.find((b): b is HeadingBlock | ParagraphBlock => b.kind === 'heading' || b.kind === 'paragraph')?.text;
  return title === undefined ? {blocks} : {blocks, title};
}
