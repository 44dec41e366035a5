import {createRequire} from 'node:module';
import {isLabelText, isValueText} from '../util/text-shape.js';
import {IMPERATIVE_VERBS} from './imperative-verbs.js';

// Sentence shape, as evidence for what a table cell, list item or sentence holds: an item (an
// objective, a measure, a commitment), a label (an area, a theme) or a value. Part-of-speech tags come
// from wink-nlp's English model, loaded the first time they are needed; a short list of common
// imperative verbs backs it up where the tagger reads a capitalised verb as a proper noun.

interface Tagger {
  tags(text: string): string[];
}

let tagger: Tagger | undefined;

/** wink-nlp with its lite English model, loaded on first use (about 0.1 s). */
function loadTagger(): Tagger {
  if (tagger) return tagger;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => {readDoc(text: string): {tokens(): {out(f: unknown): string[]}}; its: {pos: unknown}};
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  tagger = {tags: (text) => nlp.readDoc(text).tokens().out(nlp.its.pos)};
  return tagger;
}

const memo = new Map<string, TextShape>();
const MEMO_LIMIT = 20_000;

/** What a short text looks like. */
export interface TextShape {
  words: number;
  /** Reads as a column label: a few words, no sentence punctuation, no quantity. */
  label: boolean;
  /** A bare value: a number, a percentage, money, a duration. */
  value: boolean;
  /** Opens with a verb ("Reduce …", "Improve …", "Cut …"), optionally after an adverb. */
  verbInitial: boolean;
  /** Holds a verb anywhere ("Proportion of patients seen within …"). */
  hasVerb: boolean;
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
  let hasVerb = false;
  if (!junk && !value && words > 0) {
    const first = t.split(/\s+/, 2);
    const w0 = (first[0] ?? '').replace(/[^\p{L}]/gu, '').toLowerCase();
    const w1 = (first[1] ?? '').replace(/[^\p{L}]/gu, '').toLowerCase();
    const listed = IMPERATIVE_VERBS.has(w0) || (/ly$|^further$|^also$/.test(w0) && IMPERATIVE_VERBS.has(w1));
    const tags = loadTagger().tags(t.length > 400 ? t.slice(0, 400) : t);
    verbInitial = listed || tags[0] === 'VERB' || (tags[0] === 'ADV' && tags[1] === 'VERB');
    hasVerb = verbInitial || tags.some((tag) => tag === 'VERB' || tag === 'AUX');
  }
  const shape: TextShape = {
    words,
    label: isLabelText(t),
    value,
    verbInitial,
    hasVerb,
    quantity: /\d\s?%|\bper ?cent\b|£\s?\d|\b\d[\d,.]*\s*(?:weeks?|days?|hours?|minutes?|months?|years?|million|thousand)\b/i.test(t),
    junk,
  };
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(t, shape);
  return shape;
}

/**
 * How much a text reads as an item (an objective, a measure, a commitment) rather than a label or a
 * value, 0–1: a sentence-like phrase of several words, opening with a verb or holding one, often with a
 * quantity, scores high; a short noun phrase ("Urgent and emergency care") or a bare value scores low.
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
  else if (s.hasVerb) score += 0.15;
  if (s.quantity) score += 0.15;
  if (s.label && !s.verbInitial && !s.quantity) score -= 0.25;
  if (s.words > 120) score -= 0.3;
  return Math.max(0, Math.min(1, score));
}
