import {describe, expect, it} from 'vitest';
import {compareDeadlines, compareTargets} from '../../src/diff/compare-targets.js';
import {parseDeadlines, parseTargets} from '../../src/extract/parse-targets.js';
import type {Objective} from '../../src/model/objective.js';

function objective(text: string): Objective {
  const deadlines = parseDeadlines(text);
  return {id: text, area: 'A', groups: ['A'], text, targets: parseTargets(text, deadlines), deadlines, provenance: {file: 'f', sha256: '', line: 1, endLine: 1}};
}

const kinds = (changes: {kind: string; from: string | null; to: string | null}[]) => changes.map((c) => `${c.kind} ${c.from ?? ''}→${c.to ?? ''}`);

describe('compareTargets', () => {
  it('pairs targets by unit: equal values first, then in order', () => {
    const {changes} = compareTargets(
      objective('no less than 76% of patients are seen within 4 hours by March 2024'),
      objective('a minimum of 78% of patients seen within 4 hours in March 2025'),
    );
    expect(kinds(changes)).toEqual(['target-raised 76%→78%']);
    expect(changes[0]!.summary).toBe('Uplift from 76% to 78%');
  });

  it('reports lowered, added and removed targets', () => {
    expect(kinds(compareTargets(objective('agency spend to 3.7% of the pay bill'), objective('agency spend to 3.2% of the pay bill')).changes)).toEqual(['target-lowered 3.7%→3.2%']);
    expect(
      kinds(compareTargets(objective('Meet the standard by March 2024 so that 75% are diagnosed within 28 days'), objective('the 28 day standard to 77% by March 2025 towards the 80% ambition by March 2026')).changes),
    ).toEqual(['target-raised 75%→77%', 'target-added →80%']);
    expect(kinds(compareTargets(objective('recruit 26,000 roles'), objective('recruit roles')).changes)).toEqual(['target-removed 26,000→']);
  });
});

describe('compareDeadlines', () => {
  const d = (text: string) => parseDeadlines(text);
  it('ignores a deadline rolled forward by the plan-year gap, and an unchanged one', () => {
    expect(compareDeadlines(d('by March 2024'), d('in March 2025'), 1, new Set())).toEqual([]);
    expect(compareDeadlines(d('by 2028'), d('by 2028'), 1, new Set())).toEqual([]);
  });

  it('reports extended and earlier deadlines', () => {
    expect(kinds(compareDeadlines(d('by March 2024'), d('by September 2024 at the latest'), 1, new Set()))).toEqual(['deadline-extended March 2024→September 2024']);
    expect(kinds(compareDeadlines(d('by March 2025'), d('by December 2024'), 0, new Set()))).toEqual(['deadline-earlier March 2025→December 2024']);
  });

  it('reports added and removed deadlines unless a target change already covers them', () => {
    expect(kinds(compareDeadlines([], d('by March 2025'), 1, new Set()))).toEqual(['deadline-added →March 2025']);
    expect(compareDeadlines([], d('by March 2026'), 1, new Set(['2026-03']))).toEqual([]);
  });
});
