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
import type {List, ListItem as MdListItem, Root, RootContent, Table, TableCell} from 'mdast';
import type {Block, Cell, Fragment, HeadingBlock, ListItem, ParagraphBlock, Row, TableBlock} from '../../model/document.js';
import {BOLD_LABEL_MAX_WORDS, hastToFragments} from '../html/hast-blocks.js';
import {ingestHtml} from '../html/ingest-html.js';
import {joinLines} from '../table/join-lines.js';
import {tabRuns} from '../text/delimited-table.js';
import {locate, splitLines, splitMarker, type TextLine} from '../text/text-lines.js';

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

/** A cell's HTML (rehype-parse) → fragments, one per list item or paragraph, all on the cell's line. */
function htmlCellFragments(html: string, line: TextLine | number): Fragment[] {
  const at = typeof line === 'number' ? {line} : locate(line);
  const tree = htmlFragment.parse(html) as HastRoot;
  return hastToFragments(tree).map((f) => {
    const {marker, text} = f.marker === undefined ? splitMarker(inlineText(f.text)) : {marker: f.marker, text: inlineText(f.text)};
    return marker === undefined ? {text, at} : {text, marker, at};
  });
}

function cellOf(fragments: Fragment[], header: boolean): Cell {
  return {text: fragments.map((f) => f.text).join(' '), fragments, rowSpan: 1, colSpan: 1, header};
}

function gfmCell(cell: TableCell, header: boolean): Cell {
  const line = cell.position?.start.line ?? 1;
  const html = cell.children.map((child) => (child.type === 'html' ? child.value : escapeHtml(toString(child)))).join('');
  const out = cellOf(htmlCellFragments(html, line), header);
  const content = cell.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (out.text && content.length === 1 && content[0]!.type === 'strong') out.emphasis = true;
  return out;
}

function gfmTable(table: Table): TableBlock {
  const columns = Math.max(0, ...table.children.map((row) => row.children.length));
  const rows: Row[] = table.children.map((row, r) => {
    const cells = Array.from({length: columns}, (_, c): Cell => {
      const cell = row.children[c];
      return cell ? gfmCell(cell, r === 0) : cellOf([], r === 0);
    });
    return {cells, at: {line: row.position?.start.line ?? 1}};
  });
  return {kind: 'table', method: 'markup', path: [], columns, header: rows.slice(0, 1), rows: rows.slice(1), at: {line: table.position?.start.line ?? 1}};
}

/**
 * Tab-separated lines inside a Markdown paragraph (a table pasted from a word processor): one row per
 * line, each cell read as inline HTML and Markdown (a cell may hold a `<ul>` list).
 */
function delimitedRows(lines: readonly TextLine[]): TableBlock {
  const split = lines.map((l) => l.text.split('\t').map((field) => field.trim()));
  const columns = Math.max(0, ...split.map((fields) => fields.length));
  const rows: Row[] = lines.map((line, i) => ({
    cells: Array.from({length: columns}, (_, c) => cellOf(split[i]![c] ? htmlCellFragments(split[i]![c]!, line) : [], false)),
    at: locate(line),
  }));
  return {kind: 'table', method: 'delimited', path: [], columns, header: [], rows, at: locate(lines[0]!)};
}

function listItems(list: List): ListItem[] {
  const start = list.start ?? 1;
  return list.children.flatMap((item: MdListItem, k): ListItem[] => {
    const nested = item.children.filter((child): child is List => child.type === 'list').flatMap(listItems);
    const text = item.children
      .filter((child) => child.type !== 'list' && child.type !== 'table')
      .map((child) => toString(child))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return nested;
    return [{text, marker: list.ordered ? `${start + k}.` : '•', at: {line: item.position?.start.line ?? 1}, items: nested}];
  });
}

/**
 * Read Markdown with remark-parse + remark-gfm into the shared document model: headings, paragraphs,
 * nested lists, GFM tables (first row the header) and tab-separated tables (as pasted from a word
 * processor); HTML inside them (lists in cells) is parsed with rehype-parse.
 *
 * @example
 * ingestMarkdown('# Title\n\n| Area | Objective |\n|---|---|\n| Cancer | Reduce waits |\n').blocks[1].kind; // 'table'
 */
export function ingestMarkdown(text: string): {blocks: Block[]; title?: string} {
  const tree = unified().use(remarkParse).use(remarkGfmTables).parse(text) as Root;
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let level = 0;
  const paragraph = (own: readonly TextLine[]): void => {
    const value = joinLines(own.map((l) => inlineText(l.text.trim())));
    if (value) blocks.push({kind: 'paragraph', text: value, path: [], at: locate(own[0]!)});
  };
  const visit = (node: RootContent): void => {
    const start = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'heading': {
        const value = toString(node).replace(/\s+/g, ' ').trim();
        if (value) blocks.push({kind: 'heading', level: node.depth, text: value, path: [], at: {line: start}});
        level = node.depth;
        return;
      }
      case 'paragraph': {
        const end = node.position?.end.line ?? start;
        const own = lines.slice(start - 1, end);
        const runs = tabRuns(own);
        const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
        const label = content.length === 1 && content[0]!.type === 'strong' ? toString(content[0]!).replace(/\s+/g, ' ').trim() : '';
        if (label && label.split(' ').length <= BOLD_LABEL_MAX_WORDS && !/[.;,]$/.test(label)) {
          // A paragraph that is one short bold phrase labels what follows, as a heading would.
          blocks.push({kind: 'heading', level: Math.min(6, level + 1), text: label.replace(/:$/, ''), path: [], at: {line: start}});
          return;
        }
        if (runs.length === 0) {
          const value = toString(node).replace(/\s+/g, ' ').trim();
          if (value) blocks.push({kind: 'paragraph', text: value, path: [], at: {line: start}});
          return;
        }
        let cursor = 0;
        for (const [s, e] of runs) {
          if (s > cursor) paragraph(own.slice(cursor, s));
          blocks.push(delimitedRows(own.slice(s, e + 1)));
          cursor = e + 1;
        }
        if (cursor < own.length) paragraph(own.slice(cursor));
        return;
      }
      case 'list': {
        const items = listItems(node);
        if (items.length) blocks.push({kind: 'list', ordered: node.ordered === true, path: [], items, at: {line: start}});
        for (const item of node.children) for (const child of item.children) if (child.type === 'table') visit(child);
        return;
      }
      case 'table':
        blocks.push(gfmTable(node));
        return;
      case 'html':
        blocks.push(...ingestHtml(node.value, {fragment: true, lineOffset: start - 1}).blocks);
        return;
      case 'blockquote':
        node.children.forEach(visit);
        return;
      default:
        return;
    }
  };
  tree.children.forEach(visit);
  const title = blocks.find((b): b is HeadingBlock | ParagraphBlock => b.kind === 'heading' || b.kind === 'paragraph')?.text;
  return title === undefined ? {blocks} : {blocks, title};
}
