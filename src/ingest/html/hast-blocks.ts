import type {Element, ElementContent, Nodes, Root, RootContent} from 'hast';
import type {Block, Cell, Fragment, Location, Row, TableBlock} from '../../model/source-document.js';
import {maxOf} from '../../util/extremes.js';

/** Elements whose content is never document text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'svg', 'iframe', 'object', 'button', 'form', 'select', 'head']);
/** Elements that start a new item (a structural boundary) inside a cell. */
const ITEM_BREAKS = new Set(['li', 'p', 'div', 'br', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'tr', 'ul', 'ol']);
const HEADINGS: Record<string, number> = {h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6};

/** Options for {@link hastToBlocks}. */
export interface HastBlocksOptions {
  /** Added to every hast line number (for HTML embedded in a larger file). @default 0 */
  readonly lineOffset?: number;
}

/** Whether an element is page furniture rather than content: cookie banners, skip links, hidden regions. */
function isFurniture(element: Element): boolean {
  if (SKIPPED.has(element.tagName)) return true;
  const props = element.properties;
  if (props['hidden'] !== undefined && props['hidden'] !== false) return true;
  if (String(props['ariaHidden']) === 'true') return true;
  const role = String(props['role'] ?? '');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo') return true;
  const idClass = `${String(props['id'] ?? '')} ${Array.isArray(props['className']) ? props['className'].join(' ') : ''}`.toLowerCase();
  return /\bcookie|consent-banner|skip-link|breadcrumb/.test(idClass);
}

/** A footnote reference: `<sup>` linking within the page (`<sup><a href="#fn1">1</a></sup>`) or holding only marks like `*`, `†`. */
function isFootnoteReference(element: Element): boolean {
  if (element.tagName !== 'sup') return false;
  const text = textOf(element).trim();
  if (/^[*†‡§¶]{1,3}$/.test(text)) return true;
  const links = (node: Element): boolean =>
    node.children.some((c) => c.type === 'element' && ((c.tagName === 'a' && String(c.properties['href'] ?? '').startsWith('#')) || links(c)));
  return text.length <= 4 && links(element);
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c as Nodes)).join('') : '';
}

function lineOf(node: Nodes, offset: number): number {
  return (node.position?.start.line ?? 1) + offset;
}

/**
 * Collect the text of a node as fragments: each structural boundary (list item, paragraph, line break)
 * starts a new `item` fragment. Whitespace is collapsed as a browser would.
 */
export function hastToFragments(node: Nodes, offset = 0): Fragment[] {
  const fragments: Fragment[] = [];
  let text = '';
  let at: Location | undefined;
  const flush = (): void => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean && at) fragments.push({text: clean, start: 'item', at});
    text = '';
    at = undefined;
  };
  const walk = (n: Nodes): void => {
    if (n.type === 'text') {
      if (!at && n.value.trim()) at = {line: lineOf(n, offset)};
      text += n.value;
      return;
    }
    if (n.type === 'element') {
      if (isFurniture(n) || isFootnoteReference(n)) return;
      const breaks = ITEM_BREAKS.has(n.tagName);
      if (breaks) flush();
      for (const child of n.children) walk(child);
      if (breaks) flush();
      return;
    }
    if (n.type === 'root') for (const child of n.children) walk(child);
  };
  walk(node);
  flush();
  return fragments;
}

function intAttr(element: Element, name: string): number {
  const value = Number(element.properties[name] ?? 1);
  return Number.isInteger(value) && value > 0 ? Math.min(value, 1000) : 1;
}

function childElements(element: Element | Root, names: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (names.has(child.tagName)) out.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') for (const nested of childElements(child, names)) out.push(nested);
  }
  return out;
}

const ROW = new Set(['tr']);
const CELLS = new Set(['td', 'th']);

/** Read an HTML table into a grid: every row gets one slot per column; spanned slots point at their owner. */
export function tableToBlock(table: Element, offset = 0): TableBlock {
  const trs = childElements(table, ROW);
  const grid: (Cell | undefined)[][] = [];
  const rowAt: Location[] = [];
  trs.forEach((tr, r) => {
    grid[r] ??= [];
    rowAt[r] = {line: lineOf(tr, offset)};
    let c = 0;
    for (const td of childElements(tr, CELLS)) {
      while (grid[r]![c]) c++;
      const rowSpan = Math.min(intAttr(td, 'rowSpan'), trs.length - r);
      const colSpan = intAttr(td, 'colSpan');
      const cell: Cell = {fragments: hastToFragments(td, offset), rowSpan, colSpan, header: td.tagName === 'th'};
      for (let dr = 0; dr < rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr]![c + dc] =
            dr === 0 && dc === 0 ? cell : {fragments: [], rowSpan: 1, colSpan: 1, header: cell.header, spannedFrom: {row: r, column: c}};
        }
      }
      c += colSpan;
    }
  });
  const columns = maxOf(grid.map((row) => row.length), 0);
  const rows: Row[] = grid.map((slots, r) => ({
    cells: Array.from({length: columns}, (_, c) => slots[c] ?? {fragments: [], rowSpan: 1, colSpan: 1, header: false}),
    physical: false,
    at: rowAt[r] ?? {line: lineOf(table, offset)},
  }));
  // Leading rows made only of header cells are the header.
  let headerCount = 0;
  while (headerCount < rows.length && rows[headerCount]!.cells.every((cell) => cell.header || cell.fragments.length === 0)) headerCount++;
  if (headerCount === rows.length) headerCount = 0;
  const caption = childElements(table, new Set(['caption']))[0];
  const block: TableBlock = {
    kind: 'table',
    columns,
    header: rows.slice(0, headerCount),
    rows: rows.slice(headerCount),
    at: {line: lineOf(table, offset)},
  };
  if (caption) {
    const text = hastToFragments(caption).map((f) => f.text).join(' ');
    if (text) block.caption = text;
  }
  return block;
}

/**
 * Walk a hast tree in document order and produce blocks: headings, paragraphs, list items and tables.
 *
 * @example
 * hastToBlocks(unified().use(rehypeParse).parse('<h1>Title</h1><p>Text</p>'));
 */
export function hastToBlocks(tree: Root | Element, options: HastBlocksOptions = {}): Block[] {
  const offset = options.lineOffset ?? 0;
  const blocks: Block[] = [];
  const emitText = (kind: 'paragraph' | 'list-item', node: Element): void => {
    for (const fragment of hastToFragments(node, offset)) blocks.push({kind, text: fragment.text, at: fragment.at});
  };
  const walk = (node: RootContent | ElementContent | Root): void => {
    if (node.type === 'root') {
      for (const child of node.children) walk(child);
      return;
    }
    if (node.type === 'text') {
      const text = node.value.replace(/\s+/g, ' ').trim();
      if (text) blocks.push({kind: 'paragraph', text, at: {line: lineOf(node, offset)}});
      return;
    }
    if (node.type !== 'element' || isFurniture(node)) return;
    const level = HEADINGS[node.tagName];
    if (level) {
      const text = hastToFragments(node, offset).map((f) => f.text).join(' ');
      if (text) blocks.push({kind: 'heading', level, text, at: {line: lineOf(node, offset)}});
      return;
    }
    if (node.tagName === 'table') {
      blocks.push(tableToBlock(node, offset));
      return;
    }
    if (node.tagName === 'li') {
      if (node.children.some((child) => child.type === 'element' && (child.tagName === 'table' || child.tagName === 'ul' || child.tagName === 'ol'))) {
        for (const child of node.children) walk(child);
      } else emitText('list-item', node);
      return;
    }
    if (node.tagName === 'p' || node.tagName === 'dt' || node.tagName === 'dd' || node.tagName === 'figcaption') {
      emitText('paragraph', node);
      return;
    }
    for (const child of node.children) walk(child);
  };
  walk(tree.type === 'root' ? tree : {type: 'root', children: [tree]});
  return blocks;
}
