import {randomBytes} from 'node:crypto';
import {mkdir, open, readdir, readFile, rename, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import type {OutputFile} from '../render/output-formats.js';
import {describeError} from './describe-error.js';
import {processAlive} from './process-alive.js';

/** Whether a name is one of the temporary files {@link writeOutputs} makes (to clean up after a crash). */
export const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

async function existing(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    // A file that does not exist (or cannot be read) differs from the new content: nothing is lost here.
    void error;
    return undefined;
  }
}

/**
 * Write files atomically as a set: every file is first written to a temporary name in the same
 * directory, then each is renamed over its target (rename is atomic: a reader sees the old file or the
 * new one, never part of one). If any write fails, the temporary files are removed and the earlier
 * output stays as it was; temporary files that dead runs left in `dir` are removed first. Returns the
 * names whose content changed. Errors are a {@link DiagnosticError}
 * in words (`Cannot write output: permission denied`), naming the directory.
 *
 * @example
 * const changed = await writeOutputs('out', [{name: 'comparison.md', content: '# …\n'}]);
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const changed: string[] = [];
  const staged: {temp: string; target: string}[] = [];
  try {
    await mkdir(dir, {recursive: true});
    // Temporary files of runs that died here are removed (those of a live run are left alone).
    for (const name of await readdir(dir)) {
      const temp = TEMP_FILE.exec(name);
      if (temp && !processAlive(Number(temp[1]))) await unlink(join(dir, name)).catch(() => undefined);
    }
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
    throw new DiagnosticError(diagnostic('error', 'output-unwritable', 'cli', `Cannot write output: ${describeError(error)}`, {file: dir}), {cause: error});
  }
}
