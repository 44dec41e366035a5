import type {LinePiece, PhysicalLine, PhysicalTableInput} from '../table/physical-lines.js';
import {normText} from '../../util/text-shape.js';
import {locate, splitMarker, type TextLine} from './text-lines.js';

/** Minimum run of spaces that separates two columns in layout text (pdftotext -layout). */
const GUTTER = 2;
/** A word may start this many characters left of its column's usual start (ragged layout). */
const SNAP = 3;
/** A column start must be seen on at least this share of a run's lines. */
const MIN_SHARE = 0.15;
const MIN_LINES = 3;
/** Column starts at most this many characters apart that never share a line are one column. */
const RAGGED = 8;

/** A bullet glyph standing alone before a gutter ("•   Prevent homelessness"): pdftotext sets list text apart from its bullet. */
const LONE_BULLET = /^[•●▪◦■□‣⁃∙·*–-]$/;

/**
 * Positions where text starts after a gutter (or at an indented line start). The text after a lone
 * bullet is not a column of its own: the bullet and its text start together.
 */
function columnStarts(text: string): number[] {
  const starts: number[] = [];
  let bullet = false;
  for (const match of text.matchAll(new RegExp(`(^\\s*|\\s{${GUTTER},})(\\S+(?: \\S+)*)`, 'g'))) {
    if (!bullet) starts.push(match.index + match[1]!.length);
    bullet = LONE_BULLET.test(match[2]!);
  }
  return starts;
}

/**
 * A table caption on a line of its own ("Table 3: Our key performance indicators", "Figure 2. Targets"):
 * it names the table below, it is never one of its rows.
 */
export const CAPTION = /^(?:table|figure|chart|exhibit)\s+[A-Z]?\d+(?:\.\d+)*\s*[:.–—-]\s*\S/i;

function isCaption(line: TextLine | undefined): boolean {
  return line !== undefined && CAPTION.test(line.text.trim()) && columnStarts(line.text).length === 1;
}

function isTabular(line: TextLine): boolean {
  if (isCaption(line)) return false;
  return columnStarts(line.text).length >= 2 || /^\s{4,}\S/.test(line.text.trimEnd());
}

/** A line that may sit inside a table without breaking it: blank, or a short label (a group name, a heading). */
function isLabelOrBlank(line: TextLine): boolean {
  const t = line.text.trim();
  return !t || (t.split(/\s+/).length <= 12 && !/[.;:]$/.test(t));
}

/** A table found in layout text: its first and last line (0-based), the physical lines, and the margin lines passed over. */
export interface LayoutTable {
  start: number;
  end: number;
  input: PhysicalTableInput;
  /** Lines left of the table's first column inside its run (a side label printed sideways), kept out of its rows. */
  margins: TextLine[];
}

/** A line without a gutter that starts left of every column of a run: margin text, not a row. */
function inMargin(line: TextLine, run: readonly TextLine[]): boolean {
  const own = columnStarts(line.text);
  const left = Math.min(...run.flatMap((l) => columnStarts(l.text)));
  return own.length === 1 && own[0]! < left - SNAP;
}

/** How many lines without a gutter may sit between two tabular lines of one table. */
const BRIDGE = 8;

/**
 * Whether a line without a gutter lies inside one column of a run: it starts at one of the run's column
 * starts and ends before the next one. A row whose other cells are empty looks like this; a paragraph
 * line running across the columns does not.
 */
function fitsColumn(line: TextLine, run: readonly TextLine[]): boolean {
  const own = columnStarts(line.text);
  if (own.length !== 1) return false;
  const seen = [...new Set(run.flatMap((l) => columnStarts(l.text)))].sort((a, b) => a - b);
  const start = seen.find((s) => Math.abs(s - own[0]!) <= SNAP);
  if (start === undefined) return false;
  const next = seen.find((s) => s > start + SNAP);
  return next === undefined || line.text.trimEnd().length <= next - GUTTER;
}

/** Whether a line repeats the header of a run (its first lines, a header may wrap): the same first word, and no word the header lacks. */
function repeats(line: TextLine, header: readonly TextLine[]): boolean {
  const words = normText(line.text).split(' ').filter(Boolean);
  const first = normText(header[0]?.text ?? '').split(' ')[0];
  const known = new Set(header.flatMap((l) => normText(l.text).split(' ')));
  return words.length > 0 && words[0] === first && words.every((w) => known.has(w));
}

/** Whether a line's column starts all line up (within a few characters) with starts seen in a run: the same table going on. */
function aligned(line: TextLine, run: readonly TextLine[]): boolean {
  const seen = new Set(run.flatMap((l) => columnStarts(l.text)));
  return columnStarts(line.text).every((x) => [...seen].some((s) => Math.abs(s - x) <= SNAP));
}

/** Cluster frequent start positions into column starts (leftmost of each cluster). */
function clusterStarts(lines: readonly TextLine[]): number[] {
  const counts = new Map<number, number>();
  for (const line of lines) for (const x of new Set(columnStarts(line.text))) counts.set(x, (counts.get(x) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(lines.length * MIN_SHARE));
  const xs = [...counts.keys()].sort((a, b) => a - b);
  const clusters: {x: number; count: number}[] = [];
  for (const x of xs) {
    const last = clusters.at(-1);
    if (last && x - last.x <= SNAP) last.count += counts.get(x)!;
    else clusters.push({x, count: counts.get(x)!});
  }
  const frequent = clusters.filter((c) => c.count >= needed).map((c) => c.x);
  if (frequent[0] !== undefined && frequent[0] > 0 && lines.some((l) => /^\S/.test(l.text))) frequent.unshift(0);
  // Two starts a few characters apart that never hold text on the same line are one column with a
  // ragged left edge (pdftotext sets a cell's wrapped lines a little left of single lines).
  const near = (line: TextLine, x: number): boolean => columnStarts(line.text).some((s) => Math.abs(s - x) <= SNAP);
  const merged: number[] = [];
  for (const x of frequent) {
    const last = merged.at(-1);
    if (last !== undefined && x - last <= RAGGED && !lines.some((l) => near(l, last) && near(l, x))) continue;
    merged.push(x);
  }
  return merged;
}

/** A run of words on a line and the column its first word starts in. */
interface Run {
  index: number;
  text: string;
  column: number;
}

/**
 * A line's runs of words (separated by single spaces, cut where a word starts at another column's start:
 * pdftotext may squeeze a gutter to one space, "Urgent and emergency Improve A&E …"), each with the
 * column its first word starts in.
 */
function runsOf(line: TextLine, starts: readonly number[]): Run[] {
  const runs: Run[] = [];
  const column = (x: number): number => {
    let k = 0;
    for (let c = 0; c < starts.length; c++) if (starts[c]! <= x + SNAP) k = c;
    return k;
  };
  for (const run of line.text.matchAll(/\S+(?: \S+)*/g)) {
    let from = 0;
    for (const word of run[0].matchAll(/\S+/g)) {
      const x = run.index + word.index;
      if (word.index > 0 && starts.some((s) => s > run.index + SNAP && Math.abs(x - s) <= SNAP)) {
        runs.push({index: run.index + from, text: run[0].slice(from, word.index).trimEnd(), column: column(run.index + from)});
        from = word.index;
      }
    }
    runs.push({index: run.index + from, text: run[0].slice(from), column: column(run.index + from)});
  }
  return runs;
}

/**
 * How far right each column's text reaches on the lines where it is one run: the column's extent. A run
 * set apart by a gutter beyond that extent, before the next column's usual start, is in the next column
 * (a header word set left of its column: "Area      Objective" above cells whose text starts after a bullet).
 */
function columnExtents(lines: readonly TextLine[], starts: readonly number[]): number[] {
  const right = starts.map(() => -1);
  for (const line of lines) {
    const runs = runsOf(line, starts);
    for (let c = 0; c < starts.length; c++) {
      const mine = runs.filter((r) => r.column === c);
      if (mine.length === 1) right[c] = Math.max(right[c]!, mine[0]!.index + mine[0]!.text.length);
    }
  }
  return right;
}

/** One line's text cut into column pieces: each run of words goes to the column its first word starts in. */
function piecesOf(line: TextLine, starts: readonly number[], extents?: readonly number[]): (LinePiece | undefined)[] {
  const pieces: (LinePiece | undefined)[] = starts.map(() => undefined);
  const runs = runsOf(line, starts);
  runs.forEach((run, r) => {
    let k = run.column;
    const before = pieces[k];
    const laterInNext = runs.slice(r + 1).some((o) => o.column === k + 1);
    if (before && extents && extents[k]! >= 0 && run.index >= before.x1 + GUTTER && run.index > extents[k]! + GUTTER && k + 1 < starts.length && !pieces[k + 1] && !laterInNext) k++;
    const existing = pieces[k];
    const x0 = existing?.x0 ?? run.index;
    const raw = existing ? `${existing.marker ? `${existing.marker} ` : ''}${existing.text} ${run.text}` : run.text;
    const {marker, text} = splitMarker(raw);
    pieces[k] = {text, at: locate(line), x0, x1: run.index + run.text.length, ...(marker === undefined ? {} : {marker})};
  });
  return pieces;
}

/**
 * Find space-aligned tables in layout text: runs of lines with column gutters, split at page breaks,
 * whose frequent column starts give at least two columns. Each becomes physical lines (character
 * positions as geometry, blank lines as gaps) for the shared row builder.
 */
export function findLayoutTables(
  lines: readonly TextLine[],
  taken: (index: number) => boolean,
): LayoutTable[] {
  const found: LayoutTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (taken(i) || !isTabular(lines[i]!)) {
      i++;
      continue;
    }
    let end = i;
    // Lines in the margin left of the table (a side label printed sideways): passed over, kept out of the rows.
    const margins = new Set<number>();
    const joins = (k: number): boolean => k < lines.length && !taken(k) && lines[k]!.page === lines[i]!.page;
    for (;;) {
      if (joins(end + 1) && isTabular(lines[end + 1]!)) end++;
      // One line without a gutter may sit inside a run (a row whose gutter was squeezed to one space).
      else if (joins(end + 2) && isTabular(lines[end + 2]!) && !isCaption(lines[end + 1])) end += 2;
      else {
        // Blank lines, lines that fit inside one of the run's columns (a row whose other cells are empty,
        // as rows beside a vertically centred label come out) and up to two short labels (a group label,
        // a heading between parts of one table) may sit before the next tabular line.
        const run = lines.slice(i, end + 1).filter((_, x) => !margins.has(i + x));
        let k = end + 1;
        let labels = 0;
        const passed: number[] = [];
        while (k <= end + BRIDGE && joins(k) && !isTabular(lines[k]!) && !isCaption(lines[k])) {
          if (inMargin(lines[k]!, run)) passed.push(k);
          else if (lines[k]!.text.trim() && !fitsColumn(lines[k]!, run)) {
            if (!isLabelOrBlank(lines[k]!) || ++labels > 2) break;
          }
          k++;
        }
        // Not when the header repeats after them: the lines between are a heading over a new copy of the table.
        const repeatsHeader = joins(k) && repeats(lines[k]!, lines.slice(i, Math.min(end, i + 2) + 1));
        if (k > end + 1 && joins(k) && isTabular(lines[k]!) && !repeatsHeader && aligned(lines[k]!, run)) {
          for (const x of passed) margins.add(x);
          end = k;
        } else break;
      }
    }
    const run = lines.slice(i, end + 1).filter((_, x) => !margins.has(i + x));
    const starts = clusterStarts(run.filter((l) => l.text.trim()));
    const multi = run.filter((l) => columnStarts(l.text).length >= 2).length;
    if (run.filter((l) => l.text.trim()).length >= MIN_LINES && starts.length >= 2 && multi >= 2) {
      let previous: TextLine | undefined;
      const extents = columnExtents(run.filter((l) => l.text.trim()), starts);
      const physical: PhysicalLine[] = run.flatMap((line) => {
        if (!line.text.trim()) return [];
        const gapAbove = previous ? line.line - previous.line : 0;
        previous = line;
        return [{pieces: piecesOf(line, starts, extents), at: locate(line), gapAbove}];
      });
      const columns = starts.map((x, c) => [x, starts[c + 1] ?? Infinity] as const);
      found.push({start: i, end, input: {method: 'layout', lines: physical, columns, geometry: true, path: []}, margins: [...margins].map((x) => lines[x]!)});
    }
    i = end + 1;
  }
  return joinAcrossPages(found, lines);
}

/**
 * A table continued on the next page (its columns may start a few characters further right there) is
 * one table: consecutive tables with the same number of columns, on consecutive pages, with nothing but
 * blank lines between them, are joined, each page's lines keeping the columns found on its page.
 */
function joinAcrossPages(found: LayoutTable[], lines: readonly TextLine[]): LayoutTable[] {
  const out: LayoutTable[] = [];
  for (const table of found) {
    const last = out.at(-1);
    const between = last ? lines.slice(last.end + 1, table.start) : [];
    const nextPage = last !== undefined && (lines[table.start]!.page ?? 0) === (lines[last.end]!.page ?? 0) + 1;
    if (last && nextPage && between.every((l) => !l.text.trim()) && last.input.columns.length === table.input.columns.length) {
      const [first, ...rest] = table.input.lines;
      out[out.length - 1] = {
        start: last.start,
        end: table.end,
        input: {...last.input, lines: [...last.input.lines, ...(first ? [{...first, gapAbove: 1}] : []), ...rest]},
        margins: [...last.margins, ...table.margins],
      };
    } else out.push(table);
  }
  return out;
}
