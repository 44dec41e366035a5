import type {Diagnostic} from './diagnostic.js';

/** How a document fared: `partial` when output was produced despite an error-level diagnostic. */
export type Status = 'success' | 'partial' | 'failure';

/** The envelope every document travels in between stages. */
export type DocumentResult<T> =
  | {status: 'success' | 'partial'; value: T; diagnostics: Diagnostic[]}
  | {status: 'failure'; value?: undefined; diagnostics: Diagnostic[]};

/** Warnings that mean part of the document was lost or may have been read wrongly: a row that could not be read, a character that could not be recovered, a check that failed. */
export const LOSSY_CODES: ReadonlySet<string> = new Set([
  'row-unparsed',
  'pdf-page-failed',
  'encoding-mojibake-unrepaired',
  'encoding-invalid',
  'limit-exceeded',
  'count-mismatch',
  'reading-uncertain',
  'reading-ambiguous',
  'groups-missing',
  'table-truncated',
  'column-ignored',
  'list-ignored',
  'table-as-text',
  'items-count-changed',
]);

/**
 * Status from diagnostics: a produced value is `partial` when an error-level diagnostic exists or a
 * warning says part of the document was lost; otherwise `success`.
 */
export function statusOf(diagnostics: readonly Diagnostic[]): 'success' | 'partial' {
  return diagnostics.some((d) => d.severity === 'error' || LOSSY_CODES.has(d.code)) ? 'partial' : 'success';
}
