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

  it('equates plan years rolled forward with the editions', () => {
    const ops = wordDiff('for 2023/24', 'for 2024/25', {beforePlanYear: 2023, afterPlanYear: 2024});
    expect(ops).toEqual([{op: 'equal', text: 'for 2024/25'}]);
  });

  it('never shows a token replaced by an equal one', () => {
    const plans = {beforePlanYear: 2023, afterPlanYear: 2024};
    const changed = (a: string, b: string) => wordDiff(a, b, plans).filter((o) => o.op !== 'equal');
    expect(changed('ambition by 2028', 'ambition by 2028')).toEqual([]);
    expect(changed('the March 2025 ambition of 95%', 'the March 2025 ambition of 95%')).toEqual([]);
    expect(changed('within two weeks', 'within 2 weeks')).toEqual([]);
    expect(changed('within six weeks', 'within 6 weeks')).toEqual([]);
    expect(changed('a risk score greater than 20 percent', 'a risk score greater than 20%')).toEqual([]);
    expect(changed('aged between 25 and 84 years', 'aged 25–84 years')).toEqual([]);
    expect(changed('the 62-day standard', 'the 62 day standard')).toEqual([]);
    expect(changed('Improve Category 2 times', 'Improve category 2 times')).toEqual([]);
    expect(changed('by March 2024', 'by September 2024').map((o) => o.text.trim())).toEqual(['March', 'September']);
  });
});
