import {describe, expect, it} from 'vitest';
import type {Objective, Target} from '../../src/model/objective.js';
import type {ExpectedShape} from './expected-schema.js';
import {describeShapeScore, normalisePeriod, normaliseShapeText, scoreShape, wordDice} from './score-shape.js';

const provenance = {file: 'doc.md', sha256: '0'.repeat(64), line: 1, endLine: 1};
const target = (value: number, unit: Target['unit'], period?: string): Target => ({value, unit, text: String(value), context: '', ...(period ? {period} : {})});
const objective = (text: string, groups: string[], targets: Target[] = []): Objective => ({
  id: text,
  text,
  area: groups.at(-1) ?? 'Unspecified',
  groups,
  targets,
  deadlines: [],
  provenance,
});
const expected = (items: ExpectedShape['items']): ExpectedShape => ({description: 'd', shape: 's', formats: ['html', 'md'], items});

const want = expected([
  {text: 'Proportion of patients seen within 18 weeks', groups: ['Reduce waits'], targets: [{value: 65, unit: 'percent', period: '2026/27'}]},
  {text: '65% of calls answered within 60 seconds', groups: ['Reduce waits'], targets: []},
]);

describe('scoreShape', () => {
  it('reads right when texts, groups and targets agree, ignoring case, spacing, punctuation and a full stop', () => {
    const score = scoreShape(
      {objectives: [objective('proportion of patients  seen within 18 weeks.', ['REDUCE WAITS'], [target(65, 'percent', '2026-27')]), objective('65% of calls answered within 60 seconds', ['Reduce waits'])]},
      want,
    );
    expect(score).toMatchObject({readRight: true, matched: 2, missing: [], extra: []});
    expect(describeShapeScore(score)).toBe('');
  });

  it('accepts a text with a word-set Dice of at least 0.9 and refuses a shorter one', () => {
    const close = scoreShape({objectives: [objective('Proportion of all patients seen within 18 weeks', ['Reduce waits'], [target(65, 'percent', '2026/27')]), objective('65% of calls answered within 60 seconds', ['Reduce waits'])]}, want);
    expect(close.readRight).toBe(true);
    const cut = scoreShape({objectives: [objective('Proportion of patients seen', ['Reduce waits']), objective('65% of calls answered within 60 seconds', ['Reduce waits'])]}, want);
    expect(cut.readRight).toBe(false);
    expect(cut.missing).toEqual(['Proportion of patients seen within 18 weeks']);
    expect(cut.extra).toEqual(['Proportion of patients seen']);
  });

  it('reports groups taken for items, items in the wrong group, and missing targets or periods', () => {
    const score = scoreShape(
      {objectives: [objective('Reduce waits', []), objective('Proportion of patients seen within 18 weeks', ['Elective care'], [target(65, 'percent')]), objective('65% of calls answered within 60 seconds', ['Reduce waits'])]},
      want,
    );
    expect(score.readRight).toBe(false);
    expect(score.extra).toEqual(['Reduce waits']);
    expect(score.wrongGroups).toEqual([{text: 'Proportion of patients seen within 18 weeks', expected: ['Reduce waits'], found: ['Elective care'], area: 'Elective care'}]);
    expect(score.missingTargets).toEqual([{text: 'Proportion of patients seen within 18 weeks', target: {value: 65, unit: 'percent', period: '2026/27'}, found: [{value: 65, unit: 'percent'}]}]);
    expect(describeShapeScore(score)).toBe('extra 1, groups 1, targets 1');
  });

  it('compares the whole group path and the area, and takes Unspecified for no group', () => {
    const nested = expected([{text: 'Indicator one', groups: ['Goal 1', 'Target 1.1'], targets: []}]);
    expect(scoreShape({objectives: [objective('Indicator one', ['Goal 1', 'Target 1.1'])]}, nested).readRight).toBe(true);
    expect(scoreShape({objectives: [objective('Indicator one', ['Target 1.1'])]}, nested).wrongGroups).toHaveLength(1);
    expect(scoreShape({objectives: [{...objective('Indicator one', ['Goal 1', 'Target 1.1']), area: 'Goal 1'}]}, nested).wrongGroups).toHaveLength(1);
    const flat = expected([{text: 'Plant trees', groups: [], targets: []}]);
    expect(scoreShape({objectives: [objective('Plant trees', [])]}, flat).readRight).toBe(true);
  });

  it('pairs items one to one, preferring the pairing whose groups agree', () => {
    const twins = expected([
      {text: 'Number of volunteers', groups: ['A'], targets: []},
      {text: 'Number of volunteers', groups: ['B'], targets: []},
    ]);
    expect(scoreShape({objectives: [objective('Number of volunteers', ['B']), objective('Number of volunteers', ['A'])]}, twins).readRight).toBe(true);
    const once = scoreShape({objectives: [objective('Number of volunteers', ['A'])]}, twins);
    expect(once.missing).toEqual(['Number of volunteers']);
    expect(once.matched).toBe(1);
  });
});

describe('normalisers', () => {
  it('normalise text, word sets and periods', () => {
    expect(normaliseShapeText('We’ll reduce  waits – by 2027.')).toBe('well reduce waits by 2027');
    expect(wordDice('a b c d', 'a b c e')).toBe(0.75);
    expect(normalisePeriod('2026-27')).toBe('2026/27');
    expect(normalisePeriod('2026 / 2027')).toBe('2026/27');
    expect(normalisePeriod('2030')).toBe('2030');
  });
});
