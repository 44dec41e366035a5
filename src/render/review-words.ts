import type {ComparisonRow} from '../model/comparison.js';
import type {ReviewedField} from '../model/review.js';
import {changeWords, statusWord} from './change-words.js';

/** The mark every renderer puts on a cell a reviewer set. */
export const REVIEW_MARK = '✎';

function key(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[.;]+$/, '').trim();
}

/** One note of the "What changed" cell: the machine's summary, or a reviewer's note. */
export interface ChangeNote {
  readonly text: string;
  /** `machine`: a change summary; `reviewer`: a reviewer's note; `confirmed`: a summary a reviewer's note repeats. */
  readonly by: 'machine' | 'reviewer' | 'confirmed';
}

/**
 * The notes of a row's "What changed" cell with who made each: the machine's change summaries (or
 * "Reworded" / "Unchanged"), then a reviewer's notes; with `notesMode: replace`, the reviewer's only. A
 * reviewer's note that a summary already says ("Extended deadline" beside "Extended deadline from
 * March 2024 to September 2024") marks that summary confirmed instead of repeating it.
 *
 * @example
 * changeNotes(row); // [{text: 'Uplift from 76% to 78%', by: 'confirmed'}]
 */
export function changeNotes(row: ComparisonRow): ChangeNote[] {
  const reviewer = row.review?.notes ?? [];
  if (row.review?.notesMode === 'replace') return reviewer.map((text) => ({text, by: 'reviewer'}));
  const machine = row.changes.length ? row.changes.map((c) => c.summary) : changeWords(row) ? [changeWords(row)] : [];
  const confirmed = new Set<number>();
  const extra: string[] = [];
  for (const note of reviewer) {
    const k = machine.findIndex((m) => key(m).includes(key(note)));
    if (k >= 0) confirmed.add(k);
    else extra.push(note);
  }
  return [
    ...machine.map((text, k): ChangeNote => ({text, by: confirmed.has(k) ? 'confirmed' : 'machine'})),
    ...extra.map((text): ChangeNote => ({text, by: 'reviewer'})),
  ];
}

/**
 * "What changed" as one line of text, with {@link REVIEW_MARK} before each note a reviewer wrote or
 * confirmed: `Uplift from 76% to 78% ✎; Added: as soon as possible`.
 */
export function whatChanged(row: ComparisonRow): string {
  return changeNotes(row)
    .map((n) => (n.by === 'machine' ? n.text : `${n.text} ${REVIEW_MARK}`))
    .join('; ');
}

/** Whether a reviewer set this field of the row, and whether it differs from the machine's reading. */
export function reviewed(row: ComparisonRow, field: ReviewedField): 'no' | 'confirmed' | 'overridden' {
  if (!row.review?.fields.includes(field)) return 'no';
  return row.review.overridden.includes(field) ? 'overridden' : 'confirmed';
}

/**
 * The status cell as text, marked when a reviewer set the status, the pairing or the whole row:
 * `Kept`, `Kept ✎`, `Dropped ✎ (machine: Kept)`, `New ✎ (pairing set by a reviewer)`.
 */
export function statusText(row: ComparisonRow): string {
  const status = reviewed(row, 'status');
  const pair = reviewed(row, 'pair');
  const manual = row.review?.manual === true;
  if (status === 'no' && pair !== 'overridden' && !manual) return statusWord(row);
  const machine = row.review?.machineStatus;
  const notes = [
    ...(machine ? [`machine: ${statusWord({...row, status: machine})}`] : []),
    ...(pair === 'overridden' ? ['pairing set by a reviewer'] : []),
    ...(manual ? ['row added by a reviewer'] : []),
  ];
  return `${statusWord(row)} ${REVIEW_MARK}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** The machine's status as a word, when a reviewer changed it; else empty. */
export function machineStatusWord(row: ComparisonRow): string {
  const machine = row.review?.machineStatus;
  return machine ? statusWord({...row, status: machine}) : '';
}
