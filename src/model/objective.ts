import {z} from 'zod';
import {BBox, DocumentFormat} from './document.js';
import {Diagnostic} from './diagnostic.js';

/**
 * Where an objective came from. `line` and `endLine` start at 1 (the decoded text's lines, or the
 * line within the page for PDF); `page` starts at 1 (PDF only); `bbox` is in PDF user space,
 * origin bottom-left.
 */
export const Provenance = z
  .object({
    file: z.string(),
    sha256: z.string(),
    page: z.number().int().positive().optional(),
    line: z.number().int().positive(),
    endLine: z.number().int().positive(),
    bbox: BBox.optional(),
  })
  .meta({id: 'Provenance'});
export type Provenance = z.infer<typeof Provenance>;

export const TargetUnit = z.enum(['percent', 'count', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'ratio', 'money']);
export type TargetUnit = z.infer<typeof TargetUnit>;

/** How the value binds: `at-least` ("no less than", "minimum of"), `at-most` ("no more than", "or below"), `to` ("to 77%"). */
export const Comparator = z.enum(['at-least', 'at-most', 'to', 'about']);
export type Comparator = z.infer<typeof Comparator>;

/** A month (`2025-03`) or, where no month is given, a year (`2028`). */
export const Deadline = z
  .object({
    date: z.string().regex(/^\d{4}(-\d{2})?$/),
    text: z.string(),
    /** 0-based, end-exclusive offsets into the objective text; absent when the deadline came from a column of its own. */
    charSpan: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
    /** The header of the table column the deadline was read from ("Deadline", "By when"), when it had a column of its own. */
    column: z.string().optional(),
  })
  .meta({id: 'Deadline'});
export type Deadline = z.infer<typeof Deadline>;

/** A quantity stated in an objective: "no less than 76%", "within 4 hours", "345,000 additional". */
export const Target = z
  .object({
    value: z.number(),
    /** Upper end of a range ("12–15"). */
    valueMax: z.number().optional(),
    unit: TargetUnit,
    comparator: Comparator.optional(),
    /** The deadline attached to this quantity, when the same clause gives one. */
    deadline: z.string().regex(/^\d{4}(-\d{2})?$/).optional(),
    /** The words of the quantity as printed. */
    text: z.string(),
    /** A few words after the quantity, used to tell what it measures ("of patients", "ambulance response"). */
    context: z.string(),
    /** 0-based, end-exclusive offsets into the objective text; absent when the target came from a column of its own. */
    charSpan: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
    /**
     * The period the target is for, as printed: a plan year (`2026/27`), a year (`2028`) or a month
     * (`March 2026`). Set from a target column's header ("Target 2026/27") or from the text ("… by 2028/29").
     */
    period: z.string().optional(),
    /** The header of the table column the target was read from ("Target 2026/27", "Standard"), when it had a column of its own. */
    column: z.string().optional(),
  })
  .meta({id: 'Target'});
export type Target = z.infer<typeof Target>;

/** A value from a column that is neither item, group, target nor deadline ("Owner", "Lead", "Notes"), kept so nothing read is lost. */
export const Field = z.object({name: z.string(), value: z.string()}).meta({id: 'Field'});
export type Field = z.infer<typeof Field>;

export const Objective = z
  .object({
    /** Stable id: edition id + slug of area + hash of the normalised text. */
    id: z.string(),
    /** The group the item sits in (area, priority, theme, goal): the innermost of `groups`, or `Unspecified`. */
    area: z.string(),
    /** Every group above the item, outermost first (goal → target for an indicator). Empty when the document has no groups. */
    groups: z.array(z.string()),
    text: z.string(),
    targets: z.array(Target),
    deadlines: z.array(Deadline),
    /** Values of other columns of the item's row, by column header. */
    fields: z.array(Field).optional(),
    provenance: Provenance,
  })
  .meta({id: 'Objective'});
export type Objective = z.infer<typeof Objective>;

/** The role a table column plays in a reading. */
export const ColumnRole = z.enum(['item', 'group', 'target', 'deadline', 'other', 'ignored']);
export type ColumnRole = z.infer<typeof ColumnRole>;

/**
 * How the objectives were read: which block, which column held what, and how sure the extractor was.
 * Shown by `extract` so that a user can check (and steer with `--table`, `--item-column`, `--group-column`).
 */
export const Reading = z
  .object({
    /** `table` (a table's rows), `list` (list items under headings) or `prose` (commitment sentences in paragraphs). */
    source: z.enum(['table', 'list', 'prose']),
    /** What was read, in words: 'table 2 "National objectives" (12 rows)'. */
    description: z.string(),
    /** 1-based index of the first block read, among the document's blocks. */
    block: z.number().int().positive().optional(),
    caption: z.string().optional(),
    /** Column roles, for a table. */
    columns: z
      .array(z.object({index: z.number().int().nonnegative(), header: z.string(), role: ColumnRole, period: z.string().optional()}))
      .optional(),
    /** Score of this reading, 0–1. */
    score: z.number(),
    /** The best reading of another kind, when there was one. */
    runnerUp: z.object({description: z.string(), score: z.number()}).optional(),
    /** Whether the user chose the table or columns (`--table`, `--item-column`, `--group-column`). */
    steered: z.boolean().optional(),
  })
  .meta({id: 'Reading'});
export type Reading = z.infer<typeof Reading>;

export const Edition = z
  .object({
    id: z.string(),
    title: z.string(),
    /** Plan year as printed, e.g. `2024/25`, when the document names one. */
    planYear: z.string().optional(),
    file: z.string(),
    sha256: z.string(),
    format: DocumentFormat,
    areas: z.array(z.string()),
    objectives: z.array(Objective),
    /** How the objectives were read. */
    reading: Reading.optional(),
    diagnostics: z.array(Diagnostic),
  })
  .meta({id: 'Edition'});
export type Edition = z.infer<typeof Edition>;
