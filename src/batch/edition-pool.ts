import type {Worker} from 'node:worker_threads';
import {startWorker} from '../util/start-worker.js';
import type {Edition} from '../model/objective.js';
import type {DocumentResult} from '../model/result.js';
import type {ReadEditionOptions} from '../pipeline.js';
import type {EditionJob} from './batch-worker.js';

type Reply = {id: number; result: DocumentResult<Edition>} | {id: number; error: string};

/**
 * A fixed pool of worker threads that read editions (ingest + extract), so that parsing, the CPU-heavy
 * part of a batch, runs on every core. Each worker takes one document at a time; callers bound how
 * many are in flight (p-queue with the same concurrency), so memory grows with the pool, not the archive.
 */
export class EditionPool {
  readonly #idle: Worker[] = [];
  readonly #waiting: ((worker: Worker) => void)[] = [];
  readonly #all: Worker[] = [];
  #next = 0;

  constructor(size: number) {
    for (let k = 0; k < size; k++) {
      const worker = startWorker('batch-worker', import.meta.url);
      this.#all.push(worker);
      this.#idle.push(worker);
    }
  }

  async #acquire(): Promise<Worker> {
    const worker = this.#idle.pop();
    if (worker) return worker;
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(worker: Worker): void {
    const waiter = this.#waiting.shift();
    if (waiter) waiter(worker);
    else this.#idle.push(worker);
  }

  /** Read one edition on a worker. Rejects only if the worker itself fails. */
  async read(bytes: Uint8Array, options: ReadEditionOptions): Promise<DocumentResult<Edition>> {
    const worker = await this.#acquire();
    const id = this.#next++;
    try {
      return await new Promise<DocumentResult<Edition>>((resolve, reject) => {
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
        const cleanup = (): void => {
          worker.off('message', onMessage);
          worker.off('error', onError);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.postMessage({id, bytes, options} satisfies EditionJob);
      });
    } finally {
      this.#release(worker);
    }
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#all.map((w) => w.terminate()));
  }
}
