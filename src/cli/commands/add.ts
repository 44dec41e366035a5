import {type Command} from 'commander';
import type {Manifest} from '../../model/manifest.js';
import {say, UsageError, type CliContext} from '../context.js';
import {EXIT_HELP} from '../exit-codes.js';

interface AddFlags {
  series: string;
  year: string;
  manifest: string;
  id?: string;
  publisher?: string;
  title?: string;
  url?: string;
  revision?: string;
}

const HELP = `
The edition is appended to the manifest's editions (registration order: lineage ids stay as they were),
with its path relative to the manifest and the sha256 of its bytes. When the manifest lists comparisons,
the new edition is compared with its neighbours in the series. The manifest is rewritten atomically (and made, if there is none yet).

Examples:
  $ guidance-diff add sources/nhs/2025-26.pdf --series nhs-national-objectives --year 2025/26
  $ guidance-diff add old/2022-23.html --series nhs-national-objectives --year 2022/23 --id nhs-2022-23
${EXIT_HELP}`;

/** `guidance-diff add <file> --series S --year Y`: register an edition in the manifest with its sha256. */
export function registerAdd(program: Command, context: CliContext): void {
  program
    .command('add')
    .description('add an edition to the manifest, with its sha256')
    .argument('<file>', 'the edition (PDF, HTML, Markdown or text)')
    .requiredOption('--series <id>', 'the series it belongs to')
    .requiredOption('--year <plan-year>', 'its plan year as printed, e.g. 2025/26')
    .option('--manifest <file>', 'the manifest', 'sources/manifest.json')
    .option('--id <id>', 'its id (default: <series>-<year>, e.g. nhs-2025-26)')
    .option('--publisher <name>', "who published it (default: the series' other editions' publisher)")
    .option('--title <title>', 'its title (default: the document says)')
    .option('--url <url>', 'where it was published')
    .option('--revision <label>', 'a revision label, when one plan year has several editions')
    .addHelpText('after', HELP)
    .action(async (file: string, flags: AddFlags) => add(file, flags, context));
}

async function add(file: string, flags: AddFlags, context: CliContext): Promise<void> {
  const [{addEdition}, {loadManifest}, {readInput}, {sha256}] = await Promise.all([
    import('../../batch/add-edition.js'),
    import('../../batch/load-manifest.js'),
    import('../../io/read-input.js'),
    import('../../ingest/ingest-document.js'),
  ]);
  // No manifest yet: this edition starts one.
  const manifest = await loadManifest(flags.manifest).catch((error: unknown) => {
    if ((error as {diagnostic?: {code?: string}}).diagnostic?.code === 'file-not-found') return {editions: []} as unknown as Manifest;
    throw error;
  });
  const bytes = await readInput(file, {maxBytes: context.globals().maxBytes});
  const result = addEdition(manifest, {
    manifestPath: flags.manifest,
    file,
    sha256: sha256(bytes),
    series: flags.series,
    planYear: flags.year,
    ...(flags.id ? {id: flags.id} : {}),
    ...(flags.publisher ? {publisher: flags.publisher} : {}),
    ...(flags.title ? {title: flags.title} : {}),
    ...(flags.url ? {url: flags.url} : {}),
    ...(flags.revision ? {revision: flags.revision} : {}),
  });
  if ('error' in result) throw new UsageError(result.error);
  const [{writeOutputs}, {dirname, basename}] = await Promise.all([import('../../io/write-outputs.js'), import('node:path')]);
  await context.guard(() => writeOutputs(dirname(flags.manifest), [{name: basename(flags.manifest), content: `${JSON.stringify(result.manifest, null, 2)}\n`}]));
  for (const note of result.notes) say(context, note, 'note');
  say(context, `added ${result.edition.id} (${result.edition.file}, sha256 ${result.edition.sha256.slice(0, 12)}…) to ${flags.manifest}`);
}
