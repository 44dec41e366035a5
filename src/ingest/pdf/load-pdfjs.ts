/** pdfjs-dist's legacy build (for Node 20), loaded once on first use so that other formats never pay for it. */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

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
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
    return pdfjs;
  })();
  return loading;
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
