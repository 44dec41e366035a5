import type {HeaderVocabulary} from '../model/header-vocabulary.js';
import type {Aliases} from '../model/aliases.js';
import type {Diagnostic} from '../model/diagnostic.js';
import type {Status} from '../model/result.js';
import type {OutputFormat} from '../render/output-formats.js';

/** Options for {@link runBatch}. Every default is the CLI's. */
export interface BatchOptions {
  /** Where the comparisons, lineages and report.json go. @default 'output' */
  readonly outDir?: string;
  /** Documents read at once, each on its own worker thread. @default number of CPUs */
  readonly concurrency?: number;
  /** Domain synonyms. @default the shipped `data/aliases.json` */
  readonly aliases?: Aliases;
  /** Version written into the output. @default this package's version */
  readonly version?: string;
  /** Refuse documents larger than this. @default 104857600 (100 MB) */
  readonly maxBytes?: number;
  /** Comparison formats. @default ['md', 'json', 'csv'] */
  readonly formats?: readonly OutputFormat[];
  /** Start comparison.csv with a UTF-8 byte order mark (for Excel). @default false */
  readonly csvBom?: boolean;
  /** Header vocabulary for reading editions. @default the shipped `data/header-vocabulary.json` */
  readonly vocabulary?: HeaderVocabulary;
  /** Where extracted editions and output records are cached; `false` turns the cache off. @default '.cache/guidance-diff' */
  readonly cacheDir?: string | false;
  /** Called as each document, comparison and lineage finishes (for logs and progress bars). */
  readonly onEvent?: (event: BatchEvent) => void;
  /** Abort (reason `'SIGINT'`, `'SIGTERM'`, …) to stop: work in flight ends or is rolled back, report.json says `interrupted`. */
  readonly signal?: AbortSignal;
}

/** What a batch reports as it goes: one event per document, comparison and series. */
export type BatchEvent =
  | {event: 'start'; documents: number; comparisons: number}
  | {event: 'document'; id: string; file: string; status: ItemStatus; cached: boolean; objectives?: number; errors: number}
  | {event: 'comparison'; id: string; status: ItemStatus; changed?: boolean}
  | {event: 'lineage'; series: string; lineages?: number; status: ItemStatus; changed?: boolean}
  | {event: 'interrupted'; reason: string};

/** How an item ended: as a document does, or `skipped` when the batch was interrupted before it. */
export type ItemStatus = Status | 'skipped';

/** How one document, comparison or lineage of a batch ended. */
export interface BatchItem {
  id: string;
  kind: 'document' | 'comparison' | 'lineage';
  /** A document's path relative to the manifest. */
  file?: string;
  /** The series of a lineage, or of a comparison's current edition. */
  series?: string;
  status: ItemStatus;
  objectives?: number;
  diagnostics: Diagnostic[];
}

/** `report.json`: every item with its status and diagnostics, in manifest order. Deterministic: no times. */
export interface BatchReport {
  /** The manifest, relative to the output folder, '/'-separated. */
  manifest: string;
  /** Whether the batch was stopped before the end (items not done are `skipped` and kept their old output). */
  interrupted: boolean;
  summary: {documents: number; comparisons: number; lineages: number; success: number; partial: number; failure: number; skipped: number};
  items: BatchItem[];
}

/** What {@link runBatch} returns: the report, and which outputs changed from what the folder held before. */
export interface BatchResult {
  report: BatchReport;
  /** Comparison and series folders (and `report.json`) whose files changed, were added or were removed. */
  changed: string[];
  /** The output folder. */
  outDir: string;
}
