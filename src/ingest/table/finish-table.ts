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

/** A row's empty columns are filled on at least this share of the other rows when the row is a group row. */
const FILLED_ELSEWHERE = 0.8;
/** A group label is at most this share of the usual length of its column's other cells. */
const LABEL_SHARE = 0.6;

function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** Whether a text is short beside the other cells of its column (a label among items): at most `share` of their median length. */
function shorterThanColumn(text: string, rows: readonly Row[], column: number, share = LABEL_SHARE): boolean {
  const lengths = rows.flatMap((r) => (r.cells[column]?.text.trim() ? [words(r.cells[column]!.text)] : [])).toSorted((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return words(text) <= share * median;
}

/**
 * Mark group rows: a row whose only text is in one cell, when that cell spans every column, is wholly
 * emphasised (bold, or a `<th>` among body cells), sits in a column that holds text on no other row (a
 * goal on a line of its own above its targets), or leaves empty columns that nearly every other row fills.
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
  // Measured over the rows with more than one cell filled: other group rows do not count against it.
  const full = rows.filter((r) => only(r) === undefined);
  // The first column holds labels when it is blank beside some items (its labels continue downwards).
  const labelColumn = rows.some((r) => !r.cells[0]?.text.trim() && !r.cells[0]?.spannedFrom && r.cells.some((c, j) => j > 0 && c.text.trim()));
  const filledShare = (column: number, except: Row): number => {
    const others = full.filter((r) => r !== except);
    return others.length ? others.filter((r) => r.cells[column]?.text.trim() || r.cells[column]?.spannedFrom).length / others.length : 0;
  };
  // Labels centred beside their items (a PDF's vertically centred rowspan cells) float on lines of their
  // own below the first item: they are not group rows, which come above their items.
  const firstItem = rows.findIndex((r) => r.cells.some((c, j) => j > 0 && c.text.trim()));
  const firstLabel = rows.findIndex((r) => only(r) === 0);
  const centred = (table.method === 'layout' || table.method === 'stream') && firstItem >= 0 && firstLabel > firstItem && !rows[firstItem]!.cells[0]?.text.trim();
  return rows.map((row, r) => {
    if (row.section) return row;
    const k = only(row);
    if (k === undefined || table.columns < 2) return row;
    // A lone label directly above another label in its column labels no item of its own: it groups them.
    const next = rows[r + 1];
    const headsLabel = k === 0 && labelColumn && next !== undefined && Boolean(next.cells[0]?.text.trim()) && next.cells.some((c, j) => j !== 0 && c.text.trim());
    const cell = row.cells[k]!;
    const spansAll = cell.colSpan >= table.columns;
    const soleText = soleColumn.get(k) === true && rows.length > 2 && !(centred && k === 0);
    const emptyElsewhere =
      k === 0 && !centred && rows.length > 3 && row.cells.every((c, j) => j === k || filledShare(j, row) >= FILLED_ELSEWHERE) && shorterThanColumn(cell.text, full, k);
    return spansAll || soleText || headsLabel || (cell.emphasis === true && k === 0) || emptyElsewhere ? {...row, section: true} : row;
  });
}

/** A column labels rows when it has at most this share of labels per item row. */
const LABELS_PER_ITEM = 0.67;

/**
 * Labels printed in the middle of the rows they label (a PDF's vertically centred rowspan cells, as a
 * text dump or text positions give them) show as a first item row with no label in a column that labels
 * later rows. In such a column of a table read from physical lines, each item row takes the nearest
 * label, by line (ties to the label above), and the label moves to the first of its rows and spans them
 * all; a row that held only the label goes. A column whose first item row has a label is left alone:
 * its labels head their rows, and blanks below continue them.
 */
function centreLabels(table: TableBlock): TableBlock {
  if (table.method !== 'layout' && table.method !== 'stream') return table;
  const rows = table.rows;
  const filled = (r: number, c: number): boolean => Boolean(rows[r]!.cells[c]?.text.trim()) && !rows[r]!.cells[c]!.spannedFrom;
  const counts = Array.from({length: table.columns}, (_, c) => rows.filter((_, r) => filled(r, c)).length);
  const driver = counts.indexOf(Math.max(...counts));
  const items = rows.flatMap((row, r) => (filled(r, driver) && !row.section ? [r] : []));
  if (items.length < 3) return table;
  const out = rows.map((row) => ({...row, cells: [...row.cells]}));
  // Rows that held only a label that moved: they go, even where the label's span now covers them.
  const moved = new Set<Row>();
  const offset = table.header.length;
  for (let c = 0; c < table.columns; c++) {
    if (c === driver) continue;
    const labels = rows.flatMap((row, r) => (filled(r, c) && !row.section ? [r] : []));
    if (labels.length < 2 || labels.length > LABELS_PER_ITEM * items.length || filled(items[0]!, c)) continue;
    // Only labels between the first and the last item, and rows that are labels or items, take part.
    if (rows.some((row, r) => !row.section && r > items[0]! && r < items.at(-1)! && !filled(r, driver) && !filled(r, c) && row.cells.some((x) => x.text.trim()))) continue;
    const line = (r: number): number => rows[r]!.at.line + 1000 * (rows[r]!.at.page ?? 0);
    const owner = new Map<number, number>();
    for (const r of items) {
      let best = labels[0]!;
      for (const l of labels) if (Math.abs(line(l) - line(r)) < Math.abs(line(best) - line(r))) best = l;
      owner.set(r, best);
    }
    const blank = (): Cell => ({text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false});
    const cells = new Map(labels.map((l) => [l, out[l]!.cells[c]!]));
    for (const r of [...items, ...labels]) out[r]!.cells[c] = blank();
    for (const l of labels) if (!items.includes(l)) moved.add(out[l]!);
    for (const l of labels) {
      const group = items.filter((r) => owner.get(r) === l);
      if (!group.length) continue;
      const top = group[0]!;
      const bottom = group.at(-1)!;
      out[top]!.cells[c] = {...cells.get(l)!, rowSpan: bottom - top + 1};
      for (let r = top + 1; r <= bottom; r++) out[r]!.cells[c] = {...blank(), spannedFrom: {row: offset + top, column: c}};
    }
  }
  return keepRows({...table, rows: out}, () => true, (row) => !isEmptyRow(row) && !(moved.has(row) && row.cells.every((x) => !x.text.trim())));
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
  table = {...table, rows: markSections(table)};
  return centreLabels(table);
}
