import {z} from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'Expected a lower-case id of letters, digits, `.`, `_` or `-`');

export const ManifestEdition = z.object({
  id,
  /** Editions of one series are compared year on year. */
  series: id,
  publisher: z.string().min(1),
  title: z.string().min(1).optional(),
  /** Plan year as printed, e.g. `2024/25`. */
  planYear: z.string().regex(/^\d{4}\/\d{2}$/, 'Expected a plan year such as `2024/25`'),
  /** Path relative to the manifest's folder, '/'-separated. */
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected 64 lower-case hex digits'),
  revision: z.string().optional(),
  /** Where the document was published. */
  url: z.string().optional(),
  /** Read the objectives from this table: its 1-based number among the document's tables, or words of its caption, heading or header. */
  table: z.string().optional(),
  /** The column holding the items: 1-based number or header words. */
  itemColumn: z.string().optional(),
  /** The column holding the groups: 1-based number or header words. */
  groupColumn: z.string().optional(),
});
export type ManifestEdition = z.infer<typeof ManifestEdition>;

export const ManifestComparison = z.object({
  /** Output folder name under the output directory. @default `<previous>-vs-<current>` */
  id: id.optional(),
  previous: id,
  current: id,
  /** A review file (`review.yaml`) applied to this comparison: path relative to the manifest's folder, '/'-separated. @default none */
  review: z.string().min(1).optional(),
});
export type ManifestComparison = z.infer<typeof ManifestComparison>;

/** `sources/manifest.json`: the editions the project holds and the comparisons to produce. */
export const Manifest = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    editions: z.array(ManifestEdition).min(1),
    /** Comparisons to make. @default each edition against the previous one (by plan year) in its series */
    comparisons: z.array(ManifestComparison).optional(),
  })
  .meta({id: 'Manifest', title: 'guidance-diff sources manifest'});
export type Manifest = z.infer<typeof Manifest>;
