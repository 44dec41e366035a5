import {describe, expect, it} from 'vitest';
import {compareEditions} from '../../src/pipeline.js';
import {parseDeadlines, parseTargets} from '../../src/extract/parse-targets.js';
import type {Edition, Objective} from '../../src/model/objective.js';

// An invented framework (a regional water company's plan), not any real document: a later edition
// rewritten into long priority phrases as groups, with synonyms, a merged measure, period targets,
// list items taken out, and objectives truly dropped and truly new that share the plan's vocabulary.
function edition(id: string, planYear: string, rows: [group: string, text: string][]): Edition {
  const objectives: Objective[] = rows.map(([area, text], k) => {
    const deadlines = parseDeadlines(text);
    return {id: `${id}:${k}`, area, groups: [area], text, targets: parseTargets(text, deadlines), deadlines, provenance: {file: `${id}.md`, sha256: '0'.repeat(64), line: k + 1, endLine: k + 1}};
  });
  return {id, title: id, planYear, file: `${id}.md`, sha256: '0'.repeat(64), format: 'markdown', areas: [...new Set(rows.map((r) => r[0]))], objectives, diagnostics: []};
}

const previous = edition('water-2024', '2024/25', [
  ['Leakage', 'Reduce leakage from the mains network to 77% of the 2019 level by March 2025 towards the 80% ambition by March 2026'],
  ['Leakage', 'Repair reported leaks within five working days'],
  ['Supply', 'Keep supply interruptions longer than three hours below 5 minutes per property'],
  ['Supply', 'Build the new reservoir at Hollow Moor by 2028'],
  ['Billing', 'Increase the percentage of meters read on time to 90%'],
  ['Billing', 'Increase the percentage of bills sent on time to 85%'],
  ['Billing', 'Extend the priority services register to older customers, disabled customers and customers in debt'],
  ['Finance', 'Reduce agency spending on contractors to a maximum of 3% of the total budget across 2024/25'],
  ['Finance', 'Publish a quarterly report on executive pay and bonuses'],
]);
const current = edition('water-2025', '2025/26', [
  ['Reduce the water lost before it reaches homes', 'Reduce leakage from the mains network to 80% of the 2019 level by March 2026'],
  ['Reduce the water lost before it reaches homes', 'Repair reported leaks within 5 working days'],
  ['Reduce the water lost before it reaches homes', 'Keep supply interruptions longer than three hours below 5 minutes per property'],
  ['Reduce the water lost before it reaches homes', 'Build the new reservoir at Hollow Moor by 2028'],
  ['Make every bill fair, clear and on time', 'Increase the percentage of meters read and bills sent on time to 92%'],
  ['Make every bill fair, clear and on time', 'Extend the priority services register to older customers'],
  ['Make every bill fair, clear and on time', 'Offer a social tariff to every household receiving pension credit'],
  ['Spend well', 'Reduce agency expenditure on contractors as far as possible'],
  ['Spend well', 'Replace all lead supply pipes to schools by March 2027'],
]);
const comparison = compareEditions(previous, current);
const row = (start: string) => comparison.rows.find((r) => [...r.previous, ...r.current].some((o) => o.text.startsWith(start)))!;
const notes = (start: string) => row(start).changes.map((c) => `${c.kind} ${c.from ?? ''}→${c.to ?? ''}`);

describe('a reshaped next edition', () => {
  it('maps the groups once, in a Groups list, and notes no rename on rows that were only regrouped', () => {
    expect(comparison.groups!.filter((g) => g.kind !== 'same').map((g) => `${g.kind}: ${g.summary}`)).toEqual([
      'merged: Leakage + Supply → Reduce the water lost before it reaches homes',
      'renamed: Billing → Make every bill fair, clear and on time',
      'renamed: Finance → Spend well',
    ]);
    expect(comparison.rows.flatMap((r) => r.changes).filter((c) => c.kind === 'area-renamed')).toHaveLength(2);
    expect(notes('Repair reported leaks')).toEqual([]);
    expect(row('Repair reported leaks')).toMatchObject({previousGroups: ['Leakage'], currentGroups: ['Reduce the water lost before it reaches homes']});
  });

  it('reads a year\'s target raised when "77% by March 2025 towards 80% by March 2026" becomes "80% by March 2026"', () => {
    expect(notes('Reduce leakage')).toEqual(['target-raised 77% by March 2025→80% by March 2026']);
  });

  it('pairs through synonyms (spending ~ expenditure) and reports the target removed', () => {
    expect(row('Reduce agency spending')).toMatchObject({status: 'kept'});
    expect(notes('Reduce agency spending')).toContain('target-removed 3%→');
  });

  it('merges two measures into one and compares each part\'s target', () => {
    const merged = row('Increase the percentage of meters read on time');
    expect(merged.previous).toHaveLength(2);
    expect(notes('Increase the percentage of meters read on time').filter((n) => n.startsWith('target'))).toEqual(['target-raised 90%→92%', 'target-raised 85%→92%']);
  });

  it('reports list items taken out as scope removed', () => {
    expect(notes('Extend the priority services register')).toEqual(['scope-removed disabled customers→', 'scope-removed customers in debt→']);
  });

  it('leaves truly dropped and truly new objectives unpaired, and says nothing of identical texts', () => {
    expect(row('Publish a quarterly report').status).toBe('dropped');
    expect(row('Offer a social tariff').status).toBe('new');
    expect(row('Replace all lead supply pipes').status).toBe('new');
    expect(notes('Build the new reservoir')).toEqual([]);
    expect(notes('Keep supply interruptions')).toEqual([]);
  });

  it('warns when one edition has less than half the items of the other (one may have been read wrongly)', () => {
    const few = edition('water-2026', '2026/27', [['Spend well', 'Reduce agency expenditure on contractors as far as possible']]);
    expect(compareEditions(previous, few).diagnostics.map((d) => `${d.severity} ${d.code}`)).toContain('warning items-count-changed');
    expect(comparison.diagnostics.map((d) => d.code)).not.toContain('items-count-changed');
  });
});
