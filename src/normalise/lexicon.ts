import {readFileSync} from 'node:fs';

/**
 * General English lexical knowledge (`data/lexicon.json`, generated from WordNet 3.1 by
 * `scripts/make-lexicon.ts`): each word → its canonical synonym, and a noun → the verb it derives from.
 */
export interface Lexicon {
  /** Word → canonical word (synonyms and derived forms resolved). */
  readonly canonical: ReadonlyMap<string, string>;
}

/** The file's shape. */
export interface LexiconFile {
  synonyms: string[][];
  forms: Record<string, string>;
}

/**
 * Build a lexicon from the file's shape: the first word of each synonym group is its canonical form;
 * a derived noun takes its verb's canonical form.
 *
 * @example
 * buildLexicon({synonyms: [['expenditure', 'spending']], forms: {}}).canonical.get('spending'); // 'expenditure'
 */
export function buildLexicon(file: LexiconFile): Lexicon {
  if (!file || !Array.isArray(file.synonyms) || typeof file.forms !== 'object' || file.forms === null) {
    throw new TypeError(`Expected a lexicon with \`synonyms\` and \`forms\`, got \`${JSON.stringify(file)?.slice(0, 60)}\``);
  }
  const canonical = new Map<string, string>();
  for (const group of file.synonyms) for (const word of group.slice(1)) canonical.set(word, group[0]!);
  for (const [noun, verb] of Object.entries(file.forms)) if (!canonical.has(noun)) canonical.set(noun, canonical.get(verb) ?? verb);
  // One more step, so that a synonym of a derived noun reaches its verb (spending → expenditure → expend).
  for (const [word, target] of canonical) {
    const next = canonical.get(target);
    if (next !== undefined && next !== word) canonical.set(word, next);
  }
  return {canonical};
}

/** No lexical knowledge. */
export const EMPTY_LEXICON: Lexicon = {canonical: new Map()};

let shipped: Lexicon | undefined;

/**
 * The lexicon shipped in `data/lexicon.json`, read once on first use (it is part of the package, like a
 * module; nothing is read until matching needs it).
 *
 * @example
 * defaultLexicon().canonical.get('spending'); // 'expend'
 */
export function defaultLexicon(): Lexicon {
  shipped ??= buildLexicon(JSON.parse(readFileSync(new URL('../../data/lexicon.json', import.meta.url), 'utf8')) as LexiconFile);
  return shipped;
}
