/**
 * Verbs that open a policy objective ("Improve …", "Reduce …", "Eliminate …"): general English, not any one
 * document's wording. Used to tell where one objective ends and the next begins when a layout dump wraps
 * lines or a list lost its item markup. Extend with the `verbs` option of the extractor.
 */
export const IMPERATIVE_VERBS: ReadonlySet<string> = new Set(
  `accelerate achieve address adopt agree align allocate apply assess assure attain automate avoid balance bring build
  champion close collaborate commission commit complete comply conclude confirm connect consolidate continue contribute convert coordinate cover create cut
  decrease deliver deploy design develop digitise digitize double drive eliminate embed empower enable encourage
  engage enhance ensure eradicate establish evaluate exceed expand extend focus give grow halt halve help identify
  implement improve increase integrate introduce invest keep launch lead lift limit lower maintain make manage maximise
  maximize meet minimise minimize mobilise modernise modernize monitor move offer open optimise optimize
  prepare prescribe prevent prioritise prioritize procure promote protect provide publish put raise reach recover recruit reduce
  refresh reform reinstate release remove replace reshape restore retain return review revise roll scale screen secure share shift simplify
  stabilise stabilize standardise standardize start stop strengthen streamline submit support sustain tackle take train
  transform treat triple update upgrade uphold vaccinate widen work`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that cannot end a sentence: a line ending in one continues on the next line. */
export const CONTINUING_WORDS: ReadonlySet<string> = new Set(
  'a an the of to and or with for by in on at from than as towards into per via including between within across its their our this that these those no not'.split(
    ' ',
  ),
);

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Whether a word, as printed, is a capitalised imperative verb (`Improve`, not `improve` or `IMPROVE`). */
export function isCapitalisedVerb(word: string, verbs: ReadonlySet<string> = IMPERATIVE_VERBS): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const lower = word.toLowerCase();
  return verbs.has(lower) && !MONTHS.has(lower);
}

/** Adverbs that open objectives without the -ly ending ("Further improve", "Also deliver"). */
const LEADING_ADVERBS = new Set(['further', 'also', 'still', 'now', 'together', 'jointly']);

/** Whether the words open an objective: a capitalised imperative verb, optionally after an adverb ("Consistently meet", "Further improve"). */
export function opensObjective(words: readonly string[], verbs: ReadonlySet<string> = IMPERATIVE_VERBS): boolean {
  const [first, second] = words;
  if (first === undefined) return false;
  if (isCapitalisedVerb(first, verbs)) return true;
  const adverb = /^\p{Lu}\p{Ll}+ly$/u.test(first) || (/^\p{Lu}\p{Ll}+$/u.test(first) && LEADING_ADVERBS.has(first.toLowerCase()));
  return adverb && second !== undefined && verbs.has(second.toLowerCase());
}
