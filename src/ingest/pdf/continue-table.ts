// A ruled table that runs on over a page break: whether the table at the top of a page continues the one
// that ended the page before, and the two joined into one (the repeated header row dropped, a row cut by
// the break rejoined, a spanning label cut by the break extended). Only the PDF reader knows pages, so
// this lives here.
import type {Cell, Row, TableBlock} from '../../model/document.js';
import {joinLines, lineJoin} from '../table/join-lines.js';
import {normText} from '../../util/text-shape.js';

/** Column widths match when they differ by at most this many points, or this share of the width. */
const WIDTH_TOLERANCE = 6;
const WIDTH_SHARE = 0.05;

/** A repeated header has at most this many rows. */
const MAX_HEADER_ROWS = 3;

const rowText = (row: Row): string => row.cells.map((c) => (c.spannedFrom ? '' : normText(c.text))).join('|');
const isEmptyCell = (cell: Cell): boolean => !cell.spannedFrom && !cell.text.trim();

/**
 * A table's column widths, from its cells' boxes (a 1-column-span cell gives its column's width).
 *
 * @example
 * columnWidths(table); // [140, 330]
 */
export function columnWidths(table: TableBlock): number[] | undefined {
  const widths: (number | undefined)[] = Array.from({length: table.columns}, () => undefined);
  for (const row of [...table.header, ...table.rows]) {
    row.cells.forEach((cell, c) => {
      if (!cell.spannedFrom && cell.colSpan === 1 && cell.bbox && widths[c] === undefined) widths[c] = cell.bbox[2] - cell.bbox[0];
    });
  }
  return widths.every((w) => w !== undefined) ? (widths as number[]) : undefined;
}

/**
 * Whether `next` (the first item on a page) continues `previous` (the last item on the page before):
 * the same number of columns, and either the same first row (a repeated header) or columns of the same
 * widths, wherever they start (a page with other margins shifts them).
 *
 * @example
 * continuesTable(lastTableOfPage1, firstTableOfPage2); // true
 */
export function continuesTable(previous: TableBlock, next: TableBlock): boolean {
  if (previous.columns !== next.columns || previous.method !== next.method) return false;
  const [a, b] = [previous.rows[0], next.rows[0]];
  if (a && b && rowText(a) !== '' && rowText(a) === rowText(b)) return true;
  const wa = columnWidths(previous);
  const wb = columnWidths(next);
  if (!wa || !wb) return false;
  return wa.every((w, c) => Math.abs(w - wb[c]!) <= Math.max(WIDTH_TOLERANCE, WIDTH_SHARE * w));
}

/** Append a continuation's fragments to a cell cut by the page break: the first joins the last as one paragraph. */
function joinCell(into: Cell, from: Cell): Cell {
  if (!from.fragments.length) return into;
  const last = into.fragments.at(-1);
  const [head, ...tail] = from.fragments;
  const fragments = last && head && head.marker === undefined ? [...into.fragments.slice(0, -1), {...last, text: joinLines([last.text, head.text])}, ...tail] : [...into.fragments, ...from.fragments];
  return {...into, fragments, text: fragments.map((f) => f.text).join(' ')};
}

/**
 * Join `next` onto `previous`. Rows of `next` equal to the first rows of `previous` (a header repeated on
 * the new page) are dropped. If the first remaining row continues text cut by the break (each of its
 * filled cells reads on from the cell above: lower case, or the cell above ends mid-phrase), it is joined
 * into the last row. Then, column by column, empty cells at the top of `next` under a label that spanned
 * rows at the bottom of `previous` (an area whose objectives run over the break) join that label's span.
 *
 * @example
 * const table = continueTable(tableOnPage1, tableOnPage2);
 */
export function continueTable(previous: TableBlock, next: TableBlock): TableBlock {
  let rows = [...next.rows];
  // The repeated header: the first rows of `next` that equal the first rows of `previous`.
  // At most a few rows, and not the whole page again (a page repeated whole is content, not a header).
  let repeated = 0;
  while (repeated < rows.length && repeated < previous.rows.length && rowText(rows[repeated]!) !== '' && rowText(rows[repeated]!) === rowText(previous.rows[repeated]!)) repeated++;
  if (repeated > MAX_HEADER_ROWS || repeated === rows.length) repeated = 0;
  // Renumber the spans of what is kept of `next` into the joined table's rows.
  const offset = previous.rows.length - repeated;
  rows = rows.slice(repeated).map((row) => ({
    ...row,
    cells: row.cells.map((cell) => (cell.spannedFrom ? {...cell, spannedFrom: {row: cell.spannedFrom.row + offset, column: cell.spannedFrom.column}} : cell)),
  }));
  const joined: Row[] = previous.rows.map((row) => ({...row, cells: row.cells.map((cell) => ({...cell}))}));
  const owner = (r: number, c: number): {row: number; column: number} => {
    const cell = joined[r]!.cells[c]!;
    return cell.spannedFrom ?? {row: r, column: c};
  };

  // Labels spanning rows at the bottom of `previous` that run on over the break: the empty cell at the top
  // of `next` in that column (and the rows it spans) joins the label's span.
  for (let c = 0; c < next.columns && joined.length; c++) {
    const bottom = joined.at(-1)!.cells[c]!;
    if (bottom.spannedFrom === undefined && bottom.rowSpan === 1) continue;
    const o = owner(joined.length - 1, c);
    const label = joined[o.row]!.cells[o.column]!;
    if (label.colSpan !== 1 || !label.text.trim()) continue;
    const top = rows[0]?.cells[c];
    if (!top || !isEmptyCell(top)) continue;
    const reach = Math.min(top.rowSpan, rows.length);
    for (let r = 0; r < reach; r++) rows[r]!.cells[c] = {text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false, spannedFrom: {row: o.row, column: o.column}};
    label.rowSpan += reach;
  }

  // A row cut by the page break: every filled cell of the first row continues the text of the cell above
  // it (and spans no rows); its text joins that cell, and the row goes.
  const first = rows[0];
  if (first && joined.length) {
    const filled = first.cells.flatMap((cell, c) => (cell.text.trim() && !cell.spannedFrom ? [c] : []));
    const cut =
      filled.length > 0 &&
      filled.every((c) => {
        const cell = first.cells[c]!;
        const o = owner(joined.length - 1, c);
        const above = joined[o.row]!.cells[o.column]!;
        return cell.rowSpan === 1 && cell.colSpan === 1 && above.text.trim() !== '' && lineJoin(above.fragments.at(-1)?.text ?? above.text, cell.fragments[0]?.text ?? cell.text) === 'continues';
      });
    if (cut) {
      for (const c of filled) {
        const o = owner(joined.length - 1, c);
        joined[o.row]!.cells[o.column] = joinCell(joined[o.row]!.cells[o.column]!, first.cells[c]!);
      }
      // Spans through the removed row are one row shorter; references to later rows move up one.
      const removed = joined.length;
      const owners = new Set(first.cells.flatMap((cell) => (cell.spannedFrom && cell.spannedFrom.row < removed ? [`${cell.spannedFrom.row}:${cell.spannedFrom.column}`] : [])));
      for (const key of owners) {
        const [r, c] = key.split(':').map(Number) as [number, number];
        const ownerCell = joined[r]!.cells[c]!;
        ownerCell.rowSpan = Math.max(1, ownerCell.rowSpan - 1);
      }
      rows = rows.slice(1).map((row) => ({
        ...row,
        cells: row.cells.map((cell) => (cell.spannedFrom && cell.spannedFrom.row > removed ? {...cell, spannedFrom: {row: cell.spannedFrom.row - 1, column: cell.spannedFrom.column}} : cell)),
      }));
    }
  }

  const pages: [number, number] | undefined = previous.pages && next.pages ? [previous.pages[0], next.pages[1]] : previous.pages;
  const table: TableBlock = {...previous, rows: [...joined, ...rows]};
  if (pages) table.pages = pages;
  return table;
}
