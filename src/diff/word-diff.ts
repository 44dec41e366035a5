import fastDiff from 'fast-diff';
import type {WordOp} from '../model/comparison.js';

/** Words and single punctuation marks, each carrying the white space that follows it. */
export function tokenize(text: string): string[] {
  const lead = /^\s+/.exec(text)?.[0];
  const tokens = text.match(/(?:[\p{L}\p{N}][\p{L}\p{N}%&'’.,/-]*[\p{L}\p{N}%]|[\p{L}\p{N}]|[^\s\p{L}\p{N}])\s*/gu) ?? [];
  return lead ? [lead, ...tokens] : tokens;
}

/** How a word is compared: by default case-insensitively; callers may also equate, e.g., plan years. */
export type WordKey = (word: string, side: 'before' | 'after') => string;

const defaultKey: WordKey = (word) => word.toLowerCase();

/**
 * Word-level diff with fast-diff: each distinct word (compared case-insensitively) is mapped to one
 * private-use character, the character strings are diffed, and the result is mapped back, so edits
 * never split a word.
 *
 * @example
 * wordDiff('reduce waits', 'reduce long waits');
 * // [{op: 'equal', text: 'reduce '}, {op: 'insert', text: 'long '}, {op: 'equal', text: 'waits'}]
 */
export function wordDiff(before: string, after: string, key: WordKey = defaultKey): WordOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const codes = new Map<string, string>();
  const encode = (tokens: readonly string[], side: 'before' | 'after'): string =>
    tokens
      .map((token) => {
        const k = key(token.trim(), side);
        let code = codes.get(k);
        if (code === undefined) {
          code = String.fromCodePoint(0xf0000 + codes.size);
          codes.set(k, code);
        }
        return code;
      })
      .join('');
  const ca = encode(a, 'before');
  const cb = encode(b, 'after');
  const ops: WordOp[] = [];
  let ia = 0;
  let ib = 0;
  for (const [kind, chunk] of fastDiff(ca, cb)) {
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
      ia += n;
      ib += n;
    }
    const op = kind === fastDiff.DELETE ? 'delete' : kind === fastDiff.INSERT ? 'insert' : 'equal';
    const last = ops.at(-1);
    if (last && last.op === op) last.text += text;
    else ops.push({op, text});
  }
  return ops;
}
