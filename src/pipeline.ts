import type {Aliases} from './model/aliases.js';
import type {Comparison} from './model/comparison.js';
import type {MatchSet} from './model/match-set.js';
import type {Edition} from './model/objective.js';
import type {DocumentResult} from './model/result.js';
import type {SourceDocument} from './model/document.js';
import {extractObjectives, type ExtractOptions} from './extract/extract-objectives.js';
import {ingestDocument} from './ingest/ingest-document.js';
import {matchObjectives, type MatchOptions} from './match/match-objectives.js';
import {diffMatchSet} from './diff/diff-match-set.js';
import {applyReview} from './review/apply-review.js';
import type {LoadedReview} from './review/parse-review.js';
import {defaultAliases} from './io/load-aliases.js';
import {packageVersion} from './io/package-root.js';

/** Options for reading one document into an edition. */
export interface ReadEditionOptions extends ExtractOptions {
  /** The document's name in provenance and diagnostics. */
  readonly file: string;
  /** Size limit in bytes. @default 104857600 */
  readonly maxBytes?: number;
  /** Worker threads for reading a large PDF. @default the number of CPUs */
  readonly threads?: number;
}

/**
 * Bytes → edition: ingest then extract. A failure at either stage is a `failure` result carrying the
 * diagnostics of both.
 *
 * @example
 * const result = await readEdition(bytes, {file: 'nhs/2024-25.md', editionId: 'nhs-2024-25'});
 */
export async function readEdition(bytes: Uint8Array, options: ReadEditionOptions): Promise<DocumentResult<Edition> & {document?: SourceDocument}> {
  const ingested = await ingestDocument(bytes, {
    file: options.file,
    ...(options.maxBytes === undefined ? {} : {maxBytes: options.maxBytes}),
    ...(options.threads === undefined ? {} : {threads: options.threads}),
  });
  if (ingested.status === 'failure') return ingested;
  const extracted = extractObjectives(ingested.value, options);
  return extracted.status === 'failure' ? extracted : {...extracted, document: ingested.value};
}

/** Options for {@link compareEditions}. */
export interface CompareOptions extends MatchOptions {
  /** Domain synonyms. @default the shipped `data/aliases.json`, as the CLI uses (pass `{terms: [], areas: []}` for none) */
  readonly aliases?: Aliases;
  /** Version written into the output. @default this package's version, as the CLI writes */
  readonly version?: string;
  /** A review file to apply between diff and render (src/review). @default none */
  readonly review?: LoadedReview;
}

/**
 * Two editions → comparison: match, then diff (with a review file: match, review, diff, review). The
 * defaults are the CLI's: the shipped aliases and this package's version, so the library and
 * `guidance-diff compare` give the same bytes.
 *
 * @example
 * const comparison = compareEditions(previous, current);
 */
export function compareEditions(previous: Edition, current: Edition, options: CompareOptions = {}): Comparison {
  return compareMatchSet(matchObjectives(previous, current, {...options, aliases: options.aliases ?? defaultAliases()}), options);
}

/**
 * The second half of {@link compareEditions}: a match set (made with the same options) → comparison, for
 * a caller that keeps the match set too (a batch hands it on to the series' lineage).
 *
 * @example
 * const set = matchObjectives(previous, current, {aliases});
 * const comparison = compareMatchSet(set, {aliases});
 */
export function compareMatchSet(set: MatchSet, options: CompareOptions = {}): Comparison {
  const diffOptions = {
    version: options.version ?? packageVersion(),
    aliases: options.aliases ?? defaultAliases(),
    ...(options.lexicon === undefined ? {} : {lexicon: options.lexicon}),
  };
  return options.review ? applyReview(set, {...diffOptions, review: options.review}) : diffMatchSet(set, diffOptions);
}
