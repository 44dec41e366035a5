import type {BBox, Cell, Fragment, Location, Row, TableBlock} from '../../model/document.js';
import {isValueText, normText} from '../../util/text-shape.js';
import {endsMidPhrase, joinLines, lineJoin, vocabularyOf, type Vocabulary} from './join-lines.js';
import type {LinePiece, PhysicalTableInput} from './physical-lines.js';
import {unionBox} from '../../util/union-box.js';

/** A vertical gap of this many line pitches separates units (cell padding, a blank line). */
const UNIT_GAP = 1.4;
/** Up to this many line pitches, a line in lower case below one ending mid-phrase continues it despite the gap. */
const MID_PHRASE_GAP = 2.5;
/** Slack, in characters of the column's text, when asking whether the next word would have fitted on a line. */
const FIT_SLACK_CHARS = 1;
/** In layout text a word must fit with this much to spare (characters stand in for a proportional font's widths). */
const LAYOUT_FIT_FACTOR = 1.4;

/** A run of consecutive lines of one column that reads as one unit: a label, an item, a value. */
interface Unit {
  column: number;
  first: number;
  last: number;
  pieces: LinePiece[];
}

/**
 * What the text says about a column's piece on a line: it starts a unit with evidence that a new row
 * starts here too (`break`), starts one only because nothing was above it (`start`), continues the
 * unit above (`continues`), or cannot tell (`unknown`).
 */
type Verdict = 'break' | 'start' | 'continues' | 'leans' | 'unknown';

function blankCell(): Cell {
  return {text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false};
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
  // In PDF text positions, the pitch from lines below a line with text in one of the same columns: a label
  // centred beside its items puts its lines between theirs, and those half-gaps are no line pitch of any
  // cell. (A text dump counts whole lines: a label's line between two items is a line like any other.)
  const stacked = (i: number): boolean =>
    input.method === 'stream' && i > 0 && input.lines[i]!.pieces.some((p, c) => p !== undefined && input.lines[i - 1]!.pieces[c] !== undefined);
  const own = raw.filter((g, i) => g > 0 && stacked(i));
  const positive = (own.length >= 2 ? own : raw.filter((g) => g > 0)).toSorted((a, b) => a - b);
  const pitch = positive[Math.floor(positive.length / 4)] ?? 1;
  const above = raw.map((g) => g / pitch);
  return {above, informative: above.some((g) => g >= UNIT_GAP)};
}

/**
 * Whether a table's cells wrap over lines at all: some line continues the one above in lower case. A
 * table without one (a spreadsheet pasted as tab-separated text) has one unit per line, whatever the
 * words at the end of a line.
 */
function wrapsLines(input: PhysicalTableInput): boolean {
  if (input.geometry) return true;
  return input.lines.some((line, i) =>
    line.pieces.some((piece, c) => piece !== undefined && i > 0 && input.lines[i - 1]!.pieces[c] !== undefined && /^\p{Ll}/u.test(piece.text)),
  );
}

/**
 * The verdict on the piece on line `i` of a column. A break: a bullet, a ruling, a full-width line, a
 * gap wider than the table's line pitch, a finished sentence before a new one, a value below a value,
 * the same label repeated, or a line above that ended early (its next word would have fitted, so it did
 * not wrap). Continues: the text cannot start anew (lower case, the line above ends mid-phrase).
 */
function verdictOf(input: PhysicalTableInput, gaps: Gaps, wraps: boolean, column: number, i: number, rightEdge: number): Verdict {
  const piece = input.lines[i]!.pieces[column]!;
  const above = i > 0 ? input.lines[i - 1]!.pieces[column] : undefined;
  const line = input.lines[i]!;
  if (!above) return 'start';
  if (piece.marker !== undefined || line.ruleAbove || line.wide || input.lines[i - 1]!.wide || !wraps) return 'break';
  // A gap wider than the pitch breaks, unless the line above ends mid-phrase and this one opens in lower
  // case: a cell's wrapped line, the gap widened by a label centred beside it (its lines between, so the pitch is too small).
  if (gaps.above[i]! >= UNIT_GAP) return gaps.above[i]! < MID_PHRASE_GAP && endsMidPhrase(above.text) && /^\p{Ll}/u.test(piece.text) ? 'continues' : 'break';
  // A line opening in lower case, or below one ending on an article or "of", continues; otherwise a line
  // above that ended early (its next word would have fitted) did not wrap, whatever word it ends on.
  if (lineJoin(above.text, piece.text, 'strong') === 'continues') return 'continues';
  if (input.geometry) {
    const firstWord = piece.text.split(/\s+/)[0] ?? '';
    const charWidth = (piece.x1 - piece.x0) / Math.max(1, piece.text.length);
    // Character counts (layout text) only approximate a proportional font's widths: ask for a margin.
    const needed = input.method === 'layout' ? (firstWord.length + FIT_SLACK_CHARS) * charWidth * LAYOUT_FIT_FACTOR + 2 : (firstWord.length + FIT_SLACK_CHARS) * charWidth;
    if (above.x1 + needed < rightEdge) return 'break';
  }
  const join = lineJoin(above.text, piece.text);
  // Only a word that usually continues a phrase ("… take one up"): it continues unless a row starts beside it.
  // A date split over the lines ("by March" / "2024") continues whatever starts beside it.
  if (join === 'continues') return /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/i.test(above.text.trim()) && /^\d/.test(piece.text) ? 'continues' : 'leans';
  if (join === 'breaks') return 'break';
  if ((isValueText(above.text) && isValueText(piece.text)) || normText(above.text) === normText(piece.text)) return 'break';
  return 'unknown';
}

/**
 * Split every column's pieces into units. A piece the text cannot decide on starts a unit when another
 * column shows a row break on the same line; otherwise it continues where measured gaps (PDF text
 * positions) tell rows apart (a line with no gap is the next line of a cell), and starts one where they
 * do not (a text dump drops small gaps, so a missing blank line says little).
 */
function unitsOf(input: PhysicalTableInput): Unit[][] {
  const columns = input.columns.length;
  const gaps = gapsOf(input);
  const wraps = wrapsLines(input);
  // A column's right edge, page by page: a table continued on the next page may sit a little further right.
  const right = new Map<string, number>();
  for (const line of input.lines) {
    line.pieces.forEach((piece, c) => {
      if (!piece) return;
      const key = `${c}:${line.at.page ?? 0}`;
      right.set(key, Math.max(right.get(key) ?? -Infinity, piece.x1));
    });
  }
  const verdicts = input.lines.map((line, i) =>
    line.pieces.map((piece, c) => (piece?.text.trim() ? verdictOf(input, gaps, wraps, c, i, right.get(`${c}:${line.at.page ?? 0}`)!) : undefined)),
  );
  const out: Unit[][] = Array.from({length: columns}, () => []);
  for (let c = 0; c < columns; c++) {
    let open: Unit | undefined;
    input.lines.forEach((line, i) => {
      const piece = line.pieces[c];
      const verdict = verdicts[i]![c];
      if (!piece || verdict === undefined) {
        // A unit may go on past one line where its column is empty (the other column's wrapped line sits
        // between a label's lines), but only with text that cannot start anew.
        if (open && open.last < i - 1) open = undefined;
        return;
      }
      if (open && open.last === i - 2 && verdict === 'start' && !line.wide && lineJoin(open.pieces.at(-1)!.text, piece.text, 'strong') === 'continues') {
        open.pieces.push(piece);
        open.last = i;
        return;
      }
      if (open && open.last < i - 1) open = undefined;
      const rowBreak = verdicts[i]!.some((v, k) => k !== c && v === 'break');
      // A label starting beside a line that only leans on the one above (a weak phrase ending) starts a row.
      const rowStart = verdicts[i]!.some((v, k) => k !== c && (v === 'break' || v === 'start'));
      // Only measured gaps (PDF text positions) make "no gap" mean "same cell": a text dump drops small gaps.
      const trustGaps = input.method === 'stream' && gaps.informative;
      const starts = verdict === 'break' || verdict === 'start' || (verdict === 'unknown' && (rowBreak || !trustGaps)) || (verdict === 'leans' && rowStart);
      if (!open || starts) {
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

/** Bands: runs of lines between gaps wider than the line pitch, rulings or full-width lines. Index of each line's band. */
function bandsOf(input: PhysicalTableInput, gaps: Gaps): number[] {
  let band = 0;
  return input.lines.map((line, i) => {
    if (i > 0 && (gaps.above[i]! >= UNIT_GAP || line.ruleAbove || line.wide || input.lines[i - 1]!.wide)) band++;
    return band;
  });
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
 * cell's lines join; a bullet, a gap, a ruling, a new sentence, a value below a value or a line that
 * ended early starts a new unit). The column with the most units (the finest: usually the items) sets
 * the rows: a row starts where it starts a unit, or where it is empty and another column starts one.
 * A unit of a coarser column (a group label) belongs to the row in which it starts and spans down over
 * the rows its lines reach. A label that floats on a line of its own (the item column empty there, as
 * a vertically centred label comes out of a PDF) and is the only one of its column in its band (the
 * lines between two wider gaps) labels every row of that band. Header rows, group rows and labels
 * centred over their rows are decided afterwards by `finishTable`.
 *
 * @example
 * physicalTable({method: 'delimited', geometry: false, path: [], columns: [[0, 1], [1, 2]], lines: […]});
 */
export function physicalTable(input: PhysicalTableInput): TableBlock {
  const columns = input.columns.length;
  const vocabulary = vocabularyOf(input.lines.flatMap((l) => l.pieces.flatMap((p) => (p ? [p.text] : []))));
  const units = unitsOf(input);
  const driver = driverColumn(units);
  const gaps = gapsOf(input);
  const bands = bandsOf(input, gaps);
  const driverHas = (i: number): boolean => Boolean(input.lines[i]!.pieces[driver]?.text.trim());
  const driverStarts = new Set(units[driver]!.map((u) => u.first));
  const insideItem = (i: number): boolean => units[driver]!.some((u) => u.first < i && i < u.last);

  // A floating label (starting where the item column is empty) alone in its column in a band that holds
  // items labels the whole band.
  const floating = new Map<Unit, number>();
  for (let c = 0; c < columns; c++) {
    if (c === driver) continue;
    for (const unit of units[c]!) {
      if (driverHas(unit.first)) continue;
      const band = bands[unit.first]!;
      const rivals = units[c]!.filter((u) => u !== unit && bands[u.first] === band);
      const items = units[driver]!.filter((u) => bands[u.first] === band);
      if (!rivals.length && items.length) floating.set(unit, band);
    }
  }

  const starts = new Set<number>(driverStarts);
  input.lines.forEach((line, i) => {
    if (line.wide) {
      starts.add(i);
      if (i + 1 < input.lines.length) starts.add(i + 1);
    }
  });
  for (let c = 0; c < columns; c++) {
    if (c === driver) continue;
    // Not where an item's own lines run past the line (a value or label set level with the middle of a wrapped item).
    for (const unit of units[c]!) if (!driverHas(unit.first) && !floating.has(unit) && !insideItem(unit.first)) starts.add(unit.first);
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
  const bandRows = (band: number): number[] => rowStarts.flatMap((start, r) => (bands[start] === band ? [r] : []));

  // Assign units to (row, column) slots. In a coarser column, a unit that starts part-way through a row
  // right below the unit above continues it (a label whose last word wrapped after a capital letter).
  const slots: Unit[][][] = rowStarts.map(() => Array.from({length: columns}, () => []));
  const spanTo = new Map<Unit, number>();
  for (let c = 0; c < columns; c++) {
    let previous: Unit | undefined;
    for (const unit of units[c]!) {
      const band = floating.get(unit);
      if (band !== undefined) {
        const rows = bandRows(band);
        if (rows.length) {
          slots[rows[0]!]![c]!.push(unit);
          spanTo.set(unit, rows.at(-1)!);
          previous = unit;
          continue;
        }
      }
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
      // A coarser column's unit spans down over the rows its lines (or its band) reach, while their slots are empty.
      const lastLine = Math.max(...list.map((u) => u.last));
      const lastRow = Math.max(...list.map((u) => spanTo.get(u) ?? -1));
      let span = 1;
      if (c !== driver) {
        while (r + span < rowStarts.length && (rowStarts[r + span]! <= lastLine || r + span <= lastRow) && !slots[r + span]![c]!.length) span++;
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
    if (line.wide && columns > 1) {
      // A full-width row: its text in one cell spanning every column.
      const owner = grid[r]!.find((cell) => cell && !cell.spannedFrom) ?? blankCell();
      const cells = [{...owner, colSpan: columns}, ...Array.from({length: columns - 1}, (): Cell => ({...blankCell(), spannedFrom: {row: r, column: 0}}))];
      return {cells, at, section: true};
    }
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
