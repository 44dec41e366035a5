import {findingLines} from '../read-document.js';
import {Option, type Command} from 'commander';
import {DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat} from '../../render/output-formats.js';
import {line, say, UsageError, type CliContext} from '../context.js';
import {EXIT, EXIT_HELP} from '../exit-codes.js';
import {formats, positiveInt} from '../option-parsers.js';

interface BatchFlags {
  out: string;
  concurrency?: number;
  format: OutputFormat[];
  csvBom?: boolean;
  cache: boolean;
  cacheDir: string;
  json?: boolean;
  exitCode?: boolean;
}

const HELP = `
The output folder switches from old to new in one step when the batch ends, so a reader never sees a
mix; on SIGINT or SIGTERM work in flight ends, unfinished comparisons keep their earlier files, and
report.json says "interrupted": true.

Examples:
  $ guidance-diff                                     # = batch sources/manifest.json --out output
  $ guidance-diff batch archive/manifest.json --out site-data -j 2
  $ guidance-diff batch --exit-code; [ $? -eq 1 ] && guidance-diff publish   # publish when something changed
${EXIT_HELP}`;

/** `guidance-diff batch [manifest]`: every comparison and lineage of a manifest. */
export function registerBatch(program: Command, context: CliContext): void {
  program
    .command('batch')
    .description('run every comparison and lineage in a manifest (the default command)')
    .argument('[manifest]', 'the manifest', 'sources/manifest.json')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-j, --concurrency <n>', 'documents read at once, each on a worker thread (default: number of CPUs)', positiveInt)
    .option('--no-cache', 'parse every document again, ignoring cached extractions')
    .option('--cache-dir <dir>', 'where extracted editions are cached', '.cache/guidance-diff')
    .option('--json', 'log NDJSON events on stdout (the default when stdout is not a terminal)')
    .option('--exit-code', 'exit 1 when any output changed (comparisons, lineages, report.json), 0 when none did')
    .addOption(new Option('-f, --format <list>', `comparison formats, comma-separated, from ${OUTPUT_FORMATS.join(',')}`).argParser(formats).default([...DEFAULT_FORMATS], DEFAULT_FORMATS.join(',')))
    .option('--csv-bom', 'start comparison.csv with a UTF-8 byte order mark, for Excel')
    .addHelpText('after', HELP)
    .action(async (manifestPath: string, flags: BatchFlags) => context.guard(() => batch(manifestPath, flags, context)));
}

async function batch(manifestPath: string, flags: BatchFlags, context: CliContext): Promise<void> {
  if (flags.out === '-') throw new UsageError('Cannot write a batch to stdout: give an output folder with --out DIR');
  const common = context.globals();
  const [{runBatch}, {loadAliases}, {batchReporter}, {resolve}] = await Promise.all([
    import('../../batch/run-batch.js'),
    import('../../io/load-aliases.js'),
    import('../batch-reporter.js'),
    import('node:path'),
  ]);
  const aliases = await loadAliases(common.aliases.map((a) => resolve(a)));
  const vocabulary = await (await import('../../io/load-vocabulary.js')).loadVocabulary(common.vocabulary.map((v) => resolve(v)));
  // NDJSON events on stdout for scheduled jobs (asked for, or stdout is not a terminal); a progress bar otherwise.
  const reporter = batchReporter(context, flags.json === true || !context.io.isTTY);
  let result;
  try {
    result = await runBatch(manifestPath, {
      outDir: flags.out,
      aliases,
      maxBytes: common.maxBytes,
      formats: flags.format,
      csvBom: flags.csvBom === true,
      ...(vocabulary ? {vocabulary} : {}),
      onEvent: reporter.onEvent,
      signal: context.signal,
      cacheDir: flags.cache ? flags.cacheDir : false,
      ...(flags.concurrency ? {concurrency: flags.concurrency} : {}),
    });
  } finally {
    // The bar is cleared before the summary is printed, so the summary stays on screen.
    reporter.stop();
  }
  const {report, changed} = result;
  reporter.done(result);
  const {summary} = report;
  const counts = `${summary.documents} documents, ${summary.comparisons} comparisons, ${summary.lineages} lineages: ${summary.success} succeeded, ${summary.partial} partial, ${summary.failure} failed`;
  const skipped = summary.skipped ? `, ${summary.skipped} not done` : '';
  const what = changed.length ? `${changed.length} changed` : 'nothing changed';
  say(context, `${report.interrupted ? 'interrupted: ' : ''}${counts}${skipped} → ${flags.out} (${what})`, report.interrupted ? 'warning' : summary.failure ? 'warning' : undefined);
  for (const item of report.items) {
    if (item.status === 'failure') {
      const d = item.diagnostics.find((x) => x.severity === 'error');
      line(context, `${d?.file ?? item.id}: ${d?.message ?? 'failed'}`, 'error');
    }
    for (const d of item.diagnostics.filter((x) => x.code === 'inputs-identical')) say(context, `${item.id}: ${d.message}`, 'note');
    // A partial result: one line per warning, so that a wrong reading is never silent.
    if (item.status === 'partial' && !common.quiet) for (const line of findingLines(item.diagnostics.filter((x) => x.severity !== 'info'))) context.io.stderr(`${line}\n`);
  }
  if (report.interrupted) context.setExit(context.signal.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted);
  else if (summary.failure > 0) context.setExit(EXIT.batchFailures);
  else if (common.strict && summary.partial > 0) {
    line(context, `${summary.partial} partial result(s) and --strict: see report.json`, 'error');
    context.setExit(EXIT.error);
  }
  else if (flags.exitCode && changed.length) context.setExit(EXIT.differs);
}
