import {z} from 'zod';
import {diagnosticCodes, type DiagnosticCode} from './diagnostic-codes.js';

const codes = Object.keys(diagnosticCodes) as [DiagnosticCode, ...DiagnosticCode[]];

/** Severity: `error` means the document is unusable or part of it was lost (vfile `fatal: true`). */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Stage = z.enum(['ingest', 'extract', 'match', 'diff', 'render', 'batch', 'cli', 'review']);
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

