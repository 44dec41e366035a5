import type {CliContext} from './context.js';

/** Write to stdout, waiting when the reader asks for a pause. */
export async function writeStdout(context: CliContext, text: string): Promise<void> {
  if (!context.io.stdout(text)) await context.io.drain();
}
