import {readFile} from 'node:fs/promises';
import {z} from 'zod';
import type {DiagnosticCode} from '../model/diagnostic-codes.js';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import {describeError} from './describe-error.js';
import {displayPath} from './read-input.js';

/**
 * A user's JSON file read and checked against its schema. Any failure (unreadable, not JSON, not the
 * schema) throws a DiagnosticError with `code`, naming the file: "Cannot read {what}: {reason}".
 *
 * @example
 * await readJsonFile('my-aliases.json', Aliases, {code: 'aliases-invalid', what: 'aliases'});
 */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S, options: {readonly code: DiagnosticCode; readonly what: string}): Promise<z.infer<S>> {
  const file = displayPath(path);
  const fail = (reason: string, cause?: unknown): DiagnosticError =>
    new DiagnosticError(diagnostic('error', options.code, 'cli', `Cannot read ${options.what}: ${reason}`, {file}), cause === undefined ? undefined : {cause});
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw fail(error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeError(error), error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fail(z.prettifyError(parsed.error).replace(/\n\s*/g, ' '));
  return parsed.data;
}
