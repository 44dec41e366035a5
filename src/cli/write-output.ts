import {randomBytes} from 'node:crypto';
import {mkdir, open, readFile, rename, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';

import type {OutputFile} from '../render/output-formats.js';

async function existing(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    // A file that does not exist (or cannot be read) differs from the new content: nothing is lost here.
    return undefined;
  }
}

/**
 * Write files atomically as a set: every file is first written to a temporary name in the same
 * directory, then each is renamed over its target (rename is atomic: a reader sees the old file or the
 * new one, never part of one). If any write fails, the temporary files are
 * removed and the earlier output stays as it was. Returns the names whose content changed.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const changed: string[] = [];
  const staged: {temp: string; target: string}[] = [];
  try {
    await mkdir(dir, {recursive: true});
    for (const file of files) {
      const target = join(dir, file.name);
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
      if (!(await existing(target))?.equals(bytes)) changed.push(file.name);
      const temp = join(dir, `.${file.name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      staged.push({temp, target});
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
      } finally {
        await handle.close();
      }
    }
    for (const {temp, target} of staged) await rename(temp, target);
    return changed;
  } catch (error) {
    await Promise.all(staged.map(({temp}) => unlink(temp).catch(() => undefined)));
    throw new DiagnosticError(
      diagnostic('error', 'output-unwritable', 'cli', `Cannot write output: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {file: dir}),
      {cause: error},
    );
  }
}
