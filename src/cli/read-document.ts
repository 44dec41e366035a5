import {readFile} from 'node:fs/promises';
import {basename, dirname, join, relative, resolve, sep} from 'node:path';
import {sha256} from '../ingest/ingest-document.js';
import {readInput} from '../io/read-input.js';
import {Manifest} from '../model/manifest.js';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import type {Diagnostic} from '../model/diagnostic.js';
import type {Edition} from '../model/objective.js';
import type {CliContext} from './context.js';

/** How a document given on the command line is named in output, and what its manifest says of it. */
export interface DocumentName {
  /** Relative to the manifest that lists it, else the file name: never the working directory's view. */
  name: string;
  title?: string;
  planYear?: string;
  /** The manifest that lists the document, if any. */
  manifest?: string;
}

async function readManifest(path: string): Promise<Manifest | undefined> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    // No manifest here (or a file of that name that is not ours): look further up.
    void error;
    return undefined;
  }
}

/**
 * Name a document the way a batch would, so that `compare` and `batch` write the same bytes from any
 * working directory: if a `manifest.json` in the document's folder or a folder above lists it with the
 * same sha256 (or `manifest` names one), by its path relative to that manifest, with the manifest's title
 * and plan year; otherwise by its file name alone.
 */
export async function documentName(path: string, bytes: Uint8Array, manifest?: string): Promise<DocumentName> {
  const absolute = resolve(path);
  const hash = sha256(bytes);
  const candidates: string[] = [];
  if (manifest) candidates.push(resolve(manifest));
  else for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'manifest.json'));
    if (dirname(dir) === dir) break;
  }
  for (const candidate of candidates) {
    const found = await readManifest(candidate);
    const root = dirname(candidate);
    const entry = found?.editions.find((e) => resolve(root, e.file) === absolute && e.sha256 === hash);
    if (entry) {
      return {
        name: relative(root, absolute).split(sep).join('/'),
        ...(entry.title ? {title: entry.title} : {}),
        planYear: entry.planYear,
        manifest: candidate,
      };
    }
  }
  return {name: basename(absolute)};
}

/** One line on stderr for a warning or error about a document: `guidance-diff: file:page:line: severity: message (code)`. */
export function diagnosticLine(d: Diagnostic): string {
  const where = `${d.file}${d.page !== undefined ? `:p${d.page}` : ''}${d.line !== undefined ? `:${d.line}` : ''}`;
  return `guidance-diff: ${where}: ${d.severity}: ${d.message} (${d.code})`;
}

/** Findings of one code shown on stderr before the rest are counted in one line. */
export const SHOWN_PER_CODE = 5;

/**
 * The stderr lines for a document's warnings and errors: one per finding, but past
 * {@link SHOWN_PER_CODE} of one code (a book's hundred lists set aside) the rest of that code are counted
 * in one line. Every finding stays in the output files' checks and in JSON.
 *
 * @example
 * findingLines(diagnostics); // ['guidance-diff: a.pdf:p3:12: warning: … (list-ignored)', …, 'guidance-diff: a.pdf: warning: 87 more list-ignored findings (…)']
 */
export function findingLines(findings: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  const lines: string[] = [];
  for (const d of findings) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= SHOWN_PER_CODE) lines.push(diagnosticLine(d));
  }
  for (const [code, n] of seen) {
    if (n <= SHOWN_PER_CODE) continue;
    const d = findings.find((f) => f.code === code)!;
    lines.push(`guidance-diff: ${d.file}: ${d.severity}: ${n - SHOWN_PER_CODE} more ${code} finding(s) like the ${SHOWN_PER_CODE} above, not shown here: the output's Checks list them all (${code})`);
  }
  return lines;
}

/**
 * Report a partial result: one stderr line per warning or error (unless `--quiet`; see {@link findingLines}); with `--strict`, the
 * partial result is an error naming the file and the first finding.
 */
export function reportPartial(context: CliContext, diagnostics: readonly Diagnostic[], file: string): void {
  const findings = diagnostics.filter((d) => d.severity !== 'info');
  if (!findings.length) return;
  if (!context.globals().quiet) for (const line of findingLines(findings)) context.io.stderr(`${line}\n`);
  if (context.globals().strict) {
    const first = findings[0]!;
    throw new DiagnosticError(diagnostic('error', first.code, first.stage, `Cannot accept a partial reading with --strict: ${findings.length} finding(s), first: ${first.message}`, {file}));
  }
}

/**
 * Read one document given on the command line into an edition, with the global steering options
 * (`--table`, `--item-column`, `--group-column`, `--vocabulary`). Errors name the path as typed. A
 * partial result is reported on stderr (and refused with `--strict`). Throws {@link DiagnosticError}.
 */
export async function readDocument(path: string, context: CliContext, manifest?: string): Promise<{edition: Edition; name: string; sha256: string}> {
  const common = context.globals();
  const bytes = await readInput(path, {maxBytes: common.maxBytes});
  const named = await documentName(path, bytes, manifest);
  const [{readEdition}, {loadVocabulary}] = await Promise.all([import('../pipeline.js'), import('../io/load-vocabulary.js')]);
  const vocabulary = await loadVocabulary(common.vocabulary ?? []);
  const result = await readEdition(bytes, {
    file: named.name,
    maxBytes: common.maxBytes,
    ...(named.title ? {title: named.title} : {}),
    ...(named.planYear ? {planYear: named.planYear} : {}),
    ...(common.threads ? {threads: common.threads} : {}),
    ...(vocabulary ? {vocabulary} : {}),
    ...(common.table !== undefined ? {table: common.table} : {}),
    ...(common.itemColumn !== undefined ? {itemColumn: common.itemColumn} : {}),
    ...(common.groupColumn !== undefined ? {groupColumn: common.groupColumn} : {}),
  });
  const shown = path.split(sep).join('/');
  if (result.status === 'failure') {
    const d = result.diagnostics.find((x) => x.severity === 'error') ?? result.diagnostics[0]!;
    throw new DiagnosticError({...d, file: shown});
  }
  if (result.status === 'partial') reportPartial(context, result.diagnostics, shown);
  return {edition: result.value, name: named.name, sha256: result.value.sha256};
}
