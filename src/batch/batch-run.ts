import {createHash} from 'node:crypto';
import type {HeaderVocabulary} from '../model/header-vocabulary.js';
import type {Aliases} from '../model/aliases.js';
import {describeError} from '../io/describe-error.js';
import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import type {Manifest} from '../model/manifest.js';
import type {Edition} from '../model/objective.js';
import type {OutputFormat} from '../render/output-formats.js';
import type {BatchEvent, BatchItem} from './batch-types.js';
import type {EditionCache} from './edition-cache.js';
import type {EditionPool} from './edition-pool.js';
import type {MatchedPair} from '../lineage/build-lineage.js';
import type {StagedOutput} from './staged-output.js';

/** An edition that was read: loaded from the cache only if a comparison or lineage needs it. */
export interface EditionRef {
  id: string;
  sha256: string;
  load: () => Promise<Edition>;
}

/** What every task of one batch run shares. */
export interface BatchRun {
  /** The manifest's folder: editions' paths are relative to it. */
  readonly root: string;
  readonly manifest: Manifest;
  readonly aliases: Aliases;
  readonly version: string;
  readonly maxBytes: number;
  readonly formats: readonly OutputFormat[];
  /** Start comparison.csv with a UTF-8 byte order mark. */
  readonly csvBom: boolean;
  /** Header vocabulary for reading editions (the shipped one plus the user's). @default the shipped one */
  readonly vocabulary?: HeaderVocabulary;
  readonly cache: EditionCache | undefined;
  readonly output: StagedOutput;
  readonly signal: AbortSignal | undefined;
  /** The worker pool, started on first use. */
  pool: () => EditionPool;
  /** Editions read so far, by manifest id. */
  readonly editions: Map<string, EditionRef>;
  /** Products whose files changed from the old output. */
  readonly changed: Set<string>;
  /**
   * Match sets of the comparisons made without a review file, by {@link pairKey}, until the series'
   * lineage takes them: the lineage needs the same match for each consecutive pair.
   */
  readonly matched: Map<string, MatchedPair>;
  emit: (event: BatchEvent) => void;
}

/** The key of a pair of editions (manifest ids) in {@link BatchRun.matched}. */
export function pairKey(previous: string, current: string): string {
  return `${previous}\u0000${current}`;
}

/** What decides a comparison's or lineage's files besides its editions: aliases, formats, version, the CSV's byte order mark. */
export function outputKey(run: BatchRun, what: {kind: string; id: string; editions: string[]}): string {
  const settings = createHash('sha256').update(JSON.stringify({aliases: run.aliases, formats: run.formats, version: run.version, csvBom: run.csvBom})).digest('hex');
  return JSON.stringify({...what, settings});
}

export function failure(id: string, kind: BatchItem['kind'], d: Diagnostic, file?: string): BatchItem {
  return file === undefined ? {id, kind, status: 'failure', diagnostics: [d]} : {id, kind, file, status: 'failure', diagnostics: [d]};
}

/** An item not done because the batch was interrupted. */
export function skipped(id: string, kind: BatchItem['kind'], file?: string): BatchItem {
  const d = diagnostic('info', 'batch-interrupted', 'batch', 'Not done: the batch was interrupted; any earlier output was kept', {file: file ?? id});
  return file === undefined ? {id, kind, status: 'skipped', diagnostics: [d]} : {id, kind, file, status: 'skipped', diagnostics: [d]};
}

/** Any escaped exception becomes a diagnostic that keeps its message. */
export function asDiagnostic(error: unknown, file: string): Diagnostic {
  if (error instanceof DiagnosticError) return error.diagnostic;
  return diagnostic('error', 'internal-error', 'batch', `Cannot process file: ${describeError(error)}`, {file});
}
