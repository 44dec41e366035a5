import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic} from '../model/diagnostics.js';
import type {Edition} from '../model/objective.js';
import type {ManualRow, ReviewAnchor, ReviewEntry, StaleEntry} from '../model/review.js';
import type {LoadedReview} from './parse-review.js';
import {resolveAnchor} from './resolve-anchor.js';
import {normaliseText} from './text-similarity.js';

type Side = 'previous' | 'current';

/** An entry whose every anchor was found: objective indices into each edition. */
export interface ResolvedEntry {
  readonly label: string;
  readonly line: number | undefined;
  readonly entry: ReviewEntry;
  readonly previous: readonly number[];
  readonly current: readonly number[];
  readonly reanchored: boolean;
}

/** A manual row, with the objective it follows when that was found. */
export interface ResolvedManual {
  readonly label: string;
  readonly line: number | undefined;
  readonly row: ManualRow;
  readonly after?: {readonly side: Side; readonly index: number; readonly anchorArea: string | undefined};
}

/** A review file's entries resolved against two editions. */
export interface ResolvedReview {
  readonly review: LoadedReview;
  readonly entries: readonly ResolvedEntry[];
  readonly manual: readonly ResolvedManual[];
  readonly stale: readonly StaleEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The label of an entry in messages: its own, or `entry N` (1-based). */
export function entryLabel(entry: {label?: string | undefined}, k: number, kind: 'entry' | 'manual' = 'entry'): string {
  return entry.label ?? `${kind} ${k + 1}`;
}

function excerpt(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * Find every anchored objective of a review file in the two editions. An entry with an anchor that
 * cannot be found is stale: it is not applied, and a `review-stale` warning names the file, the line,
 * the entry and the text. An anchor found only by fuzzy match (its text changed) gives a
 * `review-reanchored` note quoting the old and new text.
 *
 * @example
 * const resolved = resolveReview(loaded, previous, current);
 * resolved.stale; // [] when every entry still applies
 */
export function resolveReview(review: LoadedReview, previous: Edition, current: Edition): ResolvedReview {
  const editions = {previous, current};
  const diagnostics: Diagnostic[] = [];
  const stale: StaleEntry[] = [];
  // Objectives whose text is exactly some anchor's text belong to that anchor: a fuzzy match for another anchor avoids them.
  const claimed = {previous: new Set<number>(), current: new Set<number>()};
  const anchorsOf = (side: Side): ReviewAnchor[] => [
    ...review.review.entries.flatMap((e) => e[side] ?? []),
    ...review.review.manual.flatMap((m) => (m.after?.[side] ? [m.after[side]] : [])),
  ];
  for (const side of ['previous', 'current'] as const) {
    const texts = new Set(anchorsOf(side).map((a) => normaliseText(a.text)));
    editions[side].objectives.forEach((o, i) => {
      if (texts.has(normaliseText(o.text))) claimed[side].add(i);
    });
  }
  const find = (anchor: ReviewAnchor, side: Side, label: string, line: number | undefined): {index: number; reanchored: boolean} | {stale: StaleEntry} => {
    const objectives = editions[side].objectives;
    const result = resolveAnchor(anchor, objectives, {claimed: claimed[side]});
    if (result.found) {
      const objective = objectives[result.index]!;
      if (result.how === 'fuzzy') {
        diagnostics.push(
          diagnostic(
            'info',
            'review-reanchored',
            'review',
            `Review ${label}: ${side} objective "${excerpt(anchor.text, 120)}" found again as "${excerpt(objective.text, 120)}" (similarity ${result.score})`,
            {file: review.file, line},
          ),
        );
      }
      return {index: result.index, reanchored: result.how === 'fuzzy'};
    }
    const reason = `not found in ${editions[side].id}: ${result.reason}${result.best ? `; closest "${excerpt(objectives[result.best.index]!.text, 50)}"` : ''}`;
    const entry: StaleEntry = {entry: label, side, text: anchor.text, reason};
    if (line !== undefined) entry.line = line;
    return {stale: entry};
  };

  const entries: ResolvedEntry[] = [];
  review.review.entries.forEach((entry, k) => {
    const label = entryLabel(entry, k);
    const line = review.lines.entries[k];
    const found = {previous: [] as number[], current: [] as number[]};
    const problems: StaleEntry[] = [];
    let reanchored = false;
    for (const side of ['previous', 'current'] as const) {
      for (const anchor of entry[side] ?? []) {
        const result = find(anchor, side, label, line);
        if ('stale' in result) problems.push(result.stale);
        else {
          found[side].push(result.index);
          reanchored ||= result.reanchored;
        }
      }
    }
    if (problems.length) {
      stale.push(...problems);
      for (const p of problems) {
        diagnostics.push(
          diagnostic('warning', 'review-stale', 'review', `Cannot apply review ${label}: ${p.side} objective "${excerpt(p.text)}" ${p.reason}`, {file: review.file, line}),
        );
      }
      return;
    }
    entries.push({label, line, entry, previous: [...new Set(found.previous)], current: [...new Set(found.current)], reanchored});
  });

  const manual: ResolvedManual[] = review.review.manual.map((row, k) => {
    const label = entryLabel(row, k, 'manual');
    const line = review.lines.manual[k];
    const side: Side | undefined = row.after?.previous ? 'previous' : row.after?.current ? 'current' : undefined;
    if (!side) return {label, line, row};
    const anchor = row.after![side]!;
    const result = find(anchor, side, label, line);
    if ('stale' in result) {
      const entry: StaleEntry = {...result.stale, reason: `${result.stale.reason}; the row was placed after the last row of its area`};
      stale.push(entry);
      diagnostics.push(
        diagnostic('warning', 'review-stale', 'review', `Cannot place review ${label} after ${side} objective "${excerpt(anchor.text)}": ${entry.reason}`, {file: review.file, line}),
      );
      return {label, line, row};
    }
    return {label, line, row, after: {side, index: result.index, anchorArea: anchor.area}};
  });
  return {review, entries, manual, stale, diagnostics};
}
