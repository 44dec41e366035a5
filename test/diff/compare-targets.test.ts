import {describe, expect, it} from 'vitest';
import {compareDeadlines, compareTargets} from '../../src/diff/compare-targets.js';
import {parseDeadlines, parseTargets} from '../../src/extract/parse-targets.js';
import type {Objective} from '../../src/model/objective.js';

function objective(text: string): Objective {
  const deadlines = parseDeadlines(text);
  return {id: text, area: 'A', groups: ['A'], text, targets: parseTargets(text, deadlines), deadlines, provenance: {file: 'f', sha256: '', line: 1, endLine: 1}};
}

const plans = {previousStart: 2023, currentStart: 2024};
const targets = (a: string, b: string) => compareTargets(objective(a).targets, objective(b).targets, plans).changes;
const kinds = (changes: {kind: string; from: string | null; to: string | null}[]) => changes.map((c) => `${c.kind} ${c.from ?? ''}→${c.to ?? ''}`);

describe('compareTargets', () => {
  it('pairs targets by unit: equal values first, then in order', () => {
    const changes = targets('no less than 76% of patients are seen within 4 hours by March 2024', 'a minimum of 78% of patients seen within 4 hours in March 2025');
    expect(kinds(changes)).toEqual(['target-raised 76% by March 2024→78% by March 2025']);
    expect(changes[0]!.summary).toBe('Uplift from 76% to 78%');
  });

  it('reports lowered, added and removed targets', () => {
    expect(kinds(targets('agency spend to 3.7% of the pay bill', 'agency spend to 3.2% of the pay bill'))).toEqual(['target-lowered 3.7%→3.2%']);
    expect(kinds(targets('recruit 26,000 roles', 'recruit roles'))).toEqual(['target-removed 26,000→']);
  });

  it('compares period by period: "77% by March 2025 towards 80% by March 2026" → "80% by March 2026" raises the year\'s target', () => {
    const changes = compareTargets(
      objective('Improve performance against the standard to 77% by March 2025 towards the 80% ambition by March 2026').targets,
      objective('Improve performance against the standard to 80% by March 2026').targets,
      {previousStart: 2024, currentStart: 2025},
    ).changes;
    expect(kinds(changes)).toEqual(['target-raised 77% by March 2025→80% by March 2026']);
  });

  it('compares targets read from period columns by period, and ranges by both ends', () => {
    const t = (value: number, period: string, valueMax?: number) => ({value, unit: 'percent' as const, text: `${value}%`, context: '', period, ...(valueMax ? {valueMax} : {})});
    expect(kinds(compareTargets([t(70, '2025/26'), t(75, '2026/27')], [t(72, '2026/27'), t(78, '2027/28')], {previousStart: 2025, currentStart: 2026}).changes)).toEqual([
      'target-raised 70% (2025/26)→72% (2026/27)',
      'target-raised 75% (2026/27)→78% (2027/28)',
    ]);
    expect(kinds(compareTargets([t(12, '2025/26', 15)], [t(12, '2026/27', 14)], {previousStart: 2025, currentStart: 2026}).changes)).toEqual(['target-lowered 12% (2025/26)→12% (2026/27)']);
  });

  it('reads one measure replaced by another as a changed measure', () => {
    expect(kinds(targets('Achieve a 5% year on year increase in adults supported', 'Increase adults supported to 400,000'))).toEqual(['measure-changed 5%→400,000']);
  });
});

describe('compareDeadlines', () => {
  const d = (text: string) => parseDeadlines(text);
  it('ignores a deadline rolled forward by the plan-year gap, and an unchanged one', () => {
    expect(compareDeadlines(d('by March 2024'), d('in March 2025'), plans)).toEqual([]);
    expect(compareDeadlines(d('by 2028'), d('by 2028'), plans)).toEqual([]);
  });

  it('reports extended and earlier deadlines', () => {
    expect(kinds(compareDeadlines(d('by March 2024'), d('by September 2024 at the latest'), plans))).toEqual(['deadline-extended March 2024→September 2024']);
    expect(kinds(compareDeadlines(d('by March 2025'), d('by December 2024'), {previousStart: 2024, currentStart: 2024}))).toEqual(['deadline-earlier March 2025→December 2024']);
  });

  it('keeps a date still present on the other side', () => {
    expect(compareDeadlines(d('to 77% by March 2025 towards the 80% ambition by March 2026'), d('to 80% by March 2026'), {previousStart: 2024, currentStart: 2025})).toEqual([]);
  });

  it('reports added and removed deadlines unless a target change already covers them', () => {
    expect(kinds(compareDeadlines([], d('by March 2025'), plans))).toEqual(['deadline-added →March 2025']);
    expect(compareDeadlines([], d('by March 2026'), plans, new Set(['2026-03']))).toEqual([]);
  });
});
