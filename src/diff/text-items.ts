import {foldText} from '../normalise/fold-text.js';
import {STOPWORDS} from '../normalise/match-tokens.js';

/** One list item or clause of an objective's text, with its offsets. */
export interface TextItem {
  text: string;
  start: number;
  end: number;
}

/**
 * Words that say something (letters, longer than two, not stop words).
 *
 * @example
 * contentWords('Reduce the backlog of 2 audits'); // ['reduce', 'backlog', 'audits']
 */
export function contentWords(text: string): string[] {
  return (foldText(text).match(/\p{L}[\p{L}'-]*/gu) ?? []).filter((w) => w.length > 2 && !STOPWORDS.has(w));
}

/** "14 and over", "18 or under": a bound, not a list. */
const BOUND_AFTER = /^\s*(?:and|or)\s+(?:over|under|above|below|older|younger|more|less|fewer|greater)\b/i;

/**
 * Split an objective into its list items and clauses: at commas, semicolons and colons outside
 * brackets, and, in a list (a piece after a comma), at "and" / "or" / "and/or" where both sides hold at
 * least two content words and the conjunction is not inside a protected phrase (so "children and young
 * people" and "14 and over" stay whole).
 *
 * @example
 * textItems('adult mental health, perinatal mental health and children and young people services', ['children and young people']).map((i) => i.text);
 * // ['adult mental health', 'perinatal mental health', 'children and young people services']
 */
export function textItems(text: string, protect: readonly string[] = []): TextItem[] {
  const cuts: {at: number; length: number}[] = [];
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0 && /[,;:]/.test(ch) && !/\d/.test(text[k + 1] ?? '')) cuts.push({at: k, length: 1});
  }
  const pieces: TextItem[] = [];
  let from = 0;
  for (const cut of [...cuts, {at: text.length, length: 0}]) {
    pieces.push({text: text.slice(from, cut.at), start: from, end: cut.at});
    from = cut.at + cut.length;
  }
  const out: TextItem[] = [];
  pieces.forEach((piece, k) => out.push(...(k > 0 ? splitConjunctions(piece, protect) : [piece])));
  return out
    .map((item) => {
      const lead = /^\s*/.exec(item.text)![0].length;
      const trail = /\s*$/.exec(item.text)![0].length;
      return {text: item.text.slice(lead, item.text.length - trail), start: item.start + lead, end: item.end - trail};
    })
    .filter((item) => item.text.length > 0);
}

function splitConjunctions(item: TextItem, protect: readonly string[]): TextItem[] {
  const lower = item.text.toLowerCase();
  const guarded: [number, number][] = [];
  for (const phrase of protect) {
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) guarded.push([at, at + phrase.length]);
  }
  const re = /\s+(?:and\/or|and|or)\s+/gi;
  let depth = 0;
  const out: TextItem[] = [];
  let from = 0;
  for (let m = re.exec(item.text); m; m = re.exec(item.text)) {
    const before = item.text.slice(from, m.index);
    depth = (item.text.slice(0, m.index).match(/\(/g) ?? []).length - (item.text.slice(0, m.index).match(/\)/g) ?? []).length;
    if (depth > 0 || guarded.some(([a, b]) => m.index >= a && m.index < b)) continue;
    if (/\d\s*$/.test(before) && BOUND_AFTER.test(item.text.slice(m.index))) continue;
    const after = item.text.slice(m.index + m[0].length);
    if (contentWords(before).length < 2 || contentWords(after).length < 2) continue;
    out.push({text: before, start: item.start + from, end: item.start + m.index});
    from = m.index + m[0].length;
  }
  out.push({text: item.text.slice(from), start: item.start + from, end: item.end});
  return out;
}
