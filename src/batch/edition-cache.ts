import {createHash} from 'node:crypto';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {Edition} from '../model/objective.js';

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
      const parsed = Edition.safeParse(JSON.parse(await readFile(this.#path(key), 'utf8')));
      if (parsed.success && parsed.data.sha256 === key.sha256) {
        this.hits++;
        return parsed.data;
      }
    } catch (error) {
      // No entry yet (ENOENT) or an unreadable one: either way a miss, and the edition is read afresh.
      void error;
    }
    this.misses++;
    return undefined;
  }

  async set(key: CacheKey, edition: Edition): Promise<void> {
    const path = this.#path(key);
    await mkdir(join(path, '..'), {recursive: true});
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(edition));
    await rename(temp, path);
  }
}
