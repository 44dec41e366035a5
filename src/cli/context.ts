import {styleText} from 'node:util';

/** Where the CLI writes. `stdout` returns false when the stream wants a pause; `drain` waits for it. */
export interface CliIo {
  /** Whether stdout is a terminal (progress bars) or not (NDJSON logs). */
  readonly isTTY?: boolean;
  /** Whether stderr is a terminal (colour, progress bar). @default isTTY */
  readonly isErrorTTY?: boolean;
  /** Environment, for `NO_COLOR` and `FORCE_COLOR`. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  stdout: (s: string) => boolean;
  stderr: (s: string) => void;
  drain: () => Promise<void>;
}

/** The options every command accepts (given before or after the command name). */
export interface GlobalOptions {
  maxBytes: number;
  threads?: number;
  aliases: string[];
  debug?: boolean;
  quiet?: boolean;
  /** `--color` true, `--no-color` false, neither undefined (then NO_COLOR and the terminal decide). */
  color?: boolean;
  /** A partial reading (a check failed, part of a document lost) is an error (exit 2). */
  strict?: boolean;
  /** Which table holds the objectives: its number among the document's tables, or words of its caption, heading or header. */
  table?: string;
  /** The column holding the items (number or header words). */
  itemColumn?: string;
  /** The column holding the groups (number or header words). */
  groupColumn?: string;
  /** Extra header vocabulary files, added to data/header-vocabulary.json. */
  vocabulary: string[];
}

/** What a command gets: where to write, how to set the exit code, the global options, the interrupt signal. */
export interface CliContext {
  readonly io: CliIo;
  setExit: (code: number) => void;
  globals: () => GlobalOptions;
  /** Aborted on SIGINT or SIGTERM: stop taking work, finish or roll back what is in flight. */
  readonly signal: AbortSignal;
  /**
   * Run work that must not be cut short (writing a set of files, a batch that handles the signal itself):
   * an interrupt, or a closed stdout, that comes while it runs leaves the command to end by itself (and
   * set its exit code); one that comes outside it stops the command at once.
   */
  guard: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Whether to colour stderr: `--color`/`--no-color` first, then `NO_COLOR`, `FORCE_COLOR`, then a terminal. */
export function useColor(context: CliContext): boolean {
  const flag = context.globals().color;
  if (flag !== undefined) return flag;
  const env = context.io.env ?? process.env;
  if (env['NO_COLOR']) return false;
  if (env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0') return true;
  return (context.io.isErrorTTY ?? context.io.isTTY) === true;
}

type Tone = 'error' | 'warning' | 'note' | 'ok';
const STYLE: Record<Tone, Parameters<typeof styleText>[0]> = {error: 'red', warning: 'yellow', note: 'cyan', ok: 'green'};

/** One line on stderr, `guidance-diff: …`, coloured by tone when colour is on. */
export function line(context: CliContext, text: string, tone?: Tone): void {
  const body = tone === 'warning' || tone === 'note' ? `${tone}: ${text}` : text;
  const out = `guidance-diff: ${body}`;
  context.io.stderr(`${tone && useColor(context) ? styleText(STYLE[tone], out, {validateStream: false}) : out}\n`);
}

/** An informational line on stderr (a summary, a notice), left out with `--quiet`. */
export function say(context: CliContext, text: string, tone?: Tone): void {
  if (!context.globals().quiet) line(context, text, tone);
}

/** A usage error found by a command itself (not by commander): printed as one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
