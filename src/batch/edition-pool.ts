import type {Worker} from 'node:worker_threads';
import {startWorker} from '../util/start-worker.js';
import type {Edition} from '../model/objective.js';
import type {DocumentResult} from '../model/result.js';
import type {ReadEditionOptions} from '../pipeline.js';
import type {BatchJob, CompareExtra} from './batch-worker.js';
import type {Diagnostic} from '../model/diagnostic.js';
import type {OutputFile} from '../render/output-formats.js';
import type {Aliases} from '../model/aliases.js';
import type {MatchedPair} from '../lineage/build-lineage.js';
import type {OutputFormat} from '../render/output-formats.js';

type Reply = {id: number; result: unknown} | {id: number; error: string};
type JobInput = BatchJob extends infer J ? (J extends {id: number} ? Omit<J, 'id'> : never) : never;

/** What a job needs warm: the reading code (pdf.js, ingest, extract) or the making code (match, diff, render, lineage). */
type Side = 'read' | 'make';

interface Pending {
  readonly input: JobInput;
  readonly side: Side;
  /** When it was handed to the pool (`performance.now()`). */
  readonly since: number;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** The side this worker takes first; `any` in a pool of one. */
  readonly side: Side | 'any';
  busy: boolean;
  dead: boolean;
}

/**
 * How long (ms) a job may wait for a worker of its side before a worker of the other side takes it. Long
 * enough that a steady flow of short jobs stays with its side, short enough that a backlog (a run of large
 * PDFs, or the comparisons left once every edition is read) is shared by every worker.
 */
const STEAL_AFTER_MS = 250;

/**
 * A fixed pool of worker threads for the CPU-heavy jobs of a batch (reading editions, comparing them,
 * following lineages), so that they run on every core. Each worker takes one job at a time; callers bound how
 * many are in flight (p-queue), so memory grows with the pool, not the archive.
 *
 * Each thread compiles (JIT) the code it runs for itself, and on a 200-edition archive that compiling cost
 * about as much CPU as reading the documents. So in a pool of two or more, half the workers read and half
 * make comparisons and lineages: each warms only its side's code. A job that has waited
 * {@link STEAL_AFTER_MS} for its side is taken by any idle worker, so no worker idles while work waits.
 */
export class EditionPool {
  readonly #slots: Slot[] = [];
  readonly #pending: Record<Side, Pending[]> = {read: [], make: []};
  #next = 0;
  #closed = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(size: number) {
    for (let k = 0; k < size; k++) {
      const worker = startWorker('batch-worker', import.meta.url);
      this.#slots.push({worker, side: size === 1 ? 'any' : k % 2 === 0 ? 'read' : 'make', busy: false, dead: false});
    }
  }

  /** Read one edition on a worker. Rejects only if the worker itself fails. */
  read(bytes: Uint8Array, options: ReadEditionOptions): Promise<DocumentResult<Edition>> {
    return this.#run({kind: 'read', bytes, options}) as Promise<DocumentResult<Edition>>;
  }

  /**
   * Compare two editions (applying a review file, if given) and render the files on a worker; the review's
   * diagnostics come back too, and without a review file the pair's match set (for the series' lineage).
   */
  compare(
    previous: Edition,
    current: Edition,
    aliases: Aliases,
    version: string,
    formats: readonly OutputFormat[],
    extra: CompareExtra = {},
  ): Promise<{files: OutputFile[]; diagnostics: Diagnostic[]; matched?: MatchedPair}> {
    return this.#run({kind: 'compare', previous, current, aliases, version, formats: [...formats], extra}) as Promise<{files: OutputFile[]; diagnostics: Diagnostic[]; matched?: MatchedPair}>;
  }

  /** Follow a series' lineage and render its files on a worker; `matched` holds the pairs' match sets already made (see {@link buildLineage}). */
  lineage(
    series: string,
    editions: Edition[],
    aliases: Aliases,
    registered: number[],
    matched: (MatchedPair | undefined)[],
    html?: {sourceBase?: string},
  ): Promise<{files: OutputFile[]; lineages: number}> {
    return this.#run({kind: 'lineage', series, editions, aliases, registered, matched, ...(html ? {html} : {})}) as Promise<{files: OutputFile[]; lineages: number}>;
  }

  #run(input: JobInput): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('Cannot run a job: the worker pool is closed'));
    return new Promise((resolve, reject) => {
      const side: Side = input.kind === 'read' ? 'read' : 'make';
      this.#pending[side].push({input, side, since: performance.now(), resolve, reject});
      this.#dispatch();
    });
  }

  /** Give idle workers jobs: their own side's first, then jobs of the other side that waited too long. */
  #dispatch(): void {
    const idle = (): Slot[] => this.#slots.filter((s) => !s.busy && !s.dead);
    for (const slot of idle()) {
      const job = slot.side === 'any' ? (this.#pending.read.shift() ?? this.#pending.make.shift()) : this.#pending[slot.side].shift();
      if (job) this.#start(slot, job);
    }
    const now = performance.now();
    for (const slot of idle()) {
      const other = this.#pending[slot.side === 'read' ? 'make' : 'read'];
      if (other.length && now - other[0]!.since >= STEAL_AFTER_MS) this.#start(slot, other.shift()!);
    }
    if (this.#slots.every((s) => s.dead)) {
      for (const job of [...this.#pending.read.splice(0), ...this.#pending.make.splice(0)]) job.reject(new Error('Cannot finish the job: its worker stopped'));
    }
    // Wake up when the oldest waiting job may be stolen (only an idle worker can take it).
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const oldest = Math.min(...[this.#pending.read[0], this.#pending.make[0]].filter((p) => p !== undefined).map((p) => p.since));
    if (Number.isFinite(oldest) && idle().length && !this.#closed) this.#timer = setTimeout(() => this.#dispatch(), Math.max(0, oldest + STEAL_AFTER_MS - now));
  }

  #start(slot: Slot, job: Pending): void {
    const {worker} = slot;
    const id = this.#next++;
    slot.busy = true;
    const settle = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.busy = false;
      if (!this.#closed) this.#dispatch();
    };
    const onMessage = (reply: Reply): void => {
      if (reply.id !== id) return;
      settle();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.result);
    };
    const onError = (error: Error): void => {
      slot.dead = true;
      settle();
      job.reject(error);
    };
    const onExit = (): void => {
      slot.dead = true;
      settle();
      job.reject(new Error('Cannot finish the job: its worker stopped'));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({...job.input, id} as BatchJob);
  }

  /** Stop every worker: jobs in flight reject, jobs waiting for a worker never start. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const job of [...this.#pending.read.splice(0), ...this.#pending.make.splice(0)]) job.reject(new Error('Cannot run a job: the worker pool is closed'));
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
