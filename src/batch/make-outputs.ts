import {readFile} from 'node:fs/promises';
import {join, relative, resolve, sep} from 'node:path';
import {loadReview} from '../io/load-review.js';
import {diagnostic} from '../model/diagnostics.js';
import type {Diagnostic} from '../model/diagnostic.js';
import type {OutputFile} from '../render/output-formats.js';
import {writeOutputs} from '../io/write-outputs.js';
import {asDiagnostic, failure, outputKey, pairKey, skipped, type BatchRun, type EditionRef} from './batch-run.js';
import type {BatchItem} from './batch-types.js';

/** Whether new files differ from what the old output folder held (content, or the set of names). */
async function differs(dir: string, files: readonly OutputFile[]): Promise<boolean> {
  for (const file of files) {
    const old = await readFile(join(dir, file.name)).catch(() => undefined);
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    if (!old?.equals(bytes)) return true;
  }
  return false;
}

/** comparison.html links objectives to their documents: the manifest's folder, relative to an output folder. */
function sourceBase(run: BatchRun, name: string): string {
  const up = relative(resolve(run.output.previous(name)), run.root).split(sep).join('/');
  return up ? `${up}/` : '';
}

/**
 * Make one product (a comparison or a series' lineage) into the staging folder: kept as it was when the
 * cache says its inputs and files are unchanged, else computed on the pool and written. Returns whether
 * its files changed, and the figures recorded with it.
 */
async function make(
  run: BatchRun,
  name: string,
  key: string,
  compute: () => Promise<{files: OutputFile[]; meta: Record<string, number>}>,
): Promise<{changed: boolean; meta: Record<string, number>}> {
  const current = await run.cache?.outputsCurrent(key, run.output.previous(name));
  if (current) {
    await run.output.keep(name);
    return {changed: false, meta: current};
  }
  const {files, meta} = await compute();
  if (run.signal?.aborted) throw new Error('interrupted');
  const dir = run.output.path(name);
  await writeOutputs(dir, files);
  await run.cache?.recordOutputs(key, dir, files, meta);
  run.output.done(name);
  const changed = await differs(run.output.previous(name), files);
  if (changed) run.changed.add(name);
  return {changed, meta};
}

/** One planned comparison as a batch item; never rejects, and reports an event. */
export async function makeComparison(plan: {id: string; previous: string; current: string}, run: BatchRun): Promise<BatchItem> {
  const previous = run.editions.get(plan.previous);
  const current = run.editions.get(plan.current);
  let item: BatchItem;
  let changed: boolean | undefined;
  if (run.signal?.aborted) item = skipped(plan.id, 'comparison');
  else if (!previous || !current) {
    const missing = !previous ? plan.previous : plan.current;
    item = failure(plan.id, 'comparison', diagnostic('error', 'internal-error', 'batch', `Cannot compare: edition \`${missing}\` could not be read`, {file: plan.id}));
  } else {
    try {
      const diagnostics: Diagnostic[] = [];
      if (previous.sha256 === current.sha256) {
        diagnostics.push(diagnostic('info', 'inputs-identical', 'batch', `\`${plan.previous}\` and \`${plan.current}\` have the same bytes: every objective is kept unchanged`, {file: plan.id}));
      }
      // A review file named by the manifest's comparison entry (relative to the manifest's folder).
      const reviewPath = (run.manifest.comparisons ?? []).find((c) => (c.id ?? `${c.previous}-vs-${c.current}`) === plan.id)?.review;
      const review = reviewPath === undefined ? undefined : await loadReview(join(run.root, reviewPath), reviewPath);
      const key = outputKey(run, {kind: 'comparison', id: plan.id, editions: [previous.sha256, current.sha256, plan.previous, plan.current, review?.sha256 ?? '']});
      ({changed} = await make(run, plan.id, key, async () => {
        const [before, after] = await Promise.all([previous.load(), current.load()]);
        const made = await run.pool().compare(before, after, run.aliases, run.version, run.formats, {
          ...(review ? {review} : {}),
          csvBom: run.csvBom,
          html: {sourceBase: sourceBase(run, plan.id)},
        });
        diagnostics.push(...made.diagnostics);
        if (made.matched) run.matched.set(pairKey(plan.previous, plan.current), made.matched);
        return {files: made.files, meta: {}};
      }));
      const series = run.manifest.editions.find((e) => e.id === plan.current)?.series;
      item = {id: plan.id, kind: 'comparison', ...(series ? {series} : {}), status: 'success', diagnostics};
    } catch (error) {
      item = run.signal?.aborted ? skipped(plan.id, 'comparison') : failure(plan.id, 'comparison', asDiagnostic(error, plan.id));
    }
  }
  run.emit({event: 'comparison', id: plan.id, status: item.status, ...(changed === undefined ? {} : {changed})});
  return item;
}

/**
 * A series' lineage as a batch item (undefined when fewer than two of its editions were read). Editions
 * go in plan-year order; lineage ids are anchored in manifest order (see {@link buildLineage}).
 */
export async function makeLineage(series: string, members: readonly EditionRef[], registered: readonly string[], run: BatchRun): Promise<BatchItem> {
  let item: BatchItem;
  let lineages: number | undefined;
  let changed: boolean | undefined;
  if (run.signal?.aborted) item = skipped(series, 'lineage');
  else {
    try {
      const key = outputKey(run, {kind: 'lineage', id: series, editions: [...members.flatMap((m) => [m.sha256, m.id]), '|', ...registered]});
      const made = await make(run, series, key, async () => {
        const editions = await Promise.all(members.map((m) => m.load()));
        const order = registered.map((id) => members.findIndex((m) => m.id === id)).filter((k) => k >= 0);
        const html = run.formats.includes('html') ? {sourceBase: sourceBase(run, series)} : undefined;
        // Consecutive pairs that a comparison of this run matched already (same editions and aliases, no review file).
        const matched = members.map((m, k) => (k ? run.matched.get(pairKey(members[k - 1]!.id, m.id)) : undefined));
        const {files, lineages: count} = await run.pool().lineage(series, editions, run.aliases, order, matched, html);
        return {files, meta: {lineages: count}};
      });
      ({changed} = made);
      lineages = made.meta['lineages'];
      for (let k = 1; k < members.length; k++) run.matched.delete(pairKey(members[k - 1]!.id, members[k]!.id));
      item = {id: series, kind: 'lineage', series, status: 'success', diagnostics: []};
    } catch (error) {
      item = run.signal?.aborted ? skipped(series, 'lineage') : failure(series, 'lineage', asDiagnostic(error, series));
    }
  }
  run.emit({event: 'lineage', series, status: item.status, ...(lineages === undefined ? {} : {lineages}), ...(changed === undefined ? {} : {changed})});
  return item;
}
