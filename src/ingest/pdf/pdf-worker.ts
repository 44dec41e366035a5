// Worker thread entry: loads pdf.js at once, opens the PDF when the first page range arrives (so that a
// worker started early for a document that turns out too short for it never holds a second copy of the
// document), then reads the ranges the parent hands out, one at a time, until told there are none left.
import {parentPort, workerData} from 'node:worker_threads';
import {loadPdfJs, preferInlineInflate} from './load-pdfjs.js';
import {PdfReader, type readRange} from './read-pages.js';

/** Messages from the parent: a range to read, or the end. */
export type ToWorker = {range: [number, number]} | {done: true};
/** Messages to the parent: ready for (more) work, with the pages just read, or unable to open the file. */
export type FromWorker = {ready: true; result?: Awaited<ReturnType<typeof readRange>>} | {failed: true};

const {bytes, file} = workerData as {bytes: Uint8Array; file: string};
const port = parentPort!;
preferInlineInflate();
await loadPdfJs();
let opened: ReturnType<typeof PdfReader.open> | undefined;
port.on('message', (message: ToWorker) => {
  if ('done' in message) {
    void (opened ?? Promise.resolve(undefined)).then(async (o) => {
      if (o?.ok) await o.reader.close();
      port.close();
    });
    return;
  }
  opened ??= PdfReader.open(bytes, file);
  void opened.then(async (o) => {
    if (!o.ok) port.postMessage({failed: true} satisfies FromWorker);
    else port.postMessage({ready: true, result: await o.reader.read(message.range)} satisfies FromWorker);
  });
});
port.postMessage({ready: true} satisfies FromWorker);
