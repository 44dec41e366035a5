import {createRequire} from 'node:module';
import {stemmer} from 'stemmer';
import {HeaderVocabulary, type VocabularyRole} from '../model/header-vocabulary.js';

/** Role weights a header suggests, 0–1 each. */
export type RoleWeights = Record<VocabularyRole, number>;

/** A vocabulary compiled for matching: terms as stemmed word sequences. */
export interface CompiledVocabulary {
  readonly terms: readonly {words: string[]; roles: Partial<RoleWeights>}[];
  readonly contexts: readonly {words: string[]; weight: number}[];
}

let defaultVocabulary: HeaderVocabulary | undefined;

/**
 * The vocabulary shipped in `data/header-vocabulary.json` (read once; this file and the data folder sit
 * at the same depth under the package in `src/` and in `dist/`).
 */
export function defaultHeaderVocabulary(): HeaderVocabulary {
  defaultVocabulary ??= HeaderVocabulary.parse(createRequire(import.meta.url)('../../data/header-vocabulary.json'));
  return defaultVocabulary;
}

function stems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => stemmer(w));
}

const compiled = new WeakMap<HeaderVocabulary, CompiledVocabulary>();

/** Compile a vocabulary (once per value). */
export function compileVocabulary(vocabulary: HeaderVocabulary): CompiledVocabulary {
  let known = compiled.get(vocabulary);
  if (!known) {
    known = {
      terms: vocabulary.terms.map((t) => ({words: stems(t.term), roles: t.roles})),
      contexts: vocabulary.contexts.map((c) => ({words: stems(c.term), weight: c.weight})),
    };
    compiled.set(vocabulary, known);
  }
  return known;
}

function contains(haystack: readonly string[], needle: readonly string[]): boolean {
  if (!needle.length || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * What a header suggests about its column: for each role the weight of the best matching term, the
 * longest match winning (so "success measure" outweighs "measure"). A header with no known word gives 0.
 *
 * @example
 * headerRoles('Success measures', compileVocabulary(defaultHeaderVocabulary())).item; // 1
 */
export function headerRoles(header: string, vocabulary: CompiledVocabulary): RoleWeights {
  const words = stems(header);
  const out: RoleWeights = {item: 0, group: 0, target: 0, deadline: 0, other: 0};
  let longest = 0;
  const matches = vocabulary.terms.filter((t) => contains(words, t.words));
  for (const m of matches) longest = Math.max(longest, m.words.length);
  for (const m of matches) {
    // A shorter term inside a longer matched one ("measure" in "success measure") counts for less.
    const factor = m.words.length === longest ? 1 : 0.5;
    for (const [role, weight] of Object.entries(m.roles) as [VocabularyRole, number][]) out[role] = Math.max(out[role], weight * factor);
  }
  return out;
}

/** What captions and headings say about a block: the sum of matching context weights, clamped to −1…1. */
export function contextWeight(texts: readonly string[], vocabulary: CompiledVocabulary): number {
  let sum = 0;
  for (const text of texts) {
    const words = stems(text);
    for (const c of vocabulary.contexts) if (contains(words, c.words)) sum += c.weight;
  }
  return Math.max(-1, Math.min(1, sum));
}

/** Whether a noun phrase ("success measures", "priorities") names the same thing as a header ("Success measure"). */
export function sameNoun(phrase: string, header: string): boolean {
  const a = stems(phrase);
  const b = stems(header);
  return a.length > 0 && b.length > 0 && (contains(b, a) || contains(a, b));
}
