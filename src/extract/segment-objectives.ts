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
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({word: m[0], index: m.index}));
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
      const following = tokens.slice(i + 1, i + 3).map((t) => t.word);
      const titleCaseName = following.length === 2 && following.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
      // A part needs words of its own: "3.1.2 Share of …" is a reference number and its indicator, not two items.
      if (previousEndsFree && !titleCaseName && wordsBefore >= 3 && opensObjective([bare, following[0] ?? ''].filter(Boolean), verbs)) {
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
