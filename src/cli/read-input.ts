import {open, stat} from 'node:fs/promises';
import {relative, sep} from 'node:path';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';

/** A path as shown in provenance and messages: relative to the working directory, '/'-separated. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return (rel && !rel.startsWith(`..${sep}..${sep}..`) ? rel : path).split(sep).join('/');
}

function fail(file: string, code: Parameters<typeof diagnostic>[1], message: string, cause?: unknown): never {
  throw new DiagnosticError(diagnostic('error', code, 'cli', message, {file}), {cause});
}

/**
 * Read a document's bytes, refusing a missing path, a directory, an unreadable file and a file over
 * the size limit (checked before reading). Throws {@link DiagnosticError}.
 */
export async function readInput(path: string, maxBytes: number): Promise<{bytes: Uint8Array; file: string}> {
  const file = displayPath(path);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') fail(file, 'file-not-found', 'Cannot read document: no such file', error);
    fail(file, 'file-unreadable', `Cannot read document: ${(error as Error).message}`, error);
  }
  if (info.isDirectory()) fail(file, 'not-a-file', 'Cannot read document: it is a directory');
  if (!info.isFile()) fail(file, 'not-a-file', 'Cannot read document: it is not a regular file');
  if (info.size > maxBytes) fail(file, 'file-too-large', `Cannot read document: ${info.size} bytes is over the limit of ${maxBytes} bytes`);
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = await handle.readFile();
      return {bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file};
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(file, 'file-unreadable', `Cannot read document: ${code === 'EACCES' ? 'permission denied' : (error as Error).message}`, error);
  }
}
