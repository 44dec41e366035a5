import type {Aliases} from './model/aliases.js';
import type {Comparison} from './model/comparison.js';
import type {Edition} from './model/objective.js';
import type {DocumentResult} from './model/result.js';
import type {SourceDocument} from './model/document.js';
import {extractObjectives, type ExtractOptions} from './extract/extract-objectives.js';
import {ingestDocument} from './ingest/ingest-document.js';
import {matchObjectives, type MatchOptions} from './match/match-objectives.js';
import {diffMatchSet} from './diff/diff-match-set.js';
import {diagnostic, sortDiagnostics} from './model/diagnostics.js';
import type {Diagnostic} from './model/diagnostic.js';
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
  const set = matchObjectives(previous, current, {...options, aliases: options.aliases ?? defaultAliases()});
  const version = {version: options.version ?? packageVersion()};
  const comparison = options.review ? applyReview(set, {...version, review: options.review}) : diffMatchSet(set, version);
  const check = itemCountCheck(previous, current);
  return check ? {...comparison, diagnostics: sortDiagnostics([...comparison.diagnostics, check])} : comparison;
}

/** The number of items may change between editions, but by more than this share it suggests one was read wrongly. */
export const ITEM_COUNT_CHANGE = 0.5;

/**
 * A warning when the number of items changes by more than half between two editions (one of them may
 * have been read wrongly: a table cut short, the wrong column taken for the items).
 */
export function itemCountCheck(previous: Edition, current: Edition): Diagnostic | undefined {
  const a = previous.objectives.length;
  const b = current.objectives.length;
  if (Math.abs(a - b) <= ITEM_COUNT_CHANGE * Math.max(a, b)) return undefined;
  const [fewer, more] = a < b ? [previous, current] : [current, previous];
  return diagnostic(
    'warning',
    'items-count-changed',
    'match',
    `\`${previous.file}\` has ${a} item(s) and \`${current.file}\` has ${b}: a change of more than half; check that \`${fewer.file}\` was read in full (and \`${more.file}\` not over-read)`,
    {file: current.file},
  );
}
