import {describe, expect, it} from 'vitest';
import type {MatchSet} from '../../src/model/match-set.js';
import {resolveReview} from '../../src/review/resolve-review.js';
import {reviewMatchSet} from '../../src/review/review-match-set.js';
import {editions, review} from './shapes.js';

// Previous: 0 Cut waits, 1 Expand evening clinics, 2 Report never events, 3 Train ward staff.
// Current: 0 Cut waits, 1 Offer weekend clinics, 2 Report never events, 3 Publish learning report.
async function setOf(groups: MatchSet['groups']): Promise<MatchSet> {
  const {previous, current} = await editions();
  return {previous, current, groups};
}

const BASE: MatchSet['groups'] = [
  {kind: 'kept', previous: [0], current: [0], score: 0.7},
  {kind: 'kept', previous: [1], current: [1], score: 0.35},
  {kind: 'absorbed', previous: [2, 3], current: [3], score: 0.4},
  {kind: 'new', previous: [], current: [2], score: 0},
];

describe('reviewMatchSet', () => {
  it('returns the same set when the entries only confirm the machine\'s pairs', async () => {
    const set = await setOf(BASE);
    const loaded = review('entries:\n  - previous: [{text: Expand evening clinics in every district}]\n    current: [{text: Offer weekend clinics in every district}]\n    pair: force\n');
    const out = reviewMatchSet(set, resolveReview(loaded, set.previous, set.current));
    expect(out.set).toBe(set);
    expect([...out.paired.keys()].length).toBe(2);
    expect(out.regrouped.size).toBe(0);
  });

  it('forcing a pair onto an objective already paired makes a merge; untouched groups stay as they were', async () => {
    const set = await setOf(BASE);
    const loaded = review('entries:\n  - previous: [{text: Cut waits for first outpatient appointments to 12 weeks by March 2031}]\n    current: [{text: Offer weekend clinics in every district}]\n    pair: force\n');
    const out = reviewMatchSet(set, resolveReview(loaded, set.previous, set.current));
    expect(out.set.groups.map((g) => [g.kind, g.previous, g.current])).toEqual([
      ['absorbed', [2, 3], [3]],
      ['new', [], [2]],
      ['merged', [0, 1], [0, 1]],
    ]);
    expect(out.set.groups[0]).toBe(BASE[2]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(['review-conflict']);
  });

  it('a forced pair takes its objectives out of an absorbed group; the rest stay absorbed', async () => {
    const set = await setOf(BASE);
    const loaded = review('entries:\n  - previous: [{text: Report every never event within 48 hours}]\n    current: [{text: Report every never event within 24 hours}]\n    pair: force\n');
    const out = reviewMatchSet(set, resolveReview(loaded, set.previous, set.current));
    expect(out.set.groups.map((g) => [g.kind, g.previous, g.current])).toEqual([
      ['kept', [0], [0]],
      ['kept', [1], [1]],
      ['absorbed', [3], [3]],
      ['kept', [2], [2]],
    ]);
    expect([...out.regrouped].toSorted()).toEqual([set.previous.objectives[2]!.id, set.current.objectives[2]!.id].toSorted());
  });

  it('forbidding one side alone leaves its objectives without a counterpart, but keeps an absorption', async () => {
    const set = await setOf(BASE);
    const loaded = review(
      'entries:\n  - current: [{text: Offer weekend clinics in every district}]\n    pair: forbid\n  - previous: [{text: Train all ward staff in sepsis screening}]\n    pair: forbid\n',
    );
    const out = reviewMatchSet(set, resolveReview(loaded, set.previous, set.current));
    expect(out.set.groups.map((g) => [g.kind, g.previous, g.current])).toEqual([
      ['kept', [0], [0]],
      ['absorbed', [2, 3], [3]],
      ['new', [], [2]],
      ['dropped', [1], []],
      ['new', [], [1]],
    ]);
  });
});
