import type {Change, WordOp} from '../model/comparison.js';
import type {Target} from '../model/objective.js';
import {matchTokens, type TokenContext} from '../normalise/match-tokens.js';
import {samePhrase} from '../normalise/same-words.js';
import {contentWords, textItems, type TextItem} from './text-items.js';

/** One side of a kept pair: its text, its targets, and how its words are normalised. */
export interface ScopeSide {
  readonly text: string;
  readonly targets: readonly Target[];
  readonly tokens: TokenContext;
  /** Phrases never split into list items ("children and young people"): the aliases' phrases. */
  readonly protect?: readonly string[];
}

/** Share of an item's content tokens that must be exceeded in a counterpart for the item to be there still. */
const ITEM_MATCH = 0.5;
/** Share of an item's content tokens found anywhere on the other side above which it was only moved or reworded. */
const ITEM_PRESENT = 0.67;

const JOINERS = new Set(['and', 'or', 'but', 'with', 'in', 'to', 'of', 'the', 'a', 'an', 'by', 'for', 'including', 'while', 'at', 'least', 'on', 'so', 'that']);
const DATE = /\b(?:(?:by|in|from|to|until|before|after|during|across|the year to|end of)\s+)*(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)?\s*20\d{2}(?:\s*\/\s*\d{2})?\b/gi;

/** Words of comparison and quantity, which say how much rather than what: never scope on their own. */
const QUANTITY = new Set(['minimum', 'maximum', 'least', 'compar', 'averag', 'total', 'around', 'approxim', 'least', 'target', 'level', 'rate', 'proport', 'percentag', 'number', 'year', 'month', 'week', 'dai', 'hour', 'minut', 'januari', 'februari', 'march', 'april', 'mai', 'june', 'juli', 'august', 'septemb', 'octob', 'novemb', 'decemb']);

function contentTokens(text: string, context: TokenContext): Set<string> {
  return new Set(matchTokens(text, context).filter((t) => !/\d/.test(t) && !QUANTITY.has(t)));
}

function share(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (!part.size) return 1;
  let n = 0;
  for (const t of part) if (whole.has(t)) n++;
  return n / part.size;
}

/**
 * A phrase for a note: without dates (deadline notes say those) and targets (target notes say those),
 * trimmed of joining words and punctuation at either end.
 *
 * @example
 * notePhrase('and health action plan by March 2024', []); // 'health action plan'
 */
export function notePhrase(text: string, targets: readonly Target[]): string {
  let out = text;
  // A phrase ends where its first target begins: the target note says the rest.
  const cut = Math.min(...targets.map((t) => (t.text ? out.indexOf(t.text) : -1)).filter((k) => k >= 0), out.length);
  out = out.slice(0, cut).replace(DATE, ' ');
  out = out.replace(/\(\s*\)/g, ' ').replace(/\s+([,;:)])/g, '$1').replace(/([,;:])(?:\s*[,;:])+/g, '$1').replace(/\s+/g, ' ');
  const words = out.trim().split(' ').filter(Boolean);
  const bare = (w: string): string => w.replace(/^[(),;:.]+|[(),;:.]+$/g, '').toLowerCase();
  while (words.length && (JOINERS.has(bare(words[0]!)) || !bare(words[0]!))) words.shift();
  while (words.length && (JOINERS.has(bare(words.at(-1)!)) || !bare(words.at(-1)!))) words.pop();
  return words
    .join(' ')
    .replace(/^[,;:.)]+|[,;:(]+$/g, '')
    .replace(/^\(([^()]*)$/, '$1')
    .replace(/^([^()]*)\)$/, '$1')
    .trim();
}

/**
 * Scope changes between two texts of a kept objective, from their list items and clauses, then from
 * the word diff:
 * - an item of one side with no counterpart on the other (fewer than half its content words in any
 *   item there, and most of them absent altogether) is scope removed or added: "annual health check
 *   and health action plan" → "annual health check" removes "health action plan"; where items
 *   vanished and appeared in the same place, the item was reworded;
 * - within items that are still there, a run of words only inserted (or only deleted) holding at
 *   least two content words absent from the other side is scope added (or removed): "adult acute".
 * Numbers, dates and targets are left to the target and deadline notes.
 *
 * @example
 * scopeChanges(previous, current, wordDiff(previous.text, current.text));
 * // [{kind: 'scope-removed', from: 'health action plan', to: null, summary: 'Removed: health action plan'}]
 */
export function scopeChanges(previous: ScopeSide, current: ScopeSide, ops: readonly WordOp[]): Change[] {
  const holdsTarget = (item: TextItem, targets: readonly Target[]): boolean =>
    targets.some((t) => (t.charSpan ? t.charSpan[0] >= item.start && t.charSpan[1] <= item.end : item.text.includes(t.text)));
  const items = (s: ScopeSide): {item: TextItem; tokens: Set<string>}[] =>
    textItems(s.text, s.protect)
      .filter((item) => !holdsTarget(item, s.targets))
      .map((item) => ({item, tokens: contentTokens(item.text, s.tokens)}));
  const before = items(previous);
  const after = items(current);
  const allBefore = contentTokens(previous.text, previous.tokens);
  const allAfter = contentTokens(current.text, current.tokens);
  const matched = (x: {tokens: Set<string>}, others: readonly {tokens: Set<string>}[], all: ReadonlySet<string>): boolean =>
    !x.tokens.size || share(x.tokens, all) >= ITEM_PRESENT || others.some((o) => o.tokens.size > 0 && (share(x.tokens, o.tokens) > ITEM_MATCH || share(o.tokens, x.tokens) > ITEM_MATCH));
  const slot = (list: readonly {tokens: Set<string>}[], others: typeof list, all: ReadonlySet<string>): (number | undefined)[] => {
    let n = 0;
    return list.map((x) => (matched(x, others, all) ? (n++, undefined) : n));
  };
  const beforeSlots = slot(before, after, allAfter);
  const afterSlots = slot(after, before, allBefore);
  const changes: Change[] = [];
  const phrase = (item: TextItem, side: ScopeSide): string => notePhrase(item.text, side.targets);
  const bySlot = (slots: (number | undefined)[], list: readonly {item: TextItem}[]): Map<number, TextItem[]> => {
    const map = new Map<number, TextItem[]>();
    slots.forEach((s, k) => {
      if (s !== undefined) map.set(s, [...(map.get(s) ?? []), list[k]!.item]);
    });
    return map;
  };
  const gone = bySlot(beforeSlots, before);
  const came = bySlot(afterSlots, after);
  for (const s of [...new Set([...gone.keys(), ...came.keys()])].sort((a, b) => a - b)) {
    const removed = (gone.get(s) ?? []).map((i) => phrase(i, previous)).filter((p) => contentWords(p).length >= 2);
    const added = (came.get(s) ?? []).map((i) => phrase(i, current)).filter((p) => contentWords(p).length >= 2);
    if (removed.length && added.length) {
      const from = (gone.get(s) ?? []).map((i) => i.text).join('; ');
      const to = (came.get(s) ?? []).map((i) => i.text).join('; ');
      if (!samePhrase(from, undefined, to, undefined)) changes.push({kind: 'reworded', from, to, summary: `Reworded: "${from}" → "${to}"`});
      continue;
    }
    for (const p of removed) changes.push({kind: 'scope-removed', from: p, to: null, summary: `Removed: ${p}`});
    for (const p of added) changes.push({kind: 'scope-added', from: null, to: p, summary: `Added: ${p}`});
  }

  // Runs of words inside items that are still there: only inserted or only deleted content is scope;
  // a replacement whose one side brings at most one new content word is scope too (the other side's),
  // and one where both sides do is a rewording.
  const fresh = (text: string, s: ScopeSide, other: ReadonlySet<string>): number => [...contentTokens(text, s.tokens)].filter((t) => !other.has(t)).length;
  const note = (kind: 'scope-added' | 'scope-removed' | 'reworded', from: string | null, to: string | null): void => {
    // Skip a run whose words an item note already mostly holds (or that holds an item note's words).
    const words = new Set(contentWords(`${from ?? ''} ${to ?? ''}`));
    const overlapping = changes.filter((c) => {
      const other = new Set(contentWords(`${c.from ?? ''} ${c.to ?? ''}`));
      let shared = 0;
      for (const w of words) if (other.has(w)) shared++;
      return shared > 0 && (shared >= 0.5 * words.size || shared >= 0.5 * other.size);
    });
    // A list item or clause already reported says it more precisely than the run of words around it.
    if (overlapping.length) return;
    changes.push(
      kind === 'scope-added'
        ? {kind, from: null, to, summary: `Added: ${to}`}
        : kind === 'scope-removed'
          ? {kind, from, to: null, summary: `Removed: ${from}`}
          : {kind, from, to, summary: `Reworded: "${from}" → "${to}"`},
    );
  };
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.op === 'equal') continue;
    const next = ops[k + 1];
    const del = op.op === 'delete' ? op : next?.op === 'delete' ? next : undefined;
    const ins = op.op === 'insert' ? op : next?.op === 'insert' ? next : undefined;
    if (del && ins) k++;
    const removed = del ? notePhrase(del.text, previous.targets) : '';
    const added = ins ? notePhrase(ins.text, current.targets) : '';
    const freshRemoved = removed && contentWords(removed).length >= 2 ? fresh(removed, previous, allAfter) : 0;
    const freshAdded = added && contentWords(added).length >= 2 ? fresh(added, current, allBefore) : 0;
    if (freshRemoved >= 2 && freshAdded >= 2) note('reworded', removed, added);
    else if (freshRemoved >= 2 && (!ins || fresh(ins.text, current, allBefore) === 0)) note('scope-removed', removed, null);
    else if (freshAdded >= 2 && (!del || fresh(del.text, previous, allAfter) === 0)) note('scope-added', null, added);
  }
  return changes;
}
