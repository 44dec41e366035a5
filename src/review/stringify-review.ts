import {Document, isMap, isSeq, type YAMLMap} from 'yaml';
import {Review} from '../model/review.js';

/** Options for {@link stringifyReview}. */
export interface StringifyReviewOptions {
  /** Comment lines at the top of the file. @default a short explanation */
  readonly header?: readonly string[];
  /** The JSON Schema's path, relative to the review file, for editors. @default none */
  readonly schema?: string;
  /** A comment above each entry (same order as `review.entries`), e.g. the machine's reading. @default none */
  readonly entryComments?: readonly (string | undefined)[];
}

const DEFAULT_HEADER = [
  'guidance-diff review file: a reviewer\'s corrections and commentary for one comparison.',
  'It is applied every time the comparison is made (between diff and render), so edits here survive regeneration.',
  'Anchors name objectives by text, area and position, and are found again by fuzzy match when the text changes;',
  'an entry whose objective can no longer be found is reported as stale, never dropped silently.',
  'Entry fields: pair (force | forbid), status (kept | new | dropped), notes ({add: [...]} or {replace: [...]}), commentary.',
];

/**
 * A review value → YAML text: keys in schema order, long texts on one line (no folding, so a diff shows
 * the words that changed), a comment header, and optional comments above entries. Validates first;
 * throws a `TypeError` on an invalid review (a programmer error).
 *
 * @example
 * stringifyReview({entries: [{previous: [{text: 'Reduce bed occupancy'}], status: 'dropped'}], manual: []});
 */
export function stringifyReview(review: Review, options: StringifyReviewOptions = {}): string {
  const parsed = Review.safeParse(review);
  if (!parsed.success) throw new TypeError(`Expected a valid review, got issues: ${parsed.error.message}`);
  const value = options.schema ? {$schema: options.schema, ...parsed.data} : parsed.data;
  const document = new Document(value);
  document.commentBefore = (options.header ?? DEFAULT_HEADER).map((l) => ` ${l}`).join('\n');
  const entries = isMap(document.contents) ? (document.contents as YAMLMap).get('entries', true) : undefined;
  if (isSeq(entries) && options.entryComments) {
    entries.items.forEach((item, k) => {
      const comment = options.entryComments![k];
      if (comment && item && typeof item === 'object') (item as {commentBefore?: string}).commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
    });
  }
  return document.toString({lineWidth: 0, indentSeq: true});
}
