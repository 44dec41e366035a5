/**
 * Text repairs for extracted cells: joining wrapped lines, repairing line-end hyphenation,
 * removing footnote markers and layout junk.
 */

/** Words seen in a document (lower case), the evidence for hyphenation repair. */
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

/**
 * Join wrapped lines into one string: whitespace collapsed, line-end hyphens repaired (also where a
 * dump already joined them with a space, as in `system- specific`).
 *
 * @example
 * joinLines(['towards pre-', 'pandemic levels'], new Set()); // 'towards pre-pandemic levels'
 */
export function joinLines(lines: readonly string[], vocabulary: Vocabulary): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const hyphenEnd = /(\p{L}+)[-‐‑]$/u.exec(text);
    const tailStart = /^(\p{Ll}+)/u.exec(line);
    if (hyphenEnd && tailStart) {
      text = text.slice(0, hyphenEnd.index) + joinHyphenated(hyphenEnd[1]!, tailStart[1]!, vocabulary) + line.slice(tailStart[1]!.length);
    } else text = text ? `${text} ${line}` : line;
  }
  return text.replace(/(\p{L}+)[-‐‑] (\p{Ll}+)/gu, (_, head: string, tail: string) => joinHyphenated(head, tail, vocabulary));
}

/** Footnote markers: trailing asterisks, daggers, superscript digits and bracketed numbers. */
const FOOTNOTE = /(?:\s*(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\]))+$/u;

/**
 * Clean an area label: footnote markers removed, whitespace collapsed, a word repeated across a line
 * join dropped (`health services Services`).
 *
 * @example
 * cleanArea('Urgent and emergency care*'); // 'Urgent and emergency care'
 */
export function cleanArea(text: string): string {
  const words = text.replace(FOOTNOTE, '').replace(/\s+/g, ' ').trim().split(' ');
  const kept: string[] = [];
  for (const word of words) if (!kept.length || kept.at(-1)!.toLowerCase() !== word.toLowerCase()) kept.push(word);
  return kept.join(' ').replace(FOOTNOTE, '').trim();
}

/**
 * Clean objective text: bullets and footnote markers removed, whitespace collapsed, a final full stop kept
 * off so that texts from different layouts compare equal.
 */
export function cleanObjectiveText(text: string): string {
  return text
    .replace(/^\s*(?:[•▪◦·●○■–-]|\(?[a-z0-9]{1,2}[.)])\s+/u, '')
    .replace(FOOTNOTE, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim()
    .replace(/[.;]$/, '');
}

/**
 * Layout junk: a fragment with no Latin word and not number-like (a Greek letter, an asterisk-slash-digits code), as left by a rotated
 * side label in a text dump.
 */
export function isJunk(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  if (/[A-Za-z]{2,}/.test(t)) return false;
  return !/^\(?[£$]?\d[\d,.:/–-]*%?\)?[.,;)]*$/.test(t);
}
