import {createHash} from 'node:crypto';
import {availableParallelism} from 'node:os';
import {dirname, join, relative, resolve, sep} from 'node:path';
import PQueue from 'p-queue';
import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic, DiagnosticError, sortDiagnostics} from '../model/diagnostics.js';
import type {Aliases} from '../model/aliases.js';
import type {Manifest} from '../model/manifest.js';
import type {Edition} from '../model/objective.js';
import {statusOf, type Status} from '../model/result.js';
import {sha256} from '../ingest/ingest-document.js';
import type {OutputFormat} from '../render/output-formats.js';
import {readInput} from '../cli/read-input.js';
import {writeOutputs} from '../cli/write-output.js';
import {EditionCache} from './edition-cache.js';
import {EditionPool} from './edition-pool.js';
import {plannedComparisons} from './load-manifest.js';
import {loadReview} from '../cli/commands/review.js';

/** Options for {@link runBatch}. */
export interface BatchOptions {
  readonly manifestPath: string;
  readonly outDir: string;
  /** Documents read at once, each on its own worker thread. @default number of CPUs */
  readonly concurrency?: number;
  readonly aliases: Aliases;
  readonly version: string;
  readonly maxBytes: number;
  readonly formats: readonly OutputFormat[];
  /** Start comparison.csv with a UTF-8 byte order mark. @default false */
  readonly csvBom?: boolean;
  /** Where extracted editions are cached; undefined turns the cache off. @default undefined */
  readonly cacheDir?: string;
  /** Called as each document, comparison and lineage finishes (for logs and progress bars). */
  readonly onEvent?: (event: BatchEvent) => void;
}

/** What a batch reports as it goes: one event per document, comparison and series. */
export type BatchEvent =
  | {event: 'start'; documents: number; comparisons: number}
  | {event: 'document'; id: string; file: string; status: Status; cached: boolean; objectives?: number; errors: number}
  | {event: 'comparison'; id: string; status: Status; changed?: boolean}
  | {event: 'lineage'; series: string; lineages: number; status: Status};

/** How one document, comparison or lineage of a batch ended. */
export interface BatchItem {
  id: string;
  kind: 'document' | 'comparison' | 'lineage';
  file?: string;
  status: Status;
  objectives?: number;
  diagnostics: Diagnostic[];
}

export interface BatchReport {
  manifest: string;
  summary: {documents: number; comparisons: number; lineages: number; success: number; partial: number; failure: number};
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
 * Run a manifest: read every edition (p-queue over a pool of worker threads, bounded concurrency; one
 * bad document never stops the batch; cached editions are not parsed again), make every planned
 * comparison, follow each series' objectives across editions (lineage), write everything under
 * `outDir`, and `outDir/report.json` last. Results are in manifest order whatever the completion order.
 */
export async function runBatch(manifest: Manifest, options: BatchOptions): Promise<BatchReport> {
  const root = dirname(resolve(options.manifestPath));
  const concurrency = options.concurrency ?? availableParallelism();
  // Twice as many tasks in flight as workers, so that one task's file reading and writing overlaps another's
  // work on a thread; the pool still runs at most `concurrency` jobs at once.
  const queue = new PQueue({concurrency: 2 * concurrency});
  const cache = options.cacheDir === undefined ? undefined : new EditionCache(options.cacheDir, options.version);
  let pool: EditionPool | undefined;
  const planned = plannedComparisons(manifest);
  // Review files named by comparison entries (paths relative to the manifest's folder).
  const reviews = new Map((manifest.comparisons ?? []).flatMap((c) => (c.review ? [[c.id ?? `${c.previous}-vs-${c.current}`, c.review] as const] : [])));
  options.onEvent?.({event: 'start', documents: manifest.editions.length, comparisons: planned.length});
  /** Editions read so far; a cached one is loaded from the cache only if something needs it. */
  const editions = new Map<string, {id: string; sha256: string; load: () => Promise<Edition>}>();
  const loadAll = async (refs: readonly {load: () => Promise<Edition>}[]): Promise<Edition[]> => Promise.all(refs.map((r) => r.load()));
  // What decides a comparison's or lineage's files besides the editions: aliases, formats, version.
  const settings = createHash('sha256')
    .update(JSON.stringify({aliases: options.aliases, formats: options.formats, version: options.version, csvBom: options.csvBom === true}))
    .digest('hex');
  const outputKey = (what: {kind: string; id: string; editions: string[]}): string => JSON.stringify({...what, settings});

  const readOne = async (entry: Manifest['editions'][number]): Promise<BatchItem & {cached: boolean}> => {
    const file = entry.file;
    const {bytes} = await readInput(join(root, entry.file), options.maxBytes);
    const hash = sha256(bytes);
    if (hash !== entry.sha256) {
      return {
        ...failure(
          entry.id,
          'document',
          diagnostic(
            'error',
            'manifest-invalid',
            'batch',
            `Expected sha256 \`${entry.sha256}\`, got \`${hash}\`: the file changed since the manifest was written`,
            {file},
          ),
          file,
        ),
        cached: false,
      };
    }
    const key = {sha256: hash, file, editionId: entry.id, planYear: entry.planYear, ...(entry.title ? {title: entry.title} : {})};
    const hit = await cache?.getSummary(key);
    if (hit && cache) {
      editions.set(entry.id, {
        id: entry.id,
        sha256: hash,
        load: async () => {
          const edition = await cache.get(key);
          if (!edition) throw new Error(`Cannot read the cached extraction of ${file}: run again with --no-cache`);
          return edition;
        },
      });
      return {id: entry.id, kind: 'document', file, status: statusOf(hit.diagnostics), objectives: hit.objectives, diagnostics: hit.diagnostics, cached: true};
    }
    const failed = await cache?.getFailure(key);
    if (failed) return {id: entry.id, kind: 'document', file, status: 'failure', diagnostics: failed, cached: true};
    pool ??= new EditionPool(concurrency);
    const result = await pool.read(bytes, {...key, maxBytes: options.maxBytes});
    if (result.status === 'failure') {
      await cache?.setFailure(key, result.diagnostics);
      return {id: entry.id, kind: 'document', file, status: 'failure', diagnostics: result.diagnostics, cached: false};
    }
    const edition = result.value;
    editions.set(entry.id, {id: entry.id, sha256: hash, load: () => Promise.resolve(edition)});
    await cache?.set(key, edition);
    return {
      id: entry.id,
      kind: 'document',
      file,
      status: result.status,
      objectives: result.value.objectives.length,
      diagnostics: result.diagnostics,
      cached: false,
    };
  };

  try {
    // Documents first (higher priority); each comparison joins the queue as soon as its two editions are
    // read and each lineage once its series is, so both cores stay busy from start to end.
    const documentTasks = new Map(
      manifest.editions.map(
        (entry) =>
          [
            entry.id,
            queue.add(
              async (): Promise<BatchItem> => {
                const item = await readOne(entry).catch((error: unknown) => ({
                  ...failure(entry.id, 'document', asDiagnostic(error, entry.file), entry.file),
                  cached: false,
                }));
                options.onEvent?.({
                  event: 'document',
                  id: entry.id,
                  file: entry.file,
                  status: item.status,
                  cached: item.cached,
                  ...(item.objectives === undefined ? {} : {objectives: item.objectives}),
                  errors: item.diagnostics.filter((d) => d.severity === 'error').length,
                });
                const {cached: _cached, ...rest} = item;
                return rest;
              },
              {priority: 2},
            ),
          ] as const,
      ),
    );
    const whenRead = (ids: readonly string[]): Promise<unknown> => Promise.all(ids.map((id) => documentTasks.get(id)));

    // Comparisons and lineages run on the pool as well; results keep manifest order.
    const comparisonTasks = planned.map((plan) =>
      whenRead([plan.previous, plan.current]).then(() =>
        queue.add(
          async (): Promise<BatchItem> => {
            const previous = editions.get(plan.previous);
            const current = editions.get(plan.current);
            let item: BatchItem;
            let changed = false;
            if (!previous || !current) {
              const missing = !previous ? plan.previous : plan.current;
              item = failure(
                plan.id,
                'comparison',
                diagnostic('error', 'internal-error', 'batch', `Cannot compare: edition \`${missing}\` could not be read`, {file: plan.id}),
              );
            } else {
              try {
                const dir = join(options.outDir, plan.id);
                const reviewPath = reviews.get(plan.id);
                const review = reviewPath === undefined ? undefined : await loadReview(join(root, reviewPath), reviewPath);
                const key = outputKey({kind: 'comparison', id: plan.id, editions: [previous.sha256, current.sha256, plan.previous, plan.current, review?.sha256 ?? '']});
                let diagnostics: Diagnostic[] = [];
                if (!(await cache?.outputsCurrent(key, dir))) {
                  pool ??= new EditionPool(concurrency);
                  const [before, after] = await loadAll([previous, current]);
                  const up = relative(resolve(dir), root).split(sep).join('/');
                  const made = await pool.compare(before!, after!, options.aliases, options.version, options.formats, {
                    ...(review ? {review} : {}),
                    csvBom: options.csvBom === true,
                    html: {sourceBase: up ? `${up}/` : ''},
                  });
                  changed = (await writeOutputs(dir, made.files)).length > 0;
                  await cache?.recordOutputs(key, dir, made.files);
                  diagnostics = made.diagnostics;
                }
                item = {id: plan.id, kind: 'comparison', status: 'success', diagnostics};
              } catch (error) {
                item = failure(plan.id, 'comparison', asDiagnostic(error, plan.id));
              }
            }
            options.onEvent?.(
              item.status === 'failure'
                ? {event: 'comparison', id: plan.id, status: 'failure'}
                : {event: 'comparison', id: plan.id, status: item.status, changed},
            );
            return item;
          },
          {priority: 1},
        ),
      ),
    );

    const seriesNames = [...new Set(manifest.editions.map((e) => e.series))];
    const lineageTasks = seriesNames.map((name) => {
      const entries = manifest.editions
        .filter((e) => e.series === name)
        .toSorted((a, b) => a.planYear.localeCompare(b.planYear) || (a.revision ?? '').localeCompare(b.revision ?? ''));
      return whenRead(entries.map((e) => e.id)).then(() => {
        const members = entries.map((e) => editions.get(e.id)).filter((e) => e !== undefined);
        if (members.length < 2) return undefined;
        return queue.add(async (): Promise<BatchItem> => {
          try {
            const dir = join(options.outDir, name);
            const key = outputKey({kind: 'lineage', id: name, editions: members.flatMap((m) => [m.sha256, m.id])});
            let count = -1;
            if (!(await cache?.outputsCurrent(key, dir))) {
              pool ??= new EditionPool(concurrency);
              const up = relative(resolve(dir), root).split(sep).join('/');
              const html = options.formats.includes('html') ? {sourceBase: up ? `${up}/` : ''} : undefined;
              const made = await pool.lineage(name, await loadAll(members), options.aliases, html);
              await writeOutputs(dir, made.files);
              await cache?.recordOutputs(key, dir, made.files);
              count = made.lineages;
            }
            options.onEvent?.({event: 'lineage', series: name, lineages: count, status: 'success'});
            return {id: name, kind: 'lineage', status: 'success', diagnostics: []};
          } catch (error) {
            options.onEvent?.({event: 'lineage', series: name, lineages: 0, status: 'failure'});
            return failure(name, 'lineage', asDiagnostic(error, name));
          }
        });
      });
    });
    const documentItems = await Promise.all(documentTasks.values());
    const comparisonItems = await Promise.all(comparisonTasks);
    const lineageItems = (await Promise.all(lineageTasks)).filter((item): item is BatchItem => item !== undefined);

    const items = [...documentItems, ...comparisonItems, ...lineageItems].map((item) => ({...item, diagnostics: sortDiagnostics(item.diagnostics)}));
    const count = (status: Status): number => items.filter((i) => i.status === status).length;
    const report: BatchReport = {
      manifest: options.manifestPath.split('\\').join('/'),
      summary: {
        documents: documentItems.length,
        comparisons: comparisonItems.length,
        lineages: lineageItems.length,
        success: count('success'),
        partial: count('partial'),
        failure: count('failure'),
      },
      items,
    };
    await writeOutputs(options.outDir, [{name: 'report.json', content: `${JSON.stringify(report, null, 2)}\n`}]);
    return report;
  } finally {
    await pool?.close();
  }
}
