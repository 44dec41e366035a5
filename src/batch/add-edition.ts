import {dirname, relative, resolve, sep} from 'node:path';
import {Manifest, type ManifestEdition} from '../model/manifest.js';

/** What to add with {@link addEdition}. */
export interface AddEditionInput {
  readonly manifestPath: string;
  /** The document's path (as given, or absolute): stored relative to the manifest's folder. */
  readonly file: string;
  readonly sha256: string;
  readonly series: string;
  readonly planYear: string;
  /** @default `<series>-<plan year with / as ->` */
  readonly id?: string;
  /** @default the publisher of the series' latest edition */
  readonly publisher?: string;
  readonly title?: string;
  readonly url?: string;
  readonly revision?: string;
}

/**
 * A manifest with one more edition, appended (registration order, which lineage ids are anchored to).
 * When the manifest lists its comparisons, the new edition is compared with its neighbours by plan year.
 * Refused (as `{error}`) when the id or the file is already there, or the result is not a valid manifest.
 *
 * @example
 * const result = addEdition(manifest, {manifestPath: 'sources/manifest.json', file: 'sources/nhs/2025-26.pdf', sha256, series: 'nhs', planYear: '2025/26'});
 */
export function addEdition(manifest: Manifest, input: AddEditionInput): {manifest: Manifest; edition: ManifestEdition; notes: string[]} | {error: string} {
  const file = relative(dirname(resolve(input.manifestPath)), resolve(input.file)).split(sep).join('/');
  const id = input.id ?? `${input.series}-${input.planYear.replace('/', '-')}${input.revision ? `-${input.revision}` : ''}`.toLowerCase();
  const series = manifest.editions.filter((e) => e.series === input.series);
  const publisher = input.publisher ?? series.at(-1)?.publisher;
  if (!publisher) return {error: `Cannot add ${input.file}: the series \`${input.series}\` is new, so give its publisher with --publisher`};
  const clash = manifest.editions.find((e) => e.id === id);
  if (clash) return {error: `Cannot add ${input.file}: the id \`${id}\` is taken by ${clash.file}; choose another with --id`};
  const same = manifest.editions.find((e) => e.file === file);
  if (same) return {error: `Cannot add ${input.file}: it is already in the manifest as \`${same.id}\``};
  const notes: string[] = [];
  const twin = manifest.editions.find((e) => e.sha256 === input.sha256);
  if (twin) notes.push(`${input.file} has the same bytes as \`${twin.id}\` (${twin.file})`);
  const edition: ManifestEdition = {
    id,
    series: input.series,
    publisher,
    ...(input.title ? {title: input.title} : {}),
    planYear: input.planYear,
    file,
    sha256: input.sha256,
    ...(input.revision ? {revision: input.revision} : {}),
    ...(input.url ? {url: input.url} : {}),
  };
  const next: Manifest = {...manifest, editions: [...manifest.editions, edition]};
  if (manifest.comparisons) {
    const ordered = [...series, edition].toSorted((a, b) => a.planYear.localeCompare(b.planYear) || (a.revision ?? '').localeCompare(b.revision ?? ''));
    const k = ordered.indexOf(edition);
    const added = [ordered[k - 1] && {previous: ordered[k - 1]!.id, current: id}, ordered[k + 1] && {previous: id, current: ordered[k + 1]!.id}].filter((c) => !!c);
    next.comparisons = [...manifest.comparisons, ...added.map((c) => ({id: `${c.previous}-vs-${c.current}`, ...c}))];
    for (const c of added) notes.push(`comparison ${c.previous}-vs-${c.current} added`);
  }
  const parsed = Manifest.safeParse(next);
  if (!parsed.success) return {error: `Cannot add ${input.file}: ${parsed.error.issues[0]!.message} (at ${parsed.error.issues[0]!.path.join('.')})`};
  return {manifest: next, edition, notes};
}
