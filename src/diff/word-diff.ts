import fastDiff from 'fast-diff';
import type {WordOp} from '../model/comparison.js';
import {samePhrase, wordKey} from '../normalise/same-words.js';

/** Words and single punctuation marks, each carrying the white space that follows it. */
export function tokenize(text: string): string[] {
  const lead = /^\s+/.exec(text)?.[0];
  const tokens = text.match(/(?:[\p{L}\p{N}][\p{L}\p{N}%&'’.,/-]*[\p{L}\p{N}%]|[\p{L}\p{N}]|[^\s\p{L}\p{N}])\s*/gu) ?? [];
  return lead ? [lead, ...tokens] : tokens;
}

/** Plan start years of the two texts, so that a date rolled forward with the plan year reads as equal. */
export interface WordDiffOptions {
  readonly beforePlanYear?: number | undefined;
  readonly afterPlanYear?: number | undefined;
}

/**
 * Word-level diff with fast-diff: each distinct word (compared by {@link wordKey}: case, number words)
 * is mapped to one private-use character, the character strings are diffed, and the result is mapped
 * back, so edits never split a word. A deleted run and the inserted run beside it that say the same
 * after normalisation ("six weeks" / "6 weeks", "20 percent" / "20%", "March 2024" / "March 2025" one
 * plan year on) are one equal run: the diff never shows a token replaced by an equal one.
 *
 * @example
 * wordDiff('reduce waits', 'reduce long waits');
 * // [{op: 'equal', text: 'reduce '}, {op: 'insert', text: 'long '}, {op: 'equal', text: 'waits'}]
 */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): WordOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const codes = new Map<string, string>();
  const encode = (tokens: readonly string[]): string =>
    tokens
      .map((token) => {
        const k = wordKey(token.trim());
        let code = codes.get(k);
        if (code === undefined) {
          code = String.fromCodePoint(0xf0000 + codes.size);
          codes.set(k, code);
        }
        return code;
      })
      .join('');
  const ops: SpanOp[] = [];
  let ia = 0;
  let ib = 0;
  for (const [kind, chunk] of fastDiff(encode(a), encode(b))) {
    const n = [...chunk].length;
    let text: string;
    if (kind === fastDiff.DELETE) {
      text = a.slice(ia, ia + n).join('');
      ia += n;
    } else if (kind === fastDiff.INSERT) {
      text = b.slice(ib, ib + n).join('');
      ib += n;
    } else {
      text = b.slice(ib, ib + n).join('');
      ops.push({op: 'equal', text, before: a.slice(ia, ia + n).join('')});
      ia += n;
      ib += n;
      continue;
    }
    ops.push({op: kind === fastDiff.DELETE ? 'delete' : 'insert', text});
  }
  return coalesce(equateSame(ops, options));
}

/** An op, with an equal run's words as the previous text has them. */
type SpanOp = WordOp & {before?: string};

/** Longest span of ops, from an edit, that may be read as one phrase said two ways. */
const SPAN = 5;

/**
 * Replace a span of edits (with the equal words between them) that says the same on both sides by
 * one equal op holding the current words: "between 25 and 84" / "25–84", "six weeks" / "6 weeks".
 */
function equateSame(ops: readonly SpanOp[], options: WordDiffOptions): WordOp[] {
  const out: WordOp[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.op === 'equal') {
      out.push({op: 'equal', text: op.text});
      continue;
    }
    let taken = 0;
    for (let end = Math.min(ops.length - 1, k + SPAN - 1); end > k; end--) {
      const span = ops.slice(k, end + 1);
      const before = span.filter((o) => o.op !== 'insert').map((o) => o.before ?? o.text).join('');
      const after = span.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
      if (samePhrase(before, options.beforePlanYear, after, options.afterPlanYear)) {
        out.push({op: 'equal', text: after});
        taken = end - k;
        break;
      }
    }
    if (taken) k += taken;
    else out.push({op: op.op, text: op.text});
  }
  return out;
}

function coalesce(ops: readonly WordOp[]): WordOp[] {
  const out: WordOp[] = [];
  for (const op of ops) {
    const last = out.at(-1);
    if (last && last.op === op.op) last.text += op.text;
    else out.push({...op});
  }
  return out;
}
