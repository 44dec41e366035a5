import type {Block, HeadingBlock, ParagraphBlock} from '../../model/document.js';
import {physicalTable} from '../table/physical-table.js';
import {delimitedTable, tabRuns} from './delimited-table.js';
import {findTextFurniture} from './text-furniture.js';
import {CAPTION, findLayoutTables} from './layout-table.js';
import {textBlocks, type TextBlockOptions} from './text-blocks.js';
import {locate, splitLines} from './text-lines.js';

/**
 * Read plain or layout text: running headers, footers and page numbers of a paged dump removed, tab-separated runs and space-aligned column runs become tables (through the
 * shared physical-line row builder), the rest headings, paragraphs and lists. The first line is the title.
 *
 * @example
 * ingestText('Title\n\n\tArea\tObjective\n\tCancer\tReduce waits\n').blocks.map((b) => b.kind); // ['heading', 'table']
 */
export function ingestText(text: string): {blocks: Block[]; title?: string; furniture?: {lines: number; pages: number}} {
  // Running headers, footers and page numbers of a paged dump are blanked (line numbers kept).
  const paged = splitLines(text);
  const furniture = findTextFurniture(paged);
  const lines = furniture.size ? paged.map((line, i) => (furniture.has(i) ? {...line, text: ''} : line)) : paged;
  const tables = new Map<number, {end: number; block: Block; after?: Block[]}>();
  for (const [start, end] of tabRuns(lines)) tables.set(start, {end, block: physicalTable(delimitedTable(lines.slice(start, end + 1), []))});
  const taken = (i: number): boolean => [...tables].some(([s, t]) => i >= s && i <= t.end);
  for (const found of findLayoutTables(lines, taken)) {
    // A caption line ("Table 3: …") just above the table (at most one blank line between) is its caption.
    let above = found.start - 1;
    if (above >= 0 && !lines[above]!.text.trim()) above--;
    const caption = above >= 0 && !taken(above) && !tables.has(above) ? lines[above]!.text.trim() : '';
    // Margin text passed over inside the table (a side label) follows the table as a paragraph of its own.
    const after = found.margins.map((line): Block => ({kind: 'paragraph', text: line.text.trim().replace(/\s+/g, ' '), path: [], at: locate(line)}));
    if (CAPTION.test(caption) && !/\s{2,}/.test(caption)) {
      tables.set(above, {end: found.end, block: physicalTable({...found.input, caption: caption.replace(/\s+/g, ' ')}), after});
    } else tables.set(found.start, {end: found.end, block: physicalTable(found.input), after});
  }

  const blocks: Block[] = [];
  // The right edge of the text: where wrapped lines end.
  const rightEdge = Math.max(0, ...lines.map((l) => l.text.trimEnd().length));
  const options = (from: number): TextBlockOptions => (from > 0 ? {rightEdge, before: lines[from - 1]!} : {rightEdge});
  let from = 0;
  const starts = [...tables.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    blocks.push(...textBlocks(lines.slice(from, start), from === 0, true, options(from)));
    const table = tables.get(start)!;
    blocks.push(table.block, ...(table.after ?? []));
    from = table.end + 1;
  }
  blocks.push(...textBlocks(lines.slice(from), from === 0, false, options(from)));
  const title = blocks.find((b): b is HeadingBlock | ParagraphBlock => b.kind === 'heading' || b.kind === 'paragraph')?.text;
  const read: {blocks: Block[]; title?: string; furniture?: {lines: number; pages: number}} = {blocks};
  if (title !== undefined) read.title = title;
  if (furniture.size) read.furniture = {lines: furniture.size, pages: new Set([...furniture].map((i) => paged[i]!.page)).size};
  return read;
}
