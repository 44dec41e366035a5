import {readFile} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import {dirname, relative, resolve, sep} from 'node:path';
import PQueue from 'p-queue';
import {sortDiagnostics} from '../model/diagnostics.js';
import type {Manifest} from '../model/manifest.js';
import {DEFAULT_MAX_BYTES} from '../ingest/limits.js';
import {defaultAliases} from '../io/load-aliases.js';
import {packageVersion} from '../io/package-root.js';
import {writeOutputs} from '../io/write-outputs.js';
import {DEFAULT_FORMATS} from '../render/output-formats.js';
import {skipped, type BatchRun} from './batch-run.js';
import type {BatchItem, BatchOptions, BatchReport, BatchResult, ItemStatus} from './batch-types.js';
import {EditionCache} from './edition-cache.js';
import {EditionPool} from './edition-pool.js';
import {loadManifest, plannedComparisons, seriesOf} from './load-manifest.js';
import {makeComparison, makeLineage} from './make-outputs.js';
import {readEditionEntry} from './read-edition-entry.js';
import {StagedOutput} from './staged-output.js';

export type {BatchEvent, BatchItem, BatchOptions, BatchReport, BatchResult, ItemStatus} from './batch-types.js';

/**
 * Queue every document, comparison and lineage: each starts as soon as what it needs is read. Documents and
 * products (comparisons, lineages) have queues of their own, so that products are made while later
 * documents are still being read: the pool gives each side to its own workers (see {@link EditionPool}).
 */
function schedule(run: BatchRun, queues: {documents: PQueue; products: PQueue}): {documents: Promise<BatchItem>[]; comparisons: Promise<BatchItem>[]; lineages: Promise<BatchItem | undefined>[]} {
  // A comparison joins its queue once its two editions are read and a lineage once its series is.
  const documents = new Map(run.manifest.editions.map((entry) => [entry.id, queues.documents.add(() => readEditionEntry(entry, run))] as const));
  const whenRead = (ids: readonly string[]): Promise<unknown> => Promise.all(ids.map((id) => documents.get(id)));
  const plans = plannedComparisons(run.manifest);
  const comparisons = plans.map((plan) =>
    whenRead([plan.previous, plan.current]).then(() => queues.products.add(() => makeComparison(plan, run), {priority: 1})),
  );
  const registered = run.manifest.editions.map((e) => e.id);
  // A lineage also waits for the comparisons within its series: it takes their match sets rather than matching again.
  const within = (ids: ReadonlySet<string>): Promise<unknown>[] => plans.flatMap((plan, k) => (ids.has(plan.previous) && ids.has(plan.current) ? [comparisons[k]!] : []));
  const lineages = [...seriesOf(run.manifest)].map(async ([series, entries]) => {
    await whenRead(entries.map((e) => e.id));
    await Promise.allSettled(within(new Set(entries.map((e) => e.id))));
    const members = entries.map((e) => run.editions.get(e.id)).filter((e) => e !== undefined);
    if (members.length >= 2) return queues.products.add(() => makeLineage(series, members, registered, run));
    // Editions not read because the batch was interrupted: the lineage is not done (it keeps its old files).
    return entries.length >= 2 && run.signal?.aborted ? skipped(series, 'lineage') : undefined;
  });
  return {documents: [...documents.values()], comparisons, lineages};
}

/** The report: items in manifest order (documents, comparisons, lineages), diagnostics sorted, counts. */
function buildReport(manifestPath: string, outDir: string, items: {documents: BatchItem[]; comparisons: BatchItem[]; lineages: BatchItem[]}, interrupted: boolean): BatchReport {
  const all = [...items.documents, ...items.comparisons, ...items.lineages].map((item) => ({...item, diagnostics: sortDiagnostics(item.diagnostics)}));
  const count = (status: ItemStatus): number => all.filter((i) => i.status === status).length;
  return {
    manifest: relative(resolve(outDir), resolve(manifestPath)).split(sep).join('/'),
    interrupted,
    summary: {
      documents: items.documents.length,
      comparisons: items.comparisons.length,
      lineages: items.lineages.length,
      success: count('success'),
      partial: count('partial'),
      failure: count('failure'),
      skipped: count('skipped'),
    },
    items: all,
  };
}

/**
 * Run a manifest: read every edition (p-queue over a pool of worker threads; one bad document never
 * stops the batch; cached editions are not parsed again), make every planned comparison, follow each
 * series' objectives across editions (lineage), and write it all with `report.json` into `outDir`, which
 * switches from old to new in one step. On `signal`, work stops: what is in flight ends or keeps its old
 * output, and report.json says `interrupted`. Results are in manifest order whatever the completion order.
 *
 * @example
 * const {report, changed} = await runBatch('sources/manifest.json', {outDir: 'output'});
 * console.log(report.summary, changed);
 */
export async function runBatch(manifestPath: string, options: BatchOptions = {}): Promise<BatchResult> {
  const manifest: Manifest = await loadManifest(manifestPath);
  const outDir = options.outDir ?? 'output';
  const concurrency = options.concurrency ?? availableParallelism();
  const cacheDir = options.cacheDir === undefined ? '.cache/guidance-diff' : options.cacheDir;
  const cache = cacheDir === false ? undefined : new EditionCache(cacheDir, options.version ?? packageVersion());
  await cache?.clean();
  const output = await StagedOutput.open(outDir);
  let pool: EditionPool | undefined;
  const {signal} = options;
  const run: BatchRun = {
    root: dirname(resolve(manifestPath)),
    manifest,
    aliases: options.aliases ?? defaultAliases(),
    version: options.version ?? packageVersion(),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    formats: options.formats ?? DEFAULT_FORMATS,
    csvBom: options.csvBom === true,
    ...(options.vocabulary ? {vocabulary: options.vocabulary} : {}),
    cache,
    output,
    signal,
    pool: () => (pool ??= new EditionPool(concurrency)),
    editions: new Map(),
    changed: new Set(),
    matched: new Map(),
    emit: (event) => options.onEvent?.(event),
  };
  // Per queue, twice as many tasks in flight as workers, so that one task's file reading and writing
  // overlaps another's work on a thread; the pool still runs at most `concurrency` jobs at once.
  const queues = {documents: new PQueue({concurrency: 2 * concurrency}), products: new PQueue({concurrency: 2 * concurrency})};
  const onAbort = (): void => {
    run.emit({event: 'interrupted', reason: String(signal?.reason ?? 'aborted')});
    // Jobs on the workers stop now; queued tasks see the signal and end as `skipped`.
    void pool?.close();
  };
  signal?.addEventListener('abort', onAbort, {once: true});
  try {
    if (signal?.aborted) onAbort();
    run.emit({event: 'start', documents: manifest.editions.length, comparisons: plannedComparisons(manifest).length});
    const tasks = schedule(run, queues);
    const items = {
      documents: await Promise.all(tasks.documents),
      comparisons: await Promise.all(tasks.comparisons),
      lineages: (await Promise.all(tasks.lineages)).filter((item): item is BatchItem => item !== undefined),
    };
    const products = [...items.comparisons, ...items.lineages].map((i) => i.id);
    await output.keepUnfinished(products);
    const report = buildReport(manifestPath, outDir, items, signal?.aborted === true);
    const content = `${JSON.stringify(report, null, 2)}\n`;
    const reportChanged = (await readFile(output.previous('report.json'), 'utf8').catch(() => undefined)) !== content;
    await writeOutputs(output.staging, [{name: 'report.json', content}]);
    const changed = [
      ...products.filter((id) => run.changed.has(id)),
      ...output.removed(products),
      ...(reportChanged ? ['report.json'] : []),
    ];
    await output.commit();
    return {report, changed, outDir};
  } catch (error) {
    await output.abandon();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool?.close();
  }
}
