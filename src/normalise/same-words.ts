import {foldText} from './fold-text.js';
import {relativiseYears} from './relative-years.js';

/**
 * How a word is compared in a word diff: folded ({@link foldText}), so that "Two" and "2" or
 * "Category" and "category" are the same word.
 *
 * @example
 * wordKey('Two'); // '2'
 */
export function wordKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    if (keys.size > 100_000) keys.clear();
    keys.set(word, (key = foldText(word).replace(/[.,;:]+$/, '')));
  }
  return key;
}

const keys = new Map<string, string>();

/** What {@link samePhrase} can equate that {@link wordKey} does not: digits, hyphens, number words, per cent, units. */
const MAYBE_SAME = /[\d-]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|per|percent|between|minutes?|hours?|days?|weeks?|months?|years?)\b/i;

/** A phrase reduced to what it says: folded, years relative to the plan year, units singular, only letters, digits and %. */
function canonicalPhrase(text: string, planYear: number | undefined): string {
  let memo = phrases.get(planYear);
  if (!memo) phrases.set(planYear, (memo = new Map()));
  let phrase = memo.get(text);
  if (phrase === undefined) {
    if (memo.size > 50_000) memo.clear();
    memo.set(text, (phrase = canonicalUncached(text, planYear)));
  }
  return phrase;
}

/** Canonical phrases by plan year (`undefined`: years as written), then by text. */
const phrases = new Map<number | undefined, Map<string, string>>();

function canonicalUncached(text: string, planYear: number | undefined): string {
  return relativiseYears(foldText(text), planYear)
    .replace(/\bbetween\s+(\d+(?:\.\d+)?)\s+and\s+(\d+(?:\.\d+)?)\b/g, '$1-$2')
    .replace(/\b(minute|hour|day|week|month|year)s\b/g, '$1')
    .replace(/[^\p{L}\p{N}%+-]+/gu, '')
    .replace(/-/g, '');
}

/**
 * Whether two phrases say the same after normalisation: number words and digits, "per cent" and %,
 * "62-day" and "62 days", "between 25 and 84" and "25–84", and years relative to each edition's plan
 * year ("March 2024" in the 2023/24 edition is "March 2025" in the 2024/25 edition).
 *
 * @example
 * samePhrase('20 percent', 2023, '20%', 2024); // true
 * samePhrase('March 2024', 2023, 'March 2025', 2024); // true
 */
export function samePhrase(before: string, beforePlanYear: number | undefined, after: string, afterPlanYear: number | undefined): boolean {
  if (!MAYBE_SAME.test(before) && !MAYBE_SAME.test(after)) return false;
  const literal = canonicalPhrase(before, undefined);
  if (literal.length > 0 && literal === canonicalPhrase(after, undefined)) return true;
  const a = canonicalPhrase(before, beforePlanYear);
  return a.length > 0 && a === canonicalPhrase(after, afterPlanYear);
}
