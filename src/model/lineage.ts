import {z} from 'zod';

/**
 * What happened to a lineage in one edition: `present` (the first edition of the series), `kept`
 * (unchanged), `changed` (kept with typed changes or new wording), `new`, `dropped` (gone from this
 * edition), `reinstated` (back after being dropped), `merged` (folded into another lineage's objective
 * here), `split` (one of several objectives that one became), or `absent`.
 */
export const LineageStatus = z.enum(['present', 'kept', 'changed', 'new', 'dropped', 'reinstated', 'merged', 'split', 'absent']);
export type LineageStatus = z.infer<typeof LineageStatus>;

export const LineageCell = z.object({
  status: LineageStatus,
  /** Objective ids in this edition (empty when dropped or absent). */
  objectives: z.array(z.string()),
  note: z.string().optional(),
});
export type LineageCell = z.infer<typeof LineageCell>;

export const Lineage = z.object({
  /** Persistent id: derived from the objective the lineage began with, so it does not change between runs. */
  id: z.string(),
  area: z.string(),
  /** The objective's text in the latest edition it appears in. */
  text: z.string(),
  /** One cell per edition, in edition order. */
  cells: z.array(LineageCell),
});
export type Lineage = z.infer<typeof Lineage>;

export const SeriesLineage = z
  .object({
    series: z.string(),
    editions: z.array(z.object({id: z.string(), title: z.string(), planYear: z.string().optional()})),
    lineages: z.array(Lineage),
  })
  .meta({id: 'SeriesLineage', title: 'guidance-diff lineage of a series'});
export type SeriesLineage = z.infer<typeof SeriesLineage>;
