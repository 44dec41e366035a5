import type {Block, Row, TableBlock} from '../model/source-document.js';
import {cellText} from '../model/blocks.js';
import {IMPERATIVE_VERBS, opensObjective} from './imperative-verbs.js';

const OBJECTIVE_HEADER = /\b(objectives?|ambitions?|targets?|priorit(y|ies)|commitments?|deliverables?|goals?|actions?|success measures?)\b/i;
const AREA_HEADER = /\b(areas?|domains?|themes?|programmes?|programs?|topics?|sections?|portfolios?|categor(y|ies)|services?|pillars?)\b/i;

/** The objectives table: one or more table blocks (a table continued over pages) and the roles of its columns. */
export interface ObjectivesTable {
  tables: TableBlock[];
  objectiveColumn: number;
  /** The area column, if the table has one. */
  areaColumn?: number;
  /** Columns with no header that hold stray text (a rotated side label in a text dump). */
  ignoredColumns: number[];
}

function headerTexts(table: TableBlock): string[] {
  return Array.from({length: table.columns}, (_, c) =>
    table.header
      .map((row: Row) => (row.cells[c] ? cellText(row.cells[c]) : ''))
      .join(' ')
      .trim(),
  );
}

function objectiveStarts(table: TableBlock, column: number, verbs: ReadonlySet<string>): number {
  let n = 0;
  for (const row of table.rows) {
    const cell = row.cells[column];
    if (cell) for (const f of cell.fragments) if (opensObjective(f.text.split(/\s+/), verbs)) n++;
  }
  return n;
}

function nonEmpty(table: TableBlock, column: number): number {
  return table.rows.filter((row) => row.cells[column] && row.cells[column].fragments.length > 0 && !row.cells[column].spannedFrom).length;
}

function roles(table: TableBlock, verbs: ReadonlySet<string>): Omit<ObjectivesTable, 'tables'> | undefined {
  const headers = headerTexts(table);
  let objectiveColumn = headers.findIndex((h) => OBJECTIVE_HEADER.test(h));
  if (objectiveColumn < 0) {
    // No header names the column: take the column where most cells open with an imperative verb.
    let best = 0;
    for (let c = 0; c < table.columns; c++) {
      const starts = objectiveStarts(table, c, verbs);
      if (starts > best) {
        best = starts;
        objectiveColumn = c;
      }
    }
    if (best < 2) return undefined;
  }
  let areaColumn: number | undefined = headers.findIndex((h, c) => c !== objectiveColumn && AREA_HEADER.test(h));
  if (areaColumn < 0) {
    areaColumn = undefined;
    for (let c = objectiveColumn - 1; c >= 0; c--) {
      if (headers[c] === '' && table.header.length > 0) continue;
      if (nonEmpty(table, c) >= 1) {
        areaColumn = c;
        break;
      }
    }
  }
  const ignoredColumns: number[] = [];
  for (let c = 0; c < table.columns; c++) if (c !== objectiveColumn && c !== areaColumn) ignoredColumns.push(c);
  return areaColumn === undefined ? {objectiveColumn, ignoredColumns} : {objectiveColumn, areaColumn, ignoredColumns};
}

/** Tables that continue a table: same column count and either no header or the same header. */
function continues(first: TableBlock, next: TableBlock): boolean {
  if (next.columns !== first.columns) return false;
  return next.header.length === 0 || headerTexts(next).join('|').toLowerCase() === headerTexts(first).join('|').toLowerCase();
}

/** Most blocks (running headers, page numbers) that may stand between two parts of one table. */
const MAX_GAP_BLOCKS = 6;

/**
 * Find the objectives table: the first table with a column headed like "Objective" (else the table
 * whose cells most often open with an imperative verb), joined with the tables that continue it.
 */
export function findObjectivesTable(blocks: readonly Block[], verbs: ReadonlySet<string> = IMPERATIVE_VERBS): ObjectivesTable | undefined {
  const tables = blocks.map((b, i) => ({b, i})).filter((x): x is {b: TableBlock; i: number} => x.b.kind === 'table');
  let chosen: {index: number; roles: Omit<ObjectivesTable, 'tables'>} | undefined;
  let fallback: {index: number; roles: Omit<ObjectivesTable, 'tables'>; score: number} | undefined;
  for (let k = 0; k < tables.length; k++) {
    const table = tables[k]!.b;
    const r = roles(table, verbs);
    if (!r) continue;
    if (OBJECTIVE_HEADER.test(headerTexts(table)[r.objectiveColumn] ?? '')) {
      chosen = {index: k, roles: r};
      break;
    }
    const score = objectiveStarts(table, r.objectiveColumn, verbs);
    if (!fallback || score > fallback.score) fallback = {index: k, roles: r, score};
  }
  chosen ??= fallback;
  if (!chosen) return undefined;
  const parts = [tables[chosen.index]!.b];
  for (let k = chosen.index + 1; k < tables.length; k++) {
    const previous = tables[k - 1]!;
    const next = tables[k]!;
    if (next.i - previous.i - 1 > MAX_GAP_BLOCKS || !continues(parts[0]!, next.b)) break;
    parts.push(next.b);
  }
  return {tables: parts, ...chosen.roles};
}
