import {z} from 'zod';

export const AliasEntry = z.object({
  canonical: z.string().min(1),
  variants: z.array(z.string().min(1)),
  note: z.string().optional(),
});
export type AliasEntry = z.infer<typeof AliasEntry>;

/** The aliases file (`data/aliases.json`): domain synonyms for objective text and for area names. */
export const Aliases = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    terms: z.array(AliasEntry).default([]),
    areas: z.array(AliasEntry).default([]),
  })
  .meta({id: 'Aliases', title: 'guidance-diff aliases'});
export type Aliases = z.infer<typeof Aliases>;

/** Combine alias files: later files add entries. */
export function mergeAliases(...lists: readonly Aliases[]): Aliases {
  return {terms: lists.flatMap((a) => a.terms), areas: lists.flatMap((a) => a.areas)};
}
