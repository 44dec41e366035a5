import {stemmer} from 'stemmer';
import type {AliasEntry} from '../model/aliases.js';

const STOPWORDS = new Set(
  `a an the of to and or in on for by with at as that is are be been being all its their from this these those which who whom whose
  than so such into within across through per via it they them we our us will should would can could may might must has have had do
  does did not no nor also both each every any some more most other own same very just only further where while including`
    .split(/\s+/)
    .filter(Boolean),
);
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
};
const UNIT_WORDS = new Set(['minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);

/** A compiled alias table: variant phrase → canonical phrase, longest variants first. */
export interface AliasTable {
  readonly entries: readonly {pattern: RegExp; canonical: string}[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function basic(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

const compiled = new WeakMap<readonly AliasEntry[], AliasTable>();

/** Compile alias entries for {@link applyAliases} (once per entries array). */
export function compileAliases(entries: readonly AliasEntry[]): AliasTable {
  const known = compiled.get(entries);
  if (known) return known;
  const table = compileAliasesUncached(entries);
  compiled.set(entries, table);
  return table;
}

function compileAliasesUncached(entries: readonly AliasEntry[]): AliasTable {
  const pairs = entries.flatMap((e) => e.variants.map((v) => ({variant: basic(v), canonical: basic(e.canonical)})));
  pairs.sort((a, b) => b.variant.length - a.variant.length || a.variant.localeCompare(b.variant));
  return {
    entries: pairs.map(({variant, canonical}) => ({
      pattern: new RegExp(`(?<![\\p{L}\\p{N}&])${escapeRegExp(variant)}(?![\\p{L}\\p{N}&])`, 'gu'),
      canonical,
    })),
  };
}

/** Replace every alias variant with its canonical phrase (text already lower-cased). */
export function applyAliases(text: string, aliases: AliasTable): string {
  let out = text;
  for (const {pattern, canonical} of aliases.entries) out = out.replace(pattern, canonical);
  return out;
}

/**
 * Rewrite years relative to the edition's plan year, so that "March 2024" in the 2023/24 edition and
 * "March 2025" in the 2024/25 edition read the same (`y+1`), as do the plan years themselves (`py+0`).
 */
export function relativiseYears(text: string, planStartYear: number | undefined): string {
  if (planStartYear === undefined) return text;
  return text
    .replace(/\b(20\d{2})\s*\/\s*(\d{2})\b/g, (_, y: string) => ` py${signed(Number(y) - planStartYear)} `)
    .replace(/\b(20\d{2})\b/g, (_, y: string) => ` y${signed(Number(y) - planStartYear)} `);
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

/** The start year of a plan year such as `2024/25`. */
export function planStartYear(planYear: string | undefined): number | undefined {
  const m = planYear ? /(\d{4})/.exec(planYear) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Text → match tokens: aliases applied, years made relative, number words as digits, stop words
 * dropped, words stemmed (Porter, via `stemmer`), plus a joined token for each number-and-unit pair
 * (`62-day` and `62 days` both give `62day`).
 *
 * @example
 * matchTokens('within six weeks', {entries: []}); // ['6', 'week', '6week']
 */
export function matchTokens(text: string, aliases: AliasTable, planYear?: number): string[] {
  // The same objective is tokenised for each comparison and lineage it is in: remember the answer.
  let memo = tokenMemo.get(aliases);
  if (!memo) tokenMemo.set(aliases, (memo = new Map()));
  const key = `${planYear ?? ''}\u0000${text}`;
  const known = memo.get(key);
  if (known) return known;
  const tokens = tokenize(text, aliases, planYear);
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(key, tokens);
  return tokens;
}

const tokenMemo = new WeakMap<AliasTable, Map<string, string[]>>();
const MEMO_LIMIT = 50_000;

function tokenize(text: string, aliases: AliasTable, planYear?: number): string[] {
  const prepared = relativiseYears(applyAliases(basic(text), aliases), planYear);
  const raw = prepared.match(/[\p{L}\p{N}][\p{L}\p{N}%.,+&']*/gu) ?? [];
  const tokens: string[] = [];
  let previous = '';
  for (let word of raw) {
    word = word.replace(/[.,']+$/, '').replace(/'s$/, '');
    if (/^\d{1,3}(,\d{3})+$/.test(word)) word = word.replace(/,/g, '');
    word = NUMBER_WORDS[word] ?? word;
    if (!word || STOPWORDS.has(word)) {
      previous = '';
      continue;
    }
    const isNumber = /^\d+(\.\d+)?%?$/.test(word);
    if (UNIT_WORDS.has(word) && /^\d+(\.\d+)?$/.test(previous)) tokens.push(`${previous}${stemmer(word)}`);
    tokens.push(isNumber || /[\d&+]/.test(word) ? word : stemmer(word));
    previous = word;
  }
  return tokens;
}
