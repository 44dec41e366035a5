/** pdfjs-dist's legacy build (for Node 20), loaded once on first use so that other formats never pay for it. */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfWorker = InstanceType<PdfJs['PDFWorker']>;

let loading: Promise<PdfJs> | undefined;
let worker: PdfWorker | undefined;

/**
 * Load pdf.js and its worker code into this thread. The legacy build bundles core-js, which *replaces*
 * (not merely adds) `Array.prototype.push`, `JSON.parse` and `JSON.stringify` with polyfills for spec
 * edge cases (non-writable array lengths, JSON source text) that Node 20 handles differently. Those
 * polyfills make every push in the process about 1.5× slower, pdf.js's own included, and nothing here
 * relies on the edge cases, so the native functions are put back. Features Node lacks (added, not
 * replaced: `Promise.withResolvers`, `Uint8Array.prototype.toHex`, …) stay polyfilled.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const natives = {push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify};
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Importing the worker module sets `globalThis.pdfjsWorker`, so pdf.js runs its worker code in this
    // thread without importing it later (and re-installing the polyfills then).
    const {WorkerMessageHandler} = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as {WorkerMessageHandler: {initializeFromPort(port: SameThreadPort): void}};
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
    const port = new SameThreadPort();
    WorkerMessageHandler.initializeFromPort(port);
    worker = new pdfjs.PDFWorker({port: port as unknown as null, verbosity: pdfjs.VerbosityLevel.ERRORS});
    return pdfjs;
  })();
  return loading;
}

/**
 * The pdf.js worker every document of this thread is opened with (`getDocument({worker})`): pdf.js's
 * worker code, run in this thread, as its own "fake worker" is, but over a {@link SameThreadPort}.
 */
export async function pdfWorker(): Promise<PdfWorker> {
  await loadPdfJs();
  return worker!;
}

type Listener = (event: {data: unknown}) => void;

/**
 * The port between pdf.js's display side and its worker code when both run in this thread. pdf.js's own
 * (`LoopbackPort`, `src/display/api.js`) deep-copies every message with `structuredClone`, as a real
 * worker's port would; this one hands over text-content chunks as they are, since pdf.js's worker code
 * never touches a chunk's items again once sent (`getTextContent`'s `enqueueChunk` gives the chunk new
 * `items` and `styles` arrays after each), and copying them cost ~5% of reading a page's text. Every other message is copied, as
 * pdf.js does: an operator-list chunk's arrays, for one, are emptied as soon as it is sent.
 */
class SameThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | undefined>();
  readonly #deferred = Promise.resolve();

  postMessage(data: unknown, transfer?: NonNullable<Parameters<typeof structuredClone>[1]>['transfer']): void {
    const chunk = (data as {chunk?: {items?: unknown}} | null)?.chunk;
    // The chunk object itself is reused (its `items` replaced) once sent: it is copied, its items are not.
    const event = {data: Array.isArray(chunk?.items) ? {...(data as object), chunk: {...chunk}} : structuredClone(data, transfer ? {transfer} : undefined)};
    void this.#deferred.then(() => {
      for (const listener of this.#listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(_name: 'message', listener: Listener, options?: {signal?: AbortSignal}): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    const onAbort = (): void => this.removeEventListener(_name, listener);
    signal?.addEventListener('abort', onAbort);
    this.#listeners.set(listener, signal ? () => signal.removeEventListener('abort', onAbort) : undefined);
  }

  removeEventListener(_name: 'message', listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const remove of this.#listeners.values()) remove?.();
    this.#listeners.clear();
  }
}

/**
 * Have pdf.js inflate Flate (and Brotli) streams in its own JavaScript decoder, on the calling thread.
 * pdf.js 5 inflates through the platform's `DecompressionStream` whenever there is one; on Node that is
 * a web stream over zlib on the libuv thread pool, so each page's content stream goes out to the pool and
 * back, and reading threads queue there. Without it, the bare pdf.js text loop over 420 pages took
 * 2.50–2.61 s instead of 2.91–2.95 s, with less CPU. Removes `globalThis.DecompressionStream`, so it is
 * called only where no one else's code runs: the `guidance-diff` command and the worker threads. A program
 * using guidance-diff as a library keeps its `DecompressionStream` (and pdf.js then uses it).
 *
 * @example
 * preferInlineInflate(); // before the first PDF is read
 */
export function preferInlineInflate(): void {
  delete (globalThis as {DecompressionStream?: unknown}).DecompressionStream;
}
