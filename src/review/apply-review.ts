import {diffMatchSet, type DiffOptions} from '../diff/diff-match-set.js';
import type {Comparison} from '../model/comparison.js';
import type {MatchSet} from '../model/match-set.js';
import type {LoadedReview} from './parse-review.js';
import {resolveReview} from './resolve-review.js';
import {reviewMatchSet} from './review-match-set.js';
import {reviewRows} from './review-rows.js';

/** Options for {@link applyReview}. */
export interface ApplyReviewOptions extends DiffOptions {
  /** The review file, read with `parseReview`. */
  readonly review: LoadedReview;
}

/**
 * The review stage, between match/diff and render: find the review's objectives in both editions
 * (stale entries are reported and skipped), apply its forced and forbidden pairs to the match set,
 * diff, then apply statuses, change notes, commentary and manual rows, marking every reviewed cell.
 *
 * @example
 * const comparison = applyReview(matchObjectives(previous, current), {review: loaded});
 * comparison.review; // {file, sha256, entries, applied, reanchored, stale}
 */
export function applyReview(set: MatchSet, options: ApplyReviewOptions): Comparison {
  const resolved = resolveReview(options.review, set.previous, set.current);
  const matched = reviewMatchSet(set, resolved);
  const comparison = diffMatchSet(matched.set, options);
  return reviewRows(comparison, resolved, matched, {previous: set.previous, current: set.current});
}
