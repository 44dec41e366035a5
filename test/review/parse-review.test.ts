import {describe, expect, it} from 'vitest';
import {parseReview} from '../../src/review/parse-review.js';
import {stringifyReview} from '../../src/review/stringify-review.js';

const failure = (yaml: string): {line?: number | undefined; message: string} => {
  const result = parseReview(yaml, {file: 'r.yaml'});
  if (result.status !== 'failure') throw new Error('expected a failure');
  expect(result.diagnostics[0]).toMatchObject({severity: 'error', code: 'review-invalid', stage: 'review', file: 'r.yaml'});
  return result.diagnostics[0]!;
};

describe('parseReview', () => {
  it('reads entries and manual rows with their lines', () => {
    const result = parseReview('# a review\nentries:\n  - previous: [{text: A thing}]\n    status: dropped\n  - current: [{text: B}]\n    commentary: Yes\nmanual:\n  - {area: X, current: New thing, status: new}\n', {file: 'r.yaml'});
    expect(result.status).toBe('success');
    if (result.status !== 'success') return;
    expect(result.value.lines).toEqual({entries: [3, 5], manual: [8]});
    expect(result.value.review.entries[1]).toEqual({current: [{text: 'B'}], commentary: 'Yes'});
    expect(result.value.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads an empty file as an empty review', () => {
    const result = parseReview('', {file: 'r.yaml'});
    expect(result.status === 'success' && result.value.review).toEqual({entries: [], manual: []});
  });

  it('refuses bad YAML, naming the line', () => {
    expect(failure('entries:\n  - previous: [{text: A}\n    status: kept\n')).toMatchObject({line: 3, message: expect.stringMatching(/^Cannot read review file: Flow sequence/)});
  });

  it('refuses an invalid entry, naming the field and its line', () => {
    expect(failure('entries:\n  - previous: [{text: A}]\n    status: maybe\n')).toMatchObject({line: 3, message: expect.stringMatching(/^Invalid review file at entries\[0\]\.status: /)});
    expect(failure('entries:\n  - previous: [{text: A}]\n    stauts: kept\n')).toMatchObject({line: 2, message: expect.stringMatching(/^Invalid review file at entries\[0\]: Unrecognized key: "stauts"/)});
    expect(failure('entries:\n  - status: kept\n')).toMatchObject({line: 2, message: 'Invalid review file at entries[0]: Expected at least one `previous` or `current` anchor'});
    expect(failure('entries:\n  - previous: [{text: A}]\n    pair: force\n').message).toBe('Invalid review file at entries[0]: Expected both `previous` and `current` anchors with `pair: force`');
    expect(failure('entries:\n  - previous: [{text: A}]\n  - previous: [{text: A}]\n    previous: [{text: B}]\n').message).toMatch(/^Cannot read review file: Map keys must be unique/);
  });

  it('round-trips what stringifyReview writes, comments and all', () => {
    const review = {entries: [{previous: [{text: 'A: with a colon', area: 'X', position: 2}], status: 'dropped' as const, notes: {add: ['n']}}], manual: []};
    const text = stringifyReview(review, {schema: '../schemas/review.schema.json', entryComments: ['machine: kept']});
    expect(text).toContain('# machine: kept\n  - previous:');
    const result = parseReview(text, {file: 'r.yaml'});
    expect(result.status === 'success' && result.value.review).toEqual({$schema: '../schemas/review.schema.json', ...review});
  });
});
