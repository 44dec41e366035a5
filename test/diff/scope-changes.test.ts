import {describe, expect, it} from 'vitest';
import {scopeChanges} from '../../src/diff/scope-changes.js';
import {boundChanges} from '../../src/diff/bound-changes.js';
import {textItems} from '../../src/diff/text-items.js';
import {wordDiff} from '../../src/diff/word-diff.js';
import {parseDeadlines, parseTargets} from '../../src/extract/parse-targets.js';
import {aliasTable} from '../../src/normalise/alias-table.js';

const side = (text: string) => ({text, targets: parseTargets(text, parseDeadlines(text)), tokens: {aliases: aliasTable([{canonical: 'nhs talking therapies', variants: ['iapt']}])}, protect: ['children and young people']});
const scope = (a: string, b: string) => scopeChanges(side(a), side(b), wordDiff(a, b)).map((c) => `${c.kind}: ${c.kind === 'reworded' ? `${c.from} → ${c.to}` : (c.from ?? c.to)}`);

describe('scopeChanges', () => {
  it('reads pure insertions and deletions of content as scope added and removed', () => {
    expect(scope('Work towards eliminating inappropriate adult acute out of area placements', 'Improve patient flow and work towards eliminating inappropriate out of area placements')).toEqual([
      'scope-added: Improve patient flow',
      'scope-removed: adult acute',
    ]);
    expect(scope('Continue to address health inequalities', 'Continue to address health inequalities, for adults and children and young people')).toEqual([
      'scope-added: adults and children and young people',
    ]);
  });

  it('reads a list item or clause taken out as scope removed', () => {
    expect(scope('Ensure 75% receive an annual health check and health action plan by March 2024', 'Ensure 75% receive an annual health check in the year to 31 March 2025')).toEqual([
      'scope-removed: health action plan',
    ]);
    expect(
      scope('Increase the number of people accessing adult community mental health, perinatal mental health and eating disorder services', 'Increase the number of people accessing perinatal mental health services'),
    ).toEqual(['scope-removed: eating disorder services', 'scope-removed: adult community mental health']);
  });

  it('calls a replaced lead clause reworded, and leaves targets and dates to their own notes', () => {
    expect(scope('Make it easier for people to contact a GP practice, including by supporting practices', 'Continue to improve the experience of access to primary care, including by supporting practices')).toEqual([
      'reworded: Make it easier for people to contact a GP practice → Continue to improve the experience of access to primary care',
    ]);
    expect(scope('Increase adults accessing IAPT treatment', 'Increase adults accessing IAPT treatment to 700,000, with at least 67% achieving reliable improvement')).toEqual([]);
  });

  it('does not call a rewording, a single word or a number a scope change', () => {
    expect(scope('Improve retention through a focus on the promise', 'Improve retention through implementation of the promise')).toEqual([]);
    expect(scope('Reduce waits', 'Reduce long waits')).toEqual([]);
    expect(scope('Reduce waits to 5%', 'Reduce waits to 5% by 2026')).toEqual([]);
    expect(scope('accessing IAPT services', 'accessing NHS Talking Therapies services')).toEqual([]);
  });
});

describe('boundChanges', () => {
  it('reads "over 14" → "14 and over" as the bound now including 14, and the reverse as excluding it', () => {
    expect(boundChanges('people aged over 14 on registers', 'people aged 14 and over on registers', [], []).map((c) => `${c.kind} ${c.from}→${c.to}`)).toEqual(['scope-added over 14→14 and over']);
    expect(boundChanges('aged 18 or over', 'aged over 18', [], []).map((c) => c.kind)).toEqual(['scope-removed']);
    expect(boundChanges('aged over 14', 'aged over 14', [], [])).toEqual([]);
  });
});

describe('textItems', () => {
  it('splits lists at commas and at "and" between items, never inside a protected phrase or a bound', () => {
    expect(textItems('Increase access to adult mental health (to 400,000), perinatal mental health (to 66,000) and children and young people services', ['children and young people']).map((i) => i.text)).toEqual([
      'Increase access to adult mental health (to 400,000)',
      'perinatal mental health (to 66,000)',
      'children and young people services',
    ]);
    expect(textItems('people aged 14 and over, on registers and lists').map((i) => i.text)).toEqual(['people aged 14 and over', 'on registers and lists']);
  });
});
