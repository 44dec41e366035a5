// Worker thread entry for batches: reads editions (ingest + extract) sent by the parent, one at a time.
import {parentPort} from 'node:worker_threads';
import {readEdition, type ReadEditionOptions} from '../pipeline.js';

/** A job for a batch worker: the document's bytes and how to read them. */
export interface EditionJob {
  id: number;
  bytes: Uint8Array;
  options: ReadEditionOptions;
}

const port = parentPort!;
port.on('message', (job: EditionJob) => {
  readEdition(job.bytes, {...job.options, threads: 1})
    .then(({document: _document, ...result}) => port.postMessage({id: job.id, result}))
    .catch((error: unknown) => port.postMessage({id: job.id, error: (error as Error)?.message ?? String(error)}));
});
