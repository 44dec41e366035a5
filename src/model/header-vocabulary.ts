import {z} from 'zod';

/** The roles a header word can suggest for its column. */
export const VocabularyRole = z.enum(['item', 'group', 'target', 'deadline', 'other']);
export type VocabularyRole = z.infer<typeof VocabularyRole>;

/** `data/header-vocabulary.json`: words of table headers, captions and headings, with the roles they suggest. */
export const HeaderVocabulary = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    /** Header words and the weight (0–1) each gives every role. */
    terms: z
      .array(z.object({term: z.string().min(1), roles: z.partialRecord(VocabularyRole, z.number().min(0).max(1))}))
      .default([]),
    /** Words of captions and headings, weighted −1 (not an objectives table: "Glossary") to 1 ("National objectives"). */
    contexts: z.array(z.object({term: z.string().min(1), weight: z.number().min(-1).max(1)})).default([]),
  })
  .meta({id: 'HeaderVocabulary', title: 'guidance-diff header vocabulary'});
export type HeaderVocabulary = z.infer<typeof HeaderVocabulary>;

/** Combine vocabulary files: later files add terms. */
export function mergeVocabularies(...lists: readonly HeaderVocabulary[]): HeaderVocabulary {
  return {terms: lists.flatMap((v) => v.terms), contexts: lists.flatMap((v) => v.contexts)};
}
