import {createHash} from 'node:crypto';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {Diagnostic} from '../model/diagnostic.js';
import type {Edition} from '../model/objective.js';

/**
 * Version of the extraction logic. Bump it whenever ingest or extract would give a different edition for
 * the same bytes: cached editions from another version are ignored.
 */
export const EXTRACTOR_VERSION = '1';

/** What decides an edition besides the bytes: the options that reach the extractor. */
export interface CacheKey {
  sha256: string;
  file: string;
  editionId: string;
  planYear?: string;
  title?: string;
}

/**
 * Extracted editions cached on disk by content hash, extractor version and package version, so a re-run
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
    this.#version = `${EXTRACTOR_VERSION}:${packageVersion}`;
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
  }

  async #write(path: string, content: string): Promise<void> {
    await mkdir(join(path, '..'), {recursive: true});
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, content);
    await rename(temp, path);
  }

  #outputPath(key: string): string {
    const digest = createHash('sha256').update(`${this.#version}\u0000${key}`).digest('hex');
    return join(this.#dir, 'outputs', `${digest}.json`);
  }

  /**
   * Whether the files a comparison or lineage made last time from the same inputs (`key`) are still in
   * `dir` unchanged: then there is nothing to compute or write.
   */
  async outputsCurrent(key: string, dir: string): Promise<boolean> {
    try {
      const digests = JSON.parse(await readFile(this.#outputPath(key), 'utf8')) as Record<string, string>;
      const names = Object.keys(digests);
      if (!names.length) return false;
      for (const name of names) {
        const content = await readFile(join(dir, name));
        if (createHash('sha256').update(content).digest('hex') !== digests[name]) return false;
      }
      this.hits++;
      return true;
    } catch (error) {
      // No record, or an output file missing: compute again.
      void error;
      return false;
    }
  }

  /** Record the files made from `key`. */
  async recordOutputs(key: string, files: readonly {name: string; content: string}[]): Promise<void> {
    const digests = Object.fromEntries(files.map((f) => [f.name, createHash('sha256').update(f.content).digest('hex')]));
    await this.#write(this.#outputPath(key), JSON.stringify(digests));
  }
}
