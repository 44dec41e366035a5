import type {ComparisonRow} from '../model/comparison.js';

/** Status in a table cell: "Kept", "New", "Dropped". */
export function statusWord(row: ComparisonRow): string {
  return row.status === 'kept' ? 'Kept' : row.status === 'new' ? 'New' : 'Dropped';
}

/**
 * What changed, in plain words: the change summaries, or "Reworded" for a kept objective whose text
 * changed in no typed way, or "Unchanged".
 */
export function changeWords(row: ComparisonRow): string {
  if (row.changes.length) return row.changes.map((c) => c.summary).join('; ');
  if (row.status !== 'kept') return '';
  return row.wordDiff.some((op) => op.op !== 'equal' && /[\p{L}\p{N}]/u.test(op.text)) ? 'Reworded' : 'Unchanged';
}

/** Where an objective came from, briefly: "p. 7" for PDF, else "l. 88". */
export function where(provenance: {page?: number | undefined; line: number}): string {
  return provenance.page !== undefined ? `p. ${provenance.page}` : `l. ${provenance.line}`;
}
