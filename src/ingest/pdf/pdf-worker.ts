// Worker thread entry: opens the PDF once, then reads the page ranges the parent hands out, one at a
// time, until told there are none left.
import {parentPort, workerData} from 'node:worker_threads';
import {openPdf, readRange} from './read-pages.js';

/** Messages from the parent: a range to read, or the end. */
export type ToWorker = {range: [number, number]} | {done: true};
/** Messages to the parent: ready for (more) work, with the pages just read, or unable to open the file. */
export type FromWorker = {ready: true; result?: Awaited<ReturnType<typeof readRange>>} | {failed: true};

const {bytes, file} = workerData as {bytes: Uint8Array; file: string};
const port = parentPort!;
const opened = await openPdf(bytes, file);
if (!opened.ok) port.postMessage({failed: true} satisfies FromWorker);
else {
  const {doc} = opened;
  port.on('message', (message: ToWorker) => {
    if ('done' in message) {
      void doc.destroy().then(() => port.close());
      return;
    }
    void readRange(doc, file, message.range).then((result) => port.postMessage({ready: true, result} satisfies FromWorker));
  });
  port.postMessage({ready: true} satisfies FromWorker);
}
