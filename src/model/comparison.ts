import {z} from 'zod';
import {Objective} from './objective.js';
import {Diagnostic} from './diagnostic.js';
import {ComparisonReview, RowReview} from './review.js';

export const ChangeKind = z.enum([
  'target-raised',
  'target-lowered',
  'target-added',
  'target-removed',
  'deadline-extended',
  'deadline-earlier',
  'deadline-added',
  'deadline-removed',
  'scope-added',
  'scope-removed',
  'merged',
  'split',
  'absorbed',
  'area-renamed',
]);
export type ChangeKind = z.infer<typeof ChangeKind>;

/**
 * One typed change between matched objectives. `from`/`to` are as printed ("76%", "March 2024",
 * "patient flow"); `summary` says it in plain words ("Uplift from 76% to 78%").
 */
export const Change = z
  .object({
    kind: ChangeKind,
    from: z.string().nullable(),
    to: z.string().nullable(),
    summary: z.string(),
  })
  .meta({id: 'Change'});
export type Change = z.infer<typeof Change>;

/** A word-level edit: fast-diff over word tokens. */
export const WordOp = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
export type WordOp = z.infer<typeof WordOp>;

export const RowStatus = z.enum(['kept', 'new', 'dropped']);
export type RowStatus = z.infer<typeof RowStatus>;

export const ComparisonRow = z
  .object({
    /** The area as the current edition names it (the previous edition's name for a dropped objective). */
    area: z.string(),
    /** The previous edition's area name, when it differs. */
    previousArea: z.string().optional(),
    status: RowStatus,
    previous: z.array(Objective),
    current: z.array(Objective),
    changes: z.array(Change),
    /** Match score 0–1 for kept rows. */
    similarity: z.number().min(0).max(1).optional(),
    wordDiff: z.array(WordOp),
    /** What a reviewer set on this row (src/review); absent when no review entry touched it. */
    review: RowReview.optional(),
  })
  .meta({id: 'ComparisonRow'});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const EditionRef = z.object({
  id: z.string(),
  title: z.string(),
  planYear: z.string().optional(),
  file: z.string(),
  sha256: z.string(),
  objectives: z.number().int().nonnegative(),
  areas: z.number().int().nonnegative(),
});
export type EditionRef = z.infer<typeof EditionRef>;

export const Comparison = z
  .object({
    generator: z.object({name: z.literal('guidance-diff'), version: z.string()}),
    previous: EditionRef,
    current: EditionRef,
    summary: z.object({
      kept: z.number().int().nonnegative(),
      new: z.number().int().nonnegative(),
      dropped: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
    }),
    rows: z.array(ComparisonRow),
    diagnostics: z.array(Diagnostic),
    /** The review file applied, when there was one. */
    review: ComparisonReview.optional(),
  })
  .meta({id: 'Comparison', title: 'guidance-diff comparison'});
export type Comparison = z.infer<typeof Comparison>;
