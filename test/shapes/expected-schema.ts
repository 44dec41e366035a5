// The schema of test/fixtures/shapes/<case>/expected.json: what a careful reader finds in a shape-corpus document.
import {z} from 'zod';
import {TargetUnit} from '../../src/model/objective.js';

/** A target the reader must find: value and unit, and the period when the document gives one ("2026/27"). */
export const ExpectedTarget = z.object({value: z.number(), unit: TargetUnit, period: z.string().min(1).optional()}).strict();
export type ExpectedTarget = z.infer<typeof ExpectedTarget>;

/** One item (objective, measure, indicator): its text, its groups outermost first ([] when none), its targets. */
export const ExpectedItem = z
  .object({text: z.string().min(1), groups: z.array(z.string().min(1)), targets: z.array(ExpectedTarget)})
  .strict();
export type ExpectedItem = z.infer<typeof ExpectedItem>;

/** A count stated in the document's prose, and what it counts: items, innermost groups or outermost groups. */
export const ExpectedStatedCount = z
  .object({count: z.number().int().positive(), noun: z.string().min(1), of: z.enum(['items', 'groups', 'top-groups'])})
  .strict();
export type ExpectedStatedCount = z.infer<typeof ExpectedStatedCount>;

export const ShapeFormat = z.enum(['html', 'md', 'txt', 'layout', 'pdf']);
export type ShapeFormat = z.infer<typeof ShapeFormat>;

export const ExpectedShape = z
  .object({
    description: z.string().min(1),
    shape: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    formats: z.array(ShapeFormat).min(2),
    statedCounts: z.array(ExpectedStatedCount).optional(),
    items: z.array(ExpectedItem).min(1),
  })
  .strict();
export type ExpectedShape = z.infer<typeof ExpectedShape>;
