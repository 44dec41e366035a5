import {describe, expect, it} from 'vitest';
import {splitRunOn} from '../../src/extract/segment-objectives.js';

describe('splitRunOn', () => {
  it('splits items whose list markup was lost at capitalised imperative verbs', () => {
    expect(
      splitRunOn('Improve community services waiting times, with a focus on reducing long waits Continue to improve the experience of access to primary care'),
    ).toEqual(['Improve community services waiting times, with a focus on reducing long waits', 'Continue to improve the experience of access to primary care']);
    expect(splitRunOn('to 77% by March 2025 Increase the percentage of cancers (stages 1 and 2) Reduce waits')).toEqual([
      'to 77% by March 2025',
      'Increase the percentage of cancers (stages 1 and 2)',
      'Reduce waits',
    ]);
  });

  it('does not split at names, inside brackets, after function words or at months', () => {
    const keep = [
      'Increase the number completing treatment via NHS Talking Therapies to 700,000',
      'Improve retention through all elements of the NHS People Promise retention interventions',
      'Deliver (or exceed) targets, as the Plan Deliver said (and Reduce)',
      'Promote the Make Every Contact Count approach',
      'Increase uptake in line with the March 2025 ambition',
      'Consistently meet the standard and Reduce nothing',
    ];
    expect(keep.map((t) => splitRunOn(t).length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('accepts extra verbs', () => {
    expect(splitRunOn('Hold waits steady Bolster staffing', new Set(['bolster', 'hold']))).toEqual(['Hold waits steady', 'Bolster staffing']);
  });
});

describe('objectives opened by an adverb', () => {
  it('splits at "Further improve …" and "Consistently meet …"', () => {
    expect(splitRunOn('Keep ambulance times steady across 2025/26 Further improve community services waiting times')).toEqual(['Keep ambulance times steady across 2025/26', 'Further improve community services waiting times']);
    // A reference number is not an item of its own: "3.1.2 Share of …" stays whole.
    expect(splitRunOn('3.1.2 Share of electricity generated from renewable sources')).toEqual(['3.1.2 Share of electricity generated from renewable sources']);
  });
});
