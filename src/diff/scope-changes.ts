import type {Change, WordOp} from '../model/comparison.js';

const FUNCTION_WORDS = new Set(
  'a an the of to and or in on for by with at as that is are be all its their from this these those which who than so such into within across through per via it we our will should can may must not no also both each every any some more most other further while including so'.split(
    ' ',
  ),
);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w));
}

const JOINERS = new Set(['and', 'or', 'but', 'with', 'in', 'to', 'of', 'the', 'a', 'an']);

/** Trim joining words and punctuation from the ends of a phrase ("Improve patient flow and" → "Improve patient flow"). */
function trimPhrase(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const bare = (w: string): string => w.replace(/^[(),;:.]+|[(),;:.]+$/g, '').toLowerCase();
  while (words.length && (JOINERS.has(bare(words[0]!)) || !bare(words[0]!))) words.shift();
  while (words.length && (JOINERS.has(bare(words.at(-1)!)) || !bare(words.at(-1)!))) words.pop();
  return words.join(' ').replace(/^[,;:.]+|[,;:(]+$/g, '').trim();
}

/**
 * Scope changes from a word diff: a run of words inserted (or deleted) with nothing deleted (or inserted)
 * beside it, holding at least two content words that do not occur on the other side, is scope added
 * (or removed). Replacements are rewording, not scope; numbers and dates are left to the target and
 * deadline comparison.
 *
 * @example
 * scopeChanges(wordDiff('Work towards X', 'Improve patient flow and work towards X'));
 * // [{kind: 'scope-added', from: null, to: 'Improve patient flow', …}]
 */
export function scopeChanges(ops: readonly WordOp[]): Change[] {
  const before = new Set(contentWords(ops.filter((o) => o.op !== 'insert').map((o) => o.text).join(' ')));
  const after = new Set(contentWords(ops.filter((o) => o.op !== 'delete').map((o) => o.text).join(' ')));
  const changes: Change[] = [];
  ops.forEach((op, k) => {
    if (op.op === 'equal') return;
    const neighbours = [ops[k - 1], ops[k + 1]].filter((n): n is WordOp => n !== undefined);
    if (neighbours.some((n) => n.op !== 'equal' && n.op !== op.op)) return; // a replacement
    if (/\d/.test(op.text) && contentWords(op.text).length < 2) return;
    const other = op.op === 'insert' ? before : after;
    const fresh = contentWords(op.text).filter((w) => !other.has(w) && !/^\d/.test(w));
    if (fresh.length < 2) return;
    const phrase = trimPhrase(op.text);
    if (!phrase) return;
    changes.push(
      op.op === 'insert'
        ? {kind: 'scope-added', from: null, to: phrase, summary: `Added: ${phrase}`}
        : {kind: 'scope-removed', from: phrase, to: null, summary: `Removed: ${phrase}`},
    );
  });
  return changes;
}
