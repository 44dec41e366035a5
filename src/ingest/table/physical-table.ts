import type {BBox, Cell, Fragment, Location, Row, TableBlock} from '../../model/document.js';
import {joinLines, lineJoin, vocabularyOf, type Vocabulary} from './join-lines.js';
import type {LinePiece, PhysicalTableInput} from './physical-lines.js';

/** A vertical gap of this many line pitches separates units (cell padding, a blank line). */
const UNIT_GAP = 1.4;
/** Slack, in the column's own unit, when asking whether the next word would have fitted on a line. */
const FIT_SLACK_CHARS = 1;

/** A run of consecutive lines of one column that reads as one unit: a label, an item, a value. */
interface Unit {
  column: number;
  first: number;
  last: number;
  pieces: LinePiece[];
}

function blankCell(): Cell {
  return {text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false};
}

function unionBox(boxes: readonly BBox[]): BBox | undefined {
  if (!boxes.length) return undefined;
  const r = (n: number): number => Math.round(n * 100) / 100;
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const [a, b, c, d] of boxes) {
    x0 = Math.min(x0, a);
    y0 = Math.min(y0, b);
    x1 = Math.max(x1, c);
    y1 = Math.max(y1, d);
  }
  return [r(x0), r(y0), r(x1), r(y1)];
}

/** Gaps between lines in units of the table's own line pitch (the gap between a cell's wrapped lines). */
interface Gaps {
  /** Gap above each line, in pitches. */
  above: number[];
  /** Whether the table shows two kinds of gap (lines of a cell vs rows), so that gaps can be trusted. */
  informative: boolean;
}

function gapsOf(input: PhysicalTableInput): Gaps {
  const raw = input.lines.map((l) => l.gapAbove);
  const positive = raw.filter((g) => g > 0).toSorted((a, b) => a - b);
  const pitch = positive[Math.floor(positive.length / 4)] ?? 1;
  const above = raw.map((g) => g / pitch);
  return {above, informative: above.some((g) => g >= UNIT_GAP)};
}

/**
 * Whether the piece on line `i` of a column starts a new unit rather than continuing the piece above:
 * yes after a blank, a bullet, a ruling or a gap wider than the table's line pitch; no when the text
 * cannot start anew (lower case, the line above ends mid-phrase); yes where the line above ended early
 * (its next word would have fitted, so it did not wrap). Otherwise, where gaps tell rows apart, a line
 * with no gap continues; where they do not, a capital or digit starts anew.
 */
function startsUnit(input: PhysicalTableInput, gaps: Gaps, column: number, i: number, rightEdge: number): boolean {
  const piece = input.lines[i]!.pieces[column]!;
  const above = i > 0 ? input.lines[i - 1]!.pieces[column] : undefined;
  const line = input.lines[i]!;
  if (!above || piece.marker !== undefined || line.ruleAbove) return true;
  if (gaps.above[i]! >= UNIT_GAP) return true;
  const join = lineJoin(above.text, piece.text);
  if (join !== 'unknown') return join === 'breaks';
  if (input.geometry) {
    const firstWord = piece.text.split(/\s+/)[0] ?? '';
    const charWidth = (piece.x1 - piece.x0) / Math.max(1, piece.text.length);
    if (above.x1 + (firstWord.length + FIT_SLACK_CHARS) * charWidth < rightEdge) return true;
    if (gaps.informative) return false;
  }
  return true;
}

/** Split every column's pieces into units. */
function unitsOf(input: PhysicalTableInput): Unit[][] {
  const columns = input.columns.length;
  const gaps = gapsOf(input);
  const out: Unit[][] = Array.from({length: columns}, () => []);
  for (let c = 0; c < columns; c++) {
    let right = -Infinity;
    for (const line of input.lines) {
      const piece = line.pieces[c];
      if (piece) right = Math.max(right, piece.x1);
    }
    let open: Unit | undefined;
    input.lines.forEach((line, i) => {
      const piece = line.pieces[c];
      if (!piece || !piece.text.trim()) {
        open = undefined;
        return;
      }
      if (!open || startsUnit(input, gaps, c, i, right)) {
        open = {column: c, first: i, last: i, pieces: [piece]};
        out[c]!.push(open);
      } else {
        open.pieces.push(piece);
        open.last = i;
      }
    });
  }
  return out;
}

/** The column whose units set the rows: the one with most units (ties: most text). */
function driverColumn(units: readonly Unit[][]): number {
  let best = 0;
  let bestKey: [number, number] = [-1, -1];
  units.forEach((list, c) => {
    const chars = list.reduce((n, u) => n + u.pieces.reduce((m, p) => m + p.text.length, 0), 0);
    const key: [number, number] = [list.length, chars];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = c;
      bestKey = key;
    }
  });
  return best;
}

function fragmentOf(unit: Unit, vocabulary: Vocabulary): Fragment {
  const first = unit.pieces[0]!;
  const last = unit.pieces.at(-1)!;
  const at: Location = {line: first.at.line};
  if (last.at.line > first.at.line && last.at.page === first.at.page) at.endLine = last.at.line;
  if (first.at.page !== undefined) at.page = first.at.page;
  const bbox = unionBox(unit.pieces.flatMap((p) => (p.at.bbox ? [p.at.bbox] : [])));
  if (bbox) at.bbox = bbox;
  const fragment: Fragment = {text: joinLines(unit.pieces.map((p) => p.text), vocabulary), at};
  if (first.marker !== undefined) fragment.marker = first.marker;
  return fragment;
}

function cellOf(fragments: readonly Fragment[]): Cell {
  const cell: Cell = {text: fragments.map((f) => f.text).join(' '), fragments: [...fragments], rowSpan: 1, colSpan: 1, header: false};
  const bbox = unionBox(fragments.flatMap((f) => (f.at.bbox ? [f.at.bbox] : [])));
  if (bbox) cell.bbox = bbox;
  return cell;
}

/**
 * Physical lines → a table of logical rows. Each column's lines are first split into units (a wrapped
 * cell's lines join; a bullet, a gap, a ruling, a new sentence or a line that ended early starts a new
 * unit). The column with the most units (the finest: usually the items) sets the rows: a row starts
 * where it starts a unit, or where it is empty and another column starts one. A unit of a coarser
 * column (a group label) belongs to the row in which it starts, spans down over the rows its lines
 * reach, and a unit starting part-way through a row (a vertically centred label) joins that row's cell.
 * Header rows and group rows are decided afterwards, for every format alike, by `finishTable`.
 *
 * @example
 * physicalTable({method: 'delimited', geometry: false, path: [], columns: [[0, 1], [1, 2]], lines: […]});
 */
export function physicalTable(input: PhysicalTableInput): TableBlock {
  const columns = input.columns.length;
  const vocabulary = vocabularyOf(input.lines.flatMap((l) => l.pieces.flatMap((p) => (p ? [p.text] : []))));
  const units = unitsOf(input);
  const driver = driverColumn(units);
  const driverStarts = new Set(units[driver]!.map((u) => u.first));
  const driverHas = (i: number): boolean => Boolean(input.lines[i]!.pieces[driver]?.text.trim());
  const starts = new Set<number>(driverStarts);
  for (let c = 0; c < columns; c++) {
    if (c === driver) continue;
    for (const unit of units[c]!) if (!driverHas(unit.first)) starts.add(unit.first);
  }
  if (input.lines.length) starts.add(0);
  const rowStarts = [...starts].sort((a, b) => a - b);
  const rowOfLine = (i: number): number => {
    let lo = 0;
    let hi = rowStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rowStarts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // Assign units to (row, column) slots. In a coarser column, a unit that starts part-way through a row
  // right below the unit above continues it (a label whose last word wrapped after a capital letter).
  const slots: Unit[][][] = rowStarts.map(() => Array.from({length: columns}, () => []));
  for (let c = 0; c < columns; c++) {
    let previous: Unit | undefined;
    for (const unit of units[c]!) {
      if (c !== driver && previous && previous.last === unit.first - 1 && !starts.has(unit.first)) {
        previous.pieces.push(...unit.pieces);
        previous.last = unit.last;
        continue;
      }
      slots[rowOfLine(unit.first)]![c]!.push(unit);
      previous = unit;
    }
  }

  const grid: (Cell | undefined)[][] = rowStarts.map(() => Array.from({length: columns}, () => undefined));
  for (let r = 0; r < rowStarts.length; r++) {
    for (let c = 0; c < columns; c++) {
      const list = slots[r]![c]!;
      if (!list.length || grid[r]![c]) continue;
      const cell = cellOf(list.map((u) => fragmentOf(u, vocabulary)));
      // A coarser column's unit spans down over the rows its lines reach, while their slots are empty.
      const lastLine = Math.max(...list.map((u) => u.last));
      let span = 1;
      if (c !== driver) {
        while (r + span < rowStarts.length && rowStarts[r + span]! <= lastLine && !slots[r + span]![c]!.length) span++;
      }
      cell.rowSpan = span;
      grid[r]![c] = cell;
      for (let k = 1; k < span; k++) grid[r + k]![c] = {...blankCell(), spannedFrom: {row: r, column: c}};
    }
  }
  const rows: Row[] = rowStarts.map((start, r) => {
    const line = input.lines[start]!;
    const at: Location = {line: line.at.line};
    if (line.at.page !== undefined) at.page = line.at.page;
    return {cells: grid[r]!.map((cell) => cell ?? blankCell()), at};
  });
  const first = input.lines[0];
  const table: TableBlock = {
    kind: 'table',
    method: input.method,
    path: [...input.path],
    columns,
    header: [],
    rows,
    at: first ? {...first.at} : {line: 1},
  };
  if (input.caption !== undefined) table.caption = input.caption;
  const pages = input.lines.flatMap((l) => (l.at.page === undefined ? [] : [l.at.page]));
  if (pages.length) table.pages = [Math.min(...pages), Math.max(...pages)];
  return table;
}
