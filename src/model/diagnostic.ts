import {z} from 'zod';
import {diagnosticCodes, type DiagnosticCode} from './diagnostic-codes.js';

const codes = Object.keys(diagnosticCodes) as [DiagnosticCode, ...DiagnosticCode[]];

/** Severity: `error` means the document is unusable or part of it was lost (vfile `fatal: true`). */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Stage = z.enum(['ingest', 'extract', 'match', 'diff', 'render', 'batch', 'cli']);
export type Stage = z.infer<typeof Stage>;

/** A message about one document, shaped after vfile-message. Page and line start at 1. */
export const Diagnostic = z
  .object({
    severity: Severity,
    code: z.enum(codes),
    stage: Stage,
    message: z.string(),
    file: z.string(),
    page: z.number().int().positive().optional(),
    line: z.number().int().positive().optional(),
  })
  .meta({id: 'Diagnostic'});
export type Diagnostic = z.infer<typeof Diagnostic>;

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
