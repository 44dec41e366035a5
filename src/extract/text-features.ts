import {isLabelText, isValueText} from '../util/text-shape.js';
import {IMPERATIVE_VERBS} from './imperative-verbs.js';

// Sentence shape, as evidence for what a table cell, list item or sentence holds: an item (an
// objective, a measure, a commitment), a label (an area, a theme) or a value. A part-of-speech tagger
// (wink-nlp's English model) was tried for "opens with a verb" and "holds a verb": on the shape corpus it
// read no document more right, made more wrong readings under unknown header words, and cost about
// 0.25 s a run, so the evidence here is the text's form and a list of common imperative verbs.

const memo = new Map<string, TextShape>();
const MEMO_LIMIT = 20_000;

/** What a short text looks like. */
export interface TextShape {
  words: number;
  /** Reads as a column label: a few words, no sentence punctuation, no quantity. */
  label: boolean;
  /** A bare value: a number, a percentage, money, a duration. */
  value: boolean;
  /** Opens with a common imperative verb ("Reduce …", "Improve …", "Cut …"), optionally after an adverb. */
  verbInitial: boolean;
  /** Holds a quantity: a percentage, a count with a unit, money. */
  quantity: boolean;
  /** Layout junk: no word of two letters (a rotated label's debris, a stray symbol). */
  junk: boolean;
}

/** The shape of a text (memoised). */
export function textShape(text: string): TextShape {
  const t = text.trim();
  const known = memo.get(t);
  if (known) return known;
  const words = t ? t.split(/\s+/).length : 0;
  const junk = !/\p{L}{2,}/u.test(t) && !isValueText(t);
  const value = isValueText(t);
  let verbInitial = false;
  if (!junk && !value && words > 0) {
    const first = t.split(/\s+/, 2);
    const w0 = (first[0] ?? '').replace(/[^\p{L}]/gu, '').toLowerCase();
    const w1 = (first[1] ?? '').replace(/[^\p{L}]/gu, '').toLowerCase();
    verbInitial = IMPERATIVE_VERBS.has(w0) || (/ly$|^further$|^also$/.test(w0) && IMPERATIVE_VERBS.has(w1));
  }
  const shape: TextShape = {
    words,
    label: isLabelText(t),
    value,
    verbInitial,
    quantity: /\d\s?%|\bper ?cent\b|£\s?\d|\b\d[\d,.]*\s*(?:weeks?|days?|hours?|minutes?|months?|years?|million|thousand)\b/i.test(t),
    junk,
  };
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(t, shape);
  return shape;
}

/**
 * How much a text reads as an item (an objective, a measure, a commitment) rather than a label or a
 * value, 0–1: a sentence-like phrase of several words, often opening with a verb or holding a quantity,
 * scores high; a short noun phrase ("Urgent and emergency care") or a bare value scores low.
 *
 * @example
 * itemness('Reduce the time people wait for planned care'); // ≈ 0.9
 * itemness('Urgent and emergency care'); // ≈ 0.2
 */
export function itemness(text: string): number {
  const s = textShape(text);
  if (s.junk || s.value || s.words === 0) return 0;
  let score = s.words >= 4 ? 0.5 : s.words >= 2 ? 0.3 : 0.1;
  if (s.verbInitial) score += 0.3;
  if (s.quantity) score += 0.15;
  if (s.label && !s.verbInitial && !s.quantity) score -= 0.25;
  // An item is one statement; a paragraph of several sentences explains one.
  if ((text.match(/[.!?]\s+["“(]?\p{Lu}/gu) ?? []).length >= 1) score -= 0.25;
  if (s.words > 60) score -= 0.15;
  if (s.words > 120) score -= 0.3;
  return Math.max(0, Math.min(1, score));
}
