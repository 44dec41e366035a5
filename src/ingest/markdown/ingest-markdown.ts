import rehypeParse from 'rehype-parse';
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough';
import {gfmTable as gfmTableSyntax} from 'micromark-extension-gfm-table';
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough';
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table';
import type {Processor} from 'unified';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {toString} from 'mdast-util-to-string';
import type {Root as HastRoot} from 'hast';
import type {Root, RootContent, Table, TableCell} from 'mdast';
import {type Block, type Cell, type Fragment, type Row, type TableBlock} from '../../model/source-document.js';
import {firstText} from '../../model/blocks.js';
import {hastToFragments} from '../html/hast-blocks.js';
import {ingestHtml} from '../html/ingest-html.js';
import {locate, splitLines, tabRuns, tabTable, type TextLine} from '../text/ingest-text.js';
import {maxOf} from '../../util/extremes.js';

/**
 * The parts of GFM a document's objectives need: tables and strikethrough. Not the whole of remark-gfm:
 * its autolink-literal scan alone costs more than the tables on a long document (seed 002: about
 * half the parse time when cold).
 */
function remarkGfmTables(this: Processor): void {
  const data = this.data() as {micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[]};
  (data.micromarkExtensions ??= []).push(gfmTableSyntax(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}

const htmlFragment = unified().use(rehypeParse, {fragment: true});
const markdownInline = unified().use(remarkParse).use(remarkGfmTables);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown inline syntax (links, emphasis) reduced to its text. */
function inlineText(text: string): string {
  if (!/[[*_`\\]/.test(text)) return text;
  return toString(markdownInline.parse(text));
}

/** Parse a cell's HTML (rehype-parse) into fragments, one per list item or paragraph. */
function htmlCellFragments(html: string, line: number): Fragment[] {
  const tree = htmlFragment.parse(html) as HastRoot;
  return hastToFragments(tree, line - 1).map((f) => ({...f, text: inlineText(f.text), at: {...f.at, line}}));
}

/** A tab-separated cell of a Markdown file may hold inline HTML (`<ul>` lists) and Markdown. */
function readMarkdownCell(raw: string, line: TextLine): Fragment[] {
  if (!raw) return [];
  return htmlCellFragments(raw, line.line).map((f) => ({...f, at: locate(line)}));
}

function gfmCell(cell: TableCell, header: boolean): Cell {
  const line = cell.position?.start.line ?? 1;
  const html = cell.children.map((child) => (child.type === 'html' ? child.value : escapeHtml(toString(child)))).join('');
  return {fragments: htmlCellFragments(html, line), rowSpan: 1, colSpan: 1, header};
}

function gfmTable(table: Table): TableBlock {
  const columns = maxOf(table.children.map((row) => row.children.length), 0);
  const rows: Row[] = table.children.map((row, r) => {
    const cells = Array.from({length: columns}, (_, c): Cell => {
      const cell = row.children[c];
      return cell ? gfmCell(cell, r === 0) : {fragments: [], rowSpan: 1, colSpan: 1, header: r === 0};
    });
    return {cells, physical: false, at: {line: row.position?.start.line ?? 1}};
  });
  return {kind: 'table', columns, header: rows.slice(0, 1), rows: rows.slice(1), at: {line: table.position?.start.line ?? 1}};
}

/**
 * Read Markdown with remark-parse + remark-gfm. GFM tables and tab-separated tables (as pasted from a
 * word processor) become tables; HTML inside them (lists in cells) is parsed with rehype-parse.
 *
 * @example
 * ingestMarkdown('# Title\n\n| Area | Objective |\n|---|---|\n| Cancer | Reduce waits |\n').blocks[1].kind; // 'table'
 */
export function ingestMarkdown(text: string): {blocks: Block[]; title?: string} {
  const tree = unified().use(remarkParse).use(remarkGfmTables).parse(text) as Root;
  const lines = splitLines(text);
  const blocks: Block[] = [];
  const visit = (node: RootContent): void => {
    const start = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'heading': {
        const value = toString(node).trim();
        if (value) blocks.push({kind: 'heading', level: node.depth, text: value, at: {line: start}});
        return;
      }
      case 'paragraph': {
        const end = node.position?.end.line ?? start;
        const own = lines.slice(start - 1, end);
        const runs = tabRuns(own);
        if (runs.length === 0) {
          const value = toString(node).replace(/\s+/g, ' ').trim();
          if (value) blocks.push({kind: 'paragraph', text: value, at: {line: start}});
          return;
        }
        let cursor = 0;
        const textLines = (from: number, to: number): void => {
          const value = own.slice(from, to).map((l) => inlineText(l.text.trim())).join(' ').replace(/\s+/g, ' ').trim();
          if (value) blocks.push({kind: 'paragraph', text: value, at: {line: own[from]!.line}});
        };
        for (const [s, e] of runs) {
          textLines(cursor, s);
          blocks.push(tabTable(own.slice(s, e + 1), readMarkdownCell));
          cursor = e + 1;
        }
        textLines(cursor, own.length);
        return;
      }
      case 'list':
        for (const item of node.children) {
          const nested = item.children.filter((child) => child.type === 'list' || child.type === 'table');
          const value = item.children
            .filter((child) => child.type !== 'list' && child.type !== 'table')
            .map((child) => toString(child))
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim();
          if (value) blocks.push({kind: 'list-item', text: value, at: {line: item.position?.start.line ?? start}});
          nested.forEach(visit);
        }
        return;
      case 'table':
        blocks.push(gfmTable(node));
        return;
      case 'html':
        for (const block of ingestHtml(node.value, {fragment: true, lineOffset: start - 1}).blocks) blocks.push(block);
        return;
      case 'blockquote':
        node.children.forEach(visit);
        return;
      default:
        return;
    }
  };
  tree.children.forEach(visit);
  const title = firstText(blocks, 'heading') ?? firstText(blocks, 'paragraph');
  return title === undefined ? {blocks} : {blocks, title};
}
