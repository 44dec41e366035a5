import {describe, expect, it} from 'vitest';
import {wordDiff} from '../../src/diff/word-diff.js';

describe('wordDiff', () => {
  it('diffs whole words, case-insensitively, keeping the current spelling', () => {
    expect(wordDiff('Work towards eliminating inappropriate adult acute out of area placements', 'Improve patient flow and work towards eliminating inappropriate out of area placements')).toEqual([
      {op: 'insert', text: 'Improve patient flow and '},
      {op: 'equal', text: 'work towards eliminating inappropriate '},
      {op: 'delete', text: 'adult acute '},
      {op: 'equal', text: 'out of area placements'},
    ]);
  });

  it('never splits a word and reassembles both texts', () => {
    const before = 'Increase the percentage of patients treated to 77% by March 2024';
    const after = 'Increase the % of patients treated according to NICE guidance to 80% by March 2025';
    const ops = wordDiff(before, after);
    expect(ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(before);
    expect(ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(after);
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text.trim())).toEqual(['percentage', '77%', '2024']);
  });

  it('takes a key function, e.g. to equate plan years', () => {
    const ops = wordDiff('for 2023/24', 'for 2024/25', (w) => w.replace(/20\d\d\/\d\d/, 'PY'));
    expect(ops).toEqual([{op: 'equal', text: 'for 2024/25'}]);
  });
});
