/**
 * Surface normalisation shared by matching and diffing: Unicode (NFKC), case, quotes and dashes, number
 * words as digits ("two" → "2", "twenty-five" → "25"), "per cent" as "%", and a number joined to its
 * unit by a hyphen read as two words ("62-day" → "62 day", "six-week" → "6 week").
 */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90};

/** Unit words, singular, as numbers are joined to them ("6 weeks" and "six-week" both give `6 week`). */
export const UNIT_WORDS: ReadonlyMap<string, string> = new Map(
  ['minute', 'hour', 'day', 'week', 'month', 'year'].flatMap((u) => [
    [u, u],
    [`${u}s`, u],
  ]),
);

const NUMBER_WORD = new RegExp(`\\b(?:(${Object.keys(TENS).join('|')})(?:[- ](${Object.keys(SMALL).filter((w) => SMALL[w]! > 0 && SMALL[w]! < 10).join('|')}))?|(${Object.keys(SMALL).join('|')}))\\b`, 'g');

/**
 * Case, Unicode form, quotes and dashes only.
 *
 * @example
 * foldCase('A&E – “Two”'); // 'a&e - "two"'
 */
export function foldCase(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

/**
 * Fold text for comparison: {@link foldCase}, number words as digits, "per cent"/"percent" after a
 * number as "%", thousands separators removed, and "62-day" as "62 day".
 *
 * @example
 * foldText('Within six-week waits, 20 per cent of 1,000'); // 'within 6 week waits, 20% of 1000'
 */
export function foldText(text: string): string {
  let folded = folds.get(text);
  if (folded === undefined) {
    if (folds.size > FOLD_MEMO) folds.clear();
    folds.set(text, (folded = foldUncached(text)));
  }
  return folded;
}

/** The same phrases are folded again and again (a word diff's runs, an objective's items): remember them. */
const folds = new Map<string, string>();
const FOLD_MEMO = 50_000;

function foldUncached(text: string): string {
  return foldCase(text)
    .replace(NUMBER_WORD, (_, tens: string | undefined, unit: string | undefined, small: string | undefined) =>
      String(tens ? TENS[tens]! + (unit ? SMALL[unit]! : 0) : SMALL[small!]!),
    )
    .replace(/\b(\d{1,3}(?:,\d{3})+)\b/g, (m) => m.replace(/,/g, ''))
    .replace(/(\d)\s*(?:per cent|percent|per-cent)\b/g, '$1%')
    .replace(/(\d)-(minute|hour|day|week|month|year)s?\b/g, '$1 $2');
}
