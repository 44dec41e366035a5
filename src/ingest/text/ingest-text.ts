import type {Block, Cell, Fragment, Location, Row, TableBlock} from '../../model/source-document.js';
import {findLayoutTables} from './layout-table.js';
import {maxOf} from '../../util/extremes.js';

/** A line of the decoded text with its 1-based line number and, for form-feed separated dumps, its page. */
export interface TextLine {
  text: string;
  line: number;
  page?: number;
}

/** Split decoded text into numbered lines; a form feed (pdftotext's page break) starts a new page. */
export function splitLines(text: string): TextLine[] {
  const paged = text.includes('\f');
  let page = 1;
  return text.split('\n').map((raw, i) => {
    let value = raw;
    if (paged && value.includes('\f')) {
      page += (value.match(/\f/g) ?? []).length;
      value = value.replace(/\f/g, '');
    }
    return paged ? {text: value, line: i + 1, page} : {text: value, line: i + 1};
  });
}

export function locate(line: TextLine): Location {
  return line.page === undefined ? {line: line.line} : {line: line.line, page: line.page};
}

function emptyCell(): Cell {
  return {fragments: [], rowSpan: 1, colSpan: 1, header: false};
}

/** A label-like cell: short, starts with a letter, no sentence punctuation. */
function isLabel(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 5 && /^\p{L}/u.test(text) && !/[.;:]$/.test(text) && !/\d{3,}/.test(text);
}

/** Turns a cell's raw text into fragments (Markdown cells may hold HTML). */
export type CellReader = (raw: string, line: TextLine) => Fragment[];

const plainCell: CellReader = (raw, line) => (raw ? [{text: raw, start: 'line', at: locate(line)}] : []);

/** Read a run of tab-separated lines as a table of physical rows (one row per line). */
export function tabTable(lines: readonly TextLine[], readCell: CellReader = plainCell): TableBlock {
  const split = lines.map((l) => l.text.split('\t').map((field) => field.replace(/\s+/g, ' ').trim()));
  const columns = maxOf(split.map((fields) => fields.length), 0);
  const rows: Row[] = split.map((fields, i) => {
    const line = lines[i]!;
    const cells = Array.from({length: columns}, (_, c): Cell => {
      const fragments = readCell(fields[c] ?? '', line);
      return fragments.length ? {fragments, rowSpan: 1, colSpan: 1, header: false} : emptyCell();
    });
    return {cells, physical: true, at: locate(line)};
  });
  const first = rows[0];
  const firstTexts = split[0]?.filter(Boolean) ?? [];
  const hasHeader = first !== undefined && rows.length > 1 && firstTexts.length >= 2 && firstTexts.every(isLabel);
  if (hasHeader) for (const cell of first.cells) cell.header = true;
  return {
    kind: 'table',
    columns,
    header: hasHeader ? [first] : [],
    rows: hasHeader ? rows.slice(1) : rows,
    at: locate(lines[0]!),
  };
}

/** Runs of at least two lines that contain a tab (a single blank line may sit inside a run). */
export function tabRuns(lines: readonly TextLine[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.includes('\t') && text.trim()) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0 && !(text.trim() === '' && i - last === 1 && lines[i + 1]?.text.includes('\t'))) {
      if (last > start) runs.push([start, last]);
      start = -1;
    }
  }
  if (start >= 0 && last > start) runs.push([start, last]);
  return runs;
}

/**
 * Read plain or layout text: tab-separated runs and space-aligned column runs become tables, the rest
 * paragraphs (consecutive lines joined). The first non-empty line is taken as the title.
 *
 * @example
 * ingestText('Title\n\n\tArea\tObjective\n\tCancer\tReduce waits\n').blocks.map((b) => b.kind); // ['heading', 'table']
 */
export function ingestText(text: string): {blocks: Block[]; title?: string} {
  const lines = splitLines(text);
  const tables = new Map<number, {end: number; block: TableBlock}>();
  for (const [start, end] of tabRuns(lines)) tables.set(start, {end, block: tabTable(lines.slice(start, end + 1))});
  const taken = (i: number): boolean => [...tables].some(([s, t]) => i >= s && i <= t.end);
  for (const found of findLayoutTables(lines, taken)) tables.set(found.start, {end: found.end, block: found.block});

  const blocks: Block[] = [];
  let title: string | undefined;
  let paragraph: TextLine[] = [];
  const flush = (): void => {
    if (!paragraph.length) return;
    const joined = paragraph.map((l) => l.text.trim()).join(' ').replace(/\s+/g, ' ').trim();
    if (joined) {
      if (title === undefined) {
        title = joined;
        blocks.push({kind: 'heading', level: 1, text: joined, at: locate(paragraph[0]!)});
      } else blocks.push({kind: 'paragraph', text: joined, at: locate(paragraph[0]!)});
    }
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const table = tables.get(i);
    if (table) {
      flush();
      blocks.push(table.block);
      i = table.end;
      continue;
    }
    const line = lines[i]!;
    if (!line.text.trim()) flush();
    else {
      paragraph.push(line);
      if (title === undefined) flush();
    }
  }
  flush();
  return title === undefined ? {blocks} : {blocks, title};
}
