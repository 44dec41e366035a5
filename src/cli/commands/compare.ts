import {Option, type Command} from 'commander';
import {DEFAULT_FORMATS, type OutputFormat} from '../../render/output-formats.js';
import {EXIT, EXIT_HELP} from '../exit-codes.js';
import {say, UsageError, type CliContext} from '../context.js';
import {formats} from '../option-parsers.js';
import {readDocument, reportPartial} from '../read-document.js';
import {writeStdout} from '../write-stdout.js';

interface CompareFlags {
  out?: string;
  format?: OutputFormat[];
  exitCode?: boolean;
  manifest?: string;
  review?: string;
  csvBom?: boolean;
}

const HELP = `
Documents are named as a batch names them: by their path relative to a manifest.json (in their folder
or above, or --manifest) that lists them with the same sha256, else by their file name. The output is
the same from any working directory.

Examples:
  $ guidance-diff compare 2023-24.pdf 2024-25.pdf               # comparison.md on stdout
  $ guidance-diff compare 2023-24.pdf 2024-25.pdf -f csv > table.csv
  $ guidance-diff compare 2023-24.pdf 2024-25.pdf --out cmp --exit-code || echo changed
${EXIT_HELP}`;

/** `guidance-diff compare <previous> <current>`: one comparison, to stdout or a folder. */
export function registerCompare(program: Command, context: CliContext): void {
  program
    .command('compare')
    .description('compare two editions: comparison.md on stdout, or comparison.md, .json and .csv in --out')
    .argument('<previous>', 'the earlier edition (PDF, HTML, Markdown or text)')
    .argument('<current>', 'the later edition')
    .option('-o, --out <dir>', 'write the files into this folder (`-` or none: stdout, one format)')
    .addOption(new Option('-f, --format <list>', 'output formats, comma-separated (default: md,json,csv with --out, md on stdout)').argParser(formats))
    .option('--exit-code', 'with --out: exit 1 when the output differs from what is already there, 0 when identical')
    .option('--manifest <file>', 'the manifest that names the documents (default: a manifest.json beside or above them)')
    .option('--review <file>', 'apply a review file (corrections and commentary; see `review init`)')
    .option('--csv-bom', 'start comparison.csv with a UTF-8 byte order mark, for Excel')
    .addHelpText('after', HELP)
    .action(async (previousPath: string, currentPath: string, flags: CompareFlags) => compare(previousPath, currentPath, flags, context));
}

async function compare(previousPath: string, currentPath: string, flags: CompareFlags, context: CliContext): Promise<void> {
  const toStdout = flags.out === undefined || flags.out === '-';
  const chosen = flags.format ?? (toStdout ? ['md' as const] : [...DEFAULT_FORMATS]);
  if (toStdout && chosen.length > 1) throw new UsageError(`Cannot print ${chosen.length} formats on stdout: give one with --format, or a folder with --out`);
  if (toStdout && flags.exitCode) throw new UsageError('Cannot compare with earlier output on stdout: --exit-code needs --out DIR');
  const common = context.globals();
  const [{loadAliases}, {compareEditions}, {renderFiles}, {writeOutputs}, {dirname, relative, resolve, sep}] = await Promise.all([
    import('../../io/load-aliases.js'),
    import('../../pipeline.js'),
    import('../../render/render-files.js'),
    import('../../io/write-outputs.js'),
    import('node:path'),
  ]);
  const aliases = await loadAliases(common.aliases.map((a) => resolve(a)));
  // Both read at once; once both have settled, Promise.all rejects with the previous edition's error first.
  const reads = [readDocument(previousPath, context, flags.manifest), readDocument(currentPath, context, flags.manifest)] as const;
  await Promise.allSettled(reads);
  const [previous, current] = await Promise.all(reads);
  if (previous.sha256 === current.sha256) say(context, `${previousPath} and ${currentPath} are identical (same sha256): every objective is kept unchanged`, 'note');
  const review = flags.review ? await (await import('../../io/load-review.js')).loadReview(flags.review) : undefined;
  const comparison = compareEditions(previous.edition, current.edition, {aliases, ...(review ? {review} : {})});
  // comparison.html links each objective to its document: from the output folder to the folder the
  // documents are named from (their manifest's, else their own), whatever the working directory.
  const absolute = resolve(previousPath).split(sep).join('/');
  const root = absolute.endsWith(`/${previous.name}`) ? absolute.slice(0, absolute.length - previous.name.length) : dirname(absolute);
  const up = toStdout ? '' : relative(resolve(flags.out!), root).split(sep).join('/');
  const files = await renderFiles(comparison, chosen, {csvBom: flags.csvBom === true, html: {sourceBase: up ? `${up}/` : ''}});
  // The comparison's own checks (the editions' were reported as they were read): item counts, weak pairings.
  reportPartial(context, comparison.diagnostics.filter((d) => d.stage === 'match' || d.stage === 'diff'), currentPath);
  if (comparison.review) {
    const r = comparison.review;
    for (const d of comparison.diagnostics.filter((x) => x.stage === 'review' && x.severity !== 'info')) context.io.stderr(`guidance-diff: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}\n`);
    say(context, `review ${r.file}: ${r.applied} of ${r.entries} entries applied (${r.reanchored} re-anchored), ${r.stale.length} stale`);
  }
  if (toStdout) {
    const content = files[0]!.content;
    if (typeof content !== 'string') throw new UsageError(`Cannot print ${chosen[0]} on stdout: it is a binary file; give a folder with --out`);
    await writeStdout(context, content);
    return;
  }
  const changed = await context.guard(() => writeOutputs(flags.out!, files));
  const {kept, new: added, dropped, changed: withChanges} = comparison.summary;
  say(context, `${comparison.rows.length} rows (kept ${kept}, ${withChanges} changed; new ${added}; dropped ${dropped}) → ${flags.out}${changed.length ? '' : ' (unchanged)'}`);
  if (flags.exitCode && changed.length) context.setExit(EXIT.differs);
}
