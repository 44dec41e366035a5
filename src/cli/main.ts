#!/usr/bin/env node
import {CommanderError} from 'commander';
import {DiagnosticError} from '../model/diagnostics.js';
import {describeError} from '../io/describe-error.js';
import type {CliContext, CliIo} from './context.js';
import {line, UsageError} from './context.js';
import {EXIT} from './exit-codes.js';
import {buildProgram} from './program.js';
import {preferInlineInflate} from '../ingest/pdf/load-pdfjs.js';
import {raiseJitBudget} from './raise-jit-budget.js';

// Stages are imported inside each command, so that a command loads only what it uses: `ingest` of a
// PDF starts without the Markdown, HTML, matching and rendering code.

export {EXIT} from './exit-codes.js';
export type {CliIo} from './context.js';
export {buildProgram} from './program.js';

/** Global options, and those of them that take a value: skipped when looking for the command name. */
const VALUE_OPTIONS = new Set(['--max-bytes', '--aliases', '--threads']);
const FLAG_OPTIONS = new Set(['--debug', '-q', '--quiet', '--color', '--no-color']);

/**
 * With no command name, the command is `batch`: it is put before the first option that is not a global
 * one (`guidance-diff --no-cache` = `guidance-diff batch --no-cache`). A word where the command name goes
 * is left for commander, which refuses an unknown one with a suggestion.
 */
export function withDefaultCommand(argv: readonly string[]): string[] {
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const name = arg.split('=')[0]!;
    if (['-h', '--help', '-V', '--version'].includes(arg) || !arg.startsWith('-')) return [...argv];
    if (VALUE_OPTIONS.has(name)) {
      if (!arg.includes('=')) k++;
      continue;
    }
    if (FLAG_OPTIONS.has(name)) continue;
    return [...argv.slice(0, k), 'batch', ...argv.slice(k)];
  }
  return [...argv, 'batch'];
}

/** How {@link main} is run: an abort signal standing for SIGINT/SIGTERM, and whether stdout was closed. */
export interface MainOptions {
  /** Aborted with reason `'SIGINT'` or `'SIGTERM'` to interrupt the command. */
  readonly signal?: AbortSignal;
  /** Resolves when stdout is closed by its reader (EPIPE): the command ends quietly. */
  readonly stdoutClosed?: Promise<void>;
}

/**
 * Run the CLI; resolves to the exit code. Errors print one line on stderr naming the file and reason.
 *
 * @example
 * process.exitCode = await main(['compare', 'a.pdf', 'b.pdf']);
 */
export async function main(argv: readonly string[], io: CliIo = processIo, options: MainOptions = {}): Promise<number> {
  let exit: number = EXIT.ok;
  const signal = options.signal ?? new AbortController().signal;
  // Work under `guard` (a batch, a set of files being written) ends by itself when interrupted; anything
  // else stops at once.
  let active = 0;
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    active++;
    try {
      return await work();
    } finally {
      active--;
    }
  };
  const context: Omit<CliContext, 'globals'> = {io, setExit: (code) => (exit = code), signal, guard};
  const program = buildProgram(context);
  const interruptCode = (): number => (signal.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted);
  const stopped = new Promise<'interrupted' | 'closed'>((resolve) => {
    signal.addEventListener('abort', () => void (active ? undefined : resolve('interrupted')), {once: true});
    void options.stdoutClosed?.then(() => void (active ? undefined : resolve('closed')));
  });
  try {
    const outcome = await Promise.race([program.parseAsync(withDefaultCommand(argv), {from: 'user'}).then(() => 'done' as const), stopped]);
    // A command that finished its work has its own exit code (a batch sets 130/143 itself when it was
    // interrupted; one whose work was done when the signal came was not interrupted).
    if (outcome === 'interrupted') return interruptCode();
    return outcome === 'closed' ? EXIT.ok : exit;
  } catch (error) {
    if (signal.aborted) return interruptCode();
    return reportError(error, argv, {...context, globals: () => program.opts()});
  }
}

function reportError(error: unknown, argv: readonly string[], context: CliContext): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
    return EXIT.error;
  }
  const debug = argv.includes('--debug');
  if (error instanceof DiagnosticError) {
    line(context, `${error.diagnostic.file}: ${error.diagnostic.message}`, 'error');
    if (debug && error.cause) context.io.stderr(`${String((error.cause as Error).stack ?? error.cause)}\n`);
  } else if (error instanceof UsageError) {
    line(context, error.message, 'error');
  } else {
    line(context, describeError(error), 'error');
    if (debug) context.io.stderr(`${(error as Error)?.stack ?? ''}\n`);
  }
  return EXIT.error;
}

let stdoutOpen = true;
const processIo: CliIo = {
  isTTY: process.stdout.isTTY === true,
  isErrorTTY: process.stderr.isTTY === true,
  stdout: (s) => (stdoutOpen ? process.stdout.write(s) : true),
  stderr: (s) => void process.stderr.write(s),
  drain: () => (stdoutOpen ? new Promise((resolve) => process.stdout.once('drain', () => resolve())) : Promise.resolve()),
};

/**
 * Run as the `guidance-diff` command: signals abort the command, a closed stdout ends it quietly. The
 * command's own process lets pdf.js inflate streams inline ({@link preferInlineInflate}) and V8 optimise
 * fewer functions ({@link raiseJitBudget}).
 */
async function runProcess(): Promise<void> {
  preferInlineInflate();
  raiseJitBudget();
  const controller = new AbortController();
  const onSignal = (name: 'SIGINT' | 'SIGTERM'): void => {
    // A second signal ends at once (what is in flight is cleaned up by the next run).
    if (controller.signal.aborted) process.exit(name === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted);
    controller.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stdoutClosed = new Promise<void>((resolve) => {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      stdoutOpen = false;
      process.stdout.emit('drain');
      resolve();
    });
  });
  const code = await main(process.argv.slice(2), processIo, {signal: controller.signal, stdoutClosed});
  // Exit now, with this code: a command stopped early may have work queued that must not run on, and a
  // signal that comes after the work is done must not turn a finished run into a killed one. (stdout to a
  // file, pipe or terminal is written synchronously on Linux and macOS, so nothing is lost.)
  process.exit(code);
}

const invokedDirectly = process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (invokedDirectly) await runProcess();
