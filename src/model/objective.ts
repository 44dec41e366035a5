import {z} from 'zod';
import {BBox, DocumentFormat} from './source-document.js';
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

export const TargetUnit = z.enum(['percent', 'count', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'ratio', 'money']);
export type TargetUnit = z.infer<typeof TargetUnit>;

/** How the value binds: `at-least` ("no less than", "minimum of"), `at-most` ("no more than", "or below"), `to` ("to 77%"). */
export const Comparator = z.enum(['at-least', 'at-most', 'to', 'about']);
export type Comparator = z.infer<typeof Comparator>;

/** A month (`2025-03`) or, where no month is given, a year (`2028`). */
export const Deadline = z
  .object({
    date: z.string().regex(/^\d{4}(-\d{2})?$/),
    text: z.string(),
    /** 0-based, end-exclusive offsets into the objective text. */
    charSpan: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
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
    charSpan: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  })
  .meta({id: 'Target'});
export type Target = z.infer<typeof Target>;

export const Objective = z
  .object({
    /** Stable id: edition id + slug of area + hash of the normalised text. */
    id: z.string(),
    area: z.string(),
    text: z.string(),
    targets: z.array(Target),
    deadlines: z.array(Deadline),
    provenance: Provenance,
  })
  .meta({id: 'Objective'});
export type Objective = z.infer<typeof Objective>;

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
    diagnostics: z.array(Diagnostic),
  })
  .meta({id: 'Edition'});
export type Edition = z.infer<typeof Edition>;
