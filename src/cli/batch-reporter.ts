import cliProgress from 'cli-progress';
import type {BatchEvent, BatchReport} from '../batch/run-batch.js';
import type {CliIo} from './main.js';

/**
 * How a batch reports as it runs: NDJSON (one event per line on stdout, for scheduled jobs and log
 * collectors) or a progress bar on stderr (documents and comparisons done of the total, with ETA).
 */
export function batchReporter(io: CliIo, json: boolean): {onEvent: (event: BatchEvent) => void; done: (report: BatchReport) => void; stop: () => void} {
  if (json) {
    return {
      onEvent: (event) => void io.stdout(`${JSON.stringify(event)}\n`),
      done: (report) => void io.stdout(`${JSON.stringify({event: 'summary', ...report.summary})}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {format: 'guidance-diff [{bar}] {value}/{total} {task} | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: true},
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onEvent: (event) => {
      if (event.event === 'start') {
        bar.start(event.documents + event.comparisons, 0, {task: 'reading'});
        started = true;
      } else if (started && event.event !== 'lineage') bar.increment({task: event.event === 'document' ? `read ${event.id}` : `compared ${event.id}`});
    },
    done: () => undefined,
    stop: () => {
      if (started) bar.stop();
    },
  };
}
