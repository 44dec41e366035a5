/**
 * Text repairs for extracted cells: joining wrapped lines, repairing line-end hyphenation,
 * removing footnote markers and layout junk.
 */

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
