import {open, stat} from 'node:fs/promises';
import {relative, sep} from 'node:path';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import {describeError} from './describe-error.js';

/**
 * A path as shown in messages on stderr (never in output files): relative to the working directory when
 * that is shorter, '/'-separated.
 */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return (rel && !rel.startsWith(`..${sep}..${sep}..`) ? rel : path).split(sep).join('/');
}

/** Options for {@link readInput}. */
export interface ReadInputOptions {
  /** Refuse files larger than this many bytes (checked before reading). */
  readonly maxBytes: number;
  /** How the file is named in the diagnostic when it cannot be read. @default the path as given, '/'-separated */
  readonly name?: string;
}

function fail(file: string, code: Parameters<typeof diagnostic>[1], message: string, cause?: unknown): never {
  throw new DiagnosticError(diagnostic('error', code, 'cli', message, {file}), {cause});
}

/**
 * Read a document's bytes, refusing a missing path, a directory, an unreadable file and a file over
 * the size limit (checked before reading). Throws {@link DiagnosticError} naming the file.
 *
 * @example
 * const bytes = await readInput('sources/nhs/2024-25-planning-guidance.md', {maxBytes: 100 * 2 ** 20});
 */
export async function readInput(path: string, options: ReadInputOptions): Promise<Uint8Array> {
  const file = options.name ?? path.split(sep).join('/');
  const {maxBytes} = options;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') fail(file, 'file-not-found', 'Cannot read document: no such file', error);
    fail(file, 'file-unreadable', `Cannot read document: ${describeError(error)}`, error);
  }
  if (info.isDirectory()) fail(file, 'not-a-file', 'Cannot read document: it is a directory');
  if (!info.isFile()) fail(file, 'not-a-file', 'Cannot read document: it is not a regular file');
  if (info.size > maxBytes) fail(file, 'file-too-large', `Cannot read document: ${info.size} bytes is over the limit of ${maxBytes} bytes`);
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = await handle.readFile();
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      await handle.close();
    }
  } catch (error) {
    fail(file, 'file-unreadable', `Cannot read document: ${describeError(error)}`, error);
  }
}
