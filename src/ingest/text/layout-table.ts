import type {Cell, Row, TableBlock} from '../../model/source-document.js';
import type {TextLine} from './ingest-text.js';

/** Minimum run of spaces that separates two columns in layout text (pdftotext -layout). */
const GUTTER = 2;
/** A word may start this many characters left of its column's usual start (ragged layout). */
const SNAP = 3;
/** A column start must be seen on at least this share of a run's lines. */
const MIN_SHARE = 0.15;
const MIN_LINES = 3;

interface Word {
  text: string;
  x: number;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(/\S+/g)) out.push({text: match[0], x: match.index});
  return out;
}

/** Positions where text starts after a gutter (or at an indented line start). */
function columnStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(new RegExp(`(^|\\s{${GUTTER},})(\\S)`, 'g'))) {
    starts.push(match.index + match[1]!.length);
  }
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

function toBlock(lines: readonly TextLine[], starts: readonly number[]): TableBlock {
  const columns = starts.length;
  const rows: Row[] = lines.map((line) => {
    const texts: string[][] = Array.from({length: columns}, () => []);
    for (const word of words(line.text)) {
      let k = 0;
      for (let c = 0; c < columns; c++) if (starts[c]! <= word.x + SNAP) k = c;
      texts[k]!.push(word.text);
    }
    const at = line.page === undefined ? {line: line.line} : {line: line.line, page: line.page};
    const cells = texts.map(
      (ws): Cell => ({fragments: ws.length ? [{text: ws.join(' '), start: 'line', at}] : [], rowSpan: 1, colSpan: 1, header: false}),
    );
    return {cells, physical: true, at};
  });
  const first = rows[0]!;
  const labels = first.cells.filter((c) => c.fragments.length).map((c) => c.fragments[0]!.text);
  const hasHeader = labels.length >= 2 && labels.every((t) => t.split(' ').length <= 4 && /^\p{Lu}/u.test(t) && !/[.;]$/.test(t));
  if (hasHeader) for (const cell of first.cells) cell.header = true;
  return {kind: 'table', columns, header: hasHeader ? [first] : [], rows: hasHeader ? rows.slice(1) : rows, at: first.at};
}

/**
 * Find space-aligned tables in layout text: runs of lines with column gutters, split at page
 * breaks, whose frequent column starts give at least two columns.
 */
export function findLayoutTables(
  lines: readonly TextLine[],
  taken: (index: number) => boolean,
): {start: number; end: number; block: TableBlock}[] {
  const found: {start: number; end: number; block: TableBlock}[] = [];
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
      // A single line without a gutter (an area name running into its objective) may sit inside a run.
      else if (joins(end + 2) && lines[end + 1]!.text.trim() !== '' && isTabular(lines[end + 2]!)) end += 2;
      else break;
    }
    const run = lines.slice(i, end + 1);
    const starts = clusterStarts(run);
    const multi = run.filter((l) => columnStarts(l.text).length >= 2).length;
    if (run.length >= MIN_LINES && starts.length >= 2 && multi >= 2) found.push({start: i, end, block: toBlock(run, starts)});
    i = end + 1;
  }
  return found;
}
