import type {AliasEntry} from '../model/aliases.js';
import {foldCase} from './fold-text.js';

/** A compiled alias table: variant phrase → canonical phrase, longest variants first. */
export interface AliasTable {
  readonly entries: readonly {variant: string; pattern: RegExp; canonical: string}[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiled = new WeakMap<readonly AliasEntry[], AliasTable>();

/**
 * Compile alias entries for {@link applyAliases} (once per entries array).
 *
 * @example
 * applyAliases('accessing iapt', aliasTable([{canonical: 'nhs talking therapies', variants: ['iapt']}]));
 * // 'accessing nhs talking therapies'
 */
export function aliasTable(entries: readonly AliasEntry[]): AliasTable {
  const known = compiled.get(entries);
  if (known) return known;
  const pairs = entries.flatMap((e) => e.variants.map((v) => ({variant: foldCase(v), canonical: foldCase(e.canonical)})));
  pairs.sort((a, b) => b.variant.length - a.variant.length || a.variant.localeCompare(b.variant));
  const table: AliasTable = {
    entries: pairs.map(({variant, canonical}) => ({
      variant,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}&])${escapeRegExp(variant)}(?![\\p{L}\\p{N}&])`, 'gu'),
      canonical,
    })),
  };
  compiled.set(entries, table);
  return table;
}

/** Replace every alias variant with its canonical phrase (text already folded to lower case). */
export function applyAliases(text: string, aliases: AliasTable): string {
  let out = text;
  // A plain substring test first: most variants are absent from most texts, and it is far cheaper than the pattern.
  for (const {variant, pattern, canonical} of aliases.entries) if (out.includes(variant)) out = out.replace(pattern, canonical);
  return out;
}
