#!/usr/bin/env node
import {Command, CommanderError, InvalidArgumentError, Option} from 'commander';
import {relative, resolve, sep} from 'node:path';
import {DiagnosticError} from '../model/diagnostics.js';
import {DEFAULT_MAX_BYTES} from '../ingest/limits.js';
import {DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat} from '../render/output-formats.js';
import type {readEdition} from '../pipeline.js';
import {packageVersion} from './package-root.js';
import {readInput} from './read-input.js';
import {registerReviewCommands} from './commands/review.js';

// Stages are imported inside each command, so that a command loads only what it uses: `ingest` of a
// PDF starts without the Markdown, HTML, matching and rendering code (and without zod).

/** Exit codes, like diff(1). */
export const EXIT = {ok: 0, differs: 1, error: 2, batchFailures: 3} as const;

function formats(value: string): OutputFormat[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of list) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`Expected formats from \`${OUTPUT_FORMATS.join(',')}\`, got \`${f}\``);
  }
  return [...new Set(list)] as OutputFormat[];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`Expected a positive whole number, got \`${value}\``);
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface Common {
  maxBytes: number;
  threads?: number;
  aliases: string[];
  debug?: boolean;
}

async function readOne(path: string, options: Common, editionId?: string): Promise<Awaited<ReturnType<typeof readEdition>>> {
  const {bytes, file} = await readInput(path, options.maxBytes);
  const {readEdition} = await import('../pipeline.js');
  const result = await readEdition(bytes, {
    file,
    maxBytes: options.maxBytes,
    ...(editionId ? {editionId} : {}),
    ...(options.threads ? {threads: options.threads} : {}),
  });
  if (result.status === 'failure') {
    const d = result.diagnostics.find((x) => x.severity === 'error') ?? result.diagnostics[0]!;
    throw new DiagnosticError(d);
  }
  return result;
}

/** Build the command-line program. `io` lets tests capture output. */
/** Where the CLI writes. `stdout` returns false when the stream wants a pause; `drain` waits for it. */
export interface CliIo {
  /** Whether stdout is a terminal (progress bars) or not (NDJSON logs). */
  isTTY?: boolean;
  stdout: (s: string) => boolean;
  stderr: (s: string) => void;
  drain: () => Promise<void>;
}

const processIo: CliIo = {
  isTTY: process.stdout.isTTY === true,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  drain: () => new Promise((resolve) => process.stdout.once('drain', () => resolve())),
};

export function buildProgram(io: CliIo & {setExit: (code: number) => void}): Command {
  const program = new Command('guidance-diff');
  program
    .description('Compare editions of policy guidance: which objectives were kept, which are new, which were dropped, and what changed.')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'print stack traces for errors')
    .addOption(new Option('--max-bytes <n>', 'refuse documents larger than this').argParser(positiveInt).default(DEFAULT_MAX_BYTES))
    .option('--aliases <file>', 'extra aliases file (repeatable), added to data/aliases.json', collect, [] as string[])
    .addOption(new Option('--threads <n>', 'worker threads for reading large PDFs (default: number of CPUs)').argParser(positiveInt).env('GUIDANCE_DIFF_THREADS'))
    .configureOutput({writeOut: (s) => void io.stdout(s), writeErr: io.stderr})
    .exitOverride()
    .showHelpAfterError(false);

  const globals = (): Common => program.opts<Common>();

  program
    .command('compare')
    .description('compare two editions and write comparison.md, .json and .csv')
    .argument('<previous>', 'the earlier edition (PDF, HTML, Markdown or text)')
    .argument('<current>', 'the later edition')
    .option('-o, --out <dir>', 'output directory', 'output')
    .addOption(new Option('-f, --format <list>', `output formats, comma-separated, from ${OUTPUT_FORMATS.join(',')}`).argParser(formats).default([...DEFAULT_FORMATS], DEFAULT_FORMATS.join(',')))
    .option('--exit-code', 'exit 1 when the output differs from what is already in --out, 0 when identical')
    .option('--review <file>', 'apply a review file (corrections and commentary; see `review init`)')
    .option('--csv-bom', 'start comparison.csv with a UTF-8 byte order mark, for Excel')
    .action(async (previousPath: string, currentPath: string, options: {out: string; format: OutputFormat[]; exitCode?: boolean; review?: string; csvBom?: boolean}) => {
      const common = globals();
      const [{loadAliases}, {compareEditions}, {renderFiles}, {writeOutputs}] = await Promise.all([
        import('./load-aliases.js'),
        import('../pipeline.js'),
        import('../render/render-files.js'),
        import('./write-output.js'),
      ]);
      const aliases = await loadAliases(common.aliases.map((a) => resolve(a)));
      // Both read at once; once both have settled, Promise.all rejects with the previous edition's error first.
      const reads = [readOne(previousPath, common), readOne(currentPath, common)] as const;
      await Promise.allSettled(reads);
      const [previous, current] = await Promise.all(reads);
      const review = options.review ? await (await import('./commands/review.js')).loadReview(options.review) : undefined;
      const comparison = compareEditions(previous.value!, current.value!, {aliases, version: packageVersion(), ...(review ? {review} : {})});
      // comparison.html links each objective to its document: paths relative to the output folder.
      const up = relative(resolve(options.out), process.cwd()).split(sep).join('/');
      const files = await renderFiles(comparison, options.format, {csvBom: options.csvBom === true, html: {sourceBase: up ? `${up}/` : ''}});
      const changed = await writeOutputs(options.out, files);
      if (comparison.review) {
        const r = comparison.review;
        for (const d of comparison.diagnostics.filter((x) => x.stage === 'review' && x.severity !== 'info')) io.stderr(`guidance-diff: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}\n`);
        io.stderr(`guidance-diff: review ${r.file}: ${r.applied} of ${r.entries} entries applied (${r.reanchored} re-anchored), ${r.stale.length} stale\n`);
      }
      const {kept, new: added, dropped, changed: withChanges} = comparison.summary;
      io.stderr(`guidance-diff: ${comparison.rows.length} rows (kept ${kept}, ${withChanges} changed; new ${added}; dropped ${dropped}) → ${options.out}\n`);
      if (options.exitCode && changed.length) io.setExit(EXIT.differs);
    });

  program
    .command('extract')
    .description('print the objectives extracted from one document')
    .argument('<file>', 'a guidance document')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'md', 'csv']).default('json'))
    .action(async (path: string, options: {format: 'json' | 'md' | 'csv'}) => {
      const result = await readOne(path, globals());
      const {renderEdition} = await import('../render/render-edition.js');
      io.stdout(renderEdition(result.value!, options.format));
    });

  program
    .command('ingest')
    .description('print what ingestion read: format, encoding, repairs, blocks with provenance, diagnostics')
    .argument('<file>', 'a document')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
    .action(async (path: string, options: {format: 'json' | 'text'}) => {
      const common = globals();
      const {bytes, file} = await readInput(path, common.maxBytes);
      const {ingestDocument} = await import('../ingest/ingest-document.js');
      const result = await ingestDocument(bytes, {file, maxBytes: common.maxBytes, ...(common.threads ? {threads: common.threads} : {})});
      if (result.status === 'failure') throw new DiagnosticError(result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0]!);
      if (options.format === 'json') {
        const {writeJsonStream} = await import('./write-json-stream.js');
        await writeJsonStream(result.value, io.stdout, io.drain);
      }
      else io.stdout((await import('../render/render-source.js')).renderSourceText(result.value));
    });

  const batch = async (
    manifestPath: string,
    options: {out: string; concurrency?: number; format: OutputFormat[]; cache: boolean; cacheDir: string; json?: boolean; csvBom?: boolean},
  ): Promise<void> => {
    const common = globals();
    const [{loadManifest}, {runBatch}, {loadAliases}, {batchReporter}] = await Promise.all([
      import('../batch/load-manifest.js'),
      import('../batch/run-batch.js'),
      import('./load-aliases.js'),
      import('./batch-reporter.js'),
    ]);
    const manifest = await loadManifest(manifestPath);
    const aliases = await loadAliases(common.aliases.map((a) => resolve(a)));
    // NDJSON events on stdout for scheduled jobs (asked for, or stdout is not a terminal); a progress bar otherwise.
    const reporter = batchReporter(io, options.json === true || !io.isTTY);
    try {
      const report = await runBatch(manifest, {
        manifestPath,
        outDir: options.out,
        aliases,
        version: packageVersion(),
        maxBytes: common.maxBytes,
        formats: options.format,
        csvBom: options.csvBom === true,
        onEvent: reporter.onEvent,
        ...(options.cache ? {cacheDir: options.cacheDir} : {}),
        ...(options.concurrency ? {concurrency: options.concurrency} : {}),
      });
      reporter.done(report);
      const {summary} = report;
      io.stderr(
        `guidance-diff: ${summary.documents} documents, ${summary.comparisons} comparisons, ${summary.lineages} lineages: ${summary.success} succeeded, ${summary.partial} partial, ${summary.failure} failed → ${options.out}\n`,
      );
      for (const item of report.items.filter((i) => i.status === 'failure')) {
        const d = item.diagnostics.find((x) => x.severity === 'error');
        io.stderr(`guidance-diff: ${d?.file ?? item.id}: ${d?.message ?? 'failed'}\n`);
      }
      if (summary.failure > 0) io.setExit(EXIT.batchFailures);
    } finally {
      reporter.stop();
    }
  };

  program
    .command('batch', {isDefault: true})
    .description('run every comparison in a manifest (the default command)')
    .argument('[manifest]', 'the manifest', 'sources/manifest.json')
    .option('-o, --out <dir>', 'output directory', 'output')
    .option('-j, --concurrency <n>', 'documents read at once, each on a worker thread (default: number of CPUs)', positiveInt)
    .option('--no-cache', 'parse every document again, ignoring cached extractions')
    .option('--cache-dir <dir>', 'where extracted editions are cached', '.cache/guidance-diff')
    .option('--json', 'log NDJSON events on stdout (the default when stdout is not a terminal)')
    .addOption(new Option('-f, --format <list>', `output formats, comma-separated, from ${OUTPUT_FORMATS.join(',')}`).argParser(formats).default([...DEFAULT_FORMATS], DEFAULT_FORMATS.join(',')))
    .option('--csv-bom', 'start comparison.csv with a UTF-8 byte order mark, for Excel')
    .action(batch);

  registerReviewCommands(program, io);

  return program;
}

/** Run the CLI; resolves to the exit code. Errors print one line on stderr naming the file and reason. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exit: number = EXIT.ok;
  const program = buildProgram({...io, setExit: (code) => (exit = code)});
  try {
    await program.parseAsync([...argv], {from: 'user'});
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
      return EXIT.error;
    }
    const debug = argv.includes('--debug');
    if (error instanceof DiagnosticError) {
      io.stderr(`guidance-diff: ${error.diagnostic.file}: ${error.diagnostic.message}\n`);
      if (debug && error.cause) io.stderr(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    } else {
      io.stderr(`guidance-diff: ${(error as Error)?.message ?? String(error)}\n`);
      if (debug) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    }
    return EXIT.error;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
