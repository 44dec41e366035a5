import {Command, Option} from 'commander';
import {DEFAULT_MAX_BYTES} from '../ingest/limits.js';
import {packageVersion} from '../io/package-root.js';
import {registerAdd} from './commands/add.js';
import {registerBatch} from './commands/batch.js';
import {registerCompare} from './commands/compare.js';
import {registerExtract} from './commands/extract.js';
import {registerIngest} from './commands/ingest.js';
import {registerPublish} from './commands/publish.js';
import {registerReview} from './commands/review.js';
import type {CliContext, GlobalOptions} from './context.js';
import {EXIT_HELP} from './exit-codes.js';
import {collect, positiveInt} from './option-parsers.js';

const HELP = `
With no command, runs \`batch\`: every comparison in sources/manifest.json, written into output/.

Examples:
  $ guidance-diff                                   # the manifest job
  $ guidance-diff compare 2023-24.pdf 2024-25.pdf   # one comparison on stdout
  $ guidance-diff add 2025-26.pdf --series nhs --year 2025/26
  $ guidance-diff batch --exit-code; [ $? -eq 1 ] && guidance-diff publish
${EXIT_HELP}`;

/** Options every command takes, before or after its name. */
export function addGlobalOptions(command: Command): Command {
  return command
    .option('--debug', 'print stack traces for errors')
    .option('-q, --quiet', 'print only errors on stderr (no summary, notices or progress bar)')
    .option('--color', 'colour messages on stderr (default: when stderr is a terminal and NO_COLOR is unset)')
    .option('--no-color', 'never colour messages')
    .addOption(new Option('--max-bytes <n>', 'refuse documents larger than this').argParser(positiveInt).default(DEFAULT_MAX_BYTES))
    .option('--aliases <file>', 'extra aliases file (repeatable), added to data/aliases.json', collect, [] as string[])
    .addOption(new Option('--threads <n>', 'worker threads for reading large PDFs (default: number of CPUs)').argParser(positiveInt).env('GUIDANCE_DIFF_THREADS'))
    .option('--strict', 'treat a partial reading (a failed check, part of a document lost) as an error: exit 2')
    .option('--table <n|words>', 'read the objectives from this table: its number among the document\'s tables, or words of its caption, heading or header')
    .option('--item-column <n|words>', 'the column that holds the items (objectives, measures): its number or header words')
    .option('--group-column <n|words>', 'the column that holds the groups (areas, priorities): its number or header words')
    .option('--vocabulary <file>', 'extra header vocabulary (repeatable), added to data/header-vocabulary.json', collect, [] as string[]);
}

/**
 * Build the command-line program: global options, then one module per command under `commands/`, each
 * registering itself with `register<Name>(program, context)`.
 */
export function buildProgram(context: Omit<CliContext, 'globals'>): Command {
  const program = new Command('guidance-diff');
  addGlobalOptions(program)
    .description('Compare editions of policy guidance: which objectives were kept, which are new, which were dropped, and what changed.')
    .version(packageVersion(), '-V, --version')
    .configureOutput({
      writeOut: (s) => void context.io.stdout(s),
      writeErr: context.io.stderr,
      // Commander's own errors as one line, `guidance-diff: …`, like every other error.
      outputError: (s, write) => write(`guidance-diff: ${s.replace(/^error: /, '').replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)').trim()}\n`),
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText('after', HELP);
  const full: CliContext = {...context, globals: () => program.opts<GlobalOptions>()};
  for (const register of [registerCompare, registerExtract, registerIngest, registerBatch, registerAdd, registerPublish, registerReview]) register(program, full);
  return program;
}
