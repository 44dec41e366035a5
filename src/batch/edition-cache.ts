import {createHash} from 'node:crypto';
import {randomBytes} from 'node:crypto';
import {mkdir, readdir, readFile, rename, stat, unlink, writeFile} from 'node:fs/promises';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Diagnostic} from '../model/diagnostic.js';
import type {Edition} from '../model/objective.js';
import {processAlive} from '../io/process-alive.js';
import {packageRoot} from '../io/package-root.js';

/**
 * Version of the extraction logic. Bump it whenever ingest or extract would give a different edition for
 * the same bytes: cached editions from another version are ignored.
 */
export const EXTRACTOR_VERSION = '2';

let codeHash: string | undefined;

/**
 * A hash of the code that turns bytes into an edition (the ingest, extract and model folders beside this
 * one, as built or as source, and the data files), so that a cached edition from other extraction code is never used even
 * when {@link EXTRACTOR_VERSION} was not bumped.
 */
export function extractorCodeHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).toSorted()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|ts|mjs|json)$/.test(name) && !name.endsWith('.map')) hash.update(`${path.slice(root.length)}\u0000`).update(readFileSync(path));
    }
  };
  for (const folder of ['ingest', 'extract', 'model']) walk(join(root, folder));
  // Data files the extractor reads (the header vocabulary, …).
  walk(join(packageRoot, 'data'));
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
}

/** What decides an edition besides the bytes: the options that reach the extractor. */
export interface CacheKey {
  sha256: string;
  file: string;
  planYear?: string;
  title?: string;
}

/**
 * Extracted editions cached on disk by content hash, extractor version, package version and a hash of the
 * extraction code, so a re-run
 * after one new edition parses only that one. Entries are written atomically; a corrupt or stale entry
 * is a miss.
 */
export class EditionCache {
  readonly #dir: string;
  readonly #version: string;
  hits = 0;
  misses = 0;

  constructor(dir: string, packageVersion: string) {
    this.#dir = dir;
    this.#version = `${EXTRACTOR_VERSION}:${packageVersion}:${extractorCodeHash()}`;
  }

  #path(key: CacheKey): string {
    const digest = createHash('sha256').update(JSON.stringify({v: this.#version, ...key})).digest('hex');
    return join(this.#dir, digest.slice(0, 2), `${digest}.json`);
  }

  async get(key: CacheKey): Promise<Edition | undefined> {
    try {
      // Entries are written only by this class, under a versioned key: a light check suffices (a full
      // schema validation of every cached edition would cost more than the rest of a cached run).
      const edition = JSON.parse(await readFile(this.#path(key), 'utf8')) as Edition;
      if (edition?.sha256 === key.sha256 && Array.isArray(edition.objectives) && Array.isArray(edition.diagnostics)) {
        this.hits++;
        return edition;
      }
    } catch (error) {
      // No entry yet (ENOENT) or an unreadable one: either way a miss, and the edition is read afresh.
      void error;
    }
    this.misses++;
    return undefined;
  }

  /** A document that could not be read last time, with the same bytes and extractor: its diagnostics. */
  async getFailure(key: CacheKey): Promise<Diagnostic[] | undefined> {
    try {
      const parsed = Diagnostic.array().safeParse(JSON.parse(await readFile(`${this.#path(key)}.failure`, 'utf8')));
      if (parsed.success) {
        this.hits++;
        return parsed.data;
      }
    } catch (error) {
      // No failure recorded.
      void error;
    }
    return undefined;
  }

  async setFailure(key: CacheKey, diagnostics: readonly Diagnostic[]): Promise<void> {
    await this.#write(`${this.#path(key)}.failure`, JSON.stringify(diagnostics));
  }

  async set(key: CacheKey, edition: Edition): Promise<void> {
    await this.#write(this.#path(key), JSON.stringify(edition));
    await this.#write(`${this.#path(key)}.meta`, JSON.stringify({sha256: edition.sha256, objectives: edition.objectives.length, diagnostics: edition.diagnostics}));
  }

  /**
   * What a batch reports about a cached edition (objective count, diagnostics) without loading the
   * edition itself, which is read only if a comparison or lineage has to be made again.
   */
  async getSummary(key: CacheKey): Promise<{objectives: number; diagnostics: Diagnostic[]} | undefined> {
    try {
      const meta = JSON.parse(await readFile(`${this.#path(key)}.meta`, 'utf8')) as {sha256: string; objectives: number; diagnostics: Diagnostic[]};
      if (meta.sha256 === key.sha256 && Number.isInteger(meta.objectives) && Array.isArray(meta.diagnostics)) {
        this.hits++;
        return {objectives: meta.objectives, diagnostics: meta.diagnostics};
      }
    } catch (error) {
      // No summary: a miss.
      void error;
    }
    this.misses++;
    return undefined;
  }

  /** Temporary files go into one folder (`tmp/<pid>.<random>`), renamed into place when complete. */
  async #write(path: string, content: string): Promise<void> {
    await mkdir(join(path, '..'), {recursive: true});
    await mkdir(join(this.#dir, 'tmp'), {recursive: true});
    const temp = join(this.#dir, 'tmp', `${process.pid}.${randomBytes(4).toString('hex')}`);
    try {
      await writeFile(temp, content);
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /** Remove temporary files left by runs that died (their process is gone). */
  async clean(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(join(this.#dir, 'tmp'));
    } catch (error) {
      void error; // No temporary folder: nothing to clean.
      return;
    }
    for (const name of names) {
      const pid = Number(name.split('.')[0]);
      if (!Number.isInteger(pid) || !processAlive(pid)) await unlink(join(this.#dir, 'tmp', name)).catch(() => undefined);
    }
  }

  #outputPath(key: string): string {
    const digest = createHash('sha256').update(`${this.#version}\u0000${key}`).digest('hex');
    return join(this.#dir, 'outputs', `${digest}.json`);
  }

  /**
   * Whether the files a comparison or lineage made last time from the same inputs (`key`) are still in
   * `dir` unchanged: then there is nothing to compute or write. Returns the recorded figures if so.
   */
  async outputsCurrent(key: string, dir: string): Promise<Record<string, number> | undefined> {
    try {
      const stored = JSON.parse(await readFile(this.#outputPath(key), 'utf8')) as {files: Record<string, {sha256: string; size: number; mtimeMs: number}>; meta?: Record<string, number>};
      const records = stored.files;
      const names = Object.keys(records ?? {});
      if (!names.length) return undefined;
      for (const name of names) {
        const record = records[name]!;
        const info = await stat(join(dir, name));
        // Untouched since written (same size and time): current. Otherwise compare the content.
        if (info.size === record.size && info.mtimeMs === record.mtimeMs) continue;
        const content = await readFile(join(dir, name));
        if (createHash('sha256').update(content).digest('hex') !== record.sha256) return undefined;
      }
      this.hits++;
      return stored.meta ?? {};
    } catch (error) {
      // No record, or an output file missing: compute again.
      void error;
      return undefined;
    }
  }

  /** Record the files made from `key`, with figures to report when they are found current (`meta`). */
  async recordOutputs(key: string, dir: string, files: readonly {name: string; content: string | Uint8Array}[], meta: Record<string, number> = {}): Promise<void> {
    const records: Record<string, {sha256: string; size: number; mtimeMs: number}> = {};
    for (const f of files) {
      const info = await stat(join(dir, f.name));
      records[f.name] = {sha256: createHash('sha256').update(f.content).digest('hex'), size: info.size, mtimeMs: info.mtimeMs};
    }
    await this.#write(this.#outputPath(key), JSON.stringify({files: records, meta}));
  }
}
