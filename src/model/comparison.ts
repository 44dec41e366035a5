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
  'measure-changed',
  'reworded',
  'moved',
]);
export type ChangeKind = z.infer<typeof ChangeKind>;

/**
 * One typed change between matched objectives. `from`/`to` are as printed ("76% by March 2024",
 * "March 2024", "patient flow"); `summary` says it in plain words ("Uplift from 76% to 78%").
 * - `measure-changed`: the same topic measured by a different metric ("5% year on year" → "400,000");
 * - `reworded`: words that differ after normalisation and fit no other kind (`from` → `to`);
 * - `moved`: the objective moved to a group its old group does not otherwise map onto;
 * - `merged` / `split`: one note per part, `from` → `to` naming what each part contributed.
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
    /** The group path of the previous objective(s) (outermost first), when there are any. */
    previousGroups: z.array(z.string()).optional(),
    /** The group path of the current objective(s), when there are any. */
    currentGroups: z.array(z.string()).optional(),
    status: RowStatus,
    previous: z.array(Objective),
    current: z.array(Objective),
    changes: z.array(Change),
    /** Match score 0–1 for kept rows. */
    similarity: z.number().min(0).max(1).optional(),
    /** How sure the pairing is, 0–1, for kept rows: the score's height and its lead over the runner-up. */
    confidence: z.number().min(0).max(1).optional(),
    /** Set when the pairing is weak enough that a person should check it (its `confidence` is below the matcher's `reviewConfidence`). */
    uncertain: z.boolean().optional(),
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

/**
 * How the previous edition's groups map onto the current edition's, read from where their objectives
 * went: `same`, `renamed` (one to one), `merged` (several into one), `split` (one into several),
 * `regrouped` (several into several), `dropped` (no objective survives) or `new` (no objective came
 * from an earlier group).
 */
export const GroupMapping = z
  .object({
    kind: z.enum(['same', 'renamed', 'merged', 'split', 'regrouped', 'dropped', 'new']),
    previous: z.array(z.string()),
    current: z.array(z.string()),
    /** Objectives that went from these previous groups to these current groups. */
    items: z.number().int().nonnegative(),
    /** "Cancer + Elective care + Diagnostics → Reduce the time people wait for elective care". */
    summary: z.string(),
  })
  .meta({id: 'GroupMapping'});
export type GroupMapping = z.infer<typeof GroupMapping>;

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
    /** The groups of both editions mapped onto each other, each group in exactly one entry. */
    groups: z.array(GroupMapping).optional(),
    rows: z.array(ComparisonRow),
    diagnostics: z.array(Diagnostic),
    /** The review file applied, when there was one. */
    review: ComparisonReview.optional(),
  })
  .meta({id: 'Comparison', title: 'guidance-diff comparison'});
export type Comparison = z.infer<typeof Comparison>;
