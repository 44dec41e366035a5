import type {Block, Location} from '../../model/document.js';
import type {LinePiece, PhysicalLine, PhysicalTableInput} from '../table/physical-lines.js';
import {wrapSeparator} from '../table/join-lines.js';
import {chunkBox, type Chunk, type PageLine} from './page-lines.js';
import type {LatticeTable} from './lattice.js';
import type {Segment} from './rulings.js';
import {minOf} from '../../util/extremes.js';
import {HEADING_SIZE, pageText, textFrame, textStyle, type TextFrame, type TextState, type TextStyle} from './page-text.js';

/** Chunk starts within this many points belong to one column. */
const COLUMN_TOLERANCE = 4;
/** A column start must be seen on at least this share of a region's lines (and on two). */
const COLUMN_SHARE = 0.15;
/** A vertical gap this many times the usual line pitch separates rows (cell padding) or paragraphs. */
const ROW_GAP = 1.4;
/** A vertical gap this many times the line pitch ends a run of tabular lines. */
const RUN_GAP = 2.5;
/** Up to this many line pitches, a gap does not end a run when the next line's columns are the run's. */
const WIDE_RUN_GAP = 6;
/** Column starts closer than this many ems are a hanging indent, not two columns. */
const HANGING_INDENT = 3;
const BULLET = /^[•●▪◦■□‣⁃–-]\s+/u;

/** Column layout of a table, carried to the next page so a table split across pages reads as one. */
export interface ColumnLayout {
  starts: number[];
}

/**
 * Join a wrapped line to the text before it: with a space, except between two characters of a script
 * written without spaces (Chinese, Japanese, Thai…), where a space would be an error.
 *
 * @example
 * joinWrapped('リスク', '中立確率'); // 'リスク中立確率'
 */
export function joinWrapped(before: string, after: string): string {
  if (!before) return after;
  if (!after) return before;
  const separator = wrapSeparator(before, after);
  return separator ? `${before}${separator}${after}` : before.trimEnd() + after.trimStart();
}

function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = values.toSorted((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function at(line: PageLine, chunk?: Pick<Chunk, 'x0' | 'x1'>): Location {
  const box = chunk ?? {x0: line.x0, x1: line.x1};
  return {line: line.index, page: line.page, bbox: chunkBox(line, box)};
}

/**
 * Column starts of a run of lines: chunk starts seen on enough lines, clustered. Starts closer than a
 * few ems are one column (a list's hanging indent), not two.
 */
function clusterStarts(lines: readonly PageLine[], size: number): number[] {
  const clusters: {x: number; lines: Set<PageLine>}[] = [];
  for (const line of lines) {
    for (const chunk of line.chunks) {
      const found = clusters.find((c) => Math.abs(c.x - chunk.x0) <= COLUMN_TOLERANCE);
      if (found) {
        found.lines.add(line);
        found.x = Math.min(found.x, chunk.x0);
      } else clusters.push({x: chunk.x0, lines: new Set([line])});
    }
  }
  const needed = Math.max(2, Math.ceil(lines.length * COLUMN_SHARE));
  const frequent = clusters
    .filter((c) => c.lines.size >= needed)
    .map((c) => c.x)
    .sort((a, b) => a - b);
  const starts: number[] = [];
  for (const x of frequent) if (!starts.length || x - starts.at(-1)! > HANGING_INDENT * size) starts.push(x);
  return starts;
}

/** The column a chunk starting at `x` belongs to: the nearest start, boundaries half-way between starts. */
function columnOf(x: number, starts: readonly number[]): number {
  let k = 0;
  for (let c = 1; c < starts.length; c++) if (x >= (starts[c - 1]! + starts[c]!) / 2) k = c;
  return k;
}

/**
 * Cut a chunk that runs across a column boundary (a long area label drawn up against the objective
 * column) at the text item that starts nearest the next column, so each column gets its own text.
 */
function splitAtColumns(chunk: Chunk, starts: readonly number[]): Chunk[] {
  const k = columnOf(chunk.x0, starts);
  const next = starts[k + 1];
  if (next === undefined || chunk.x1 <= next + COLUMN_TOLERANCE || chunk.starts.length < 2) return [chunk];
  const cut = chunk.starts.findIndex(([offset, x]) => offset > 0 && x >= next - COLUMN_TOLERANCE);
  if (cut < 0) return [chunk];
  const [offset, x] = chunk.starts[cut]!;
  const head: Chunk = {text: chunk.text.slice(0, offset).trim(), x0: chunk.x0, x1: x, starts: chunk.starts.slice(0, cut)};
  const tail: Chunk = {text: chunk.text.slice(offset), x0: x, x1: chunk.x1, starts: chunk.starts.slice(cut).map(([o, sx]) => [o - offset, sx])};
  return [head, ...splitAtColumns(tail, starts)];
}

/** Whether two columns of long lines with a gutter near the middle are running text, not a table. */
function isTwoColumnText(lines: readonly PageLine[], starts: readonly number[], pageWidth: number): boolean {
  if (starts.length !== 2) return false;
  const [left, right] = starts as [number, number];
  const gutter = right;
  if (Math.abs(gutter - pageWidth / 2) > pageWidth * 0.15) return false;
  const leftWidths = lines.flatMap((l) => l.chunks.filter((c) => columnOf(c.x0, starts) === 0).map((c) => c.x1 - left));
  const rightWidths = lines.flatMap((l) => l.chunks.filter((c) => columnOf(c.x0, starts) === 1).map((c) => c.x1 - right));
  // In running text both columns are mostly full lines and run down the page side by side; in an
  // objectives table the first column holds a few labels, one per row of several lines.
  const share = (column: number): number => lines.filter((l) => l.chunks.some((c) => columnOf(c.x0, starts) === column)).length / lines.length;
  // Both columns run down the page (text on most lines), and either are mostly full lines, or are two
  // columns of one shape (as wide as each other: an index, a glossary of short entries); a table's
  // columns play different parts and differ in width, or, when as wide as each other, start their rows level.
  const full = median(leftWidths) > (right - left) * 0.6 && median(rightWidths) > (right - left) * 0.6;
  const extent = (widths: readonly number[]): number => widths.toSorted((a, b) => a - b)[Math.floor(widths.length * 0.9)] ?? 0;
  const ratio = extent(leftWidths) / Math.max(1, extent(rightWidths));
  const symmetric = ratio >= 0.8 && ratio <= 1.25;
  return share(0) >= 0.75 && share(1) >= 0.75 && (full || symmetric) && !rowsAligned(lines, starts);
}

/**
 * Whether two columns start their blocks of lines (after a gap wider than the lines' pitch) on the same
 * baselines: the rows of a table, whose cells start level however long each is. The paragraphs of two
 * columns of running text start wherever the text falls, rarely level.
 */
function rowsAligned(lines: readonly PageLine[], starts: readonly number[]): boolean {
  const blockStarts = (column: number): number[] => {
    const mine = lines.filter((l) => l.chunks.some((c) => columnOf(c.x0, starts) === column));
    const gaps = mine.slice(1).map((l, k) => mine[k]!.y - l.y);
    const pitch = gaps.length ? gaps.toSorted((a, b) => a - b)[Math.floor(gaps.length / 4)]! : 0;
    return mine.filter((l, k) => k > 0 && mine[k - 1]!.y - l.y > 1.3 * pitch).map((l) => l.y);
  };
  const left = blockStarts(0);
  const right = blockStarts(1);
  if (left.length < 2 || right.length < 2) return false;
  const level = left.filter((y) => right.some((r) => Math.abs(r - y) <= 2)).length;
  return level >= 2 && level >= 0.6 * Math.min(left.length, right.length);
}

/** A line this much larger than the table's usual line is emphasised (a group or header row). */
const EMPHASIS_SIZE = 1.08;

/**
 * The key of a line of a page: where a row of the shared row builder starts.
 *
 * @example
 * lineKey({page: 2, line: 14}); // '2:14'
 */
export const lineKey = (at: {page?: number | undefined; line: number}): string => `${at.page ?? 0}:${at.line}`;

/**
 * A table's lines as physical lines for the shared row builder: one piece per column, gaps in font
 * sizes, a ruling above a line where a horizontal rule crosses the table between it and the line above,
 * emphasis where the line is set larger than the table's usual lines. Also returns the lines whose only
 * text runs across the column boundaries (a full-width group row), by {@link lineKey}.
 */
function table(lines: readonly PageLine[], starts: readonly number[], right: number, rules: readonly Segment[] = []): {input: PhysicalTableInput; spanning: Set<string>} {
  const physical: PhysicalLine[] = [];
  const spanning = new Set<string>();
  const usual = median(lines.map((l) => l.size));
  let previous: PageLine | undefined;
  for (const line of lines) {
    const texts: {text: string; x0: number; x1: number; bullet?: string}[] = [];
    const pieces: (LinePiece | undefined)[] = starts.map(() => undefined);
    const split = line.chunks.flatMap((ch) => splitAtColumns(ch, starts));
    for (const chunk of split) {
      const c = columnOf(chunk.x0, starts);
      const clean = chunk.text.replace(/\s+/g, ' ').trim();
      if (!clean) continue;
      const existing = texts[c];
      if (existing) {
        existing.text = joinWrapped(existing.text, clean);
        existing.x1 = Math.max(existing.x1, chunk.x1);
      } else {
        const bullet = BULLET.exec(clean);
        texts[c] = bullet ? {text: clean.slice(bullet[0].length), x0: chunk.x0, x1: chunk.x1, bullet: bullet[0].trim()} : {text: clean, x0: chunk.x0, x1: chunk.x1};
      }
    }
    texts.forEach((t, c) => {
      if (!t) return;
      pieces[c] = {text: t.text, at: at(line, t), x0: t.x0, x1: t.x1, ...(t.bullet === undefined ? {} : {marker: t.bullet})};
    });
    if (split.length === 1 && columnOf(split[0]!.x0, starts) === 0 && starts.length > 1 && split[0]!.x1 > starts.at(-1)! + COLUMN_TOLERANCE) spanning.add(lineKey(at(line)));
    // Gaps in font sizes, the same unit on every page, so a table continued on the next page keeps its scale.
    const gapAbove = previous === undefined ? 0 : (previous.y - line.y) / Math.max(1, Math.min(previous.size, line.size));
    const entry: PhysicalLine = {pieces, at: at(line), gapAbove};
    const top = line.y + 0.85 * line.size;
    const x0 = starts[0]!;
    if (previous && rules.some((r) => r.at > top && r.at < previous!.y - 0.2 * previous!.size && r.a <= x0 + COLUMN_TOLERANCE && r.b >= (starts.at(-1) ?? x0))) {
      (entry as {ruleAbove?: boolean}).ruleAbove = true;
    }
    if (line.size >= EMPHASIS_SIZE * usual) (entry as {emphasis?: boolean}).emphasis = true;
    physical.push(entry);
    previous = line;
  }
  const columns = starts.map((x, c) => [x, starts[c + 1] ?? right] as const);
  return {input: {method: 'stream', lines: physical, columns, geometry: true, path: []}, spanning};
}

function isTabular(line: PageLine, margin: number, size: number, headingSize: number): boolean {
  if (line.chunks.length < 2 && line.size >= headingSize) return false;
  return line.chunks.length >= 2 || line.x0 > margin + 2 * size;
}

/** How the running text of a page is read: the document's type sizes, the page's frame, the state carried across pages. */
export interface TextContext {
  style: TextStyle;
  frame: TextFrame;
  state: TextState;
}

/** A context for a page read on its own (no document around it): its own sizes and frame. */
function ownContext(lines: readonly PageLine[], pageWidth: number): TextContext {
  const style = textStyle([lines]);
  return {style, frame: textFrame(lines, pageWidth, style.bodySize), state: {lastLevel: 0}};
}

/**
 * What a page yields: blocks, tables still as physical lines (a table may continue on the next page), and
 * ruled tables already built from their grid.
 */
export type PageItem = Block | {kind: 'physical'; input: PhysicalTableInput; continues: boolean; spanning: Set<string>} | {kind: 'lattice'; table: LatticeTable};

/**
 * A run is a table only if this many of its lines hold text in two or more columns side by side: lines
 * that merely start at different places (ragged-left or right-aligned prose, a poem's alternating
 * indents) have columns that never meet on a line.
 */
const MIN_SIDE_BY_SIDE = 2;

/** How many lines of a run hold text in two or more of the columns. */
function sideBySide(run: readonly PageLine[], starts: readonly number[]): number {
  return run.filter((line) => new Set(line.chunks.flatMap((ch) => splitAtColumns(ch, starts)).map((c) => columnOf(c.x0, starts))).size >= 2).length;
}

/** A continued table's columns may start this many points further left or right on the new page. */
const MAX_SHIFT = 36;

/**
 * How far the columns `starts` sit from `carry`'s on the new page: the median offset of the first
 * lines' chunk starts from the nearest carried start, when the offsets agree (a page with other
 * margins moves every column alike); undefined when they do not.
 */
function shiftFrom(carry: ColumnLayout, lines: readonly PageLine[]): number | undefined {
  const offsets: number[] = [];
  for (const line of lines.slice(0, 6)) {
    for (const chunk of line.chunks) {
      const nearest = carry.starts.reduce((best, s) => (Math.abs(chunk.x0 - s) < Math.abs(chunk.x0 - best) ? s : best), carry.starts[0]!);
      offsets.push(chunk.x0 - nearest);
    }
  }
  if (!offsets.length) return undefined;
  const d = median(offsets);
  if (Math.abs(d) > MAX_SHIFT) return undefined;
  const agreeing = offsets.filter((o) => Math.abs(o - d) <= COLUMN_TOLERANCE).length;
  return agreeing >= Math.ceil(offsets.length * 0.6) ? d : undefined;
}

/**
 * Split a run of tabular lines where its column structure changes: a table followed (or preceded) by
 * two columns of running text, with no heading or gap between, has column starts of its own on each
 * side. The split taken is the one whose two sides share no column start; each side is split again.
 */
function splitByColumns(run: readonly PageLine[], size: number): PageLine[][] {
  if (run.length < 4) return [[...run]];
  const all = clusterStarts(run, size);
  if (all.length < 3) return [[...run]];
  let best: {at: number; count: number} | undefined;
  for (let k = 2; k <= run.length - 2; k++) {
    const above = clusterStarts(run.slice(0, k), size);
    const below = clusterStarts(run.slice(k), size);
    if (!above.length || !below.length) continue;
    const shared = above.some((a) => below.some((b) => Math.abs(a - b) <= COLUMN_TOLERANCE));
    if (shared) continue;
    const count = above.length + below.length;
    if (!best || count < best.count) best = {at: k, count};
  }
  if (!best) return [[...run]];
  // Several split points may leave disjoint starts (a line starting in neither side's frequent columns):
  // move the split to where each line's chunks start in its own side's columns.
  const above = clusterStarts(run.slice(0, best.at), size);
  const below = clusterStarts(run.slice(best.at), size);
  const fits = (line: PageLine, starts: readonly number[]): boolean => line.chunks.every((c) => starts.some((x) => Math.abs(x - c.x0) <= COLUMN_TOLERANCE));
  let at = best.at;
  while (at < run.length - 1 && fits(run[at]!, above) && !fits(run[at]!, below)) at++;
  while (at > 1 && fits(run[at - 1]!, below) && !fits(run[at - 1]!, above)) at--;
  return [...splitByColumns(run.slice(0, at), size), ...splitByColumns(run.slice(at), size)];
}

/** A line's text, folded for comparing header rows (however its words fell into chunks). */
const rowKey = (line: PageLine): string => line.chunks.map((c) => c.text).join(' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether every chunk of `a` starts where one of `b`'s does. */
const startsWithin = (a: PageLine, b: PageLine): boolean => a.chunks.every((c) => b.chunks.some((d) => Math.abs(c.x0 - d.x0) <= COLUMN_TOLERANCE));

/**
 * Split a run of tabular lines where an earlier header row is printed again as the start of another table:
 * after a section's label (a line of one chunk that `setApart` says stands apart from the line above it, by
 * space or type size: one table per section, the header set again under each), or with its cells at other
 * positions (a second table laid out to its own content). The label line goes with neither table: it is
 * returned in `between`, to be read as the section's heading. A header repeated at the same positions with
 * no label above it (a wrapped cell's last line is not one) stays in one table.
 */
function splitAtRepeatedHeader(run: readonly PageLine[], setApart: (line: PageLine, above: PageLine) => boolean): {runs: PageLine[][]; between: PageLine[][]} {
  const keys = run.map((line) => (line.chunks.length >= 2 ? rowKey(line) : undefined));
  for (let k = 2; k < run.length; k++) {
    const key = keys[k];
    if (key === undefined) continue;
    const h = keys.slice(0, k - 1).indexOf(key);
    if (h < 0) continue;
    const header = run[h]!;
    const line = run[k]!;
    const label = run[k - 1]!.chunks.length === 1 && setApart(run[k - 1]!, run[k - 2]!) ? 1 : 0;
    const moved = !startsWithin(header, line) && !startsWithin(line, header);
    if (!label && !moved) continue;
    const rest = splitAtRepeatedHeader(run.slice(k), setApart);
    return {runs: [[...run.slice(0, k - label)], ...rest.runs], between: [run.slice(k - label, k), ...rest.between]};
  }
  return {runs: [[...run]], between: []};
}

/**
 * The lines of one page (furniture already removed) → blocks in reading order: runs of lines with
 * column gutters become tables (physical lines for the shared row builder), split where their column
 * structure changes, so that one or two columns of running text next to a table stay text; two columns
 * of running text are read left column first (with any last lines of the longer column); the rest
 * become paragraphs and headings. `carry` is the column layout of a table that ended the previous page:
 * the page's first lines continue it when their columns match it, shifted alike by up to
 * {@link MAX_SHIFT} points (a page with other margins).
 */
export function pageBlocks(
  lines: readonly PageLine[],
  pageWidth: number,
  carry?: ColumnLayout,
  rules: readonly Segment[] = [],
  context: TextContext = ownContext(lines, pageWidth),
): {blocks: PageItem[]; carry?: ColumnLayout} {
  if (!lines.length) return carry ? {blocks: [], carry} : {blocks: []};
  const bodySize = median(lines.map((l) => l.size));
  const headingSize = context.style.bodySize * HEADING_SIZE;
  const tabular = (line: PageLine): boolean => isTabular(line, margin, bodySize, headingSize);
  // Running text waits here until a table (or the page's end) closes it, so that a label and the list
  // below it, or a paragraph and its indented list, are read together.
  let pending: PageLine[] = [];
  const flush = (): void => {
    if (pending.length) blocks.push(...pageText(pending, context.style, context.frame, context.state));
    pending = [];
  };
  /** Text in columns of its own (two columns of running text): each read with its own margin. */
  const columnText = (column: readonly PageLine[]): Block[] =>
    column.length ? pageText(column, context.style, {...context.frame, margin: minOf(column.map((l) => l.x0), 0)}, context.state) : [];
  /**
   * A section's label between two tables with the same header: a heading, as typeset (size, weight) when
   * it is set as one, else at the level of the heading last read (the label is that section's sibling).
   */
  const sectionLabel = (label: readonly PageLine[]): Block[] =>
    pageText(label, context.style, context.frame, context.state).map((b) =>
      b.kind === 'heading' || !('text' in b) ? b : {kind: 'heading', level: Math.max(1, context.state.lastLevel), text: b.text, path: [], at: b.at},
    );
  const pitches = lines.slice(1).map((l, k) => lines[k]!.y - l.y).filter((d) => d > 0 && d < 3 * bodySize);
  const pitch = median(pitches) || bodySize * 1.2;
  const margin = minOf(lines.map((l) => l.x0), 0);
  const blocks: PageItem[] = [];
  let endCarry: ColumnLayout | undefined;
  // The carried columns as they sit on this page.
  const shift = carry ? shiftFrom(carry, lines) : undefined;
  const carried = carry && shift !== undefined ? {starts: carry.starts.map((s) => s + shift)} : undefined;
  let i = 0;
  while (i < lines.length) {
    // A table continues from the page before when the first line's chunks sit inside its columns (a
    // continued cell may be indented past the column start), none running across a column boundary.
    const continuing =
      i === 0 &&
      carried !== undefined &&
      lines[0]!.chunks.every((c) => {
        const k = columnOf(c.x0, carried.starts);
        const next = carried.starts[k + 1];
        return c.x0 >= carried.starts[0]! - COLUMN_TOLERANCE && (next === undefined || c.x1 <= next + COLUMN_TOLERANCE);
      });
    if (!continuing && !tabular(lines[i]!)) {
      let j = i;
      while (j < lines.length && !tabular(lines[j]!)) j++;
      pending.push(...lines.slice(i, j));
      i = j;
      continue;
    }
    // A run of tabular lines; a single untabular line between two tabular ones stays in the run.
    // A gap of several lines ends the run: what follows (a table after two columns of text) is laid out anew.
    // A wider gap (a tall row: a rotated label beside it, a header row's padding) does not end the run
    // when the next line has two or more chunks, each starting in one of the run's columns.
    let j = i + 1;
    const startsSoFar = (): number[] => lines.slice(i, j).flatMap((l) => l.chunks.map((c) => c.x0));
    const sameColumns = (line: PageLine): boolean =>
      line.chunks.length >= 2 && line.chunks.every((c) => startsSoFar().some((x) => Math.abs(x - c.x0) <= COLUMN_TOLERANCE));
    // A heading-sized line starting left of every line of the run so far (a heading at the margin, the
    // table's cells being inset) ends the run: a group row of the table starts where its cells do.
    const headingOutside = (line: PageLine): boolean =>
      line.chunks.length === 1 && line.size >= headingSize && line.x0 < minOf(lines.slice(i, j).map((l) => l.x0), 0) - COLUMN_TOLERANCE / 2;
    while (
      j < lines.length &&
      (lines[j - 1]!.y - lines[j]!.y <= RUN_GAP * pitch || (lines[j - 1]!.y - lines[j]!.y <= WIDE_RUN_GAP * pitch && sameColumns(lines[j]!))) &&
      !headingOutside(lines[j]!) &&
      (tabular(lines[j]!) || (j + 1 < lines.length && tabular(lines[j + 1]!)))
    )
      j++;
    const segments = splitByColumns(lines.slice(i, j), bodySize);
    segments.forEach((run, s) => {
      const first = continuing && s === 0;
      let starts = clusterStarts(run, bodySize);
      if (first && carried && (starts.length < 2 || starts.every((x) => carried.starts.some((c) => Math.abs(c - x) <= COLUMN_TOLERANCE)))) starts = carried.starts;
      if (!first && starts.length >= 2 && isTwoColumnText(run, starts, pageWidth)) {
        // The longer column's last lines may run on below the shorter one: they belong to it.
        const last = s === segments.length - 1;
        let extended = [...run];
        if (last) {
          while (
            j < lines.length &&
            extended.at(-1)!.y - lines[j]!.y <= 1.5 * pitch &&
            lines[j]!.chunks.length === 1 &&
            starts.some((x) => Math.abs(lines[j]!.chunks[0]!.x0 - x) <= COLUMN_TOLERANCE)
          ) {
            extended.push(lines[j]!);
            j++;
          }
        }
        const left = extended.map((l) => ({...l, chunks: l.chunks.filter((c) => columnOf(c.x0, starts) === 0)})).filter((l) => l.chunks.length);
        const right = extended.map((l) => ({...l, chunks: l.chunks.filter((c) => columnOf(c.x0, starts) === 1)})).filter((l) => l.chunks.length);
        flush();
        blocks.push(...columnText(left), ...columnText(right));
        extended = [];
      } else if (starts.length >= 2 && run.length >= 2 && sideBySide(run, starts) >= MIN_SIDE_BY_SIDE) {
        flush();
        // One run may hold two tables with the same header (one per section), each with its own columns.
        const parts = splitAtRepeatedHeader(run, (label, above) => above.y - label.y > ROW_GAP * pitch || label.size >= EMPHASIS_SIZE * bodySize);
        const carriedOn = first && starts === carried?.starts;
        let last = starts;
        parts.runs.forEach((part, p) => {
          if (p > 0) blocks.push(...sectionLabel(parts.between[p - 1]!));
          const own = p === 0 && (carriedOn || parts.runs.length === 1) ? starts : clusterStarts(part, bodySize);
          last = own.length >= 2 ? own : starts;
          blocks.push({kind: 'physical', ...table(part, last, pageWidth, rules), continues: carriedOn && p === 0});
        });
        starts = last;
        endCarry = j === lines.length && s === segments.length - 1 ? {starts} : undefined;
      } else pending.push(...run);
    });
    i = j;
  }
  flush();
  return endCarry ? {blocks, carry: endCarry} : {blocks};
}

/**
 * A page's lines and its ruled tables → items in reading order: each ruled table takes its place by its
 * top edge, the lines above it are laid out before it (by {@link pageBlocks}), the lines below it or
 * beside it after it. `carry` (a stream table continuing from the page before) applies to the first
 * lines of the page only.
 *
 * @example
 * pageItems(lines, latticeTables(rulings, lines, 1).tables, 595).blocks.map((b) => b.kind);
 */
export function pageItems(
  lines: readonly PageLine[],
  tables: readonly LatticeTable[],
  pageWidth: number,
  carry?: ColumnLayout,
  rules: readonly Segment[] = [],
  text?: {style: TextStyle; state: TextState},
): {blocks: PageItem[]; carry?: ColumnLayout} {
  const style = text?.style ?? textStyle([lines]);
  const context: TextContext = {style, frame: textFrame(lines, pageWidth, style.bodySize), state: text?.state ?? {lastLevel: 0}};
  if (!tables.length) return pageBlocks(lines, pageWidth, carry, rules, context);
  const items: PageItem[] = [];
  let remaining = [...lines];
  let first = true;
  for (const table of tables.toSorted((a, b) => b.box[3] - a.box[3])) {
    const above = remaining.filter((l) => l.y + 0.3 * l.size > table.box[3]);
    remaining = remaining.filter((l) => l.y + 0.3 * l.size <= table.box[3]);
    if (above.length) {
      items.push(...pageBlocks(above, pageWidth, first ? carry : undefined, rules, context).blocks);
      first = false;
    }
    items.push({kind: 'lattice', table});
    first = false;
  }
  const tail = pageBlocks(remaining, pageWidth, undefined, rules, context);
  items.push(...tail.blocks);
  return tail.carry ? {blocks: items, carry: tail.carry} : {blocks: items};
}
