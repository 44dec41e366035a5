import type {Worker} from 'node:worker_threads';
import {startWorker} from '../util/start-worker.js';
import type {Edition} from '../model/objective.js';
import type {DocumentResult} from '../model/result.js';
import type {ReadEditionOptions} from '../pipeline.js';
import type {BatchJob, CompareExtra} from './batch-worker.js';
import type {Diagnostic} from '../model/diagnostic.js';
import type {OutputFile} from '../render/output-formats.js';
import type {Aliases} from '../model/aliases.js';
import type {OutputFormat} from '../render/output-formats.js';

type Reply = {id: number; result: unknown} | {id: number; error: string};
type JobInput = BatchJob extends infer J ? (J extends {id: number} ? Omit<J, 'id'> : never) : never;

/**
 * A fixed pool of worker threads for the CPU-heavy jobs of a batch (reading editions, comparing them,
 * following lineages), so that they run on every core. Each worker takes one document at a time; callers bound how
 * many are in flight (p-queue with the same concurrency), so memory grows with the pool, not the archive.
 */
export class EditionPool {
  readonly #idle: Worker[] = [];
  readonly #waiting: {resolve: (worker: Worker) => void; reject: (error: Error) => void}[] = [];
  readonly #all: Worker[] = [];
  #next = 0;

  constructor(size: number) {
    for (let k = 0; k < size; k++) {
      const worker = startWorker('batch-worker', import.meta.url);
      this.#all.push(worker);
      this.#idle.push(worker);
    }
  }

  #closed = false;

  async #acquire(): Promise<Worker> {
    if (this.#closed) throw new Error('Cannot run a job: the worker pool is closed');
    const worker = this.#idle.pop();
    if (worker) return worker;
    return new Promise((resolve, reject) => this.#waiting.push({resolve, reject}));
  }

  #release(worker: Worker): void {
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(worker);
    else this.#idle.push(worker);
  }

  /** Read one edition on a worker. Rejects only if the worker itself fails. */
  read(bytes: Uint8Array, options: ReadEditionOptions): Promise<DocumentResult<Edition>> {
    return this.#run({kind: 'read', bytes, options}) as Promise<DocumentResult<Edition>>;
  }

  /** Compare two editions (applying a review file, if given) and render the files on a worker; the review's diagnostics come back too. */
  compare(
    previous: Edition,
    current: Edition,
    aliases: Aliases,
    version: string,
    formats: readonly OutputFormat[],
    extra: CompareExtra = {},
  ): Promise<{files: OutputFile[]; diagnostics: Diagnostic[]}> {
    return this.#run({kind: 'compare', previous, current, aliases, version, formats: [...formats], extra}) as Promise<{files: OutputFile[]; diagnostics: Diagnostic[]}>;
  }

  /** Follow a series' lineage and render its files on a worker. */
  lineage(series: string, editions: Edition[], aliases: Aliases, registered: number[], html?: {sourceBase?: string}): Promise<{files: OutputFile[]; lineages: number}> {
    return this.#run({kind: 'lineage', series, editions, aliases, registered, ...(html ? {html} : {})}) as Promise<{files: OutputFile[]; lineages: number}>;
  }

  async #run(input: JobInput): Promise<unknown> {
    const worker = await this.#acquire();
    const id = this.#next++;
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const onMessage = (reply: Reply): void => {
          if (reply.id !== id) return;
          cleanup();
          if ('error' in reply) reject(new Error(reply.error));
          else resolve(reply.result);
        };
        const onError = (error: Error): void => {
          cleanup();
          reject(error);
        };
        const onExit = (): void => {
          cleanup();
          reject(new Error('Cannot finish the job: its worker stopped'));
        };
        const cleanup = (): void => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage({...input, id} as BatchJob);
      });
    } finally {
      this.#release(worker);
    }
  }

  /** Stop every worker: jobs in flight reject, jobs waiting for a worker never start. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error('Cannot run a job: the worker pool is closed'));
    await Promise.all(this.#all.map((w) => w.terminate()));
  }
}
