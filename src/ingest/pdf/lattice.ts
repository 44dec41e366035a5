// Ruled ("lattice") tables, as camelot and pdfplumber find them: the page's rulings are snapped and
// joined, intersecting rulings form a grid, a grid slot whose inner border is not drawn joins its
// neighbour (a spanning cell), and text goes into cells by its centre. Pure: page lines and rulings in,
// table blocks and the lines left over out.
import type {BBox, Cell, Fragment, Location, Row, TableBlock} from '../../model/document.js';
import {joinLines, lineJoin, vocabularyOf, type Vocabulary} from '../table/join-lines.js';
import {chunkBox, round2, type Chunk, type PageLine} from './page-lines.js';
import type {Rulings, Segment} from './rulings.js';
import {unionBox} from '../../util/union-box.js';

/** Rulings within this many points across are one ruling (pdfplumber's `snap_tolerance`). */
const SNAP = 3;
/** Collinear rulings with a gap of at most this many points are one (pdfplumber's `join_tolerance`). */
const JOIN = 3;
/** A horizontal and a vertical ruling meet when they come within this many points of each other. */
const MEET = 3;
/** A new paragraph inside a cell: a gap of this many times the table's line pitch (when the text allows). */
const PARAGRAPH_GAP = 1.25;
/** A list bullet opening a line of a cell. */
const BULLET = /^([•●▪◦■□‣⁃–]|-(?=\s))\s*/u;

/** A ruled table found on a page, with the box and grid lines it occupies. */
export interface LatticeTable {
  table: TableBlock;
  /** [x0, y0, x1, y1], page space. */
  box: BBox;
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom. */
  ys: number[];
}

/** Cluster values within SNAP of the cluster's first and move each to its cluster's mean. */
function snap(segments: readonly Segment[]): Segment[] {
  const sorted = segments.toSorted((p, q) => p.at - q.at);
  const out: Segment[] = [];
  let cluster: Segment[] = [];
  const emit = (): void => {
    if (!cluster.length) return;
    const mean = cluster.reduce((n, s) => n + s.at, 0) / cluster.length;
    for (const s of cluster) out.push({at: mean, a: s.a, b: s.b});
    cluster = [];
  };
  for (const s of sorted) {
    if (cluster.length && s.at - cluster[0]!.at > SNAP) emit();
    cluster.push(s);
  }
  emit();
  return out;
}

/** Join collinear segments that touch or nearly touch. */
function join(segments: readonly Segment[]): Segment[] {
  const byAt = new Map<number, Segment[]>();
  for (const s of segments) {
    const list = byAt.get(s.at);
    if (list) list.push(s);
    else byAt.set(s.at, [s]);
  }
  const out: Segment[] = [];
  for (const [at, list] of byAt) {
    let current: Segment | undefined;
    for (const s of list.toSorted((p, q) => p.a - q.a)) {
      if (current && s.a <= current.b + JOIN) current.b = Math.max(current.b, s.b);
      else {
        current = {at, a: s.a, b: s.b};
        out.push(current);
      }
    }
  }
  return out;
}

const meets = (h: Segment, v: Segment): boolean => v.at >= h.a - MEET && v.at <= h.b + MEET && h.at >= v.a - MEET && h.at <= v.b + MEET;

class UnionFind {
  readonly #parent: number[];
  constructor(n: number) {
    this.#parent = Array.from({length: n}, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.#parent[root] !== root) root = this.#parent[root]!;
    while (this.#parent[i] !== root) {
      const next = this.#parent[i]!;
      this.#parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    this.#parent[this.find(a)] = this.find(b);
  }
}

/** Distinct positions, merged within SNAP, sorted ascending. */
function positions(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of values.toSorted((a, b) => a - b)) if (!out.length || v - out.at(-1)! > SNAP) out.push(v);
  return out;
}

/** A piece of a line's text inside one grid slot. */
interface Piece {
  line: PageLine;
  text: string;
  x0: number;
  x1: number;
}

/** Cut a chunk at the column boundaries that fall between its text items. */
function cutAt(chunk: Chunk, boundaries: readonly number[]): Chunk[] {
  const inside = boundaries.filter((x) => x > chunk.x0 + 1 && x < chunk.x1 - 1);
  if (!inside.length || chunk.starts.length < 2) return [chunk];
  const out: Chunk[] = [];
  let from = 0;
  let x0 = chunk.x0;
  for (const boundary of inside) {
    const k = chunk.starts.findIndex(([offset, x], i) => i > 0 && offset > chunk.starts[from]![0] && x >= boundary - 1);
    if (k < 0) continue;
    const [offset, x] = chunk.starts[k]!;
    const startOffset = chunk.starts[from]![0];
    out.push({text: chunk.text.slice(startOffset, offset).trim(), x0, x1: x, starts: chunk.starts.slice(from, k)});
    from = k;
    x0 = x;
  }
  const startOffset = chunk.starts[from]![0];
  out.push({text: chunk.text.slice(startOffset).trim(), x0, x1: chunk.x1, starts: chunk.starts.slice(from)});
  return out.filter((c) => c.text);
}

/** The text of one cell: its lines, split into fragments at bullets and paragraph gaps, wrapped lines joined. */
function cellFragments(pieces: readonly Piece[], pitch: number, vocabulary: Vocabulary): Fragment[] {
  // One entry per physical line of the cell, left to right within a line.
  const lines: {line: PageLine; text: string; boxes: BBox[]}[] = [];
  for (const piece of pieces.toSorted((a, b) => b.line.y - a.line.y || a.x0 - b.x0)) {
    const last = lines.at(-1);
    if (last && last.line === piece.line) {
      last.text = `${last.text} ${piece.text}`;
      last.boxes.push(chunkBox(piece.line, piece));
    } else lines.push({line: piece.line, text: piece.text, boxes: [chunkBox(piece.line, piece)]});
  }
  const groups: {marker?: string; lines: typeof lines}[] = [];
  lines.forEach((entry, k) => {
    const bullet = BULLET.exec(entry.text);
    const previous = lines[k - 1];
    const gap = previous ? (previous.line.y - entry.line.y) / pitch : 0;
    const text = bullet ? entry.text.slice(bullet[0].length) : entry.text;
    const fresh = !previous || bullet !== null || (gap >= PARAGRAPH_GAP && lineJoin(previous.text, text) !== 'continues');
    if (fresh) groups.push(bullet ? {marker: bullet[1]!, lines: [{...entry, text}]} : {lines: [{...entry, text}]});
    else groups.at(-1)!.lines.push({...entry, text});
  });
  return groups.map((group) => {
    const first = group.lines[0]!.line;
    const last = group.lines.at(-1)!.line;
    const at: Location = {line: first.index, page: first.page};
    if (last.index > first.index) at.endLine = last.index;
    const bbox = unionBox(group.lines.flatMap((l) => l.boxes));
    if (bbox) at.bbox = bbox;
    const fragment: Fragment = {text: joinLines(group.lines.map((l) => l.text), vocabulary), at};
    if (group.marker !== undefined) fragment.marker = group.marker;
    return fragment;
  });
}

/** The typical gap between consecutive lines of one cell: the table's line pitch. */
function linePitch(cells: readonly Piece[][]): number {
  const gaps: number[] = [];
  for (const pieces of cells) {
    const ys = [...new Set(pieces.map((p) => p.line.y))].sort((a, b) => b - a);
    for (let k = 1; k < ys.length; k++) gaps.push(ys[k - 1]! - ys[k]!);
  }
  if (!gaps.length) return 12;
  const sorted = gaps.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)]!;
}

/**
 * Find ruled tables: rulings snapped and joined, grouped by where they meet; each group with at least
 * two rows and two columns of grid slots becomes a table, its slots merged across undrawn inner
 * borders into spanning cells, its text placed by centre. A group without text in two columns and two
 * rows (a chart's gridlines, a framed paragraph) is no table. A row whose one cell spans every column is
 * a group row (`section`). Returns the tables and the lines, or parts of lines, outside them.
 *
 * @example
 * const {tables, rest} = latticeTables(rulings, lines, 1);
 */
export function latticeTables(rulings: Rulings, lines: readonly PageLine[], page: number): {tables: LatticeTable[]; rest: PageLine[]} {
  const h = join(snap(rulings.h));
  const v = join(snap(rulings.v));
  if (h.length < 2 || v.length < 2) return {tables: [], rest: [...lines]};
  const uf = new UnionFind(h.length + v.length);
  h.forEach((hs, i) => v.forEach((vs, j) => meets(hs, vs) && uf.union(i, h.length + j)));
  const groups = new Map<number, {h: Segment[]; v: Segment[]}>();
  h.forEach((s, i) => {
    const g = groups.get(uf.find(i)) ?? {h: [], v: []};
    g.h.push(s);
    groups.set(uf.find(i), g);
  });
  v.forEach((s, j) => {
    const g = groups.get(uf.find(h.length + j)) ?? {h: [], v: []};
    g.v.push(s);
    groups.set(uf.find(h.length + j), g);
  });
  const tables: LatticeTable[] = [];
  let rest: PageLine[] = [...lines];
  const candidates = [...groups.values()]
    .filter((g) => g.h.length >= 2 && g.v.length >= 2)
    .sort((a, b) => Math.max(...b.h.map((s) => s.at)) - Math.max(...a.h.map((s) => s.at)));
  for (const group of candidates) {
    const found = gridTable(group, rest, page);
    if (!found) continue;
    tables.push(found.table);
    rest = found.rest;
  }
  return {tables, rest};
}

function gridTable(group: {h: Segment[]; v: Segment[]}, lines: readonly PageLine[], page: number): {table: LatticeTable; rest: PageLine[]} | undefined {
  // Grid lines: the rulings' positions, plus the outer extent where no ruling closes the table (a table
  // with no outer vertical borders still spans the width of its horizontal rules).
  const xs = positions([...group.v.map((s) => s.at), Math.min(...group.h.map((s) => s.a)), Math.max(...group.h.map((s) => s.b))]);
  const ys = positions([...group.h.map((s) => s.at), Math.min(...group.v.map((s) => s.a)), Math.max(...group.v.map((s) => s.b))]).reverse();
  const columns = xs.length - 1;
  const rowCount = ys.length - 1;
  if (columns < 2 || rowCount < 2) return undefined;
  const vertical = (x: number, top: number, bottom: number): boolean => group.v.some((s) => Math.abs(s.at - x) <= SNAP && s.a <= bottom + MEET && s.b >= top - MEET);
  const horizontal = (y: number, left: number, right: number): boolean => group.h.some((s) => Math.abs(s.at - y) <= SNAP && s.a <= left + MEET && s.b >= right - MEET);
  const slot = (r: number, c: number): number => r * columns + c;
  const uf = new UnionFind(rowCount * columns);
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columns; c++) {
      if (c + 1 < columns && !vertical(xs[c + 1]!, ys[r]!, ys[r + 1]!)) uf.union(slot(r, c), slot(r, c + 1));
      if (r + 1 < rowCount && !horizontal(ys[r + 1]!, xs[c]!, xs[c + 1]!)) uf.union(slot(r, c), slot(r + 1, c));
    }
  }
  // Owner slot of each slot: the top-left of its merged region when the region is a rectangle.
  const owner = new Map<number, {r: number; c: number; rowSpan: number; colSpan: number}>();
  const regions = new Map<number, number[]>();
  for (let s = 0; s < rowCount * columns; s++) {
    const root = uf.find(s);
    const list = regions.get(root);
    if (list) list.push(s);
    else regions.set(root, [s]);
  }
  for (const members of regions.values()) {
    const rs = members.map((s) => Math.floor(s / columns));
    const cs = members.map((s) => s % columns);
    const r0 = Math.min(...rs);
    const c0 = Math.min(...cs);
    const rowSpan = Math.max(...rs) - r0 + 1;
    const colSpan = Math.max(...cs) - c0 + 1;
    if (rowSpan * colSpan === members.length) for (const s of members) owner.set(s, {r: r0, c: c0, rowSpan, colSpan});
    else for (const s of members) owner.set(s, {r: Math.floor(s / columns), c: s % columns, rowSpan: 1, colSpan: 1});
  }
  const [left, right, top, bottom] = [xs[0]!, xs.at(-1)!, ys[0]!, ys.at(-1)!];
  const rowOf = (y: number): number => ys.findIndex((edge, k) => k < rowCount && y <= edge && y >= ys[k + 1]!);
  const columnOf = (x: number): number => xs.findIndex((edge, k) => k < columns && x >= edge && x <= xs[k + 1]!);
  // Text into slots by centre; what lies outside the grid stays a line of the page.
  const pieces = new Map<number, Piece[]>();
  const rest: PageLine[] = [];
  for (const line of lines) {
    const yc = line.y + 0.3 * line.size;
    if (yc > top || yc < bottom) {
      rest.push(line);
      continue;
    }
    const outside: Chunk[] = [];
    for (const chunk of line.chunks.flatMap((ch) => cutAt(ch, xs.slice(1, -1)))) {
      const xc = (chunk.x0 + chunk.x1) / 2;
      const r = rowOf(yc);
      const c = columnOf(xc);
      if (xc < left || xc > right || r < 0 || c < 0) {
        outside.push(chunk);
        continue;
      }
      const o = owner.get(slot(r, c))!;
      const key = slot(o.r, o.c);
      const piece = {line, text: chunk.text.replace(/\s+/g, ' ').trim(), x0: chunk.x0, x1: chunk.x1};
      const list = pieces.get(key);
      if (list) list.push(piece);
      else pieces.set(key, [piece]);
    }
    if (outside.length) rest.push({...line, chunks: outside, x0: Math.min(...outside.map((c) => c.x0)), x1: Math.max(...outside.map((c) => c.x1))});
  }
  const filled = [...pieces.entries()].filter(([, list]) => list.some((p) => p.text));
  const filledColumns = new Set(filled.map(([s]) => s % columns));
  const filledRows = new Set(filled.map(([s]) => Math.floor(s / columns)));
  if (filled.length < 3 || filledColumns.size < 2 || filledRows.size < 2) return undefined;

  const vocabulary = vocabularyOf(filled.flatMap(([, list]) => list.map((p) => p.text)));
  const pitch = linePitch(filled.map(([, list]) => list));
  const rows: Row[] = [];
  const used = [...new Set(filled.flatMap(([, list]) => list.map((p) => p.line)))].sort((a, b) => a.index - b.index);
  for (let r = 0; r < rowCount; r++) {
    const cells: Cell[] = [];
    for (let c = 0; c < columns; c++) {
      const o = owner.get(slot(r, c))!;
      if (o.r !== r || o.c !== c) {
        cells.push({text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false, spannedFrom: {row: o.r, column: o.c}});
        continue;
      }
      const fragments = cellFragments(pieces.get(slot(r, c)) ?? [], pitch, vocabulary);
      const box: BBox = [round2(xs[c]!), round2(ys[r + o.rowSpan]!), round2(xs[c + o.colSpan]!), round2(ys[r]!)];
      cells.push({text: fragments.map((f) => f.text).join(' '), fragments, rowSpan: o.rowSpan, colSpan: o.colSpan, header: false, bbox: box});
    }
    const firstLine = used.find((l) => l.y + 0.3 * l.size <= ys[r]! && l.y + 0.3 * l.size >= ys[r + 1]!) ?? used.find((l) => l.y + 0.3 * l.size <= ys[r]!) ?? used.at(-1)!;
    const row: Row = {cells, at: {line: firstLine.index, page, bbox: [round2(left), round2(ys[r + 1]!), round2(right), round2(ys[r]!)]}};
    const only = cells.filter((cell) => !cell.spannedFrom);
    if (only.length === 1 && only[0]!.colSpan === columns && only[0]!.text) row.section = true;
    rows.push(row);
  }
  // Rows with no text and no spanning cell (a drawn spacer) are dropped later by finishTable.
  const box: BBox = [round2(left), round2(bottom), round2(right), round2(top)];
  const table: TableBlock = {kind: 'table', method: 'lattice', path: [], columns, header: [], rows, at: {line: used[0]!.index, page, bbox: box}, pages: [page, page]};
  return {table: {table, box, xs, ys}, rest};
}
