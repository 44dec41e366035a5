import {CONTINUING_WORDS, IMPERATIVE_VERBS, opensObjective} from './imperative-verbs.js';

/**
 * Split run-on text where a list lost its item markup ("… long waits Continue to improve …"): a new
 * objective starts at a capitalised imperative verb that follows a lower-case word, a number or a
 * closing bracket, outside brackets, and is not the start of a Title Case name.
 *
 * @example
 * splitRunOn('Reduce waits Improve access'); // ['Reduce waits', 'Improve access']
 */
export function splitRunOn(text: string, verbs: ReadonlySet<string> = IMPERATIVE_VERBS): string[] {
  // Arrays here are filled by push and read by index, not made by spread, map or slice: their V8 maps
  // then never differ between interpreted and optimised code, which deoptimised this function
  // ("wrong map") and had it compiled five times per batch worker.
  const tokens: {word: string; index: number}[] = [];
  for (const m of text.matchAll(/\S+/g)) tokens.push({word: m[0], index: m.index});
  const cuts: number[] = [];
  let depth = 0;
  // Words (two letters or more) since the last cut, counted as the loop goes (not re-counted per token).
  let wordsBefore = 0;
  for (let i = 0; i < tokens.length; i++) {
    const {word} = tokens[i]!;
    const bare = word.replace(/^[("'‘“]+|[)"'’”,.;:]+$/g, '');
    if (i > 0 && depth === 0 && !word.startsWith('(')) {
      const previous = tokens[i - 1]!.word;
      const previousEndsFree =
        /[\p{Ll}\d%)\]]$/u.test(previous) && !/^\p{Lu}/u.test(previous) && !CONTINUING_WORDS.has(previous.toLowerCase());
      const next = tokens[i + 1]?.word;
      const after = tokens[i + 2]?.word;
      const titleCaseName = next !== undefined && after !== undefined && /^\p{Lu}\p{Ll}/u.test(next) && /^\p{Lu}\p{Ll}/u.test(after);
      const opening: string[] = [];
      if (bare) opening.push(bare);
      if (next) opening.push(next);
      // A part needs words of its own: "3.1.2 Share of …" is a reference number and its indicator, not two items.
      if (previousEndsFree && !titleCaseName && wordsBefore >= 3 && opensObjective(opening, verbs)) {
        cuts.push(tokens[i]!.index);
        wordsBefore = 0;
      }
    }
    if (/\p{L}{2,}/u.test(word)) wordsBefore++;
    for (const ch of word) {
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    }
  }
  const parts: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(text.slice(from, cut).trim());
    from = cut;
  }
  parts.push(text.slice(from).trim());
  return parts.filter(Boolean);
}
