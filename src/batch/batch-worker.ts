// Worker thread entry for batches: runs the CPU-heavy jobs the parent sends (read an edition, compare two,
// follow a series' lineage), one at a time, and posts each result back.
import {parentPort} from 'node:worker_threads';
import {preferInlineInflate} from '../ingest/pdf/load-pdfjs.js';
import type {Aliases} from '../model/aliases.js';
import type {Edition} from '../model/objective.js';
import {buildLineage, type MatchedPair} from '../lineage/build-lineage.js';
import {matchObjectives} from '../match/match-objectives.js';
import {compareMatchSet, readEdition, type ReadEditionOptions} from '../pipeline.js';
import {renderFiles} from '../render/render-files.js';
import {renderLineageFiles} from '../render/render-lineage.js';
import type {OutputFormat} from '../render/output-formats.js';
import type {ComparisonHtmlOptions} from '../render/render-html-comparison.js';
import type {LoadedReview} from '../review/parse-review.js';

/** What a comparison job may carry besides the editions: a review file and render options. */
export interface CompareExtra {
  readonly review?: LoadedReview;
  readonly csvBom?: boolean;
  readonly html?: ComparisonHtmlOptions;
}

/** A job for a batch worker. */
export type BatchJob =
  | {id: number; kind: 'read'; bytes: Uint8Array; options: ReadEditionOptions}
  | {id: number; kind: 'compare'; previous: Edition; current: Edition; aliases: Aliases; version: string; formats: OutputFormat[]; extra: CompareExtra}
  | {id: number; kind: 'lineage'; series: string; editions: Edition[]; aliases: Aliases; registered: number[]; matched: (MatchedPair | undefined)[]; html?: {sourceBase?: string}};

async function run(job: BatchJob): Promise<unknown> {
  switch (job.kind) {
    case 'read': {
      const {document: _document, ...result} = await readEdition(job.bytes, {...job.options, threads: 1});
      return result;
    }
    case 'compare': {
      const {review, csvBom, html} = job.extra;
      // compareEditions, in two steps: without a review file the match set is what the series' lineage
      // would compute for this pair, so it goes back too (its groups only: a few kB).
      const set = matchObjectives(job.previous, job.current, {aliases: job.aliases});
      const comparison = compareMatchSet(set, {aliases: job.aliases, version: job.version, ...(review ? {review} : {})});
      const files = await renderFiles(comparison, job.formats, {csvBom: csvBom === true, ...(html ? {html} : {})});
      const {previous: _previous, current: _current, ...matched} = set;
      return {files, diagnostics: comparison.diagnostics.filter((d) => d.stage === 'review' && d.severity !== 'info'), ...(review ? {} : {matched})};
    }
    case 'lineage': {
      const lineage = buildLineage(job.series, job.editions, {aliases: job.aliases, registered: job.registered, matched: job.matched});
      const files = renderLineageFiles(lineage, job.html ? {html: {...job.html, editions: job.editions}} : {});
      return {files, lineages: lineage.lineages.length};
    }
  }
}

// This thread runs only guidance-diff: pdf.js may inflate streams inline here.
preferInlineInflate();
const port = parentPort!;
port.on('message', (job: BatchJob) => {
  run(job)
    .then((result) => port.postMessage({id: job.id, result}))
    .catch((error: unknown) => port.postMessage({id: job.id, error: (error as Error)?.message ?? String(error)}));
});
