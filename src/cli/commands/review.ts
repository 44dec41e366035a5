import {Command, Option} from 'commander';
import {existsSync} from 'node:fs';
import {basename, dirname, join, relative, resolve, sep} from 'node:path';
import {diagnostic, DiagnosticError} from '../../model/diagnostics.js';
import type {Diagnostic} from '../../model/diagnostic.js';
import type {Edition} from '../../model/objective.js';
import {ReviewImportVocabulary} from '../../model/review.js';
import {packageRoot, packageVersion} from '../../io/package-root.js';
import {displayPath, readInput} from '../../io/read-input.js';
import {loadReview} from '../../io/load-review.js';
import {readJsonFile} from '../../io/read-json-file.js';
import type {CliContext} from '../context.js';

/** The shipped words for reading hand-made tables. */
export const DEFAULT_IMPORT_VOCABULARY = join(packageRoot, 'data', 'review-import.json');

/** Where the CLI writes; the subset of the program's io that review commands use. */
export interface ReviewIo {
  stdout: (s: string) => boolean;
  stderr: (s: string) => void;
  setExit: (code: number) => void;
}

interface Globals {
  maxBytes: number;
  threads?: number;
  aliases: string[];
}

/** One line per problem, on stderr, like the rest of the CLI: `file:line: severity: message`. */
function report(io: ReviewIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr(`guidance-diff: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}\n`);
}

interface Target {
  previous: Edition;
  current: Edition;
  /** The comparison id, when it came from a manifest. */
  id?: string;
  /** Where the review file goes by default. */
  reviewPath: string;
  /** The manifest entry's `review`, when it names one; and a hint otherwise. */
  named: boolean;
  hint?: string;
  /** Base for review file names in messages (the manifest's folder), and for the default `$schema`. */
  root: string;
}

async function readEditionFile(path: string, globals: Globals, extra: {editionId?: string; planYear?: string; title?: string; sha256?: string; file?: string}): Promise<Edition> {
  const bytes = await readInput(path, {maxBytes: globals.maxBytes});
  const file = displayPath(path);
  if (extra.sha256) {
    const {sha256} = await import('../../ingest/ingest-document.js');
    const hash = sha256(bytes);
    if (hash !== extra.sha256) {
      throw new DiagnosticError(
        diagnostic('error', 'manifest-invalid', 'cli', `Expected sha256 \`${extra.sha256}\`, got \`${hash}\`: the file changed since the manifest was written`, {file}),
      );
    }
  }
  const {readEdition} = await import('../../pipeline.js');
  const result = await readEdition(bytes, {
    file: extra.file ?? file,
    maxBytes: globals.maxBytes,
    ...(extra.editionId ? {editionId: extra.editionId} : {}),
    ...(extra.planYear ? {planYear: extra.planYear} : {}),
    ...(extra.title ? {title: extra.title} : {}),
    ...(globals.threads ? {threads: globals.threads} : {}),
  });
  if (result.status === 'failure') throw new DiagnosticError(result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0]!);
  return result.value;
}

/** `<comparison>` (an id in the manifest) or `<previous> <current>` (two documents) → the two editions. */
async function target(first: string, second: string | undefined, manifestPath: string, globals: Globals): Promise<Target> {
  if (second !== undefined) {
    const [previous, current] = await Promise.all([readEditionFile(first, globals, {}), readEditionFile(second, globals, {})]);
    return {previous, current, reviewPath: resolve('review.yaml'), named: false, root: process.cwd()};
  }
  const {loadManifest, plannedComparisons} = await import('../../batch/load-manifest.js');
  const manifest = await loadManifest(manifestPath);
  const root = dirname(resolve(manifestPath));
  const plan = plannedComparisons(manifest).find((p) => p.id === first);
  if (!plan) {
    const ids = plannedComparisons(manifest).map((p) => `\`${p.id}\``);
    throw new DiagnosticError(
      diagnostic('error', 'manifest-invalid', 'cli', `Cannot find comparison \`${first}\` in the manifest; it has ${ids.join(', ') || 'none'}. Or give two documents.`, {
        file: displayPath(manifestPath),
      }),
    );
  }
  const entryIndex = (manifest.comparisons ?? []).findIndex((c) => (c.id ?? `${c.previous}-vs-${c.current}`) === plan.id);
  const named = entryIndex >= 0 ? manifest.comparisons![entryIndex]!.review : undefined;
  const edition = async (id: string): Promise<Edition> => {
    const e = manifest.editions.find((x) => x.id === id)!;
    return readEditionFile(join(root, e.file), globals, {editionId: e.id, planYear: e.planYear, sha256: e.sha256, file: e.file, ...(e.title ? {title: e.title} : {})});
  };
  const [previous, current] = await Promise.all([edition(plan.previous), edition(plan.current)]);
  const reviewFile = named ?? `reviews/${plan.id}.yaml`;
  const t: Target = {previous, current, id: plan.id, reviewPath: join(root, reviewFile), named: named !== undefined, root};
  if (!named) {
    t.hint =
      entryIndex >= 0
        ? `add "review": "${reviewFile}" to comparisons[${entryIndex}] in ${displayPath(manifestPath)} so that the batch applies it`
        : `list the comparison in ${displayPath(manifestPath)} with "review": "${reviewFile}" so that the batch applies it`;
  }
  return t;
}

async function writeReview(path: string, text: string, force: boolean): Promise<void> {
  if (!force && existsSync(path)) {
    throw new DiagnosticError(
      diagnostic('error', 'output-unwritable', 'cli', 'Cannot write review file: it exists (a reviewer\'s work is never overwritten; pass --force to replace it)', {file: displayPath(path)}),
    );
  }
  const {writeOutputs} = await import('../../io/write-outputs.js');
  await writeOutputs(dirname(path), [{name: basename(path), content: text}]);
}

function schemaPath(reviewPath: string): string {
  return relative(dirname(reviewPath), join(packageRoot, 'schemas', 'review.schema.json')).split(sep).join('/');
}

interface FileOptions {
  manifest: string;
  out?: string;
  force?: boolean;
}

/**
 * Register `review init`, `review import` and `review check` on the program. `io` is where they write;
 * global options (`--max-bytes`, `--threads`, `--aliases`) are read from the program.
 *
 * @example
 * registerReviewCommands(program, io);
 */
export function registerReviewCommands(program: Command, io: ReviewIo): void {
  const globals = (): Globals => program.opts<Globals>();
  const review = program
    .command('review')
    .description('keep a reviewer\'s corrections and commentary for a comparison in a review file that every regeneration applies');
  const common = (command: Command): Command =>
    command
      .option('--manifest <file>', 'the manifest that lists <comparison>', 'sources/manifest.json')
      .option('-o, --out <file>', 'the review file to write (default: the manifest entry\'s "review", else reviews/<comparison>.yaml beside the manifest)')
      .option('--force', 'replace an existing review file');

  common(
    review
      .command('init')
      .description('write a starting review file: one entry per row, anchored to its objectives, with the machine\'s reading in a comment')
      .argument('<comparison>', 'a comparison id from the manifest, or the previous document (then give the current one too)')
      .argument('[current]', 'the current document, when <comparison> is the previous document'),
  ).action(async (first: string, second: string | undefined, options: FileOptions) => {
    const g = globals();
    const t = await target(first, second, options.manifest, g);
    const [{loadAliases}, {compareEditions}, {makeReview}, {stringifyReview}] = await Promise.all([
      import('../../io/load-aliases.js'),
      import('../../pipeline.js'),
      import('../../review/make-review.js'),
      import('../../review/stringify-review.js'),
    ]);
    const aliases = await loadAliases(g.aliases.map((a) => resolve(a)));
    const comparison = compareEditions(t.previous, t.current, {aliases, version: packageVersion()});
    const made = makeReview(comparison, {previous: t.previous, current: t.current, ...(t.id ? {comparison: t.id} : {})});
    const path = options.out ? resolve(options.out) : t.reviewPath;
    await writeReview(path, stringifyReview(made.review, {schema: schemaPath(path), entryComments: made.comments}), options.force === true);
    io.stderr(`guidance-diff: review init: ${made.review.entries.length} entries (one per row, no correction yet) → ${displayPath(path)}\n`);
    if (t.hint && !options.out) io.stderr(`guidance-diff: next: ${t.hint}\n`);
  });

  common(
    review
      .command('import')
      .description('turn a hand-made comparison table (Markdown, text, HTML, PDF or CSV) into review entries anchored to the editions; rows it cannot anchor are reported')
      .argument('<table>', 'the hand-made table')
      .argument('<comparison>', 'a comparison id from the manifest, or the previous document (then give the current one too)')
      .argument('[current]', 'the current document, when <comparison> is the previous document')
      .option('--vocabulary <file>', 'column, status and "no objective" words', DEFAULT_IMPORT_VOCABULARY)
      .addOption(
        new Option('--table-format <format>', 'how to read <table>: csv, tsv (tab-separated lines), or document (any format ingest reads); default: csv by the .csv extension, tsv when most lines hold tabs, else document').choices(['csv', 'tsv', 'document']),
      ),
  ).action(async (tablePath: string, first: string, second: string | undefined, options: FileOptions & {vocabulary: string; tableFormat?: 'csv' | 'tsv' | 'document'}) => {
    const g = globals();
    const vocabulary = await readJsonFile(options.vocabulary, ReviewImportVocabulary, {code: 'review-invalid', what: 'import vocabulary'});
    const t = await target(first, second, options.manifest, g);
    const bytes = await readInput(tablePath, {maxBytes: g.maxBytes});
    const file = displayPath(tablePath);
    const [{importTable}, {csvRows, isTabSeparated, tableRows, tsvRows}, {stringifyReview}] = await Promise.all([
      import('../../review/import-table.js'),
      import('../../review/table-rows.js'),
      import('../../review/stringify-review.js'),
    ]);
    // CSV and tab-separated text are read line by line as written; other documents through ingest.
    const {decodeText} = await import('../../ingest/decode/decode-text.js');
    const format = options.tableFormat ?? (/\.csv$/i.test(tablePath) ? 'csv' : undefined);
    const text = format === 'document' ? '' : decodeText(bytes).text;
    let tables: ReturnType<typeof tableRows>;
    if (format === 'csv') {
      try {
        tables = [csvRows(text)];
      } catch (error) {
        throw new DiagnosticError(diagnostic('error', 'parse-failed', 'review', `Cannot read table: ${(error as Error).message}`, {file}), {cause: error});
      }
    } else if (format === 'tsv' || (format === undefined && !text.startsWith('%PDF') && !/<table\b/i.test(text) && isTabSeparated(text))) {
      tables = [tsvRows(text)];
    } else {
      const {ingestDocument} = await import('../../ingest/ingest-document.js');
      const ingested = await ingestDocument(bytes, {file, maxBytes: g.maxBytes, ...(g.threads ? {threads: g.threads} : {})});
      if (ingested.status === 'failure') throw new DiagnosticError(ingested.diagnostics.find((d) => d.severity === 'error') ?? ingested.diagnostics[0]!);
      tables = tableRows(ingested.value);
    }
    const results = tables.map((rows) => importTable(rows, {file, previous: t.previous, current: t.current, vocabulary, ...(t.id ? {comparison: t.id} : {})}));
    const best = results
      .flatMap((r) => (r.status === 'success' ? [r] : []))
      .toSorted((a, b) => b.report.rows - a.report.rows)[0];
    if (!best) {
      throw new DiagnosticError(
        results[0]?.diagnostics[0] ?? diagnostic('error', 'table-not-found', 'review', 'Cannot import table: the document has no table', {file}),
      );
    }
    const path = options.out ? resolve(options.out) : t.reviewPath;
    await writeReview(path, stringifyReview(best.value, {schema: schemaPath(path)}), options.force === true);
    report(io, best.diagnostics.filter((d) => d.severity !== 'info'));
    const {rows, entries, manual, unanchored} = best.report;
    io.stderr(
      `guidance-diff: review import: ${rows} rows → ${entries} entries and ${manual} manual rows; ${unanchored.length} ${unanchored.length === 1 ? 'text' : 'texts'} could not be anchored → ${displayPath(path)}\n`,
    );
    if (t.hint && !options.out) io.stderr(`guidance-diff: next: ${t.hint}\n`);
  });

  review
    .command('check')
    .description('say, entry by entry, whether a review file still applies to a comparison: applied, found again after a rewording, or stale')
    .argument('<comparison>', 'a comparison id from the manifest, or the previous document (then give the current one too)')
    .argument('[current]', 'the current document, when <comparison> is the previous document')
    .option('--manifest <file>', 'the manifest that lists <comparison>', 'sources/manifest.json')
    .option('--review <file>', 'the review file (default: the manifest entry\'s "review")')
    .option('--strict', 'exit 1 when an entry is stale')
    .action(async (first: string, second: string | undefined, options: {manifest: string; review?: string; strict?: boolean}) => {
      const g = globals();
      const t = await target(first, second, options.manifest, g);
      const path = options.review ? resolve(options.review) : t.reviewPath;
      if (!options.review && !t.named) {
        throw new DiagnosticError(diagnostic('error', 'file-not-found', 'cli', 'Cannot check: the manifest entry names no review file; pass --review FILE', {file: displayPath(options.manifest)}));
      }
      const loaded = await loadReview(path, options.review ? displayPath(path) : relative(t.root, path).split(sep).join('/'));
      const {resolveReview} = await import('../../review/resolve-review.js');
      const resolved = resolveReview(loaded, t.previous, t.current);
      const staleBy = new Map<string, string[]>();
      for (const s of resolved.stale) staleBy.set(s.entry, [...(staleBy.get(s.entry) ?? []), `${s.side} "${s.text.slice(0, 60)}": ${s.reason}`]);
      const lines: string[] = [];
      const all = [
        ...loaded.review.entries.map((e, k) => ({label: e.label ?? `entry ${k + 1}`, line: loaded.lines.entries[k]})),
        ...loaded.review.manual.map((m, k) => ({label: m.label ?? `manual ${k + 1}`, line: loaded.lines.manual[k]})),
      ];
      let applied = 0;
      let reanchored = 0;
      for (const {label, line} of all) {
        const problems = staleBy.get(label);
        const entry = resolved.entries.find((e) => e.label === label);
        const state = problems ? (resolved.manual.some((m) => m.label === label) ? 'placed at its area\'s end' : 'stale') : entry?.reanchored ? 're-anchored' : 'applied';
        if (state !== 'stale') applied++;
        if (state === 're-anchored') reanchored++;
        lines.push(`${label}\t${line ?? ''}\t${state}${problems ? `\t${problems.join('; ')}` : ''}`);
      }
      for (const d of resolved.diagnostics.filter((x) => x.code === 'review-reanchored')) lines.push(`  ${d.message}`);
      io.stdout(`${lines.join('\n')}\n`);
      const stale = all.length - applied;
      io.stderr(`guidance-diff: review check: ${all.length} entries: ${applied} apply (${reanchored} re-anchored), ${stale} stale → ${displayPath(path)}\n`);
      if ((options.strict || program.opts<{strict?: boolean}>().strict) && stale > 0) io.setExit(1);
    });
}

/** `guidance-diff review init|import|check`, registered like every other command. */
export function registerReview(program: Command, context: CliContext): void {
  registerReviewCommands(program, {stdout: context.io.stdout, stderr: context.io.stderr, setExit: context.setExit});
}
