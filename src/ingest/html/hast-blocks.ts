import type {Element, ElementContent, Nodes, Root, RootContent} from 'hast';
import type {Block, Cell, Fragment, ListBlock, ListItem, Location, Row, TableBlock} from '../../model/document.js';

/** Elements whose content is never document text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'svg', 'iframe', 'object', 'button', 'form', 'select', 'head']);
/** Elements that start a new fragment (a paragraph or list item) inside a cell. */
const ITEM_BREAKS = new Set(['li', 'p', 'div', 'br', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'tr', 'ul', 'ol', 'table']);
const HEADINGS: Record<string, number> = {h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6};
const LISTS = new Set(['ul', 'ol']);

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

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c as Nodes)).join('') : '';
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

function lineOf(node: Nodes, offset: number): number {
  return (node.position?.start.line ?? 1) + offset;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The number an `<ol>` gives its k-th item (`start`, `reversed` and `type` honoured), as printed. */
function orderedMarker(list: Element, k: number, count: number): string {
  const start = Number(list.properties['start'] ?? (list.properties['reversed'] !== undefined ? count : 1));
  const n = list.properties['reversed'] !== undefined ? start - k : start + k;
  const type = String(list.properties['type'] ?? '1');
  if (type === 'a' || type === 'A') {
    const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1));
    return `${type === 'A' ? letter.toUpperCase() : letter}.`;
  }
  return `${n}.`;
}

/**
 * The text of a node as fragments: each structural boundary (list item, paragraph, line break) starts a
 * new fragment; a list item's fragment carries its marker. Whitespace is collapsed as a browser would.
 */
export function hastToFragments(node: Nodes, offset = 0): Fragment[] {
  const fragments: Fragment[] = [];
  let text = '';
  let at: Location | undefined;
  let marker: string | undefined;
  const flush = (): void => {
    const value = clean(text);
    if (value && at) fragments.push(marker === undefined ? {text: value, at} : {text: value, marker, at});
    text = '';
    at = undefined;
    marker = undefined;
  };
  const walk = (n: Nodes, itemMarker?: string): void => {
    if (n.type === 'text') {
      if (n.value.trim()) {
        const line = lineOf(n, offset);
        const end = (n.position?.end.line ?? line - offset) + offset;
        if (!at) at = {line};
        if (end > at.line) at.endLine = end;
      }
      text += n.value;
      return;
    }
    if (n.type === 'element') {
      if (isFurniture(n) || isFootnoteReference(n)) return;
      const breaks = ITEM_BREAKS.has(n.tagName);
      if (breaks) flush();
      if (itemMarker !== undefined) marker = itemMarker;
      if (LISTS.has(n.tagName)) {
        const items = n.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
        let k = 0;
        for (const child of n.children) {
          if (child.type === 'element' && child.tagName === 'li') {
            walk(child, n.tagName === 'ol' ? orderedMarker(n, k, items.length) : '•');
            k++;
          } else walk(child);
        }
      } else for (const child of n.children) walk(child);
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

function childElements(element: Element | Root, names: ReadonlySet<string>, inHead = false): {element: Element; head: boolean}[] {
  const out: {element: Element; head: boolean}[] = [];
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (names.has(child.tagName)) out.push({element: child, head: inHead});
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') out.push(...childElements(child, names, child.tagName === 'thead'));
  }
  return out;
}

const ROW = new Set(['tr']);
const CELLS = new Set(['td', 'th']);

function blankCell(header = false): Cell {
  return {text: '', fragments: [], rowSpan: 1, colSpan: 1, header};
}

/**
 * Read an HTML table into the grid model: every row gets one slot per column; spanned slots point at
 * their owner. Rows in `<thead>`, and leading rows made only of `<th>` cells, are header rows; a row
 * whose one cell spans every column is a group (section) row.
 */
export function tableToBlock(table: Element, offset = 0): TableBlock {
  const trs = childElements(table, ROW);
  const grid: (Cell | undefined)[][] = [];
  const rowAt: Location[] = [];
  trs.forEach(({element: tr}, r) => {
    grid[r] ??= [];
    rowAt[r] = {line: lineOf(tr, offset)};
    let c = 0;
    for (const {element: td} of childElements(tr, CELLS)) {
      while (grid[r]![c]) c++;
      const rowSpan = Math.min(intAttr(td, 'rowSpan'), trs.length - r);
      const colSpan = intAttr(td, 'colSpan');
      const fragments = hastToFragments(td, offset);
      const cell: Cell = {text: fragments.map((f) => f.text).join(' '), fragments, rowSpan, colSpan, header: td.tagName === 'th'};
      if (cell.text && (td.tagName === 'th' || isWhollyBold(td))) cell.emphasis = true;
      for (let dr = 0; dr < rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell : {...blankCell(cell.header), spannedFrom: {row: r, column: c}};
        }
      }
      c += colSpan;
    }
  });
  const columns = Math.max(0, ...grid.map((row) => row.length));
  const rows: Row[] = grid.map((slots, r) => {
    const cells = Array.from({length: columns}, (_, c) => slots[c] ?? blankCell());
    const owned = cells.filter((cell) => !cell.spannedFrom && (cell.text || cell.colSpan > 1));
    const row: Row = {cells, at: rowAt[r] ?? {line: lineOf(table, offset)}};
    if (columns > 1 && owned.length === 1 && owned[0]!.colSpan >= columns) row.section = true;
    return row;
  });
  let headerCount = 0;
  while (
    headerCount < rows.length - 1 &&
    (trs[headerCount]!.head || rows[headerCount]!.cells.every((cell) => cell.header || (!cell.text && !cell.spannedFrom))) &&
    !rows[headerCount]!.section
  ) {
    headerCount++;
  }
  for (const row of rows.slice(0, headerCount)) for (const cell of row.cells) cell.header = true;
  const block: TableBlock = {
    kind: 'table',
    method: 'markup',
    path: [],
    columns,
    header: rows.slice(0, headerCount),
    rows: rows.slice(headerCount),
    at: {line: lineOf(table, offset)},
  };
  const caption = childElements(table, new Set(['caption']))[0];
  if (caption) {
    const text = hastToFragments(caption.element).map((f) => f.text).join(' ');
    if (text) block.caption = text;
  }
  return block;
}

/** Whether all of an element's text is inside `<strong>` or `<b>`. */
function isWhollyBold(element: Element): boolean {
  let plain = false;
  let bold = false;
  const walk = (node: ElementContent, inBold: boolean): void => {
    if (node.type === 'text') {
      if (node.value.trim()) {
        if (inBold) bold = true;
        else plain = true;
      }
      return;
    }
    if (node.type === 'element') for (const child of node.children) walk(child, inBold || node.tagName === 'strong' || node.tagName === 'b');
  };
  for (const child of element.children) walk(child, false);
  return bold && !plain;
}

/** A bold label heads what follows: a paragraph whose only content is one short `<strong>` or `<b>` phrase. */
export const BOLD_LABEL_MAX_WORDS = 12;

function boldLabel(node: Element): string | undefined {
  const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'comment');
  const only = content[0];
  if (content.length !== 1 || only?.type !== 'element' || (only.tagName !== 'strong' && only.tagName !== 'b')) return undefined;
  const text = clean(textOf(only));
  return text && text.split(' ').length <= BOLD_LABEL_MAX_WORDS && !/[.;,]$/.test(text) ? text.replace(/:$/, '') : undefined;
}

/** The text of a list item without its nested lists and tables. */
function ownText(li: Element, offset: number): {text: string; at: Location} | undefined {
  const own: Element = {...li, children: li.children.filter((c) => !(c.type === 'element' && (LISTS.has(c.tagName) || c.tagName === 'table')))};
  const text = hastToFragments(own, offset).map((f) => f.text).join(' ');
  return text ? {text, at: {line: lineOf(li, offset)}} : undefined;
}

/**
 * Walk a hast tree in document order and produce blocks: headings, paragraphs, nested lists and tables.
 * Heading paths are filled in afterwards, for every format alike.
 *
 * @example
 * hastToBlocks(unified().use(rehypeParse).parse('<h1>Title</h1><p>Text</p>'));
 */
export function hastToBlocks(tree: Root | Element, options: HastBlocksOptions = {}): Block[] {
  const offset = options.lineOffset ?? 0;
  const blocks: Block[] = [];
  let level = 0;
  const paragraphs = (node: Element): void => {
    const label = boldLabel(node);
    if (label !== undefined) {
      // A paragraph that is one short bold phrase labels what follows, as a heading would.
      blocks.push({kind: 'heading', level: Math.min(6, level + 1), text: label, path: [], at: {line: lineOf(node, offset)}});
      return;
    }
    for (const fragment of hastToFragments(node, offset)) blocks.push({kind: 'paragraph', text: fragment.text, path: [], at: fragment.at});
  };
  const list = (node: Element): ListBlock | undefined => {
    const tables: Element[] = [];
    const itemsOf = (element: Element): ListItem[] => {
      const lis = element.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
      return lis.flatMap((li, k): ListItem[] => {
        const nested = li.children.filter((c): c is Element => c.type === 'element' && LISTS.has(c.tagName)).flatMap(itemsOf);
        for (const child of li.children) if (child.type === 'element' && child.tagName === 'table') tables.push(child);
        const own = ownText(li, offset);
        if (!own) return nested;
        return [{text: own.text, marker: element.tagName === 'ol' ? orderedMarker(element, k, lis.length) : '•', at: own.at, items: nested}];
      });
    };
    const items = itemsOf(node);
    const block: ListBlock | undefined = items.length ? {kind: 'list', ordered: node.tagName === 'ol', path: [], items, at: {line: lineOf(node, offset)}} : undefined;
    if (block) blocks.push(block);
    for (const table of tables) blocks.push(tableToBlock(table, offset));
    return block;
  };
  const walk = (node: RootContent | ElementContent | Root): void => {
    if (node.type === 'root') {
      for (const child of node.children) walk(child);
      return;
    }
    if (node.type === 'text') {
      const text = clean(node.value);
      if (text) blocks.push({kind: 'paragraph', text, path: [], at: {line: lineOf(node, offset)}});
      return;
    }
    if (node.type !== 'element' || isFurniture(node)) return;
    const headingLevel = HEADINGS[node.tagName];
    if (headingLevel) {
      const text = hastToFragments(node, offset).map((f) => f.text).join(' ');
      if (text) {
        blocks.push({kind: 'heading', level: headingLevel, text, path: [], at: {line: lineOf(node, offset)}});
        level = headingLevel;
      }
      return;
    }
    if (node.tagName === 'table') {
      blocks.push(tableToBlock(node, offset));
      return;
    }
    if (LISTS.has(node.tagName)) {
      list(node);
      return;
    }
    if (node.tagName === 'p' || node.tagName === 'dt' || node.tagName === 'dd' || node.tagName === 'figcaption') {
      paragraphs(node);
      return;
    }
    for (const child of node.children) walk(child);
  };
  walk(tree.type === 'root' ? tree : {type: 'root', children: [tree]});
  return blocks;
}
