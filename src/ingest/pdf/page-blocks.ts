import type {Block, Location} from '../../model/document.js';
import type {LinePiece, PhysicalLine, PhysicalTableInput} from '../table/physical-lines.js';
import {chunkBox, type Chunk, type PageLine} from './page-lines.js';
import {minOf} from '../../util/extremes.js';

/** Chunk starts within this many points belong to one column. */
const COLUMN_TOLERANCE = 4;
/** A column start must be seen on at least this share of a region's lines (and on two). */
const COLUMN_SHARE = 0.15;
/** A vertical gap this many times the usual line pitch separates rows (cell padding) or paragraphs. */
const ROW_GAP = 1.4;
/** A vertical gap this many times the line pitch ends a run of tabular lines. */
const RUN_GAP = 2.5;
/** Text at least this many times the body size is a heading. */
const HEADING_SIZE = 1.2;
/** Column starts closer than this many ems are a hanging indent, not two columns. */
const HANGING_INDENT = 3;
const BULLET = /^[•●▪◦■□‣⁃–-]\s+/u;

/** Column layout of a table, carried to the next page so a table split across pages reads as one. */
export interface ColumnLayout {
  starts: number[];
}

/** Scripts written without spaces between words: a line wrapped inside them joins with no space. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\uff00-\uffef]/u;

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
  const last = before.trimEnd().slice(-2);
  const next = after.trimStart().slice(0, 2);
  return UNSPACED.test(last.at(-1) === undefined ? '' : /[\udc00-\udfff]$/.test(last) ? last : last.slice(-1)) && UNSPACED.test(String.fromCodePoint(next.codePointAt(0) ?? 32)) && UNSPACED.test(next) ? before.trimEnd() + after.trimStart() : `${before} ${after}`;
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
  return median(leftWidths) > (right - left) * 0.6 && median(rightWidths) > (right - left) * 0.6 && share(0) >= 0.75 && share(1) >= 0.75;
}

/** A table's lines as physical lines for the shared row builder: one piece per column, gaps in line pitches. */
function table(lines: readonly PageLine[], starts: readonly number[], right: number): PhysicalTableInput {
  const physical: PhysicalLine[] = [];
  let previous: PageLine | undefined;
  for (const line of lines) {
    const texts: {text: string; x0: number; x1: number; bullet?: string}[] = [];
    const pieces: (LinePiece | undefined)[] = starts.map(() => undefined);
    for (const chunk of line.chunks.flatMap((ch) => splitAtColumns(ch, starts))) {
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
    // Gaps in font sizes, the same unit on every page, so a table continued on the next page keeps its scale.
    const gapAbove = previous === undefined ? 0 : (previous.y - line.y) / Math.max(1, Math.min(previous.size, line.size));
    physical.push({pieces, at: at(line), gapAbove});
    previous = line;
  }
  const columns = starts.map((x, c) => [x, starts[c + 1] ?? right] as const);
  return {method: 'stream', lines: physical, columns, geometry: true, path: []};
}

function textBlocks(lines: readonly PageLine[], bodySize: number, pitch: number): Block[] {
  const blocks: Block[] = [];
  let current: {lines: PageLine[]; heading: boolean} | undefined;
  const flush = (): void => {
    if (!current) return;
    const text = current.lines
      .map((l) => l.chunks.map((c) => c.text).join(' '))
      .reduce(joinWrapped, '')
      .replace(/\s+/g, ' ')
      .trim();
    const first = current.lines[0]!;
    if (text) blocks.push(current.heading ? {kind: 'heading', level: first.size >= bodySize * 1.6 ? 1 : 2, text, path: [], at: at(first)} : {kind: 'paragraph', text, path: [], at: at(first)});
    current = undefined;
  };
  let previous: PageLine | undefined;
  for (const line of lines) {
    const heading = line.size >= bodySize * HEADING_SIZE;
    const gap = previous ? previous.y - line.y : 0;
    if (!current || current.heading !== heading || gap > ROW_GAP * pitch || BULLET.test(line.chunks[0]?.text ?? '')) {
      flush();
      current = {lines: [], heading};
    }
    current.lines.push(line);
    previous = line;
  }
  flush();
  return blocks;
}

function isTabular(line: PageLine, margin: number, size: number): boolean {
  return line.chunks.length >= 2 || line.x0 > margin + 2 * size;
}

/** What a page yields: blocks, and tables still as physical lines (a table may continue on the next page). */
export type PageItem = Block | {kind: 'physical'; input: PhysicalTableInput; continues: boolean};

/**
 * The lines of one page (furniture already removed) → blocks in reading order: runs of lines with
 * column gutters become tables (physical rows, a new item where the vertical gap shows a row break or a
 * bullet), two columns of running text are read left column first, the rest become paragraphs and
 * headings. `carry` is the column layout of a table that ended the previous page.
 */
export function pageBlocks(
  lines: readonly PageLine[],
  pageWidth: number,
  carry?: ColumnLayout,
): {blocks: PageItem[]; carry?: ColumnLayout} {
  if (!lines.length) return carry ? {blocks: [], carry} : {blocks: []};
  const bodySize = median(lines.map((l) => l.size));
  const pitches = lines.slice(1).map((l, k) => lines[k]!.y - l.y).filter((d) => d > 0 && d < 3 * bodySize);
  const pitch = median(pitches) || bodySize * 1.2;
  const margin = minOf(lines.map((l) => l.x0), 0);
  const blocks: PageItem[] = [];
  let endCarry: ColumnLayout | undefined;
  let i = 0;
  while (i < lines.length) {
    // A table continues from the page before when the first line's chunks sit inside its columns (a
    // continued cell may be indented past the column start), none running across a column boundary.
    const continuing =
      i === 0 &&
      carry !== undefined &&
      lines[0]!.chunks.every((c) => {
        const k = columnOf(c.x0, carry.starts);
        const next = carry.starts[k + 1];
        return c.x0 >= carry.starts[0]! - COLUMN_TOLERANCE && (next === undefined || c.x1 <= next + COLUMN_TOLERANCE);
      });
    if (!continuing && !isTabular(lines[i]!, margin, bodySize)) {
      let j = i;
      while (j < lines.length && !isTabular(lines[j]!, margin, bodySize)) j++;
      blocks.push(...textBlocks(lines.slice(i, j), bodySize, pitch));
      i = j;
      continue;
    }
    // A run of tabular lines; a single untabular line between two tabular ones stays in the run.
    // A gap of several lines ends the run: what follows (a table after two columns of text) is laid out anew.
    let j = i + 1;
    while (
      j < lines.length &&
      lines[j - 1]!.y - lines[j]!.y <= RUN_GAP * pitch &&
      (isTabular(lines[j]!, margin, bodySize) || (j + 1 < lines.length && isTabular(lines[j + 1]!, margin, bodySize)))
    )
      j++;
    const run = lines.slice(i, j);
    let starts = clusterStarts(run, bodySize);
    if (continuing && carry && (starts.length < 2 || starts.every((s) => carry.starts.some((c) => Math.abs(c - s) <= COLUMN_TOLERANCE)))) starts = carry.starts;
    if (starts.length >= 2 && isTwoColumnText(run, starts, pageWidth)) {
      const left = run.map((l) => ({...l, chunks: l.chunks.filter((c) => columnOf(c.x0, starts) === 0)})).filter((l) => l.chunks.length);
      const right = run.map((l) => ({...l, chunks: l.chunks.filter((c) => columnOf(c.x0, starts) === 1)})).filter((l) => l.chunks.length);
      blocks.push(...textBlocks(left, bodySize, pitch), ...textBlocks(right, bodySize, pitch));
    } else if (starts.length >= 2 && run.length >= 2) {
      blocks.push({kind: 'physical', input: table(run, starts, pageWidth), continues: continuing && starts === carry?.starts});
      endCarry = j === lines.length ? {starts} : undefined;
    } else blocks.push(...textBlocks(run, bodySize, pitch));
    i = j;
  }
  return endCarry ? {blocks, carry: endCarry} : {blocks};
}
