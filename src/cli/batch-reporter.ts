import cliProgress from 'cli-progress';
import type {BatchEvent, BatchResult} from '../batch/run-batch.js';
import type {CliContext} from './context.js';

/**
 * How a batch reports as it runs: NDJSON (one event per line on stdout, for scheduled jobs and log
 * collectors) or a progress bar on stderr (documents and comparisons done of the total, with ETA).
 * `--quiet` leaves out the bar; NDJSON asked for is still written.
 */
export function batchReporter(context: CliContext, json: boolean): {onEvent: (event: BatchEvent) => void; done: (result: BatchResult) => void; stop: () => void} {
  const {io} = context;
  if (json) {
    return {
      onEvent: (event) => void io.stdout(`${JSON.stringify(event)}\n`),
      done: ({report, changed}) => void io.stdout(`${JSON.stringify({event: 'summary', ...report.summary, interrupted: report.interrupted, changed: changed.length})}\n`),
      stop: () => undefined,
    };
  }
  if (context.globals().quiet) return {onEvent: () => undefined, done: () => undefined, stop: () => undefined};
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
      } else if (started && (event.event === 'document' || event.event === 'comparison')) {
        bar.increment({task: event.event === 'document' ? `read ${event.id}` : `compared ${event.id}`});
      }
    },
    done: () => undefined,
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
