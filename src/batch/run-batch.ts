import {availableParallelism} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import PQueue from 'p-queue';
import {type Diagnostic} from '../model/diagnostic.js';
import {diagnostic, DiagnosticError, sortDiagnostics} from '../model/diagnostics.js';
import type {Aliases} from '../model/aliases.js';
import type {Manifest} from '../model/manifest.js';
import type {Edition} from '../model/objective.js';
import type {Status} from '../model/result.js';
import {sha256} from '../ingest/ingest-document.js';
import {compareEditions, readEdition} from '../pipeline.js';
import {renderFiles, type OutputFormat} from '../render/render-files.js';
import {readInput} from '../cli/read-input.js';
import {writeOutputs} from '../cli/write-output.js';
import {plannedComparisons} from './load-manifest.js';

/** Options for {@link runBatch}. */
export interface BatchOptions {
  readonly manifestPath: string;
  readonly outDir: string;
  /** Documents read at once. @default number of CPUs */
  readonly concurrency?: number;
  readonly aliases: Aliases;
  readonly version: string;
  readonly maxBytes: number;
  readonly formats: readonly OutputFormat[];
  /** Called as each document or comparison finishes. */
  readonly onProgress?: (event: {kind: 'document' | 'comparison'; id: string; status: Status}) => void;
}

/** How one document or comparison of a batch ended. */
export interface BatchItem {
  id: string;
  kind: 'document' | 'comparison';
  file?: string;
  status: Status;
  objectives?: number;
  diagnostics: Diagnostic[];
}

export interface BatchReport {
  manifest: string;
  summary: {documents: number; comparisons: number; success: number; partial: number; failure: number};
  items: BatchItem[];
}

function failure(id: string, kind: BatchItem['kind'], d: Diagnostic, file?: string): BatchItem {
  return file === undefined ? {id, kind, status: 'failure', diagnostics: [d]} : {id, kind, file, status: 'failure', diagnostics: [d]};
}

function asDiagnostic(error: unknown, file: string): Diagnostic {
  if (error instanceof DiagnosticError) return error.diagnostic;
  return diagnostic('error', 'internal-error', 'batch', `Cannot process file: ${(error as Error)?.message ?? String(error)}`, {file});
}

/**
 * Run a manifest: read every edition (p-queue, bounded concurrency; one bad document never stops the
 * batch), make every planned comparison whose editions were read, write each into `outDir/<id>/`, and
 * write `outDir/report.json`. Results are in manifest order whatever the completion order.
 */
export async function runBatch(manifest: Manifest, options: BatchOptions): Promise<BatchReport> {
  const root = dirname(resolve(options.manifestPath));
  const queue = new PQueue({concurrency: options.concurrency ?? availableParallelism()});
  const editions = new Map<string, Edition>();
  const documentItems = await Promise.all(
    manifest.editions.map((entry) =>
      queue.add(async (): Promise<BatchItem> => {
        const file = entry.file;
        try {
          const {bytes} = await readInput(join(root, entry.file), options.maxBytes);
          const hash = sha256(bytes);
          if (hash !== entry.sha256) {
            return failure(entry.id, 'document', diagnostic('error', 'manifest-invalid', 'batch', `Expected sha256 \`${entry.sha256}\`, got \`${hash}\`: the file changed since the manifest was written`, {file}), file);
          }
          const extractOptions = {file, editionId: entry.id, planYear: entry.planYear, ...(entry.title ? {title: entry.title} : {})};
          const result = await readEdition(bytes, options.maxBytes ? {...extractOptions, maxBytes: options.maxBytes} : extractOptions);
          if (result.status === 'failure') return {id: entry.id, kind: 'document', file, status: 'failure', diagnostics: result.diagnostics};
          editions.set(entry.id, result.value);
          return {id: entry.id, kind: 'document', file, status: result.status, objectives: result.value.objectives.length, diagnostics: result.diagnostics};
        } catch (error) {
          return failure(entry.id, 'document', asDiagnostic(error, file), file);
        } finally {
          options.onProgress?.({kind: 'document', id: entry.id, status: editions.has(entry.id) ? 'success' : 'failure'});
        }
      }),
    ),
  );
  const comparisonItems: BatchItem[] = [];
  for (const planned of plannedComparisons(manifest)) {
    const previous = editions.get(planned.previous);
    const current = editions.get(planned.current);
    if (!previous || !current) {
      const missing = !previous ? planned.previous : planned.current;
      comparisonItems.push(failure(planned.id, 'comparison', diagnostic('error', 'internal-error', 'batch', `Cannot compare: edition \`${missing}\` could not be read`, {file: planned.id})));
      continue;
    }
    try {
      const comparison = compareEditions(previous, current, {aliases: options.aliases, version: options.version});
      await writeOutputs(join(options.outDir, planned.id), renderFiles(comparison, options.formats));
      comparisonItems.push({id: planned.id, kind: 'comparison', status: 'success', diagnostics: []});
    } catch (error) {
      comparisonItems.push(failure(planned.id, 'comparison', asDiagnostic(error, planned.id)));
    }
    options.onProgress?.({kind: 'comparison', id: planned.id, status: comparisonItems.at(-1)!.status});
  }
  const items = [...documentItems, ...comparisonItems].map((item) => ({...item, diagnostics: sortDiagnostics(item.diagnostics)}));
  const count = (status: Status): number => items.filter((i) => i.status === status).length;
  const report: BatchReport = {
    manifest: options.manifestPath.split('\\').join('/'),
    summary: {documents: documentItems.length, comparisons: comparisonItems.length, success: count('success'), partial: count('partial'), failure: count('failure')},
    items,
  };
  await writeOutputs(options.outDir, [{name: 'report.json', content: `${JSON.stringify(report, null, 2)}\n`}]);
  return report;
}
