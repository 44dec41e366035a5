import {describe, expect, it} from 'vitest';
import {diffMatchSet} from '../../src/diff/diff-match-set.js';
import {matchObjectives} from '../../src/match/match-objectives.js';
import {aliases, editionFile, SEED_2023, SEED_2024} from '../helpers.js';

describe('diffMatchSet', async () => {
  const comparison = diffMatchSet(matchObjectives(await editionFile(SEED_2023, 'prev'), await editionFile(SEED_2024, 'curr'), {aliases: aliases()}), {version: '1.2.3'});
  const row = (start: string) => comparison.rows.find((r) => [...r.previous, ...r.current].some((o) => o.text.startsWith(start)))!;

  it('puts every objective of both editions in exactly one row', () => {
    const prev = comparison.rows.flatMap((r) => r.previous.map((o) => o.id));
    const curr = comparison.rows.flatMap((r) => r.current.map((o) => o.id));
    expect(new Set(prev).size).toBe(31);
    expect(prev).toHaveLength(31);
    expect(new Set(curr).size).toBe(32);
    expect(curr).toHaveLength(32);
    expect(comparison.summary).toEqual({kept: 21, new: 11, dropped: 8, changed: 18});
    expect(comparison.generator.version).toBe('1.2.3');
  });

  it('types the changes the Confederation noted', () => {
    const changes = (start: string) => row(start).changes.map((c) => `${c.kind} ${c.from ?? ''}→${c.to ?? ''}`);
    expect(changes('Improve A&E')).toEqual(['target-raised 76% by March 2024→78% by March 2025']);
    expect(changes('Eliminate waits')).toContain('deadline-extended March 2024→September 2024');
    expect(changes('Meet the cancer')).toContain('target-raised 75% by March 2024→77% by March 2025');
    expect(changes('Work towards eliminating')).toContain('scope-added →Improve patient flow');
    expect(changes('Increase percentage of patients with hypertension')).toEqual(['target-raised 77% by March 2024→80% by March 2025']);
    expect(changes('Increase the percentage of patients aged between')).toContain('target-raised 60%→65% by March 2025');
    expect(changes('Improve category 2')).toEqual(['scope-removed further improvement towards pre-pandemic levels→']);
    expect(changes('Make it easier')).toEqual([
      'reworded Make it easier for people to contact a GP practice→Continue to improve the experience of access to primary care',
      'area-renamed Primary care→Primary and community services',
    ]);
    expect(changes('Recover dental')).not.toContain('area-renamed Primary care→Primary and community services');
  });

  it('writes none of the wrong notes a new user found', () => {
    const all = (start: string) => row(start).changes.map((c) => `${c.kind} ${c.from ?? ''}→${c.to ?? ''}`);
    // Identical texts are unchanged, whatever their fixed dates.
    expect(row('Increase the percentage of cancers diagnosed').changes).toEqual([]);
    expect(row('Increase the percentage of patients that receive a diagnostic').changes).toEqual([]);
    expect(row('Increase the percentage of patients that receive a diagnostic').wordDiff.filter((o) => o.op !== 'equal')).toEqual([]);
    // "and health action plan" removed; "over 14" → "14 and over".
    expect(all('Ensure 75% of people aged over 14')).toEqual(['scope-added over 14→14 and over', 'scope-removed health action plan→']);
    // The merge says what each part contributed, the new targets and the dropped 5% year on year.
    const merged = all('Achieve a 5%');
    expect(merged.filter((c) => c.startsWith('merged'))).toHaveLength(3);
    expect(merged).toContain('measure-changed 5%→400,000');
    expect(merged).toContain('target-added →66,000');
    // Talking Therapies: each target once, no scope note repeating them.
    const tt = row('Increase the number of adults and older adults accessing IAPT').changes;
    expect(tt.filter((c) => /700,000|67%|48%/.test(`${c.from} ${c.to}`)).map((c) => c.kind)).toEqual(['target-added', 'target-added', 'target-added']);
    // No repeated note anywhere.
    for (const r of comparison.rows) expect(new Set(r.changes.map((c) => `${c.kind}${c.from}${c.to}`)).size).toBe(r.changes.length);
  });

  it('says so when pairings are weak (a coded warning), and when the number of items changed by more than half', () => {
    const weak = comparison.diagnostics.filter((d) => d.code === 'pairs-uncertain');
    expect(weak).toHaveLength(1);
    expect(weak[0]!.message).toContain(`${comparison.rows.filter((r) => r.uncertain).length} of 21 pairings are weak`);
    expect(comparison.diagnostics.some((d) => d.code === 'items-count-changed')).toBe(false);
  });

  it('maps the groups once: two groups into one, new and dropped groups', () => {
    expect(comparison.groups!.filter((g) => g.kind !== 'same').map((g) => `${g.kind}: ${g.summary}`)).toEqual([
      'new: (none) → Quality and patient safety',
      'renamed: Primary care → Primary and community services',
      "new: (none) → Maternity, neonatal and women's health",
      'dropped: Community health services → (none)',
      'dropped: Maternity → (none)',
    ]);
    expect(comparison.rows.filter((r) => r.changes.some((c) => c.kind === 'area-renamed'))).toHaveLength(1);
  });

  it('keeps the merged rows together and reports absorbed objectives as dropped plus new', () => {
    const merged = row('Achieve a 5%');
    expect(merged).toMatchObject({status: 'kept', area: 'Mental health'});
    expect(merged.previous).toHaveLength(3);
    expect(merged.changes[0]!.kind).toBe('merged');
    expect(row('Increase fill rates')).toMatchObject({status: 'dropped', changes: [{kind: 'absorbed'}]});
    expect(row('Continue to implement the Three-year')).toMatchObject({status: 'new', changes: [{kind: 'absorbed', from: '2 objectives'}]});
  });

  it('orders rows as the current edition lists them, dropped rows beside their old neighbours', () => {
    const first = comparison.rows.slice(0, 4).map((r) => `${r.status}:${(r.current[0] ?? r.previous[0])!.text.slice(0, 20)}`);
    expect(first).toEqual(['new:Implement the Patien', 'kept:Improve A&E waiting ', 'kept:Improve Category 2 a', 'dropped:Reduce adult general']);
  });
});
