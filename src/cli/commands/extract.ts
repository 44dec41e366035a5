import {Option, type Command} from 'commander';
import type {CliContext} from '../context.js';
import {EXIT_HELP} from '../exit-codes.js';
import {readDocument} from '../read-document.js';
import {writeStdout} from '../write-stdout.js';

/** `guidance-diff extract <file>`: the objectives found in one document. */
export function registerExtract(program: Command, context: CliContext): void {
  program
    .command('extract')
    .description('print the objectives extracted from one document')
    .argument('<file>', 'a guidance document (PDF, HTML, Markdown or text)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'md', 'csv']).default('json'))
    .addHelpText('after', `\nExamples:\n  $ guidance-diff extract guidance-2024-25.pdf --format md\n  $ guidance-diff extract guidance.html | jq '.objectives | length'\n${EXIT_HELP}`)
    .action(async (path: string, options: {format: 'json' | 'md' | 'csv'}) => {
      const {edition} = await readDocument(path, context);
      const {renderEdition} = await import('../../render/render-edition.js');
      await writeStdout(context, renderEdition(edition, options.format));
    });
}
