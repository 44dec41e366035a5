// Text comparison for review anchors and table import: exact comparison after light normalisation, and
// a word-overlap similarity that tolerates small rewording ("six weeks" / "6 weeks", "out-of-area" /
// "out of area", a word added or removed).

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  percent: '%',
  per: 'per',
};

const STOP_WORDS = new Set(
  'a an the of to and or in on for by with at as that is are be been its their from this these those which who into per all'.split(' '),
);

/**
 * Text for exact comparison: Unicode-normalised (NFKC), lower case, dashes and quotes unified,
 * whitespace collapsed, trailing full stop removed.
 *
 * @example
 * normaliseText('Improve  A&E waiting times.') === normaliseText('improve A&E waiting times'); // true
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:,]+$/, '')
    .trim();
}

/**
 * The content words of a text: normalised, split at anything but letters, digits, `%` and `.` inside
 * a number, number words as digits, stop words dropped.
 *
 * @example
 * wordTokens('Within six weeks, out-of-area'); // ['within', '6', 'weeks', 'out', 'area']
 */
export function wordTokens(text: string): string[] {
  return normaliseText(text)
    .replace(/(\d),(\d{3})/g, '$1$2')
    .split(/[^\p{L}\p{N}%.]+|(?<!\d)\.|\.(?!\d)/u)
    .map((w) => NUMBER_WORDS[w] ?? w)
    .filter((w) => w && !STOP_WORDS.has(w));
}

/**
 * Similarity 0–1 of two texts: the Dice coefficient of their content-word sets.
 *
 * @example
 * textSimilarity('Reduce bed occupancy to 92%', 'Reduce adult bed occupancy to 92% or below'); // ≈ 0.8
 */
export function textSimilarity(a: string, b: string): number {
  return dice(new Set(wordTokens(a)), new Set(wordTokens(b)));
}

/**
 * Dice coefficient of two word sets.
 *
 * @example
 * dice(new Set(['a', 'b']), new Set(['b', 'c'])); // 0.5
 */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Share 0–1 of the content words of `part` found in `whole`: 1 when a fragment of a cell (a line cut
 * off by a page break) lies wholly inside an objective.
 *
 * @example
 * containment('models of adult community mental health', 'Increase the number of people accessing transformed models of adult community mental health'); // 1
 */
export function containment(part: string, whole: string): number {
  const a = new Set(wordTokens(part));
  if (!a.size) return 0;
  const b = new Set(wordTokens(whole));
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / a.size;
}
