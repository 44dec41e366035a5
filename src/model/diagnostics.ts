import type {DiagnosticCode} from './diagnostic-codes.js';
import type {Diagnostic, Severity, Stage} from './diagnostic.js';

// Runtime helpers for diagnostics, kept apart from the zod schema so that code paths which only report
// problems (PDF ingest, say) do not load zod at start-up.

/**
 * Build a diagnostic.
 *
 * @example
 * diagnostic('warning', 'row-unparsed', 'extract', 'Cannot read row: no text', {file: 'a.txt', line: 3});
 */
export function diagnostic(
  severity: Severity,
  code: DiagnosticCode,
  stage: Stage,
  message: string,
  where: {file: string; page?: number | undefined; line?: number | undefined},
): Diagnostic {
  const d: Diagnostic = {severity, code, stage, message, file: where.file};
  if (where.page !== undefined) d.page = where.page;
  if (where.line !== undefined) d.line = where.line;
  return d;
}

/** Sort diagnostics by file, page, line, code (a new array; the input is untouched). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return list.toSorted(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.page ?? 0) - (b.page ?? 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** An error that carries a diagnostic: how a stage reports that a document is unusable. */
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(d: Diagnostic, options?: {cause?: unknown}) {
    super(`${d.file}: ${d.message}`, options);
    this.name = 'DiagnosticError';
    this.diagnostic = d;
  }
}
