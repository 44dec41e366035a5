import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseTargets} from '../../src/extract/parse-targets.js';
import {fixture} from '../helpers.js';

const labelled = JSON.parse(readFileSync(fixture('targets', 'labelled.json'), 'utf8')) as {cases: {text: string; targets: [number, string][]}[]};

describe('parseTargets on the labelled set', () => {
  it.each(labelled.cases.map((c) => [c.text, c.targets] as const))('%s', (text, targets) => {
    expect(parseTargets(text).map((t) => [t.value, t.unit])).toEqual(targets);
  });
});
