import {describe, expect, it} from 'vitest';
import {matchObjectives} from '../../src/match/match-objectives.js';
import type {Edition, Objective} from '../../src/model/objective.js';
import {aliases, editionFile, SEED_2023, SEED_2024} from '../helpers.js';

function ed(id: string, planYear: string, rows: [area: string, text: string][]): Edition {
  const objectives: Objective[] = rows.map(([area, text], k) => ({
    id: `${id}:${k}`,
    area,
    groups: [area],
    text,
    targets: [],
    deadlines: [],
    provenance: {file: `${id}.txt`, sha256: '0'.repeat(64), line: k + 1, endLine: k + 1},
  }));
  return {id, title: id, planYear, file: `${id}.txt`, sha256: '0'.repeat(64), format: 'text', areas: [...new Set(rows.map((r) => r[0]))], objectives, diagnostics: []};
}

const kinds = (e: ReturnType<typeof matchObjectives>) =>
  e.groups.map((g) => `${g.kind}:${g.previous.join(',')}>${g.current.join(',')}`).toSorted();

describe('matchObjectives', () => {
  it('pairs reworded objectives one to one and leaves the rest new or dropped', () => {
    const a = ed('a', '2023/24', [
      ['Cancer', 'Reduce the number of patients waiting over 62 days for treatment'],
      ['Workforce', 'Improve staff retention through the people promise'],
      ['Estates', 'Reduce the backlog of estates maintenance'],
    ]);
    const b = ed('b', '2024/25', [
      ['Workforce', 'Improve retention of staff by implementing the people promise'],
      ['Cancer', 'Cut the number of patients waiting more than 62 days for cancer treatment'],
      ['Digital', 'Roll out electronic patient records in every trust'],
    ]);
    expect(kinds(matchObjectives(a, b))).toEqual(['dropped:2>', 'kept:0>1', 'kept:1>0', 'new:>2']);
  });

  it('uses aliases: IAPT and NHS Talking Therapies are one service', () => {
    const a = ed('a', '2023/24', [['Mental health', 'Expand IAPT']]);
    const b = ed('b', '2024/25', [['Psychological care', 'Grow NHS Talking Therapies']]);
    expect(matchObjectives(a, b).groups.map((g) => g.kind)).toEqual(['new', 'dropped']);
    expect(matchObjectives(a, b, {aliases: aliases()}).groups[0]).toMatchObject({kind: 'kept', previous: [0], current: [0]});
  });

  it('finds a merge (three objectives became one) and a split (one became two)', () => {
    const a = ed('a', '2023/24', [
      ['Mental health', 'Improve access to mental health support for children and young people'],
      ['Mental health', 'Increase the number of adults supported by community mental health services'],
      ['Mental health', 'Improve access to perinatal mental health services'],
      ['Diagnostics', 'Increase diagnostic activity and reduce the diagnostic waiting list backlog'],
    ]);
    const b = ed('b', '2024/25', [
      ['Mental health', 'Increase the number of people accessing community mental health, perinatal mental health and children and young people services'],
      ['Diagnostics', 'Increase diagnostic activity in community diagnostic centres'],
      ['Diagnostics', 'Reduce the diagnostic waiting list backlog'],
    ]);
    const groups = kinds(matchObjectives(a, b));
    expect(groups).toContain('merged:0,1,2>0');
    expect(groups).toContain('split:3>1,2');
  });

  it('reports objectives folded into a new one as a subordinate clause as absorbed', () => {
    const a = ed('a', '2023/24', [
      ['Maternity', 'Increase fill rates against funded establishment for maternity staff'],
      ['Maternity', 'Make progress towards the national safety ambition to reduce stillbirth'],
    ]);
    const b = ed('b', '2024/25', [
      ['Maternity', 'Continue to implement the three-year delivery plan for maternity services, including making progress towards the national safety ambition and increasing fill rates against funded establishment'],
    ]);
    expect(kinds(matchObjectives(a, b))).toEqual(['absorbed:0,1>0']);
  });

  it('matches the seed editions: 23 objective pairs including the three-way mental health merge', async () => {
    const set = matchObjectives(await editionFile(SEED_2023), await editionFile(SEED_2024), {aliases: aliases()});
    const counts = Object.fromEntries(['kept', 'merged', 'split', 'absorbed', 'new', 'dropped'].map((k) => [k, set.groups.filter((g) => g.kind === k).length]));
    expect(counts).toEqual({kept: 20, merged: 1, split: 0, absorbed: 1, new: 10, dropped: 6});
    const merged = set.groups.find((g) => g.kind === 'merged')!;
    expect(merged.previous.map((i) => set.previous.objectives[i]!.text.split(' ').slice(0, 3).join(' '))).toEqual([
      'Improve access to',
      'Achieve a 5%',
      'Improve access to',
    ]);
  });

  it('rejects options out of range with a TypeError naming the value', () => {
    const a = ed('a', '2023/24', []);
    expect(() => matchObjectives(a, a, {minScore: 2})).toThrow(/`minScore`.*`2`/);
    expect(() => matchObjectives(a, a, {minMargin: -0.1})).toThrow(TypeError);
    expect(() => matchObjectives(a, a, {candidates: 0})).toThrow(/`candidates`.*`0`/);
    expect(() => matchObjectives(a, a, {sureScore: Number.NaN})).toThrow(TypeError);
  });

  it('leaves a truly dropped and a truly new objective unpaired rather than forcing a pair, and says how sure each pair is', () => {
    const a = ed('a', '2023/24', [
      ['Estates', 'Reduce the backlog of estates maintenance in every hospital'],
      ['Estates', 'Publish a register of vacant estates land for disposal'],
    ]);
    const b = ed('b', '2024/25', [
      ['Estates', 'Reduce the backlog of estates maintenance in hospitals'],
      ['Estates', 'Install solar panels on hospital car parks by 2026'],
    ]);
    const set = matchObjectives(a, b);
    expect(kinds(set)).toEqual(['dropped:1>', 'kept:0>0', 'new:>1']);
    const kept = set.groups.find((g) => g.kind === 'kept')!;
    expect(kept.confidence).toBeGreaterThan(0.5);
  });

  it('maps groups from the objectives they hold (areaLinks), whatever their names', () => {
    const a = ed('a', '2023/24', [
      ['Cancer', 'Meet the faster diagnosis standard for suspected cancer'],
      ['Diagnostics', 'Increase diagnostic test activity in community diagnostic centres'],
    ]);
    const b = ed('b', '2024/25', [
      ['Reduce the time people wait for care', 'Meet the faster diagnosis standard for suspected cancer'],
      ['Reduce the time people wait for care', 'Increase diagnostic test activity in community diagnostic centres'],
    ]);
    expect(matchObjectives(a, b).areaLinks).toEqual([
      {previous: 'Cancer', current: 'Reduce the time people wait for care', items: 1},
      {previous: 'Diagnostics', current: 'Reduce the time people wait for care', items: 1},
    ]);
  });
});
