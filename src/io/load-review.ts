import {readFile} from 'node:fs/promises';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import type {LoadedReview} from '../review/parse-review.js';
import {displayPath} from './read-input.js';

/**
 * Read and validate a review file; a missing, unreadable or invalid file is a {@link DiagnosticError}
 * naming the file (and the line and field when it does not validate). `file` is the name used in
 * messages and provenance. @default the path relative to the working directory
 *
 * @example
 * const review = await loadReview('sources/reviews/nhs-2023-24-vs-2024-25.yaml', 'reviews/nhs-2023-24-vs-2024-25.yaml');
 */
export async function loadReview(path: string, file: string = displayPath(path)): Promise<LoadedReview> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DiagnosticError(
      diagnostic('error', code === 'ENOENT' ? 'file-not-found' : 'review-invalid', 'review', `Cannot read review file: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {file}),
      {cause: error},
    );
  }
  const {parseReview} = await import('../review/parse-review.js');
  const result = parseReview(text, {file});
  if (result.status === 'failure') throw new DiagnosticError(result.diagnostics[0]!);
  return result.value;
}

