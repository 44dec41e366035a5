import {describe, expect, it} from 'vitest';
import {compareEditions} from '../../src/pipeline.js';
import {makeReview} from '../../src/review/make-review.js';
import {stringifyReview} from '../../src/review/stringify-review.js';
import {aliases, editions, review} from './shapes.js';

describe('makeReview', () => {
  it('writes one anchored entry per row with the machine\'s reading in a comment; applied as is, it changes nothing', async () => {
    const {previous, current} = await editions();
    const machine = compareEditions(previous, current, {aliases: aliases()});
    const made = makeReview(machine, {previous, current, comparison: 'p30-vs-p31'});
    expect(made.review.entries).toHaveLength(machine.rows.length);
    expect(made.review.entries[0]).toEqual({
      previous: [{text: 'Cut waits for first outpatient appointments to 12 weeks by March 2031', area: 'Access', position: 1}],
      current: [{text: 'Cut waits for first outpatient appointments to 10 weeks by March 2032', area: 'Access', position: 1}],
    });
    expect(made.comments[0]).toBe('machine: kept · Lowered from 12 weeks to 10 weeks · similarity 0.682');
    const text = stringifyReview(made.review, {entryComments: made.comments});
    expect(text).toMatch(/^# guidance-diff review file/);
    const reviewed = compareEditions(previous, current, {aliases: aliases(), review: review(text)});
    expect(reviewed.rows).toEqual(machine.rows);
    expect(reviewed.review).toMatchObject({entries: 5, applied: 5, stale: []});
  });
});
