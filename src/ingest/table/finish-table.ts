import type {Cell, Row, TableBlock} from '../../model/document.js';
import {isLabelText, isValueText, normText, PERIOD} from '../../util/text-shape.js';

// The one place where every table, whatever format it came from, gets its header rows, its group
// (section) rows and its repeated headers decided. Readers mark what their markup says (`<th>` in a
// header row, a GFM header row, `colspan` over the whole row); this decides the rest from the cells.

function texts(row: Row): string[] {
  return row.cells.map((c) => (c.spannedFrom ? '' : c.text.trim()));
}

/**
 * Whether a body column holds text that no header label would: long phrases, bare values, or phrases
 * much longer than the header cell above them.
 */
function bodyDiffers(rows: readonly Row[], column: number, header: string): boolean {
  const values = rows.map((r) => r.cells[column]).filter((c): c is Cell => Boolean(c && !c.spannedFrom && c.text.trim()));
  if (!values.length) return false;
  const headerWords = header.split(/\s+/).length;
  const unlike = values.filter((c) => !isLabelText(c.text) || isValueText(c.text) || c.text.split(/\s+/).length >= Math.max(4, 2 * headerWords)).length;
  return unlike / values.length >= 0.5;
}

/**
 * Whether the first body row reads as a header: every filled cell a label, at least two filled (or
 * the only column), and at least one column whose body cells are not labels. A row the reader marked
 * as header is kept as such.
 */
function looksLikeHeader(row: Row, body: readonly Row[], columns: number): boolean {
  const cells = texts(row);
  const filled = cells.filter(Boolean);
  if (!filled.length || filled.length < Math.min(2, columns) || !filled.every(isLabelText)) return false;
  if (filled.some(isValueText)) return false;
  return cells.some((t, c) => t !== '' && bodyDiffers(body, c, t));
}

/** A second header row: labels only (often periods), under a first header row with a gap or a span. */
function continuesHeader(first: Row, second: Row, body: readonly Row[]): boolean {
  const a = texts(first);
  const b = texts(second);
  const filled = b.filter(Boolean);
  if (!filled.length || !filled.every(isLabelText)) return false;
  const spanned = first.cells.some((c) => c.colSpan > 1);
  const complementary = b.some((t, c) => t !== '' && a[c] === '') || filled.every((t) => PERIOD.test(t.replace(/^(?:target|plan|trajectory)\s+/i, '')));
  return (spanned || complementary) && body.length > 0;
}

function sameRowText(a: Row, b: Row): boolean {
  const x = texts(a).map(normText);
  const y = texts(b).map(normText);
  return x.join('|') !== '' && x.join('|') === y.join('|');
}

function isEmptyRow(row: Row): boolean {
  return row.cells.every((c) => !c.text.trim() && !c.spannedFrom);
}

/**
 * Keep some of a table's rows (header rows first, then body rows, as `spannedFrom.row` counts them):
 * span references are renumbered, rowspans shortened to the rows kept.
 */
function keepRows(table: TableBlock, keepHeader: (row: Row) => boolean, keepBody: (row: Row) => boolean): TableBlock {
  const all = [...table.header, ...table.rows];
  const keep = all.map((row, i) => (i < table.header.length ? keepHeader(row) : keepBody(row)));
  if (keep.every(Boolean)) return table;
  const index = new Map<number, number>();
  keep.forEach((k, i) => {
    if (k) index.set(i, index.size);
  });
  const renumbered = all.map((row) => ({
    ...row,
    cells: row.cells.map((cell): Cell => {
      if (!cell.spannedFrom) return {...cell};
      const owner = index.get(cell.spannedFrom.row);
      if (owner === undefined) return {text: '', fragments: [], rowSpan: 1, colSpan: 1, header: cell.header};
      return {...cell, spannedFrom: {row: owner, column: cell.spannedFrom.column}};
    }),
  }));
  const kept = renumbered.filter((_, i) => keep[i]);
  // A rowspan counts the kept rows that still point at the cell.
  kept.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (cell.spannedFrom || cell.rowSpan === 1) return;
      let span = 1;
      while (r + span < kept.length && kept[r + span]!.cells[c]?.spannedFrom?.row === r) span++;
      cell.rowSpan = span;
    }),
  );
  const headerCount = keep.slice(0, table.header.length).filter(Boolean).length;
  return {...table, header: kept.slice(0, headerCount), rows: kept.slice(headerCount)};
}

/** Remove columns that hold nothing in any row (a stray gutter of a layout dump). */
function dropEmptyColumns(table: TableBlock): TableBlock {
  const all = [...table.header, ...table.rows];
  const keep = Array.from({length: table.columns}, (_, c) => all.some((r) => r.cells[c] && (r.cells[c]!.text.trim() || r.cells[c]!.spannedFrom || r.cells[c]!.colSpan > 1)));
  if (keep.every(Boolean)) return table;
  const index = new Map<number, number>();
  keep.forEach((k, c) => {
    if (k) index.set(c, index.size);
  });
  const fix = (row: Row): Row => ({
    ...row,
    cells: row.cells.flatMap((cell, c) => {
      if (!keep[c]) return [];
      if (!cell.spannedFrom) return [cell];
      const column = index.get(cell.spannedFrom.column);
      return [column === undefined ? {...cell, spannedFrom: undefined} : {...cell, spannedFrom: {row: cell.spannedFrom.row, column}}].map(({spannedFrom, ...rest}) =>
        spannedFrom ? {...rest, spannedFrom} : rest,
      );
    }),
  });
  return {...table, columns: index.size, header: table.header.map(fix), rows: table.rows.map(fix)};
}

/**
 * Mark group rows: a row whose only cell spans every column, or rows whose only text is in a column
 * that holds text on no other row (a goal written on a line of its own above its targets).
 */
function markSections(table: TableBlock): Row[] {
  const rows = table.rows;
  const only = (row: Row): number | undefined => {
    const filled = row.cells.flatMap((c, k) => (c.text.trim() ? [k] : []));
    return filled.length === 1 && !row.cells.some((c) => c.spannedFrom) ? filled[0] : undefined;
  };
  const soleColumn = new Map<number, boolean>();
  for (const row of rows) {
    row.cells.forEach((cell, c) => {
      if (!cell.text.trim()) return;
      const alone = only(row) === c;
      soleColumn.set(c, (soleColumn.get(c) ?? true) && alone);
    });
  }
  return rows.map((row) => {
    if (row.section) return row;
    const k = only(row);
    const spansAll = k !== undefined && row.cells[k]!.colSpan >= table.columns && table.columns > 1;
    const soleText = k !== undefined && table.columns > 1 && soleColumn.get(k) === true && rows.length > 2;
    return spansAll || soleText ? {...row, section: true} : row;
  });
}

/**
 * Finish a table from any reader: empty rows and columns dropped, header rows detected where the
 * markup did not mark them (one detector for every format), repeated header rows (a header repeated on
 * each page) removed from the body, and full-width group rows marked as sections.
 *
 * @example
 * finishTable(physicalTable(input)).header.length; // 1 when the first row is "Area | Objective"
 */
export function finishTable(input: TableBlock): TableBlock {
  let table = dropEmptyColumns(keepRows(input, (r) => !isEmptyRow(r), (r) => !isEmptyRow(r)));
  let header = table.header;
  let rows = table.rows;
  if (!header.length && rows.length > 1 && looksLikeHeader(rows[0]!, rows.slice(1), table.columns)) {
    header = [rows[0]!];
    rows = rows.slice(1);
    if (rows.length > 1 && continuesHeader(header[0]!, rows[0]!, rows.slice(1))) {
      header = [...header, rows[0]!];
      rows = rows.slice(1);
    }
    header = header.map((row) => ({...row, cells: row.cells.map((cell) => ({...cell, header: true}))}));
  }
  table = {...table, header, rows};
  if (header.length) table = keepRows(table, () => true, (row) => !header.some((h) => sameRowText(h, row)));
  return {...table, rows: markSections(table)};
}
