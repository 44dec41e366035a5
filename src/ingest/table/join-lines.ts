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
  const last = [...before.trimEnd()].at(-1) ?? '';
  const next = [...after.trimStart()][0] ?? '';
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
  let text = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const hyphenEnd = /(\p{L}+)[-‐‑]$/u.exec(text);
    const tailStart = /^(\p{Ll}+)/u.exec(line);
    if (hyphenEnd && tailStart) {
      text = text.slice(0, hyphenEnd.index) + joinHyphenated(hyphenEnd[1]!, tailStart[1]!, vocabulary) + line.slice(tailStart[1]!.length);
    } else text = text ? `${text}${wrapSeparator(text, line)}${line}` : line;
  }
  return text.replace(/(\p{L}+)[-‐‑] (\p{Ll}+)/gu, (_, head: string, tail: string) => joinHyphenated(head, tail, vocabulary));
}

/** Words that cannot end a phrase: a line ending in one continues on the next line. */
const CONTINUING_WORDS: ReadonlySet<string> = new Set(
  `a an the of to and or nor but with without for by in on at from than as towards toward into onto per via including
  between within across its their our your this that these those no not is are was were be been being will would should
  must can could may might has have had such both either neither each every all any some more most less fewer over under
  about around against among before after during until upon whose which who whom where when while if whether so very
  plus versus vs e.g i.e`
    .split(/\s+/)
    .filter(Boolean),
);

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * What the text of two consecutive lines says about whether the second continues the first:
 * `continues` (it cannot start anew: it opens in lower case, or the line above ends mid-phrase),
 * `breaks` (the line above ended a sentence and this one opens a new one), or `unknown`.
 *
 * @example
 * lineJoin('by March', '2024 with further improvement'); // 'continues'
 * lineJoin('Reduce waits.', 'Improve access'); // 'breaks'
 */
export function lineJoin(previous: string, line: string): 'continues' | 'breaks' | 'unknown' {
  const prev = previous.trimEnd();
  const next = line.trimStart();
  if (!prev || !next) return 'unknown';
  if (/^[\p{Ll}]/u.test(next) || /^[,;:)\]%’”(]/u.test(next)) return 'continues';
  if (/[-‐‑,(/&+–]$/u.test(prev)) return 'continues';
  const last = (/([\p{L}.]+)\W*$/u.exec(prev)?.[1] ?? '').toLowerCase().replace(/\.$/, '');
  if (CONTINUING_WORDS.has(last) || MONTHS.has(last)) return 'continues';
  if (/[.;:!?]["’”)]?$/u.test(prev) && /^[\p{Lu}\p{N}"“‘(•]/u.test(next)) return 'breaks';
  return 'unknown';
}
