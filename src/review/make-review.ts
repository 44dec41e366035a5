import type {Comparison} from '../model/comparison.js';
import type {Edition, Objective} from '../model/objective.js';
import type {Review, ReviewAnchor, ReviewEntry} from '../model/review.js';
import {changeWords} from '../render/change-words.js';

/** Options for {@link makeReview}. */
export interface MakeReviewOptions {
  /** The comparison id to record. @default none */
  readonly comparison?: string;
  /** The editions compared, for anchor positions. */
  readonly previous: Edition;
  readonly current: Edition;
}

function anchorOf(objective: Objective, edition: Edition): ReviewAnchor {
  const index = edition.objectives.findIndex((o) => o.id === objective.id);
  return index >= 0 ? {text: objective.text, area: objective.area, position: index + 1} : {text: objective.text, area: objective.area};
}

/**
 * A starting review file for a comparison: one entry per row, anchored to the row's objectives, with no
 * correction yet, and a comment above each giving the machine's reading (status and what changed), so a
 * reviewer adds `status`, `pair`, `notes` or `commentary` where they disagree or have something to say.
 * Rows that came from an earlier review (manual rows) are left out.
 *
 * @example
 * const {review, comments} = makeReview(comparison, {previous, current});
 */
export function makeReview(comparison: Comparison, options: MakeReviewOptions): {review: Review; comments: string[]} {
  const entries: ReviewEntry[] = [];
  const comments: string[] = [];
  for (const row of comparison.rows) {
    if (row.review?.manual) continue;
    const entry: ReviewEntry = {};
    if (row.previous.length) entry.previous = row.previous.map((o) => anchorOf(o, options.previous));
    if (row.current.length) entry.current = row.current.map((o) => anchorOf(o, options.current));
    entries.push(entry);
    const changed = changeWords(row);
    const similarity = row.similarity === undefined ? '' : ` · similarity ${row.similarity}`;
    comments.push(`machine: ${row.status}${changed ? ` · ${changed}` : ''}${similarity}`);
  }
  return {
    review: {
      ...(options.comparison ? {comparison: options.comparison} : {}),
      previous: comparison.previous.id,
      current: comparison.current.id,
      entries,
      manual: [],
    },
    comments,
  };
}
