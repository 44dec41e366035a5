import type {AliasEntry} from '../model/aliases.js';
import {foldCase} from './fold-text.js';

/** A compiled alias table: variant phrase → canonical phrase, longest variants first. */
export interface AliasTable {
  readonly entries: readonly {variant: string; canonical: string}[];
  /** Every variant in one alternation, longest first, on word boundaries (`undefined` when there are none). */
  readonly pattern: RegExp | undefined;
  readonly canonical: ReadonlyMap<string, string>;
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
  const canonical = new Map<string, string>();
  for (const {variant, canonical: c} of pairs) if (!canonical.has(variant)) canonical.set(variant, c);
  const table: AliasTable = {
    entries: pairs,
    pattern: pairs.length ? new RegExp(`(?<![\\p{L}\\p{N}&])(?:${pairs.map((p) => escapeRegExp(p.variant)).join('|')})(?![\\p{L}\\p{N}&])`, 'gu') : undefined,
    canonical,
  };
  compiled.set(entries, table);
  return table;
}

/**
 * Replace every alias variant with its canonical phrase (text already folded to lower case), in one pass, longest variant first.
 *
 * @example
 * applyAliases('iapt and ed', aliasTable([{canonical: 'a&e', variants: ['ed']}])); // 'iapt and a&e'
 */
export function applyAliases(text: string, aliases: AliasTable): string {
  return aliases.pattern ? text.replace(aliases.pattern, (m) => aliases.canonical.get(m) ?? m) : text;
}
