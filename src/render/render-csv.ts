import {stringify} from 'csv-stringify/sync';
import type {Comparison} from '../model/comparison.js';
import type {Objective} from '../model/objective.js';
import {changeWords, statusWord, where} from './change-words.js';

/** Fixed CSV column order. */
export const CSV_COLUMNS = [
  'row',
  'area',
  'previous_area',
  'status',
  'previous_objective',
  'current_objective',
  'changes',
  'change_kinds',
  'previous_ids',
  'current_ids',
  'previous_source',
  'current_source',
] as const;

/**
 * Neutralise spreadsheet formula injection (OWASP): a cell that begins with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading apostrophe.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function sources(list: readonly Objective[]): string {
  return list.map((o) => `${o.provenance.file} ${where(o.provenance)}`).join('\n');
}

/** Comparison → CSV (RFC 4180: CRLF, quoted where needed, header row), one line per row. */
export function renderCsv(comparison: Comparison): string {
  const records = comparison.rows.map((row, k) => [
    String(k + 1),
    row.area,
    row.previousArea ?? '',
    statusWord(row),
    row.previous.map((o) => o.text).join('\n'),
    row.current.map((o) => o.text).join('\n'),
    changeWords(row),
    row.changes.map((c) => c.kind).join(' '),
    row.previous.map((o) => o.id).join(' '),
    row.current.map((o) => o.id).join(' '),
    sources(row.previous),
    sources(row.current),
  ]);
  return stringify(
    records.map((r) => r.map(neutraliseFormula)),
    {header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[",\r\n]/},
  );
}
