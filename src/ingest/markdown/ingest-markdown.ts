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
function remarkGfmTables(this: Processor, options: {tables?: boolean; strikethrough?: boolean} = {}): void {
  const data = this.data() as {micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[]};
  if (options.tables !== false) {
    (data.micromarkExtensions ??= []).push(gfmTableSyntax());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  }
  if (options.strikethrough !== false) {
    (data.micromarkExtensions ??= []).push(gfmStrikethrough());
    (data.fromMarkdownExtensions ??= []).push(gfmStrikethroughFromMarkdown());
  }
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
/** The few entities plain cell text may hold (the parser is not needed for text without tags). */
const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'"};

function htmlCellFragments(html: string, line: TextLine | number): Fragment[] {
  const at = typeof line === 'number' ? {line} : locate(line);
  if (!html.includes('<')) {
    // No markup: one fragment, without a parse (most cells; a big table has thousands).
    const plain = html.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!).replace(/\s+/g, ' ').trim();
    if (!plain) return [];
    const {marker, text} = splitMarker(inlineText(plain));
    return [marker === undefined ? {text, at} : {text, marker, at}];
  }
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
 * A document where a blank line may not end what came before: a fenced code block, or an HTML block
 * that runs to its end marker (comment, processing instruction, declaration, CDATA, script, pre, style,
 * textarea). Such a document is parsed whole, tables included.
 */
const BLANK_MAY_NOT_END = /^ {0,3}(?:```|~~~)|<(?:!|\?|script|pre|style|textarea)/im;

/** Characters that make a table cell more than plain text: escapes, code, emphasis, strikethrough, links, HTML. */
const CELL_MARKUP = /[\\`*_~[<]|&(?:#\d{1,7}|#[xX][\dA-Fa-f]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;

/** The cells of a pipe-table line that starts with `|`: the pipes at both ends are borders. */
function pipeCells(line: string): string[] {
  const body = line.trimEnd();
  const cells = body.slice(1, body.length > 1 && body.endsWith('|') ? -1 : undefined).split('|');
  return cells.map((cell) => cell.trim());
}

/**
 * GFM tables of plain text (no markup in any cell), each starting at the first column after a blank
 * line and ending at a blank line, every row in pipes with the header's number of cells: read from the
 * lines directly, as the parser would read them (a big table costs the Markdown parser most of a
 * document's reading time and memory). Any other table is left to the parser. Keyed by the index of
 * the header line; `end` is the index after the last row.
 */
function plainTables(lines: readonly string[]): Map<number, {end: number; table: TableBlock}> {
  const found = new Map<number, {end: number; table: TableBlock}>();
  for (let k = 0; k + 1 < lines.length; k++) {
    if (!lines[k]!.startsWith('|') || (k > 0 && lines[k - 1]!.trim() !== '')) continue;
    const header = pipeCells(lines[k]!);
    const delimiter = lines[k + 1]!.startsWith('|') ? pipeCells(lines[k + 1]!) : [];
    if (delimiter.length !== header.length || !delimiter.every((cell) => /^:?-+:?$/.test(cell))) continue;
    let end = k + 2;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    if (end < lines.length && lines[end]!.trim() !== '') continue;
    const rowLines = [k, ...Array.from({length: end - k - 2}, (_, i) => k + 2 + i)];
    const cells = rowLines.map((i) => pipeCells(lines[i]!));
    if (cells.some((row) => row.length !== header.length || row.some((cell) => CELL_MARKUP.test(cell)))) continue;
    const rows: Row[] = cells.map((row, r) => ({
      cells: row.map((cell) => cellOf(htmlCellFragments(escapeHtml(cell), rowLines[r]! + 1), r === 0)),
      at: {line: rowLines[r]! + 1},
    }));
    found.set(k, {end, table: {kind: 'table', method: 'markup', path: [], columns: header.length, header: rows.slice(0, 1), rows: rows.slice(1), at: {line: k + 1}}});
    k = end - 1;
  }
  return found;
}

/** Stands in the parsed text for a plain table read from the lines (an HTML comment: a block of its own). */
const PLAIN_TABLE = (k: number): string => `<!--plain-table ${k}-->`;

/** Position lines of the parsed text → lines of the document (`lineOf[parsed] = original`, 1-based). */
function remapLines(node: {position?: {start: {line: number}; end: {line: number}} | undefined; children?: unknown[]}, lineOf: readonly number[]): void {
  if (node.position) {
    node.position.start.line = lineOf[node.position.start.line]!;
    node.position.end.line = lineOf[node.position.end.line]!;
  }
  for (const child of node.children ?? []) remapLines(child as typeof node, lineOf);
}

/** Options for {@link ingestMarkdown}. */
export interface IngestMarkdownOptions {
  /** Read plain pipe tables from the lines, without the Markdown parser (same blocks, less time). @default true */
  readonly plainTables?: boolean;
}

/**
 * Read Markdown with remark-parse + remark-gfm into the shared document model: headings, paragraphs,
 * nested lists, GFM tables (first row the header) and tab-separated tables (as pasted from a word
 * processor); HTML inside them (lists in cells) is parsed with rehype-parse.
 *
 * @example
 * ingestMarkdown('# Title\n\n| Area | Objective |\n|---|---|\n| Cancer | Reduce waits |\n').blocks[1].kind; // 'table'
 */
export function ingestMarkdown(text: string, options: IngestMarkdownOptions = {}): {blocks: Block[]; title?: string} {
  const lines = splitLines(text);
  const raw = lines.map((l) => l.text);
  const plain = options.plainTables !== false && !BLANK_MAY_NOT_END.test(text) ? plainTables(raw) : new Map<number, {end: number; table: TableBlock}>();
  let parsed = text;
  let lineOf: number[] | undefined;
  if (plain.size) {
    // Each plain table becomes one comment line (the blank lines around it end what came before and
    // start what follows, as the table did); positions are mapped back to the document's lines.
    const source = text.split('\n');
    const kept: string[] = [];
    lineOf = [0];
    for (let k = 0; k < source.length; k++) {
      const table = plain.get(k);
      kept.push(table ? PLAIN_TABLE(k) : source[k]!);
      lineOf.push(k + 1);
      if (table) k = table.end - 1;
    }
    parsed = kept.join('\n');
  }
  // A text without a pipe holds no table, one without a tilde no strikethrough: their syntax is left
  // out (the table syntax tries every paragraph line as a header row; a fifth of a long guidance's parse).
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfmTables, {tables: parsed.includes('|'), strikethrough: parsed.includes('~')})
    .parse(parsed) as Root;
  if (lineOf) remapLines(tree, lineOf);
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
      case 'html': {
        const table = plain.get(start - 1);
        if (table && node.value === PLAIN_TABLE(start - 1)) blocks.push(table.table);
        else blocks.push(...ingestHtml(node.value, {fragment: true, lineOffset: start - 1}).blocks);
        return;
      }
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
