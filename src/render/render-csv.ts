import {stringify} from 'csv-stringify/sync';
import type {Comparison} from '../model/comparison.js';
import type {Objective} from '../model/objective.js';
import {statusWord, where} from './change-words.js';
import {machineStatusWord, whatChanged} from './review-words.js';

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
  'commentary',
  'reviewed',
  'machine_status',
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

/** Options for {@link renderCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so that Excel reads "12–15" as UTF-8. @default false */
  readonly bom?: boolean;
}

/**
 * Comparison → CSV (RFC 4180: CRLF, quoted where needed, header row), one line per row. A reviewed row
 * fills `commentary`, `reviewed` (the fields a reviewer set; `*` where they differ from the machine's)
 * and `machine_status` (when the reviewer changed the status); a reviewer's change notes carry ✎.
 */
export function renderCsv(comparison: Comparison, options: CsvOptions = {}): string {
  const records = comparison.rows.map((row, k) => [
    String(k + 1),
    row.area,
    row.previousArea ?? '',
    statusWord(row),
    row.previous.map((o) => o.text).join('\n'),
    row.current.map((o) => o.text).join('\n'),
    whatChanged(row),
    row.changes.map((c) => c.kind).join(' '),
    row.previous.map((o) => o.id).join(' '),
    row.current.map((o) => o.id).join(' '),
    sources(row.previous),
    sources(row.current),
    row.review?.commentary ?? '',
    (row.review?.fields ?? []).map((f) => (row.review!.overridden.includes(f) ? `${f}*` : f)).join(' '),
    machineStatusWord(row),
  ]);
  const csv = stringify(
    records.map((r) => r.map(neutraliseFormula)),
    {header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[",\r\n]/},
  );
  return options.bom ? `\uFEFF${csv}` : csv;
}
