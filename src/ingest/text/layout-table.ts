import type {LinePiece, PhysicalLine, PhysicalTableInput} from '../table/physical-lines.js';
import {locate, splitMarker, type TextLine} from './text-lines.js';

/** Minimum run of spaces that separates two columns in layout text (pdftotext -layout). */
const GUTTER = 2;
/** A word may start this many characters left of its column's usual start (ragged layout). */
const SNAP = 3;
/** A column start must be seen on at least this share of a run's lines. */
const MIN_SHARE = 0.15;
const MIN_LINES = 3;

/** Positions where text starts after a gutter (or at an indented line start). */
function columnStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(new RegExp(`(^|\\s{${GUTTER},})(\\S)`, 'g'))) starts.push(match.index + match[1]!.length);
  return starts;
}

function isTabular(line: TextLine): boolean {
  const trimmed = line.text.trimEnd();
  return /\S\s{2,}\S/.test(trimmed.trim()) || /^\s{4,}\S/.test(trimmed);
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
  return frequent;
}

/** One line's text cut into column pieces: each run of words goes to the column its first word starts in. */
function piecesOf(line: TextLine, starts: readonly number[]): (LinePiece | undefined)[] {
  const pieces: (LinePiece | undefined)[] = starts.map(() => undefined);
  // A run of words separated by single spaces, cut where a word starts at another column's start
  // (pdftotext may squeeze a gutter to one space: "Urgent and emergency Improve A&E …").
  const runs: {index: number; 0: string}[] = [];
  for (const run of line.text.matchAll(/\S+(?: \S+)*/g)) {
    let from = 0;
    for (const word of run[0].matchAll(/\S+/g)) {
      const x = run.index + word.index;
      if (word.index > 0 && starts.some((s) => s > run.index + SNAP && Math.abs(x - s) <= SNAP)) {
        runs.push({index: run.index + from, 0: run[0].slice(from, word.index).trimEnd()});
        from = word.index;
      }
    }
    runs.push({index: run.index + from, 0: run[0].slice(from)});
  }
  for (const run of runs) {
    let k = 0;
    for (let c = 0; c < starts.length; c++) if (starts[c]! <= run.index + SNAP) k = c;
    const existing = pieces[k];
    const x0 = existing?.x0 ?? run.index;
    const raw = existing ? `${existing.marker ? `${existing.marker} ` : ''}${existing.text} ${run[0]}` : run[0];
    const {marker, text} = splitMarker(raw);
    pieces[k] = {text, at: locate(line), x0, x1: run.index + run[0].length, ...(marker === undefined ? {} : {marker})};
  }
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
): {start: number; end: number; input: PhysicalTableInput}[] {
  const found: {start: number; end: number; input: PhysicalTableInput}[] = [];
  let i = 0;
  while (i < lines.length) {
    if (taken(i) || !isTabular(lines[i]!)) {
      i++;
      continue;
    }
    let end = i;
    const joins = (k: number): boolean => k < lines.length && !taken(k) && lines[k]!.page === lines[i]!.page;
    for (;;) {
      if (joins(end + 1) && isTabular(lines[end + 1]!)) end++;
      // One line without a gutter, or one blank line, may sit inside a run.
      else if (joins(end + 2) && isTabular(lines[end + 2]!)) end += 2;
      else break;
    }
    const run = lines.slice(i, end + 1);
    const starts = clusterStarts(run.filter((l) => l.text.trim()));
    const multi = run.filter((l) => columnStarts(l.text).length >= 2).length;
    if (run.filter((l) => l.text.trim()).length >= MIN_LINES && starts.length >= 2 && multi >= 2) {
      let previous: TextLine | undefined;
      const physical: PhysicalLine[] = run.flatMap((line) => {
        if (!line.text.trim()) return [];
        const gapAbove = previous ? line.line - previous.line : 0;
        previous = line;
        return [{pieces: piecesOf(line, starts), at: locate(line), gapAbove}];
      });
      const columns = starts.map((x, c) => [x, starts[c + 1] ?? Infinity] as const);
      found.push({start: i, end, input: {method: 'layout', lines: physical, columns, geometry: true, path: []}});
    }
    i = end + 1;
  }
  return found;
}
