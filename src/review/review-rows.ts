import {createHash} from 'node:crypto';
import type {Comparison, ComparisonRow} from '../model/comparison.js';
import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic, sortDiagnostics} from '../model/diagnostics.js';
import type {Edition, Objective} from '../model/objective.js';
import type {ReviewedField, RowReview} from '../model/review.js';
import type {ReviewedMatchSet} from './review-match-set.js';
import type {ResolvedManual, ResolvedReview} from './resolve-review.js';
import {normaliseText} from './text-similarity.js';

function slug(text: string): string {
  return normaliseText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'row';
}

function reviewOf(row: ComparisonRow): RowReview {
  row.review ??= {fields: [], overridden: [], entries: []};
  return row.review;
}

function add(list: ReviewedField[], field: ReviewedField): void {
  if (!list.includes(field)) list.push(field);
}

function addEntry(review: RowReview, label: string): void {
  if (!review.entries.includes(label)) review.entries.push(label);
}

/** An objective that is in neither source: its provenance is the review file's entry. */
function manualObjective(text: string, area: string, side: 'previous' | 'current', resolved: ResolvedReview, line: number | undefined): Objective {
  const hash = createHash('sha256').update(`${side}\u0000${text.toLowerCase()}`).digest('hex').slice(0, 8);
  return {
    id: `review:${slug(area)}:${hash}`,
    area,
    groups: [area],
    text,
    targets: [],
    deadlines: [],
    provenance: {file: resolved.review.file, sha256: resolved.review.sha256, line: line ?? 1, endLine: line ?? 1},
  };
}

function placeManual(rows: ComparisonRow[], manual: ResolvedManual, row: ComparisonRow, editions: {previous: Edition; current: Edition}): void {
  if (manual.after) {
    const id = editions[manual.after.side].objectives[manual.after.index]!.id;
    const at = rows.findIndex((r) => r[manual.after!.side].some((o) => o.id === id));
    if (at >= 0) {
      rows.splice(at + 1, 0, row);
      return;
    }
  }
  const area = normaliseText(row.area);
  const last = rows.findLastIndex((r) => normaliseText(r.area) === area || (r.previousArea !== undefined && normaliseText(r.previousArea) === area));
  rows.splice(last >= 0 ? last + 1 : rows.length, 0, row);
}

/**
 * Apply a review's statuses, notes, commentary and manual rows to a comparison (after the diff), and
 * mark every cell a reviewer set: `row.review` lists the fields set, those that differ from the
 * machine's reading, the machine's status, and the entries applied. The summary is counted again and
 * the review's diagnostics are added. The input comparison is not changed.
 *
 * @example
 * const reviewed = reviewRows(diffMatchSet(matched.set), resolved, matched, {previous, current});
 */
export function reviewRows(
  comparison: Comparison,
  resolved: ResolvedReview,
  matched: ReviewedMatchSet,
  editions: {previous: Edition; current: Edition},
): Comparison {
  const diagnostics: Diagnostic[] = [...resolved.diagnostics, ...matched.diagnostics];
  const rows: ComparisonRow[] = structuredClone(comparison.rows);
  const rowHolding = (side: 'previous' | 'current', id: string): ComparisonRow | undefined => rows.find((r) => r[side].some((o) => o.id === id));
  const statusBy = new Map<ComparisonRow, string>();

  // Rows a pair entry named or regrouped.
  for (const row of rows) {
    const ids = [...row.previous, ...row.current].map((o) => o.id);
    const labels = [...new Set(ids.flatMap((id) => matched.paired.get(id) ?? []))];
    const regrouped = ids.some((id) => matched.regrouped.has(id));
    if (!labels.length && !regrouped) continue;
    const review = reviewOf(row);
    add(review.fields, 'pair');
    if (regrouped) add(review.overridden, 'pair');
    for (const label of labels) addEntry(review, label);
  }

  for (const entry of resolved.entries) {
    const {status, notes, commentary} = entry.entry;
    if (status === undefined && notes === undefined && commentary === undefined) continue;
    const row =
      (entry.previous.length ? rowHolding('previous', editions.previous.objectives[entry.previous[0]!]!.id) : undefined) ??
      (entry.current.length ? rowHolding('current', editions.current.objectives[entry.current[0]!]!.id) : undefined);
    if (!row) continue; // every objective of both editions is in a row: unreachable
    const review = reviewOf(row);
    addEntry(review, entry.label);
    if (status !== undefined) {
      const earlier = statusBy.get(row);
      if (earlier !== undefined && row.status !== status) {
        diagnostics.push(
          diagnostic('warning', 'review-conflict', 'review', `Review ${entry.label} sets status ${status} on a row that ${earlier} set to ${row.status}; ${entry.label} wins`, {
            file: resolved.review.file,
            line: entry.line,
          }),
        );
      }
      statusBy.set(row, entry.label);
      add(review.fields, 'status');
      const machine = review.machineStatus ?? row.status;
      if (status !== machine) {
        review.machineStatus = machine;
        add(review.overridden, 'status');
      } else {
        delete review.machineStatus;
        review.overridden = review.overridden.filter((f) => f !== 'status');
      }
      row.status = status;
    }
    if (notes !== undefined) {
      add(review.fields, 'notes');
      if ('replace' in notes) {
        review.notes = [...notes.replace];
        review.notesMode = 'replace';
        add(review.overridden, 'notes');
      } else {
        review.notes = [...(review.notes ?? []), ...notes.add.filter((n) => !(review.notes ?? []).includes(n))];
        review.notesMode ??= 'add';
      }
    }
    if (commentary !== undefined) {
      add(review.fields, 'commentary');
      review.commentary = review.commentary ? `${review.commentary}\n\n${commentary}` : commentary;
    }
  }

  for (const manual of resolved.manual) {
    const {row: m} = manual;
    let area = m.area;
    if (manual.after) {
      // A manual row follows its neighbour's area when that area was renamed since the entry was written.
      const neighbour = editions[manual.after.side].objectives[manual.after.index]!;
      const holder = rows.find((r) => r[manual.after!.side].some((o) => o.id === neighbour.id));
      const then = manual.after.anchorArea;
      if (holder && then !== undefined && normaliseText(then) === normaliseText(m.area) && normaliseText(holder.area) !== normaliseText(m.area)) {
        area = holder.area;
        diagnostics.push(
          diagnostic('info', 'review-reanchored', 'review', `Review ${manual.label}: area "${m.area}" is now "${holder.area}", as its neighbour's`, {
            file: resolved.review.file,
            line: manual.line,
          }),
        );
      }
    }
    const review: RowReview = {fields: ['row', 'status'], overridden: ['row'], entries: [manual.label], manual: true};
    if (m.notes?.length) {
      review.fields.push('notes');
      review.notes = [...m.notes];
      review.notesMode = 'add';
    }
    if (m.commentary) {
      review.fields.push('commentary');
      review.commentary = m.commentary;
    }
    const row: ComparisonRow = {
      area,
      status: m.status,
      previous: m.previous ? [manualObjective(m.previous, area, 'previous', resolved, manual.line)] : [],
      current: m.current ? [manualObjective(m.current, area, 'current', resolved, manual.line)] : [],
      changes: [],
      wordDiff: [],
      review,
    };
    placeManual(rows, manual, row, editions);
  }

  const count = (status: ComparisonRow['status']): number => rows.filter((r) => r.status === status).length;
  const reanchored = resolved.entries.filter((e) => e.reanchored).length;
  return {
    ...comparison,
    summary: {
      kept: count('kept'),
      new: count('new'),
      dropped: count('dropped'),
      changed: rows.filter((r) => r.status === 'kept' && (r.changes.length > 0 || (r.review?.notes?.length ?? 0) > 0)).length,
    },
    rows,
    diagnostics: sortDiagnostics([...comparison.diagnostics, ...diagnostics]),
    review: {
      file: resolved.review.file,
      sha256: resolved.review.sha256,
      entries: resolved.review.review.entries.length + resolved.review.review.manual.length,
      applied: resolved.entries.length + resolved.manual.length,
      reanchored,
      stale: [...resolved.stale],
    },
  };
}
