import {join} from 'node:path';
import {diagnostic} from '../model/diagnostics.js';
import type {ManifestEdition} from '../model/manifest.js';
import {statusOf} from '../model/result.js';
import {sha256} from '../ingest/ingest-document.js';
import {readInput} from '../io/read-input.js';
import {asDiagnostic, failure, skipped, type BatchRun} from './batch-run.js';
import type {BatchItem} from './batch-types.js';

type DocumentItem = BatchItem & {cached: boolean};

/**
 * Read one manifest edition: check its sha256, take it from the cache or read it on the pool. The edition
 * is named by its path relative to the manifest and gets the manifest's title and plan year; its id is
 * derived from the file name, as `compare` and the library derive it.
 */
async function read(entry: ManifestEdition, run: BatchRun): Promise<DocumentItem> {
  const file = entry.file;
  const bytes = await readInput(join(run.root, entry.file), {maxBytes: run.maxBytes, name: file});
  const hash = sha256(bytes);
  if (hash !== entry.sha256) {
    const d = diagnostic('error', 'manifest-invalid', 'batch', `Expected sha256 \`${entry.sha256}\`, got \`${hash}\`: the file changed since the manifest was written`, {file});
    return {...failure(entry.id, 'document', d, file), cached: false};
  }
  const key = {
    sha256: hash,
    file,
    planYear: entry.planYear,
    ...(entry.title ? {title: entry.title} : {}),
    ...(entry.table !== undefined ? {table: entry.table} : {}),
    ...(entry.itemColumn !== undefined ? {itemColumn: entry.itemColumn} : {}),
    ...(entry.groupColumn !== undefined ? {groupColumn: entry.groupColumn} : {}),
    ...(run.vocabulary ? {vocabulary: run.vocabulary} : {}),
  };
  const {cache} = run;
  const hit = await cache?.getSummary(key);
  if (hit && cache) {
    const load = async () => {
      const edition = await cache.get(key);
      if (!edition) throw new Error(`Cannot read the cached extraction of ${file}: run again with --no-cache`);
      return edition;
    };
    run.editions.set(entry.id, {id: entry.id, sha256: hash, load});
    return {id: entry.id, kind: 'document', file, status: statusOf(hit.diagnostics), objectives: hit.objectives, diagnostics: hit.diagnostics, cached: true};
  }
  const failed = await cache?.getFailure(key);
  if (failed) return {id: entry.id, kind: 'document', file, status: 'failure', diagnostics: failed, cached: true};
  if (run.signal?.aborted) return {...skipped(entry.id, 'document', file), cached: false};
  const result = await run.pool().read(bytes, {...key, maxBytes: run.maxBytes});
  if (result.status === 'failure') {
    await cache?.setFailure(key, result.diagnostics);
    return {id: entry.id, kind: 'document', file, status: 'failure', diagnostics: result.diagnostics, cached: false};
  }
  const edition = result.value;
  run.editions.set(entry.id, {id: entry.id, sha256: hash, load: () => Promise.resolve(edition)});
  await cache?.set(key, edition);
  return {id: entry.id, kind: 'document', file, status: result.status, objectives: edition.objectives.length, diagnostics: result.diagnostics, cached: false};
}

/** Read one edition of the manifest as a batch item; never rejects, and reports an event. */
export async function readEditionEntry(entry: ManifestEdition, run: BatchRun): Promise<BatchItem> {
  const item = run.signal?.aborted
    ? {...skipped(entry.id, 'document', entry.file), cached: false}
    : await read(entry, run).catch((error: unknown) =>
        run.signal?.aborted ? {...skipped(entry.id, 'document', entry.file), cached: false} : {...failure(entry.id, 'document', asDiagnostic(error, entry.file), entry.file), cached: false},
      );
  run.emit({
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
}
