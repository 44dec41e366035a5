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
  const marked = rows.map((row, r) => {
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
  // Numbered siblings of a group row ("Goal 1" beside "Goal 2", "Part A" beside "Part B") alone in the same column are group rows too.
  const numbered = (row: Row, k: number): string | undefined => NUMBERED_LABEL.exec(row.cells[k]!.text.trim())?.[1]?.toLowerCase();
  const families = new Set(marked.flatMap((row) => {
    const k = only(row);
    return row.section && k !== undefined ? [`${k}:${numbered(row, k)}`] : [];
  }));
  return marked.map((row) => {
    const k = only(row);
    return !row.section && k !== undefined && numbered(row, k) !== undefined && families.has(`${k}:${numbered(row, k)}`) ? {...row, section: true} : row;
  });
}

/** A label opening with a word and a number or letter: "Goal 1.", "Theme 2:", "Part B –". */
const NUMBERED_LABEL = /^(\p{L}+)\s+(?:\d+|[IVXLC]+|[A-Z])\b(?:[.:)–—-]|\s)/u;

/** A column labels rows when it has at most this share of labels per item row. */
const LABELS_PER_ITEM = 0.67;
/** In the reading of labels as printed at the top of their rows, an item above every label costs this many lines. */
const UNLABELLED_COST = 2;
/** Weight of the exact distance among partitions equally good within half a line. */
const TIE_BREAK = 0.01;
/** Labels read as centred when they are, on average, within this many lines of the middle of their rows. */
const CENTRED_SLACK = 0.5;

/** The vertical extent of a cell, by its fragments' lines and its row's (a page counts 1000 lines). */
function extent(cell: Cell | undefined, fallback: Row): [number, number] {
  const lines = (cell?.fragments ?? []).flatMap((f) => {
    const page = 1000 * (f.at.page ?? 0);
    return [page + f.at.line, page + (f.at.endLine ?? f.at.line)];
  });
  // The row's own line bounds it from above (a cell's text never starts above its row).
  const row = fallback.at.line + 1000 * (fallback.at.page ?? 0);
  if (!lines.length) return [row, row];
  const first = Math.max(row, Math.min(...lines));
  return [first, Math.max(first, ...lines)];
}

/**
 * Items split into consecutive groups, one per label in order, such that each label sits as near as can
 * be to the middle of its group's lines: the partition and its cost (the sum of the distances, in lines).
 */
function centredPartition(items: readonly [number, number][], labels: readonly [number, number][]): {cost: number; groups: number[]} {
  const n = items.length;
  const m = labels.length;
  // A text dump puts a label centred between two lines on one of them: half a line is no distance.
  // Among partitions within that half line, the nearer is better.
  const cost = (j: number, from: number, to: number): number => {
    const distance = Math.abs((labels[j]![0] + labels[j]![1]) / 2 - (items[from]![0] + items[to]![1]) / 2);
    return Math.max(0, distance - 0.5) + TIE_BREAK * distance;
  };
  // best[j][i]: the least cost of giving the first i items to the first j labels (each at least one).
  const best = Array.from({length: m + 1}, () => Array<number>(n + 1).fill(Infinity));
  const choice = Array.from({length: m + 1}, () => Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let j = 1; j <= m; j++)
    for (let i = j; i <= n - (m - j); i++)
      for (let k = j - 1; k < i; k++) {
        const value = best[j - 1]![k]! + cost(j - 1, k, i - 1);
        if (value < best[j]![i]!) {
          best[j]![i] = value;
          choice[j]![i] = k;
        }
      }
  const groups = Array<number>(n).fill(0);
  for (let j = m, i = n; j > 0; j--) {
    const k = choice[j]![i]!;
    for (let x = k; x < i; x++) groups[x] = j - 1;
    i = k;
  }
  return {cost: best[m]![n]!, groups};
}

/**
 * Labels printed in the middle of the rows they label (a PDF's vertically centred rowspan cells, as a
 * text dump or text positions give them) land beside a middle item, or on a line of their own between
 * items. In a table read from physical lines, a column of labels is read two ways: as printed at the top
 * of their rows (each item takes the label at or above it; an item above every label has none), and as
 * centred (the items split into consecutive groups, one per label, each label nearest the middle of its
 * group's lines). Where the centred reading fits clearly better, each label moves to the first of its
 * rows and spans them all; a row that held only the label goes. Group rows that head labels (a goal
 * above its targets) bound the groups; a lone label with items of its column below it takes part.
 */
function centreLabels(table: TableBlock): TableBlock {
  if (table.method !== 'layout' && table.method !== 'stream') return table;
  const rows = table.rows;
  const filled = (r: number, c: number): boolean => Boolean(rows[r]!.cells[c]?.text.trim()) && !rows[r]!.cells[c]!.spannedFrom;
  const lone = (r: number, c: number): boolean => filled(r, c) && rows[r]!.cells[c]!.colSpan === 1 && rows[r]!.cells.every((x, k) => k === c || (!x.text.trim() && !x.spannedFrom));
  const counts = Array.from({length: table.columns}, (_, c) => rows.filter((row, r) => filled(r, c) && !row.section).length);
  const driver = counts.indexOf(Math.max(...counts));
  const items = rows.flatMap((row, r) => (filled(r, driver) && !row.section ? [r] : []));
  if (items.length < 3) return table;
  const out = rows.map((row) => ({...row, cells: [...row.cells]}));
  // Rows that held only a label that moved: they go, even where the label's span now covers them.
  const moved = new Set<Row>();
  const offset = table.header.length;
  for (let c = 0; c < table.columns; c++) {
    if (c === driver) continue;
    // A group row of this column's text alone, with an item row below that leaves the column empty, is a label.
    // Not a numbered sibling of another group row ("Goal 1" beside "Goal 2"): those head their groups.
    const family = (r: number): string | undefined => NUMBERED_LABEL.exec(rows[r]!.cells[c]!.text.trim())?.[1]?.toLowerCase();
    const sibling = (r: number): boolean => family(r) !== undefined && rows.some((row, x) => x !== r && row.section && lone(x, c) && family(x) === family(r));
    const isLabel = (r: number): boolean =>
      filled(r, c) && (!rows[r]!.section || (lone(r, c) && !sibling(r) && rows[r + 1] !== undefined && filled(r + 1, driver) && !filled(r + 1, c)));
    const labels = rows.flatMap((_, r) => (isLabel(r) ? [r] : []));
    if (labels.length < 2 || labels.length > LABELS_PER_ITEM * items.length) continue;
    // Only rows that are labels or items (or group rows, which bound the groups) take part.
    if (rows.some((row, r) => !row.section && !filled(r, driver) && !filled(r, c) && row.cells.some((x) => x.text.trim()))) continue;
    const segments: {items: number[]; labels: number[]}[] = [{items: [], labels: []}];
    rows.forEach((row, r) => {
      if (labels.includes(r)) segments.at(-1)!.labels.push(r);
      else if (row.section) segments.push({items: [], labels: []});
      if (items.includes(r)) segments.at(-1)!.items.push(r);
    });
    const owner = new Map<number, number>();
    let centredCost = 0;
    let topCost = 0;
    let counted = 0;
    let usable = true;
    for (const segment of segments) {
      if (!segment.labels.length) continue;
      if (segment.labels.length > segment.items.length) {
        usable = false;
        break;
      }
      const itemLines = segment.items.map((r) => extent(rows[r]!.cells[driver], rows[r]!));
      const labelLines = segment.labels.map((r) => extent(rows[r]!.cells[c], rows[r]!));
      const centred = centredPartition(itemLines, labelLines);
      centredCost += centred.cost;
      counted += segment.labels.length;
      segment.items.forEach((r, i) => owner.set(r, segment.labels[centred.groups[i]!]!));
      // Top reading: each item takes the last label starting at or above its first line.
      segment.labels.forEach((l, j) => {
        const top = labelLines[j]![0];
        const next = labelLines[j + 1]?.[0] ?? Infinity;
        const mine = itemLines.filter(([first]) => first >= top && first < next);
        // Level with its first item, or on the line(s) just above it: at the top.
        if (mine.length) topCost += Math.max(0, mine[0]![0] - labelLines[j]![1] - 1, Math.min(mine[0]![0] - top, 0));
        else topCost += UNLABELLED_COST;
      });
      topCost += UNLABELLED_COST * itemLines.filter(([first]) => first < labelLines[0]![0]).length;
    }
    if (!usable || !counted || centredCost >= topCost || centredCost > CENTRED_SLACK * counted) continue;
    const blank = (): Cell => ({text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false});
    const cells = new Map(labels.map((l) => [l, out[l]!.cells[c]!]));
    for (const r of [...owner.keys(), ...labels]) out[r]!.cells[c] = blank();
    for (const l of labels) {
      if (out[l]!.section && ![...owner.values()].includes(l)) out[l]!.cells[c] = cells.get(l)!;
      else if (out[l]!.section) out[l] = {...out[l]!, section: false};
    }
    for (const l of labels) {
      const group = items.filter((r) => owner.get(r) === l);
      if (!group.length) continue;
      const top = group[0]!;
      const bottom = group.at(-1)!;
      out[top]!.cells[c] = {...cells.get(l)!, rowSpan: bottom - top + 1};
      // A row that held only the label stays blank, and goes.
      for (let r = top + 1; r <= bottom; r++) if (owner.has(r)) out[r]!.cells[c] = {...blank(), spannedFrom: {row: offset + top, column: c}};
    }
  }
  return keepRows({...table, rows: out}, () => true, (row) => !isEmptyRow(row) && !(moved.has(row) && row.cells.every((x) => !x.text.trim())));
}

/**
 * A header row whose one-line labels sit level with the middle of a two-line label (a text dump of
 * vertically centred header cells: "2030" above, "Strategic aim | Indicator" level, "target" below)
 * comes out as a first row holding only the two-line labels, spanning down into a second row that holds
 * the others. Where the two rows fill complementary columns, all with labels, and the second spans
 * nothing further down, they are one row.
 */
function mergeCentredHeader(table: TableBlock): TableBlock {
  if (table.header.length || table.rows.length < 3 || (table.method !== 'layout' && table.method !== 'stream')) return table;
  const [a, b] = table.rows as [Row, Row];
  const fromA = (c: number): boolean => b.cells[c]!.spannedFrom?.row === 0;
  const aFilled = a.cells.flatMap((cell, c) => (cell.text.trim() && !cell.spannedFrom ? [c] : []));
  const bFilled = b.cells.flatMap((cell, c) => (cell.text.trim() && !cell.spannedFrom ? [c] : []));
  const complementary = a.cells.every((cell, c) => (aFilled.includes(c) ? fromA(c) : !cell.spannedFrom && !cell.text.trim() && bFilled.includes(c)));
  if (!aFilled.length || !bFilled.length || !complementary || bFilled.some((c) => b.cells[c]!.rowSpan > 1)) return table;
  if (![...aFilled.map((c) => a.cells[c]!.text), ...bFilled.map((c) => b.cells[c]!.text)].every(isLabelText)) return table;
  const blank = (): Cell => ({text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false});
  const merged: Row = {...a, cells: a.cells.map((cell, c) => (aFilled.includes(c) ? {...cell, rowSpan: 1} : b.cells[c]!))};
  return {...table, rows: [merged, {...b, cells: b.cells.map(() => blank())}, ...table.rows.slice(2)]};
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
  let table = dropEmptyColumns(keepRows(mergeCentredHeader(input), (r) => !isEmptyRow(r), (r) => !isEmptyRow(r)));
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
