import {Option, type Command} from 'commander';
import {DiagnosticError} from '../../model/diagnostics.js';
import {readInput} from '../../io/read-input.js';
import type {CliContext} from '../context.js';
import {EXIT_HELP} from '../exit-codes.js';
import {documentName} from '../read-document.js';
import {writeStdout} from '../write-stdout.js';

/** `guidance-diff ingest <file>`: what ingestion read (format, encoding, repairs, blocks). */
export function registerIngest(program: Command, context: CliContext): void {
  program
    .command('ingest')
    .description('print what ingestion read: format, encoding, repairs, blocks with provenance, diagnostics')
    .argument('<file>', 'a document')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
    .addHelpText('after', `\nExamples:\n  $ guidance-diff ingest guidance.pdf\n  $ guidance-diff ingest guidance.pdf --format json | head\n${EXIT_HELP}`)
    .action(async (path: string, options: {format: 'json' | 'text'}) => {
      const common = context.globals();
      const bytes = await readInput(path, {maxBytes: common.maxBytes});
      const {ingestDocument} = await import('../../ingest/ingest-document.js');
      const {name} = await documentName(path, bytes);
      const result = await ingestDocument(bytes, {file: name, maxBytes: common.maxBytes, ...(common.threads ? {threads: common.threads} : {})});
      if (result.status === 'failure') throw new DiagnosticError({...(result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0]!), file: path});
      if (options.format === 'json') {
        const {writeJsonStream} = await import('../write-json-stream.js');
        await writeJsonStream(result.value, context.io.stdout, context.io.drain);
      } else await writeStdout(context, (await import('../../render/render-source.js')).renderSourceText(result.value));
    });
}
