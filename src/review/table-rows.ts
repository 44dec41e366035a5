import {parse} from 'csv-parse/sync';
import type {SourceDocument, TableBlock} from '../model/document.js';
import type {TableRowText} from './import-table.js';

function rowsOfTable(table: TableBlock): TableRowText[] {
  return [...table.header, ...table.rows].map((row) => ({
    cells: row.cells.map((cell) => (cell.spannedFrom ? '' : cell.text)),
    line: row.at.line,
  }));
}

/**
 * The rows of a document's tables as text, one table after another in document order, for
 * `review import`: cells left to right, a spanned slot empty (as a merged cell reads in a dump).
 *
 * @example
 * tableRows(await ingested('comparison.md')); // [{cells: ['Area', 'Objective 2023/24', …], line: 5}, …]
 */
export function tableRows(document: SourceDocument): TableRowText[][] {
  return document.blocks.flatMap((b) => (b.kind === 'table' ? [rowsOfTable(b)] : []));
}

/**
 * The records of a CSV file (RFC 4180; a UTF-8 byte order mark is ignored) with the line each starts
 * on. Throws a `TypeError` when the text is not valid CSV (the caller reports the file).
 *
 * @example
 * csvRows('area,status\nCancer,Kept\n'); // [{cells: ['area', 'status'], line: 1}, {cells: ['Cancer', 'Kept'], line: 2}]
 */
export function csvRows(text: string): TableRowText[] {
  try {
    const records = parse(text, {bom: true, relax_column_count: true, info: true, skip_empty_lines: false}) as unknown as {record: string[]; info: {lines: number}}[];
    let line = 1;
    return records.map(({record, info}) => {
      const row = {cells: record, line};
      line = info.lines + 1;
      return row;
    });
  } catch (error) {
    throw new TypeError(`Expected CSV, got a parse error: ${(error as Error).message}`, {cause: error});
  }
}

/**
 * Whether a text is a tab-separated table: most non-blank lines (and at least three) hold a tab.
 *
 * @example
 * isTabSeparated('a\tb\nc\td\ne\tf\n'); // true
 */
export function isTabSeparated(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  return tabbed >= 3 && tabbed >= lines.length * 0.6;
}

/**
 * The lines of a tab-separated text as rows, each with its 1-based line, blank lines left out. A
 * hand-made table dumped from a PDF is read line by line, as written: `review import` itself decides
 * which lines continue a row broken by a page.
 *
 * @example
 * tsvRows('Area\tStatus\n\nCancer\tKept\n'); // [{cells: ['Area', 'Status'], line: 1}, {cells: ['Cancer', 'Kept'], line: 3}]
 */
export function tsvRows(text: string): TableRowText[] {
  return text.split('\n').flatMap((line, k) => (line.trim() ? [{cells: line.replace(/\r$/, '').split('\t'), line: k + 1}] : []));
}
