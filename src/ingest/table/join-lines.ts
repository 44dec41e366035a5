// Joining physical lines into running text: wrapped lines, line-end hyphenation, and the evidence that a
// line continues the one above rather than starting a new unit (a cell, a list item, a sentence).

/** Words seen in a document (lower case): the evidence for hyphenation repair. */
export type Vocabulary = ReadonlySet<string>;

/** Build a vocabulary from texts. */
export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  for (const text of texts) for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}'’-]*/gu)) words.add(m[0]);
  return words;
}

/**
 * Join a hyphen split `head-` + `tail`: drop the hyphen when the joined word occurs elsewhere in the
 * document and the hyphenated form does not; otherwise keep it (a compound such as `pre-pandemic`).
 */
function joinHyphenated(head: string, tail: string, vocabulary: Vocabulary): string {
  const joined = `${head}${tail}`.toLowerCase();
  const hyphenated = `${head}-${tail}`.toLowerCase();
  return vocabulary.has(joined) && !vocabulary.has(hyphenated) ? `${head}${tail}` : `${head}-${tail}`;
}

/** Scripts written without spaces between words (Chinese, Japanese, Thai…): a line wrapped inside them joins with no space. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The separator between a line and the wrapped line after it: none between two characters of a script
 * written without spaces, else one space.
 *
 * @example
 * wrapSeparator('リスク', '中立確率'); // ''
 */
export function wrapSeparator(before: string, after: string): '' | ' ' {
  // Only the characters either side of the join are read (no copy of the text: joins run once a line).
  let end = before.length;
  while (end > 0 && /\s/.test(before[end - 1]!)) end--;
  let start = 0;
  while (start < after.length && /\s/.test(after[start]!)) start++;
  if (end === 0 || start === after.length) return ' ';
  const low = before.charCodeAt(end - 1);
  const last = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? before.slice(end - 2, end) : before[end - 1]!;
  const next = String.fromCodePoint(after.codePointAt(start)!);
  return UNSPACED.test(last) && UNSPACED.test(next) ? '' : ' ';
}

/**
 * Join wrapped lines into one string: whitespace collapsed, line-end hyphens repaired (also where a
 * dump already joined them with a space, as in `system- specific`).
 *
 * @example
 * joinLines(['towards pre-', 'pandemic levels'], new Set()); // 'towards pre-pandemic levels'
 */
export function joinLines(lines: readonly string[], vocabulary: Vocabulary = new Set()): string {
  // Parts are collected and joined once; each join looks only at the line before it (never at the text
  // built so far, which would make joining a long cell quadratic).
  const parts: string[] = [];
  let previous = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (!parts.length) {
      parts.push(line);
      previous = line;
      continue;
    }
    // A word broken without a hyphen in a narrow cell ("Accommodatio" / "n"): a lone fragment of a few
    // letters whose join with the word before is a word the document uses elsewhere.
    const broken = /^\p{Ll}{1,3}$/u.test(line) ? /(\p{L}+)$/u.exec(previous) : null;
    if (broken && vocabulary.has(`${broken[1]}${line}`.toLowerCase())) {
      parts[parts.length - 1] += line;
      previous = parts[parts.length - 1]!;
      continue;
    }
    const hyphenEnd = HYPHEN_END.test(previous) ? /(\p{L}+)[-‐‑]$/u.exec(previous) : null;
    const tailStart = hyphenEnd ? /^(\p{Ll}+)/u.exec(line) : null;
    if (hyphenEnd && tailStart) {
      const last = parts.length - 1;
      const cut = parts[last]!.length - hyphenEnd[0].length;
      parts[last] = parts[last]!.slice(0, cut) + joinHyphenated(hyphenEnd[1]!, tailStart[1]!, vocabulary) + line.slice(tailStart[1]!.length);
      previous = parts[last]!;
    } else {
      parts.push(wrapSeparator(previous, line), line);
      previous = line;
    }
  }
  const text = parts.join('');
  return /[-‐‑] \p{Ll}/u.test(text) ? text.replace(/(\p{L}+)[-‐‑] (\p{Ll}+)/gu, (_, head: string, tail: string) => joinHyphenated(head, tail, vocabulary)) : text;
}

/** A line ending in a hyphen after a letter. */
const HYPHEN_END = /\p{L}[-‐‑]$/u;

/** Words that cannot end a phrase: a line ending in one continues on the next line. */
const CONTINUING_WORDS: ReadonlySet<string> = new Set(
  `a an the of to and or nor but with by from than as its their our your this that these those between into onto via
  including per whose which e.g i.e plus versus vs such both either neither each every no not is are was were be been being
  will would should must can could may might has have had`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that usually continue a phrase but can end one ("orders applied for", "staff working in"). */
const WEAK_CONTINUING_WORDS: ReadonlySet<string> = new Set(
  `for in on at over under about around against among before after during until upon within without across towards toward
  up so very more most less fewer all any some where when while if whether who whom`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Whether a line ends mid-phrase, on a word or sign no sentence or cell ends with ("of", "their", a comma).
 *
 * @example
 * endsMidPhrase('about the progress of their'); // true
 * endsMidPhrase('applied for'); // false
 */
export function endsMidPhrase(text: string): boolean {
  const prev = text.trimEnd();
  if (/[-‐‑,(/&+–]$/u.test(prev)) return true;
  const last = (/([\p{L}.]+)\W*$/u.exec(prev)?.[1] ?? '').toLowerCase().replace(/\.$/, '');
  return CONTINUING_WORDS.has(last);
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * What the text of two consecutive lines says about whether the second continues the first:
 * `continues` (it cannot start anew: it opens in lower case, or the line above ends mid-phrase),
 * `breaks` (the line above ended a sentence and this one opens a new one), or `unknown`. With
 * `strength: 'strong'` only the surest evidence counts (lower case, or an article, conjunction or
 * "of"/"to" at the end of the line above), leaving words that can end a phrase ("applied for") unknown.
 *
 * @example
 * lineJoin('by March', '2024 with further improvement'); // 'continues'
 * lineJoin('Reduce waits.', 'Improve access'); // 'breaks'
 */
export function lineJoin(previous: string, line: string, strength: 'strong' | 'any' = 'any'): 'continues' | 'breaks' | 'unknown' {
  const prev = previous.trimEnd();
  const next = line.trimStart();
  if (!prev || !next) return 'unknown';
  if (/^[\p{Ll}]/u.test(next) || /^[,;:)\]%’”(]/u.test(next)) return 'continues';
  if (/[-‐‑,(/&+–]$/u.test(prev)) return 'continues';
  const last = (/([\p{L}.]+)\W*$/u.exec(prev)?.[1] ?? '').toLowerCase().replace(/\.$/, '');
  if (CONTINUING_WORDS.has(last)) return 'continues';
  if (strength === 'strong') return 'unknown';
  if (WEAK_CONTINUING_WORDS.has(last) || MONTHS.has(last)) return 'continues';
  if (/[.;:!?]["’”)]?$/u.test(prev) && /^[\p{Lu}\p{N}"“‘(•]/u.test(next)) return 'breaks';
  return 'unknown';
}
