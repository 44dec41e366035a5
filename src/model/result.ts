import type {Diagnostic} from './diagnostic.js';

/** How a document fared: `partial` when output was produced despite an error-level diagnostic. */
export type Status = 'success' | 'partial' | 'failure';

/** The envelope every document travels in between stages. */
export type DocumentResult<T> =
  | {status: 'success' | 'partial'; value: T; diagnostics: Diagnostic[]}
  | {status: 'failure'; value?: undefined; diagnostics: Diagnostic[]};

/** Status from diagnostics: any error-level diagnostic makes a produced value `partial`. */
export function statusOf(diagnostics: readonly Diagnostic[]): 'success' | 'partial' {
  return diagnostics.some((d) => d.severity === 'error') ? 'partial' : 'success';
}
