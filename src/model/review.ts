import {z} from 'zod';

// The review file (`review.yaml` beside a manifest's comparison entry) and what applying it records in a
// comparison. Kept free of imports from comparison.ts, which imports the row and summary shapes below.

/** A row status as a reviewer sets it (the same words as a comparison row's status). */
export const ReviewStatus = z.enum(['kept', 'new', 'dropped']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/**
 * Names one objective of an edition so that it can be found again after the document is re-read or
 * lightly reworded: by its text (stored so that a person can read the file), its area and its position.
 * An anchor is found by exact text first, then by fuzzy match of the text, helped by area and position;
 * one that cannot be found makes its entry stale (reported, never silently dropped).
 */
export const ReviewAnchor = z
  .object({
    /** The objective's text when the entry was written. */
    text: z.string().min(1),
    /** The objective's area (group) when the entry was written. */
    area: z.string().optional(),
    /** 1-based position of the objective among its edition's objectives, in document order. */
    position: z.number().int().positive().optional(),
  })
  .strict()
  .meta({id: 'ReviewAnchor'});
export type ReviewAnchor = z.infer<typeof ReviewAnchor>;

/** A reviewer's change notes: added to the machine's change summaries, or shown in their place. */
export const ReviewNotes = z.union([
  z.object({add: z.array(z.string().min(1)).min(1)}).strict(),
  z.object({replace: z.array(z.string().min(1))}).strict(),
]);
export type ReviewNotes = z.infer<typeof ReviewNotes>;

/**
 * One correction or comment about the row holding the anchored objectives.
 * - `pair: force` puts every listed previous objective in one row with every listed current one;
 *   `pair: forbid` takes them apart, and with one side only, leaves that side's objectives without a
 *   counterpart (a dropped or new row of their own).
 * - `status` sets the row's status; `notes` adds or replaces change notes; `commentary` adds a comment.
 */
export const ReviewEntry = z
  .object({
    /** A name for messages; `entry N` (1-based) when absent. */
    label: z.string().min(1).optional(),
    previous: z.array(ReviewAnchor).optional(),
    current: z.array(ReviewAnchor).optional(),
    pair: z.enum(['force', 'forbid']).optional(),
    status: ReviewStatus.optional(),
    notes: ReviewNotes.optional(),
    commentary: z.string().min(1).optional(),
    /** Where the entry came from, for people (`review import` writes the table's file and line). */
    source: z.string().optional(),
  })
  .strict()
  .refine((e) => (e.previous?.length ?? 0) + (e.current?.length ?? 0) > 0, {message: 'Expected at least one `previous` or `current` anchor'})
  .refine((e) => e.pair !== 'force' || ((e.previous?.length ?? 0) > 0 && (e.current?.length ?? 0) > 0), {
    message: 'Expected both `previous` and `current` anchors with `pair: force`',
  })
  .meta({id: 'ReviewEntry'});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

/** A row that is in neither source (a reviewer's knowledge), placed after the row holding `after`. */
export const ManualRow = z
  .object({
    label: z.string().min(1).optional(),
    area: z.string().min(1),
    previous: z.string().min(1).optional(),
    current: z.string().min(1).optional(),
    status: ReviewStatus,
    notes: z.array(z.string().min(1)).optional(),
    commentary: z.string().min(1).optional(),
    /** The objective whose row this row follows; without it the row goes after the last row of its area. */
    after: z
      .object({previous: ReviewAnchor.optional(), current: ReviewAnchor.optional()})
      .strict()
      .optional(),
    source: z.string().optional(),
  })
  .strict()
  .refine((m) => m.previous !== undefined || m.current !== undefined, {message: 'Expected a `previous` or `current` objective text'})
  .meta({id: 'ManualRow'});
export type ManualRow = z.infer<typeof ManualRow>;

/**
 * A review file: a reviewer's corrections and commentary for one comparison, kept apart from the
 * generated output so that they survive every regeneration.
 */
export const Review = z
  .object({
    $schema: z.string().optional(),
    /** The comparison this file reviews (for people; not checked). */
    comparison: z.string().optional(),
    /** The edition ids compared when the file was written (for people; not checked). */
    previous: z.string().optional(),
    current: z.string().optional(),
    entries: z.array(ReviewEntry).default([]),
    manual: z.array(ManualRow).default([]),
  })
  .strict()
  .meta({id: 'Review', title: 'guidance-diff review file'});
export type Review = z.infer<typeof Review>;

/** Which cell of a row a reviewer set. `row`: the whole row is a reviewer's (a manual row). */
export const ReviewedField = z.enum(['pair', 'status', 'notes', 'commentary', 'row']);
export type ReviewedField = z.infer<typeof ReviewedField>;

/** What a review did to one comparison row. Absent on rows no entry touched. */
export const RowReview = z
  .object({
    /** Cells a reviewer set (confirmed or changed). */
    fields: z.array(ReviewedField),
    /** The subset of `fields` where the reviewer's value differs from the machine's. */
    overridden: z.array(ReviewedField),
    /** The machine's status, when the reviewer set another. */
    machineStatus: ReviewStatus.optional(),
    /**
     * The reviewer's change notes. With `notesMode: replace` renderers show them in place of the change
     * summaries; `changes` keeps the machine's typed reading either way.
     */
    notes: z.array(z.string()).optional(),
    notesMode: z.enum(['add', 'replace']).optional(),
    commentary: z.string().optional(),
    /** The entries applied to this row, by label (`entry 3`, `manual 1`, or the entry's own label). */
    entries: z.array(z.string()),
    /** True for a manual row: in neither source. */
    manual: z.boolean().optional(),
  })
  .meta({id: 'RowReview'});
export type RowReview = z.infer<typeof RowReview>;

/** A review entry that could not be applied because an objective it names can no longer be found. */
export const StaleEntry = z.object({
  entry: z.string(),
  /** Line of the entry in the review file (1-based). */
  line: z.number().int().positive().optional(),
  side: z.enum(['previous', 'current']),
  text: z.string(),
  reason: z.string(),
});
export type StaleEntry = z.infer<typeof StaleEntry>;

/** The review applied to a comparison: the file, and how its entries fared. */
export const ComparisonReview = z
  .object({
    file: z.string(),
    sha256: z.string(),
    /** Entries and manual rows in the file. */
    entries: z.number().int().nonnegative(),
    applied: z.number().int().nonnegative(),
    /** Applied entries of which some objective was found again only by fuzzy match. */
    reanchored: z.number().int().nonnegative(),
    stale: z.array(StaleEntry),
  })
  .meta({id: 'ComparisonReview'});
export type ComparisonReview = z.infer<typeof ComparisonReview>;

/** `data/review-import.json`: the words `review import` reads a hand-made table by. */
export const ReviewImportVocabulary = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    columns: z.object({
      area: z.array(z.string().min(1)),
      objective: z.array(z.string().min(1)),
      previous: z.array(z.string().min(1)),
      current: z.array(z.string().min(1)),
      status: z.array(z.string().min(1)),
      notes: z.array(z.string().min(1)),
      commentary: z.array(z.string().min(1)),
    }),
    statuses: z.object({kept: z.array(z.string().min(1)), new: z.array(z.string().min(1)), dropped: z.array(z.string().min(1))}),
    none: z.array(z.string().min(1)),
  })
  .meta({id: 'ReviewImportVocabulary', title: 'guidance-diff review import vocabulary'});
export type ReviewImportVocabulary = z.infer<typeof ReviewImportVocabulary>;
