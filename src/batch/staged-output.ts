import {copyFile, link, lstat, mkdir, open, readdir, readFile, rename, rm, unlink} from 'node:fs/promises';
import {basename, dirname, join, resolve} from 'node:path';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import {describeError} from '../io/describe-error.js';
import {displayPath} from '../io/read-input.js';
import {processAlive} from '../io/process-alive.js';
import {TEMP_FILE} from '../io/write-outputs.js';

export {processAlive} from '../io/process-alive.js';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    void error; // ENOENT: it does not.
    return false;
  }
}

/** Hard-link a tree (copy where links are refused): an unchanged output kept without copying its bytes. */
async function linkTree(from: string, to: string): Promise<void> {
  const info = await lstat(from);
  if (info.isDirectory()) {
    await mkdir(to, {recursive: true});
    for (const name of await readdir(from)) {
      // A temporary file a dead run left in the old output is not carried into the new one.
      const temp = TEMP_FILE.exec(name);
      if (temp && !processAlive(Number(temp[1]))) continue;
      await linkTree(join(from, name), join(to, name));
    }
    return;
  }
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * What an earlier run wrote, from its marker file (a batch's report.json: its comparison and series
 * folders; a site's state.json: its `products`): these may be replaced; anything else is kept.
 */
async function earlierProducts(dir: string, marker: string): Promise<Set<string> | undefined> {
  try {
    const json = JSON.parse(await readFile(join(dir, marker), 'utf8')) as {items?: {id: string; kind: string}[]; products?: string[]};
    return new Set([marker, ...(json.products ?? []), ...(json.items ?? []).filter((i) => i.kind !== 'document').map((i) => i.id)]);
  } catch (error) {
    void error; // No report: not a batch's output folder.
    return undefined;
  }
}

function unwritable(dir: string, message: string, cause?: unknown): DiagnosticError {
  return new DiagnosticError(diagnostic('error', 'output-unwritable', 'batch', message, {file: displayPath(dir)}), {cause});
}

/**
 * A batch's output folder, switched from old to new in one step. Everything is written into a sibling
 * staging folder (`.output.staging-<pid>`); an output that did not change is hard-linked from the old
 * folder. {@link StagedOutput.commit} renames the old folder aside and the staging folder into place, moves
 * back anything that is not a batch product (a cache, a README), and removes the old folder: a reader sees
 * the old folder or the new one, never a mix. Leftovers of a run that died (staging, old folder, lock) are
 * cleaned up, or the old folder restored, when the next run opens the folder.
 */
export class StagedOutput {
  /** The output folder. */
  readonly dir: string;
  /** Where this run writes. */
  readonly staging: string;
  readonly #lock: string;
  readonly #done = new Set<string>();
  readonly #old: Set<string> | undefined;
  readonly #marker: string;

  private constructor(dir: string, old: Set<string> | undefined, marker: string) {
    this.#marker = marker;
    this.dir = dir;
    const name = basename(dir);
    this.staging = join(dirname(dir), `.${name}.staging-${process.pid}`);
    this.#lock = join(dirname(dir), `.${name}.lock`);
    this.#old = old;
  }

  /**
   * Clean up after earlier runs, take the lock, check the folder is ours (empty, or holding the `marker`
   * file an earlier run wrote), and make the staging folder.
   */
  static async open(outDir: string, marker = 'report.json'): Promise<StagedOutput> {
    const dir = resolve(outDir);
    if (dir === dirname(dir) || resolve(process.cwd()).startsWith(`${dir}/`) || resolve(process.cwd()) === dir) {
      throw unwritable(dir, 'Cannot write a batch into this folder: it holds the working directory; choose an output folder of its own');
    }
    try {
      await mkdir(dirname(dir), {recursive: true});
    } catch (error) {
      throw unwritable(dir, `Cannot write output: ${describeError(error)}`, error);
    }
    await StagedOutput.#takeLock(join(dirname(dir), `.${basename(dir)}.lock`), dir);
    try {
      await StagedOutput.recover(dir, marker);
      let old: Set<string> | undefined;
      if (await exists(dir)) {
        const info = await lstat(dir);
        if (!info.isDirectory()) throw unwritable(dir, 'Cannot write output: it is a file, not a folder');
        old = await earlierProducts(dir, marker);
        const entries = (await readdir(dir)).filter((n) => !n.startsWith('.'));
        if (!old && entries.length) {
          throw unwritable(dir, `Cannot write a batch into this folder: it is not empty and holds no ${marker} of an earlier run (found \`${entries[0]}\`); choose a new or empty folder`);
        }
      }
      const staged = new StagedOutput(dir, old, marker);
      await mkdir(staged.staging);
      return staged;
    } catch (error) {
      await unlink(join(dirname(dir), `.${basename(dir)}.lock`)).catch(() => undefined);
      if (error instanceof DiagnosticError) throw error;
      throw unwritable(dir, `Cannot write output: ${describeError(error)}`, error);
    }
  }

  static async #takeLock(lock: string, dir: string): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(lock, 'wx');
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(dir, `Cannot write output: ${describeError(error)}`, error);
        const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
        if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) throw unwritable(dir, `Cannot write output: another batch (process ${pid}) is writing this folder`);
        await unlink(lock).catch(() => undefined);
      }
    }
    throw unwritable(dir, 'Cannot write output: cannot take the lock on this folder');
  }

  /**
   * Clean up what runs that died left beside `outDir`: staging folders are removed; an old folder is put
   * back if the switch stopped half way (no output folder), else its non-product entries are moved into the
   * output folder and it is removed.
   */
  static async recover(outDir: string, marker = 'report.json'): Promise<void> {
    const dir = resolve(outDir);
    const name = basename(dir);
    let siblings: string[];
    try {
      siblings = await readdir(dirname(dir));
    } catch (error) {
      void error; // No parent folder yet: nothing left over.
      return;
    }
    for (const sibling of siblings) {
      const match = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-(\\d+)$`).exec(sibling);
      if (!match || processAlive(Number(match[2]))) continue;
      const path = join(dirname(dir), sibling);
      if (match[1] === 'staging') await rm(path, {recursive: true, force: true});
      else if (!(await exists(dir))) await rename(path, dir);
      else {
        await StagedOutput.#moveForeign(path, dir, await earlierProducts(path, marker));
        await rm(path, {recursive: true, force: true});
      }
    }
  }

  /** Move the entries of `from` that are not batch products (and not already in `to`) into `to`. */
  static async #moveForeign(from: string, to: string, products: Set<string> | undefined): Promise<void> {
    for (const entry of await readdir(from)) {
      if (products?.has(entry) || (await exists(join(to, entry)))) continue;
      await rename(join(from, entry), join(to, entry));
    }
  }

  /** The folder of a product (comparison or series) in the old output, to check or keep. */
  previous(name: string): string {
    return join(this.dir, name);
  }

  /** Where this run writes a product. */
  path(name: string): string {
    return join(this.staging, name);
  }

  /** Mark a product as complete in the staging folder. */
  done(name: string): void {
    this.#done.add(name);
  }

  /** Keep a product's old files unchanged (hard links). */
  async keep(name: string): Promise<void> {
    await rm(this.path(name), {recursive: true, force: true});
    if (await exists(this.previous(name))) await linkTree(this.previous(name), this.path(name));
    this.#done.add(name);
  }

  /**
   * Products not completed (interrupted, failed) keep their old files when they had any, so each product
   * folder is wholly old or wholly new.
   */
  async keepUnfinished(names: readonly string[]): Promise<void> {
    for (const name of names) if (!this.#done.has(name)) await this.keep(name);
  }

  /** Products of the earlier batch that this one no longer makes. */
  removed(names: readonly string[]): string[] {
    const now = new Set([...names, this.#marker]);
    return [...(this.#old ?? [])].filter((n) => !now.has(n)).toSorted();
  }

  /** Switch: the staging folder becomes the output folder in one rename; non-products are moved across. */
  async commit(): Promise<void> {
    const aside = join(dirname(this.dir), `.${basename(this.dir)}.old-${process.pid}`);
    try {
      const hadOld = await exists(this.dir);
      if (hadOld) await rename(this.dir, aside);
      await rename(this.staging, this.dir);
      if (hadOld) {
        await StagedOutput.#moveForeign(aside, this.dir, this.#old);
        await rm(aside, {recursive: true, force: true});
      }
    } catch (error) {
      throw unwritable(this.dir, `Cannot write output: ${describeError(error)}`, error);
    } finally {
      await this.release();
    }
  }

  /** Give up: remove the staging folder (the old output stays as it was) and the lock. */
  async abandon(): Promise<void> {
    await rm(this.staging, {recursive: true, force: true});
    await this.release();
  }

  async release(): Promise<void> {
    await unlink(this.#lock).catch(() => undefined);
  }
}
