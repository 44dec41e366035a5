import {describe, expect, it} from 'vitest';
import {scopeChanges} from '../../src/diff/scope-changes.js';
import {wordDiff} from '../../src/diff/word-diff.js';

const scope = (a: string, b: string) => scopeChanges(wordDiff(a, b)).map((c) => `${c.kind}: ${c.from ?? c.to}`);

describe('scopeChanges', () => {
  it('reads pure insertions and deletions of content as scope added and removed', () => {
    expect(scope('Work towards eliminating inappropriate adult acute out of area placements', 'Improve patient flow and work towards eliminating inappropriate out of area placements')).toEqual([
      'scope-added: Improve patient flow',
      'scope-removed: adult acute',
    ]);
    expect(scope('Continue to address health inequalities', 'Continue to address health inequalities, for adults and children and young people')).toEqual([
      'scope-added: for adults and children and young people',
    ]);
  });

  it('does not call a rewording, a single word or a number a scope change', () => {
    expect(scope('Improve retention through a focus on the promise', 'Improve retention through implementation of the promise')).toEqual([]);
    expect(scope('Reduce waits', 'Reduce long waits')).toEqual([]);
    expect(scope('Reduce waits to 5%', 'Reduce waits to 5% by 2026')).toEqual([]);
  });
});
